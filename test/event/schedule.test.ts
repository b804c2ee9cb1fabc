import { beforeAll, describe, expect, it } from 'vitest';
import { assignEvent, enterpriseOf, type EventAssignment, type EventSchedule, scheduleEvent } from '../../src/event/index.js';
import { type Matcher, ValidationError } from '../../src/index.js';
import { fixtureMatcher } from './helpers.js';

let m: Matcher;
let a: EventAssignment;

beforeAll(() => {
  m = fixtureMatcher().m;
  a = assignEvent(m, { expertsPerNeed: 2 });
});

const isSociety = (id: string): boolean => m.getExpert(id)?.kind === 'society';
const entKey = (needId: string): string => enterpriseOf(m.getNeed(needId)!).key;

/** Meetings as the event sees them: an expert meets an enterprise once; a society's delegates are separate people. */
function meetingDegree(pairs: EventAssignment['pairs']): number {
  const meetings = new Set<string>();
  const degree = new Map<string, number>();
  pairs.forEach((p, i) => {
    const who = isSociety(p.expertId) ? `delegate ${p.expertId} ${i}` : `expert ${p.expertId}`;
    const key = `${who}|${entKey(p.needId)}`;
    if (meetings.has(key)) return;
    meetings.add(key);
    for (const v of [who, `ent ${entKey(p.needId)}`]) degree.set(v, (degree.get(v) ?? 0) + 1);
  });
  return Math.max(0, ...degree.values());
}

/** No expert (but a society's delegates) and no enterprise in two different meetings in one slot. */
function checkNoDoubleBooking(s: EventSchedule): void {
  const expertAt = new Map<string, string>();
  const enterpriseAt = new Map<string, string>();
  for (const mt of s.meetings) {
    expect(mt.slot).toBeGreaterThanOrEqual(0);
    expect(mt.slot).toBeLessThan(s.slots.length);
    expect(mt.start).toBe(s.slots[mt.slot]!.start);
    if (!isSociety(mt.expertId)) {
      const k = `${mt.expertId}@${mt.slot}`;
      const other = expertAt.get(k);
      // The same expert twice in a slot only for needs of the same enterprise (one meeting).
      if (other !== undefined) expect(other, `expert ${k} double-booked`).toBe(mt.enterprise);
      expertAt.set(k, mt.enterprise);
    }
    const k = `${mt.enterprise}@${mt.slot}`;
    const who = isSociety(mt.expertId) ? `${mt.expertId}/${mt.needId}` : mt.expertId;
    const other = enterpriseAt.get(k);
    if (other !== undefined) expect(other, `enterprise ${k} double-booked`).toBe(who);
    enterpriseAt.set(k, who);
  }
}

describe('scheduleEvent', () => {
  it('schedules every pair without double booking in the minimum number of slots (max degree)', () => {
    const s = scheduleEvent(m, a);
    expect(s.unscheduled).toEqual([]);
    expect(s.meetings.length).toBe(a.pairs.length);
    checkNoDoubleBooking(s);
    expect(s.slots.length).toBe(meetingDegree(a.pairs));
    expect(s.slots[0]).toEqual({ index: 0, start: '09:00', end: '09:20' });
    expect(s.slots[1]).toEqual({ index: 1, start: '09:20', end: '09:40' });
  });

  it('gives one meeting to an expert and an enterprise for several of its needs', () => {
    const pairs = [
      { needId: 'N01', expertId: 'E009', score: 1 },
      { needId: 'N02', expertId: 'E009', score: 1 },
      { needId: 'N46', expertId: 'E009', score: 1 },
      { needId: 'N03', expertId: 'E009', score: 1 },
    ];
    const s = scheduleEvent(m, { pairs, totalScore: 4, unfilled: [], alternates: {} });
    const slotOf = (n: string): number => s.meetings.find((x) => x.needId === n)!.slot;
    expect(slotOf('N01')).toBe(slotOf('N02'));
    expect(slotOf('N01')).toBe(slotOf('N46'));
    expect(slotOf('N03')).not.toBe(slotOf('N01'));
    expect(s.slots.length).toBe(2);
  });

  it("lets a society's delegates meet different enterprises at the same time", () => {
    const pairs = [
      { needId: 'N01', expertId: 'S06', score: 1 },
      { needId: 'N03', expertId: 'S06', score: 1 },
      { needId: 'N06', expertId: 'S06', score: 1 },
      { needId: 'N02', expertId: 'E010', score: 1 },
    ];
    const s = scheduleEvent(m, { pairs, totalScore: 4, unfilled: [], alternates: {} });
    checkNoDoubleBooking(s);
    expect(s.slots.length).toBe(2); // enterprise ENT01 has two meetings; S06 as one person would need 3
  });

  it('honours availability windows and slot lists, and reports what it cannot place', () => {
    const busy = a.pairs.find((p) => !isSociety(p.expertId))!.expertId;
    const counts = new Map<string, number>();
    for (const p of a.pairs) counts.set(p.expertId, (counts.get(p.expertId) ?? 0) + 1);
    const enterprisesOf = (id: string): Set<string> => new Set(a.pairs.filter((p) => p.expertId === id).map((p) => entKey(p.needId)));
    const two = [...counts].find(([id]) => enterprisesOf(id).size >= 2 && !isSociety(id) && id !== busy)![0];
    const windowed = [...counts].find(([id]) => id !== busy && id !== two && !isSociety(id))![0];
    const s = scheduleEvent(m, a, {
      start: '13:30',
      slotMinutes: 20,
      availability: {
        [busy]: [],
        [two]: [3],
        [windowed]: [{ from: '14:10', to: '15:00' }], // slots 2 (14:10-14:30) and 3 (14:30-14:50)
      },
    });
    checkNoDoubleBooking(s);
    for (const mt of s.meetings) {
      expect(mt.expertId).not.toBe(busy);
      if (mt.expertId === two) expect(mt.slot).toBe(3);
      if (mt.expertId === windowed) expect([2, 3]).toContain(mt.slot);
    }
    const lost = s.unscheduled.filter((u) => u.expertId === busy);
    expect(lost.length).toBe(counts.get(busy));
    for (const u of lost) expect(u.reason).toContain(`expert ${busy} is not available`);
    // `two` has 2 meetings with different enterprises and one slot: one of them cannot be placed.
    const twoLost = s.unscheduled.filter((u) => u.expertId === two);
    expect(twoLost.length).toBeGreaterThanOrEqual(1);
    for (const u of twoLost) expect(u.reason).toMatch(new RegExp(`expert ${two}\\b`));
    expect(s.meetings.length + s.unscheduled.length).toBe(a.pairs.length);
    expect(s.slots[0]!.start).toBe('13:30');
  });

  it('uses ISO datetimes and maxSlots', () => {
    const s = scheduleEvent(m, a, { start: '2025-06-18T09:00+08:00', slotMinutes: 15, maxSlots: 2 });
    expect(s.slots).toEqual([
      { index: 0, start: '2025-06-18T09:00+08:00', end: '2025-06-18T09:15+08:00' },
      { index: 1, start: '2025-06-18T09:15+08:00', end: '2025-06-18T09:30+08:00' },
    ]);
    checkNoDoubleBooking(s);
    expect(s.unscheduled.length).toBeGreaterThan(0);
    for (const u of s.unscheduled) expect(u.reason).toMatch(/maxSlots is 2/);
    expect(s.meetings.length + s.unscheduled.length).toBe(a.pairs.length);
    const w = scheduleEvent(m, a, {
      start: '2025-06-18T09:00+08:00',
      availability: { E009: [{ from: '2025-06-18T02:00Z', to: '2025-06-18T02:40Z' }] }, // 10:00-10:40 local
    });
    for (const mt of w.meetings) if (mt.expertId === 'E009') expect([3, 4]).toContain(mt.slot);
  });

  it('rejects unknown ids and bad options', () => {
    expect(() => scheduleEvent(m, a, { availability: { E999: [0] } })).toThrow(/availability\.E999: unknown expert id/);
    expect(() => scheduleEvent(m, a, { start: '25:00' })).toThrow(ValidationError);
    expect(() => scheduleEvent(m, a, { slotMinutes: 0 })).toThrow(/slotMinutes/);
    expect(() => scheduleEvent(m, a, { availability: { E001: [{ from: '9h00', to: '10:00' }] } })).toThrow(/availability\.E001\.0\.from/);
    const bad = { pairs: [{ needId: 'N99', expertId: 'E001', score: 1 }], totalScore: 1, unfilled: [], alternates: {} };
    expect(() => scheduleEvent(m, bad)).toThrow(/pairs\.0\.needId: unknown need id "N99"/);
    const dup = { pairs: [a.pairs[0]!, a.pairs[0]!], totalScore: 1, unfilled: [], alternates: {} };
    expect(() => scheduleEvent(m, dup)).toThrow(/appears twice/);
  });
});
