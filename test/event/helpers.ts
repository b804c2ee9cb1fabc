/** Shared helpers of the event tests: a fixture matcher, effective capacities, constraint checks. */
import { expect } from 'vitest';
import type { EventAssignment } from '../../src/event/index.js';
import { sameOrganisation } from '../../src/event/index.js';
import type { ExpertInput, Matcher, NeedInput } from '../../src/index.js';
import { fixtures, matcher } from '../helpers.js';

/** An expert of 湘潭恒驰电机有限公司 (need N01's enterprise, written with a full-width space) whose profile fits N01. */
export const OWN_ORG_EXPERT: ExpertInput = {
  id: 'X-OWN',
  name: '厂内工程师',
  kind: 'expert',
  organization: '湘潭恒驰电机有限公司\u3000技术中心',
  fields: ['电机温升', '电机热管理', '三相异步电机', '永磁同步电机'],
  keywords: ['温升', '过热', '绕组', '机壳', '冷却风扇', '热管理'],
  bio: '长期负责异步电机和永磁同步电机的温升试验、绕组过热分析和冷却风道改进。',
};

export function fixtureMatcher(extra: ExpertInput[] = []): { m: Matcher; experts: ExpertInput[]; needs: NeedInput[] } {
  const { experts, needs } = fixtures();
  const m = matcher();
  m.addExperts([...experts, ...extra]);
  m.addNeeds(needs);
  return { m, experts: [...experts, ...extra], needs };
}

export function allScores(m: Matcher, needId: string): Map<string, number> {
  return new Map(m.recommendExperts(needId, { topK: m.expertIds().length }).map((r) => [r.id, r.score]));
}

export interface Expectations {
  demand: (needId: string) => number;
  capacity: (expertId: string) => number;
  conflicts?: { needId: string; expertId: string }[];
  ownOrganisation?: boolean;
}

/** Every constraint of an assignment, checked from first principles. */
export function checkAssignment(m: Matcher, a: EventAssignment, x: Expectations): void {
  const perNeed = new Map<string, string[]>();
  const load = new Map<string, number>();
  for (const p of a.pairs) {
    perNeed.set(p.needId, [...(perNeed.get(p.needId) ?? []), p.expertId]);
    load.set(p.expertId, (load.get(p.expertId) ?? 0) + 1);
    // Scores are exactly recommendExperts' own.
    expect(p.score).toBe(allScores(m, p.needId).get(p.expertId));
    expect(p.score).toBeGreaterThan(0);
  }
  for (const [needId, experts] of perNeed) {
    expect(new Set(experts).size, `distinct experts for ${needId}`).toBe(experts.length);
    expect(experts.length).toBeLessThanOrEqual(x.demand(needId));
  }
  for (const [expertId, n] of load) expect(n, `load of ${expertId}`).toBeLessThanOrEqual(x.capacity(expertId));
  const banned = new Set((x.conflicts ?? []).map((c) => `${c.needId}|${c.expertId}`));
  for (const p of a.pairs) {
    expect(banned.has(`${p.needId}|${p.expertId}`), `conflict ${p.needId}-${p.expertId}`).toBe(false);
    if (x.ownOrganisation !== false) {
      const org = m.getExpert(p.expertId)?.organization;
      expect(sameOrganisation(org, m.getNeed(p.needId)?.enterprise?.name), `own organisation ${p.needId}-${p.expertId}`).toBe(false);
    }
  }
  // Filled + missing = demand for every need of the event with demand > 0.
  for (const u of a.unfilled) {
    expect(u.missing).toBe(x.demand(u.needId) - (perNeed.get(u.needId)?.length ?? 0));
    expect(u.reason.length).toBeGreaterThan(0);
  }
  let total = 0;
  for (const p of a.pairs) total += p.score;
  expect(a.totalScore).toBeCloseTo(total, 9);
}
