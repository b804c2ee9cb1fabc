import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AssignmentProblem } from '../../src/assign/index.js';
import { assignEvent, type EventAssignment } from '../../src/event/index.js';
import { sameOrganisation } from '../../src/event/index.js';
import { type Matcher, ValidationError } from '../../src/index.js';
import { bruteFair, bruteTotal } from '../assign/helpers.js';
import { allScores, checkAssignment, fixtureMatcher, OWN_ORG_EXPERT } from './helpers.js';

let m: Matcher;
const ENT01 = ['N01', 'N02', 'N46'];

beforeAll(() => {
  m = fixtureMatcher([OWN_ORG_EXPERT]).m;
});

const capacityOf = (fallback: number | Record<string, number>) => (id: string): number => {
  const own = m.getExpert(id)?.capacity;
  if (own !== undefined) return own;
  if (typeof fallback === 'number') return fallback;
  return fallback[id] ?? 3;
};

describe('assignEvent on the Xiangtan fixtures', () => {
  it('honours experts per need, capacities, conflicts and the own-organisation rule; scores are recommendExperts\'', () => {
    const conflicts = [
      { needId: 'N01', expertId: 'E009' },
      { needId: 'N02', expertId: 'E010' },
    ];
    // Unconstrained, those two are the best experts for their needs: the conflict must bite.
    expect(m.recommendExperts('N01', { topK: 2 }).map((r) => r.id)).toContain('E009');
    expect(m.recommendExperts('N02', { topK: 1 })[0]!.id).toBe('E010');
    const a = assignEvent(m, { expertsPerNeed: 2, conflicts, alternates: 2 });
    checkAssignment(m, a, { demand: () => 2, capacity: capacityOf(3), conflicts });
    expect(a.pairs.length).toBeGreaterThan(80);
    // Alternates are candidates not assigned to the need, best first.
    for (const [needId, alts] of Object.entries(a.alternates)) {
      const assigned = new Set(a.pairs.filter((p) => p.needId === needId).map((p) => p.expertId));
      const scores = allScores(m, needId);
      expect(alts.length).toBeLessThanOrEqual(2);
      for (const id of alts) expect(assigned.has(id)).toBe(false);
      for (const c of conflicts) if (c.needId === needId) expect(alts).not.toContain(c.expertId);
      const s = alts.map((id) => scores.get(id)!);
      expect([...s].sort((x, y) => y - x)).toEqual(s);
    }
  });

  it('never sends an expert to their own organisation (full-width and spaces normalised)', () => {
    // The in-house expert is among the best for N01; the rule is what keeps them out.
    expect(m.recommendExperts('N01', { topK: 3 }).map((r) => r.id)).toContain('X-OWN');
    const on = assignEvent(m, { needIds: ENT01, expertsPerNeed: 3 });
    expect(on.pairs.filter((p) => p.expertId === 'X-OWN')).toEqual([]);
    checkAssignment(m, on, { demand: () => 3, capacity: capacityOf(3) });
    const off = assignEvent(m, { needIds: ENT01, expertsPerNeed: 3, ownOrganisationRule: false });
    expect(off.pairs.some((p) => p.expertId === 'X-OWN')).toBe(true);
    // The only expert of the event is in-house: the reason says so, and not that nobody matches.
    const alone = assignEvent(m, { needIds: ['N01'], expertIds: ['X-OWN'] });
    expect(alone.pairs).toEqual([]);
    expect(alone.unfilled[0]!.reason).toMatch(/excluded as the enterprise's own organisation: X-OWN; no other expert in the event shares a term/);
    // The rule itself.
    expect(sameOrganisation('湘潭恒驰电机有限公司　技术中心', ' 湘潭恒驰电机有限公司')).toBe(true);
    expect(sameOrganisation('ＡＢＣ Motor Co.', 'abc motor co.')).toBe(true);
    expect(sameOrganisation('湘潭大学', '湘潭恒驰电机有限公司')).toBe(false);
    expect(sameOrganisation('湘潭', '湘潭恒驰电机有限公司')).toBe(false);
    expect(sameOrganisation(undefined, '湘潭恒驰电机有限公司')).toBe(false);
  });

  it('treats a society as one node whose capacity is its delegates, and per-expert capacity maps', () => {
    const societies = m.expertIds().filter((id) => m.getExpert(id)?.kind === 'society');
    expect(societies.length).toBe(10);
    const a = assignEvent(m, { expertIds: societies, expertsPerNeed: 2 });
    const load = new Map<string, number>();
    for (const p of a.pairs) load.set(p.expertId, (load.get(p.expertId) ?? 0) + 1);
    let binding = 0;
    for (const id of societies) {
      const cap = m.getExpert(id)!.capacity!;
      expect(load.get(id) ?? 0).toBeLessThanOrEqual(cap);
      if ((load.get(id) ?? 0) === cap) binding++;
    }
    expect(binding).toBeGreaterThan(0);
    checkAssignment(m, a, { demand: () => 2, capacity: capacityOf(3) });
    // A capacity map applies to experts without their own capacity; their own field wins.
    const map = { E010: 0, E011: 1, E001: 5, E009: 0 };
    const b = assignEvent(m, { expertCapacity: map, expertsPerNeed: 2 });
    expect(b.pairs.some((p) => p.expertId === 'E010')).toBe(false);
    expect(b.pairs.filter((p) => p.expertId === 'E011').length).toBeLessThanOrEqual(1);
    expect(b.pairs.some((p) => p.expertId === 'E009')).toBe(true); // E009's own capacity (3) wins over the map's 0
    expect(b.pairs.filter((p) => p.expertId === 'E001').length).toBeLessThanOrEqual(1); // E001's own capacity is 1
    checkAssignment(m, b, { demand: () => 2, capacity: capacityOf(map) });
  });

  it('honours per-need demand maps, minScore and candidatesPerNeed', () => {
    const a = assignEvent(m, { needIds: ['N01', 'N02', 'N03'], expertsPerNeed: { N01: 3, N02: 0 }, minScore: 0.1, candidatesPerNeed: 4 });
    const count = (id: string): number => a.pairs.filter((p) => p.needId === id).length;
    expect(count('N01')).toBe(3);
    expect(count('N02')).toBe(0);
    expect(count('N03')).toBe(1);
    for (const p of a.pairs) {
      expect(p.score).toBeGreaterThanOrEqual(0.1);
      const allowed = m
        .recommendExperts(p.needId, { topK: m.expertIds().length })
        .filter((r) => !sameOrganisation(m.getExpert(r.id)?.organization, m.getNeed(p.needId)?.enterprise?.name))
        .slice(0, 4)
        .map((r) => r.id);
      expect(allowed).toContain(p.expertId);
    }
  });

  it('explains infeasible requests with the binding constraint, naming experts by id', () => {
    const a = assignEvent(m, {
      needIds: ENT01,
      expertIds: ['E001', 'E002', 'T03', 'S06'],
      expertsPerNeed: 3,
      expertCapacity: 1,
    });
    expect(a.unfilled.length).toBeGreaterThan(0);
    const reasons = a.unfilled.map((u) => u.reason).join('\n');
    expect(reasons).toMatch(/at capacity/);
    expect(reasons).toMatch(/\b(E001|E002|T03|S06) \(\d+\/\d+\)/);
    // Too few candidates for the demand.
    const few = assignEvent(m, { needIds: ['N01'], expertIds: ['E001', 'E009'], expertsPerNeed: 3 });
    expect(few.unfilled).toEqual([{ needId: 'N01', missing: 1, reason: expect.stringMatching(/only 2 candidate experts for a demand of 3/) }]);
    // Every candidate excluded.
    const conflicts = [{ needId: 'N01', expertId: 'E001' }, { needId: 'N01', expertId: 'E009' }];
    const none = assignEvent(m, { needIds: ['N01'], expertIds: ['E001', 'E009'], conflicts });
    expect(none.pairs).toEqual([]);
    expect(none.unfilled[0]!.reason).toMatch(/excluded as conflicts: E001, E009/);
    // Nobody scores high enough.
    const high = assignEvent(m, { needIds: ['N01'], minScore: 5 });
    expect(high.unfilled[0]!.reason).toMatch(/minScore 5/);
  });

  it('rejects bad options and unknown ids with a ValidationError naming the field', () => {
    const bad = (opts: unknown): ValidationError => {
      try {
        assignEvent(m, opts as never);
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return e as ValidationError;
      }
      throw new Error('no error');
    };
    expect(bad({ needIds: ['N01', 'N99'] }).issues).toEqual([expect.objectContaining({ path: 'needIds.1', id: 'N99' })]);
    expect(bad({ expertIds: ['E001', 'E001'] }).message).toMatch(/duplicate/);
    expect(bad({ conflicts: [{ needId: 'N01', expertId: 'E999' }] }).issues[0]!.path).toBe('conflicts.0.expertId');
    expect(bad({ expertCapacity: { E999: 1 } }).issues[0]!.path).toBe('expertCapacity.E999');
    expect(bad({ expertCapacity: JSON.parse('{"__proto__": 1}') }).issues[0]!.path).toBe('expertCapacity.__proto__');
    expect(bad({ expertsPerNeed: { N99: 1 } }).issues[0]!.path).toBe('expertsPerNeed.N99');
    expect(bad({ expertsPerNeed: -1 }).issues[0]!.path).toBe('expertsPerNeed');
    expect(bad({ objective: 'best' }).issues[0]!.path).toBe('objective');
    expect(bad({ candidatesPerNeed: 0 }).issues[0]!.path).toBe('candidatesPerNeed');
    expect(bad({ topK: 3 }).message).toMatch(/topK/);
  });
});

/** The same problem, built independently from recommendExperts, for the brute-force oracle. */
function oracleProblem(
  needIds: string[],
  expertIds: string[],
  demand: number[],
  capacity: number[],
  objective: 'total' | 'fair',
): AssignmentProblem {
  const edges: { need: number; expert: number; score: number }[] = [];
  needIds.forEach((n, i) => {
    const scores = allScores(m, n);
    const ent = m.getNeed(n)?.enterprise?.name;
    expertIds.forEach((e, j) => {
      const s = scores.get(e);
      if (s !== undefined && s > 0 && !sameOrganisation(m.getExpert(e)?.organization, ent)) edges.push({ need: i, expert: j, score: s });
    });
  });
  return {
    needs: needIds.map((id, i) => ({ id, demand: demand[i]! })),
    experts: expertIds.map((id, j) => ({ id, capacity: m.getExpert(id)?.capacity ?? capacity[j]! })),
    edges,
    objective,
  };
}

const instanceArb = (needPool: string[], expertPool: string[]) =>
  fc.record({
    needs: fc.shuffledSubarray(needPool, { minLength: 2, maxLength: 4 }),
    experts: fc.shuffledSubarray(expertPool, { minLength: 2, maxLength: 5 }),
    demand: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }),
    capacity: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 5, maxLength: 5 }),
  });

// Needs of related industries and experts who score on several of them, so instances compete.
const NEED_POOL = ['N01', 'N02', 'N46', 'N19', 'N17', 'N15', 'N16', 'N45', 'N47', 'N03', 'N05'];
const EXPERT_POOL = ['E001', 'E009', 'E010', 'E011', 'E028', 'T03', 'S06', 'E008', 'E012', 'E030', 'O07', 'E032'];

function run(needs: string[], experts: string[], demand: number[], capacity: number[], objective: 'total' | 'fair'): EventAssignment {
  return assignEvent(m, {
    needIds: needs,
    expertIds: experts,
    objective,
    expertsPerNeed: Object.fromEntries(needs.map((id, i) => [id, demand[i]!])),
    expertCapacity: Object.fromEntries(experts.map((id, j) => [id, capacity[j]!])),
  });
}

describe('assignEvent is optimal (brute force on small instances from the real matcher)', () => {
  it('total: most meetings, then the highest total score', () => {
    let nonTrivial = 0;
    fc.assert(
      fc.property(instanceArb(NEED_POOL, EXPERT_POOL), ({ needs, experts, demand, capacity }) => {
        const a = run(needs, experts, demand, capacity, 'total');
        const best = bruteTotal(oracleProblem(needs, experts, demand, capacity, 'total'));
        expect(a.pairs.length).toBe(best.count);
        expect(a.totalScore).toBeCloseTo(best.total, 9);
        if (best.count >= 2) nonTrivial++;
      }),
      { numRuns: 60, seed: 4242 },
    );
    expect(nonTrivial).toBeGreaterThan(10);
  });

  it('fair: most meetings, then the best worst score, and it raises the worst score', () => {
    let raised = 0;
    fc.assert(
      fc.property(instanceArb(NEED_POOL, EXPERT_POOL), ({ needs, experts, demand, capacity }) => {
        const fair = run(needs, experts, demand, capacity, 'fair');
        const total = run(needs, experts, demand, capacity, 'total');
        const best = bruteFair(oracleProblem(needs, experts, demand, capacity, 'fair'));
        expect(fair.pairs.length).toBe(best.count);
        expect(fair.worstScore).toBe(best.bottleneck);
        expect(fair.totalScore).toBeCloseTo(best.total, 9);
        expect(fair.pairs.length).toBe(total.pairs.length);
        if (total.pairs.length > 0) {
          const worstTotal = Math.min(...total.pairs.map((p) => p.score));
          expect(fair.worstScore!).toBeGreaterThanOrEqual(worstTotal);
          if (fair.worstScore! > worstTotal + 1e-12) raised++;
        }
        expect(fair.totalScore).toBeLessThanOrEqual(total.totalScore + 1e-9);
      }),
      { numRuns: 80, seed: 777 },
    );
    expect(raised).toBeGreaterThan(0);
  });
});
