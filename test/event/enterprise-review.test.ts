/** Reviewer's findings on the event layer: enterprise identity, scheduled figures, stations, slot counts. */
import { beforeAll, describe, expect, it } from 'vitest';
import { type EventAssignment, scheduleEvent, suggestStations } from '../../src/event/index.js';
import { eventEnterprises, NO_ENTERPRISE } from '../../src/event/enterprise.js';
import { buildReportData } from '../../src/report/index.js';
import type { Matcher, NeedInput } from '../../src/index.js';
import { matcher } from '../helpers.js';

const ENT = '湘潭恒驰电机有限公司';
const D = '异步电机温升过高，绕组过热，需要改进冷却风道和热管理设计';
const profile = { fields: ['电机温升', '电机热管理'], keywords: ['温升', '绕组', '热管理', '冷却风道'], bio: '电机温升 绕组过热 冷却风道 热管理' };

let m: Matcher;
const pair = (needId: string, expertId: string): EventAssignment['pairs'][number] => ({ needId, expertId, score: 1 });
/** A meets the enterprise through N1 (with id) and N2 (name only, full-width space); C too; B meets N3 (no enterprise). */
const assignment = (): EventAssignment => ({
  pairs: [pair('N1', 'A'), pair('N2', 'A'), pair('N1', 'C'), pair('N2', 'C'), pair('N3', 'B'), pair('N3', 'A')],
  totalScore: 6,
  unfilled: [],
  alternates: {},
});

beforeAll(() => {
  m = matcher();
  m.addNeeds([
    { id: 'N1', title: '电机温升', description: D, enterprise: { id: 'E1', name: ENT } },
    { id: 'N2', title: '电机散热', description: `${D}，机壳散热`, enterprise: { name: `湘潭恒驰电机\u3000有限公司` } },
    { id: 'N3', title: '无企业', description: `${D}，冷却风扇` },
  ]);
  m.addExperts([
    { id: 'A', name: '甲', kind: 'academician', organization: '某大学', ...profile },
    { id: 'B', name: '乙', kind: 'academician', organization: `${ENT}技术中心`, ...profile },
    { id: 'C', name: '丙', kind: 'expert', organization: '某研究所', ...profile },
  ]);
});

describe('enterprise identity across an event', () => {
  it('puts a name-only need with the enterprise of the same name that has an id', () => {
    const s = scheduleEvent(m, assignment());
    const keyOf = new Map(s.meetings.map((mt) => [mt.needId, mt.enterprise]));
    expect(keyOf.get('N1')).toBe('id:E1');
    expect(keyOf.get('N2')).toBe('id:E1');
    const at = (e: string, n: string): number => s.meetings.find((mt) => mt.expertId === e && mt.needId === n)!.slot;
    // One meeting per expert with the enterprise, for both its needs; never two at once.
    expect(at('A', 'N1')).toBe(at('A', 'N2'));
    expect(at('C', 'N1')).toBe(at('C', 'N2'));
    expect(at('A', 'N1')).not.toBe(at('C', 'N1'));
  });

  it('joins a name-only need to the smallest id when several ids share the name', () => {
    const needs: NeedInput[] = [
      { id: 'a', description: 'x', enterprise: { id: 'E9', name: 'Same Co' } },
      { id: 'b', description: 'x', enterprise: { id: 'E2', name: 'same  co' } },
      { id: 'c', description: 'x', enterprise: { name: 'SAME CO' } },
      { id: 'd', description: 'x', enterprise: { name: 'Other Co' } },
    ];
    const of = eventEnterprises(needs);
    expect(needs.map((n) => of(n).key)).toEqual(['id:E9', 'id:E2', 'id:E2', 'name:otherco']);
    expect(of(needs[2]!).name).toBe('same  co');
  });

  it('groups station suggestions and report figures by the same enterprise', () => {
    const st = suggestStations(m, { minNeeds: 2, kinds: ['academician'] });
    expect(st.map((x) => [x.enterpriseKey, x.expertId, x.needIds])).toEqual([['id:E1', 'A', ['N1', 'N2']]]);
    const r = buildReportData(m, { assignment: assignment() });
    expect(r.targets.find((f) => f.label === '服务企业')!.value).toBe(1); // E1 once; N3 has no enterprise
  });
});

describe('report figures with a schedule', () => {
  it('count scheduled meetings and experts who meet someone', () => {
    const s = scheduleEvent(m, assignment(), { availability: { C: [] } });
    expect(s.unscheduled.map((u) => u.expertId)).toEqual(['C', 'C']);
    const fig = (label: string, sched: boolean): { value: number; note?: string } =>
      buildReportData(m, { assignment: assignment(), ...(sched ? { schedule: s } : {}) }).targets.find((f) => f.label === label)!;
    // A meets E1 once (N1 and N2) and N3's team once; B meets N3.
    expect(fig('对接场次', true).value).toBe(3);
    expect(fig('参与科技工作者', true).value).toBe(2);
    expect(fig('服务企业', true).value).toBe(1);
    expect(fig('对接场次', true).note).toContain('日程');
    // Without a schedule: the assignment's pairs, and the note says so.
    expect(fig('对接场次', false).value).toBe(6);
    expect(fig('参与科技工作者', false).value).toBe(3);
    expect(fig('对接场次', false).note).toContain('未排日程');
  });
});

describe('station suggestions', () => {
  it('never suggest a station at the expert’s own organisation', () => {
    const st = suggestStations(m, { minNeeds: 1, kinds: ['academician'] });
    expect(st.some((x) => x.expertId === 'B' && x.enterpriseKey === 'id:E1')).toBe(false);
    expect(st.some((x) => x.expertId === 'A' && x.enterpriseKey === 'id:E1')).toBe(true);
  });

  it('are never made for a need without enterprise, which shows as such', () => {
    const st = suggestStations(m, { minNeeds: 1 });
    expect(st.filter((x) => x.needIds.includes('N3') || x.enterprise === 'N3')).toEqual([]);
    const s = scheduleEvent(m, assignment());
    expect(s.meetings.filter((mt) => mt.needId === 'N3').map((mt) => mt.enterpriseName)).toEqual([NO_ENTERPRISE, NO_ENTERPRISE]);
    const r = buildReportData(m, { assignment: assignment(), schedule: s });
    expect(r.assignment.rows.filter((x) => x.needId === 'N3').map((x) => x.enterprise)).toEqual([NO_ENTERPRISE, NO_ENTERPRISE]);
    expect(JSON.stringify(r.schedule)).not.toMatch(/"N3 · |"label":"N3"/);
  });
});

describe('unscheduled reasons', () => {
  it('name the schedule’s own number of slots', () => {
    // A may use slots 0–3 but needs only 2; C is never available.
    const s = scheduleEvent(m, assignment(), { availability: { A: [0, 1, 2, 3], C: [] } });
    expect(s.unscheduled.length).toBeGreaterThan(0);
    for (const u of s.unscheduled) {
      expect(u.reason).toBe(`expert C is not available in any of the ${s.slots.length} slots`);
    }
  });
});
