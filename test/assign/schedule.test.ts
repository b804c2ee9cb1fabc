import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleMeetings, type MeetingPair, type ScheduleProblem, type ScheduleResult } from '../../src/assign/index.js';
import { rng } from './helpers.js';

const pairsArb = (maxExperts: number, maxEnterprises: number, maxPairs: number) =>
  fc.array(
    fc.record({
      need: fc.integer({ min: 0, max: 50 }),
      expert: fc.integer({ min: 0, max: maxExperts - 1 }),
      enterprise: fc.integer({ min: 0, max: maxEnterprises - 1 }),
    }),
    { maxLength: maxPairs },
  );

function maxDegree(pairs: readonly MeetingPair[]): number {
  const count = new Map<string, number>();
  let max = 0;
  for (const p of pairs) {
    for (const key of [`x${p.expert}`, `y${p.enterprise}`]) {
      const c = (count.get(key) ?? 0) + 1;
      count.set(key, c);
      max = Math.max(max, c);
    }
  }
  return max;
}

/** No double booking, availability and maxSlots honoured, unscheduled pairs listed with reasons. */
function checkSchedule(p: ScheduleProblem, r: ScheduleResult): void {
  expect(r.slots).toHaveLength(p.pairs.length);
  const busy = new Set<string>();
  const unscheduled = new Set(r.unscheduled.map((u) => u.pair));
  expect(unscheduled.size).toBe(r.unscheduled.length);
  let last = -1;
  r.slots.forEach((slot, i) => {
    const pair = p.pairs[i]!;
    if (slot < 0) {
      expect(slot).toBe(-1);
      expect(unscheduled.has(i)).toBe(true);
      return;
    }
    expect(unscheduled.has(i)).toBe(false);
    expect(Number.isInteger(slot)).toBe(true);
    if (p.maxSlots !== undefined) expect(slot).toBeLessThan(p.maxSlots);
    const allowed = p.availability?.get(pair.expert);
    if (allowed) expect(allowed).toContain(slot);
    for (const key of [`x${pair.expert}@${slot}`, `y${pair.enterprise}@${slot}`]) {
      expect(busy.has(key), `double booking ${key}`).toBe(false);
      busy.add(key);
    }
    last = Math.max(last, slot);
  });
  expect(r.slotCount).toBe(last + 1);
  for (const u of r.unscheduled) expect(u.reason.length).toBeGreaterThan(0);
}

/** Largest number of pairs with every expert / enterprise in at most k of them (brute force). */
function bruteMaxWithinSlots(pairs: readonly MeetingPair[], k: number): number {
  let best = 0;
  for (let mask = 0; mask < 1 << pairs.length; mask++) {
    const chosen = pairs.filter((_, i) => mask & (1 << i));
    if (chosen.length > best && maxDegree(chosen) <= k) best = chosen.length;
  }
  return best;
}

describe('scheduleMeetings without availability (exact, König)', () => {
  it('uses exactly max-degree slots on random bipartite multigraphs, no double booking', () => {
    fc.assert(
      fc.property(pairsArb(8, 8, 60), (pairs) => {
        const p = { pairs };
        const r = scheduleMeetings(p);
        checkSchedule(p, r);
        expect(r.unscheduled).toEqual([]);
        expect(r.slotCount).toBe(maxDegree(pairs));
      }),
      { numRuns: 500 },
    );
  });

  it('handles dense multigraphs (many repeated expert-enterprise pairs)', () => {
    fc.assert(
      fc.property(pairsArb(3, 3, 80), (pairs) => {
        const r = scheduleMeetings({ pairs });
        checkSchedule({ pairs }, r);
        expect(r.slotCount).toBe(maxDegree(pairs));
      }),
      { numRuns: 200 },
    );
  });

  it('an enterprise with several needs never meets twice in one slot', () => {
    const pairs = [
      { need: 0, expert: 0, enterprise: 7 },
      { need: 1, expert: 1, enterprise: 7 },
      { need: 2, expert: 2, enterprise: 7 },
    ];
    const r = scheduleMeetings({ pairs });
    expect(new Set(r.slots).size).toBe(3);
    expect(r.slotCount).toBe(3);
  });

  it('with maxSlots below max degree keeps a maximum schedulable set', () => {
    fc.assert(
      fc.property(pairsArb(4, 4, 11), fc.integer({ min: 0, max: 3 }), (pairs, maxSlots) => {
        const p = { pairs, maxSlots };
        const r = scheduleMeetings(p);
        checkSchedule(p, r);
        expect(pairs.length - r.unscheduled.length).toBe(bruteMaxWithinSlots(pairs, maxSlots));
        for (const u of r.unscheduled) expect(u.reason).toMatch(/^slot limit: /);
      }),
      { numRuns: 200 },
    );
  });
});

/** Most pairs placeable in slots 0..L-1 within availability (exhaustive search). */
function bruteMaxWithAvailability(pairs: readonly MeetingPair[], availability: ReadonlyMap<number, readonly number[]>, L: number): number {
  let best = 0;
  const busy = new Set<string>();
  const visit = (i: number, placed: number): void => {
    if (placed + pairs.length - i <= best) return;
    if (i === pairs.length) {
      best = placed;
      return;
    }
    const { expert, enterprise } = pairs[i]!;
    for (const c of availability.get(expert) ?? Array.from({ length: L }, (_, k) => k)) {
      const a = `x${expert}@${c}`;
      const b = `y${enterprise}@${c}`;
      if (c >= L || busy.has(a) || busy.has(b)) continue;
      busy.add(a).add(b);
      visit(i + 1, placed + 1);
      busy.delete(a);
      busy.delete(b);
    }
    visit(i + 1, placed);
  };
  visit(0, 0);
  return best;
}

describe('scheduleMeetings with availability (heuristic)', () => {
  it('quality on a fixed sample of 400 tight instances: all feasible ones fully scheduled, >= 97% optimal', () => {
    const random = rng(2024);
    const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
    let optimal = 0;
    for (let run = 0; run < 400; run++) {
      const [experts, enterprises, L, m] = [int(2, 5), int(2, 5), int(2, 4), int(3, 11)];
      const pairs = Array.from({ length: m }, (_, need) => ({ need, expert: int(0, experts - 1), enterprise: int(0, enterprises - 1) }));
      const availability = new Map<number, number[]>();
      for (let x = 0; x < experts; x++) {
        if (random() < 0.7) availability.set(x, Array.from({ length: L }, (_, c) => c).filter(() => random() < 0.6));
      }
      const p = { pairs, availability, maxSlots: L };
      const r = scheduleMeetings(p);
      checkSchedule(p, r);
      const best = bruteMaxWithAvailability(pairs, availability, L);
      const placed = m - r.unscheduled.length;
      expect(placed).toBeLessThanOrEqual(best);
      if (best === m) expect(placed).toBe(m);
      if (placed === best) optimal++;
    }
    expect(optimal / 400).toBeGreaterThanOrEqual(0.97);
  });

  const availabilityArb = fc.array(
    fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { maxLength: 6 }), { nil: undefined }),
    { minLength: 6, maxLength: 6 },
  );

  it('never double-books, never leaves availability, explains every unscheduled pair', () => {
    fc.assert(
      fc.property(
        pairsArb(6, 6, 30),
        availabilityArb,
        fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
        (pairs, lists, maxSlots) => {
          const availability = new Map<number, number[]>();
          lists.forEach((list, expert) => list && availability.set(expert, list));
          const p: ScheduleProblem = maxSlots === undefined ? { pairs, availability } : { pairs, availability, maxSlots };
          checkSchedule(p, scheduleMeetings(p));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('schedules everything in max-degree slots when every expert is available in all of them', () => {
    fc.assert(
      fc.property(pairsArb(6, 6, 30), (pairs) => {
        const all = Array.from({ length: maxDegree(pairs) }, (_, i) => i);
        const availability = new Map(pairs.map((p) => [p.expert, all] as const));
        const r = scheduleMeetings({ pairs, availability });
        checkSchedule({ pairs, availability }, r);
        expect(r.unscheduled).toEqual([]);
        expect(r.slotCount).toBe(maxDegree(pairs));
      }),
      { numRuns: 200 },
    );
  });

  it('places meetings inside each expert availability', () => {
    const pairs = [
      { need: 0, expert: 0, enterprise: 0 },
      { need: 1, expert: 1, enterprise: 0 },
      { need: 2, expert: 1, enterprise: 1 },
    ];
    const availability = new Map([
      [0, [2]],
      [1, [1, 2]],
    ]);
    const r = scheduleMeetings({ pairs, availability });
    expect(r.unscheduled).toEqual([]);
    expect(r.slots[0]).toBe(2);
    expect(r.slots[1]).toBe(1);
    expect(r.slots[2]).toBe(2);
    expect(r.slotCount).toBe(3);
  });

  it('needs a Kempe swap: a greedy first choice must move', () => {
    // Expert 1 (only slot 0) meets enterprise 0, which greedy would already have put in slot 0.
    const pairs = [
      { need: 0, expert: 0, enterprise: 0 },
      { need: 1, expert: 1, enterprise: 0 },
    ];
    const r = scheduleMeetings({ pairs, availability: new Map([[1, [0]]]), maxSlots: 2 });
    expect(r.unscheduled).toEqual([]);
    expect(r.slots).toEqual([1, 0]);
  });

  it('reports infeasible availability with the binding reason', () => {
    const pairs = [
      { need: 0, expert: 0, enterprise: 0 },
      { need: 1, expert: 0, enterprise: 1 },
      { need: 2, expert: 1, enterprise: 2 },
    ];
    const r = scheduleMeetings({ pairs, availability: new Map([[0, [3]], [1, []]]) });
    expect(r.slots.filter((s) => s === 3)).toHaveLength(1);
    expect(r.slots[2]).toBe(-1);
    expect(r.unscheduled).toHaveLength(2);
    const byPair = new Map(r.unscheduled.map((u) => [u.pair, u.reason]));
    const blocked = r.slots[0] === 3 ? 1 : 0;
    expect(byPair.get(blocked)).toBe('expert 0 is available in 1 slot(s) [3], all taken by its other meetings');
    expect(byPair.get(2)).toMatch(/expert 1 is not available in any of the \d+ slots/);
  });

  it('reports an enterprise busy in every slot the expert has left', () => {
    const pairs = [
      { need: 0, expert: 0, enterprise: 0 },
      { need: 1, expert: 1, enterprise: 0 },
    ];
    const r = scheduleMeetings({ pairs, availability: new Map([[0, [0]], [1, [0]]]), maxSlots: 3 });
    expect(r.slots.filter((s) => s === 0)).toHaveLength(1);
    expect(r.unscheduled).toHaveLength(1);
    const expert = r.slots[0] === -1 ? 0 : 1;
    expect(r.unscheduled[0]!.reason).toBe(
      `enterprise 0 is busy in every slot expert ${expert} still has free ([0]), and no chain of moves within availability could free one`,
    );
  });

  it('reports an enterprise with every slot taken', () => {
    const pairs = [
      { need: 0, expert: 0, enterprise: 0 },
      { need: 1, expert: 1, enterprise: 0 },
    ];
    const r = scheduleMeetings({ pairs, availability: new Map([[0, [0]]]), maxSlots: 1 });
    expect(r.slots).toEqual([0, -1]);
    expect(r.unscheduled).toEqual([{ pair: 1, reason: 'enterprise 0 already has meetings in all 1 slots' }]);
  });

  it('handles no pairs', () => {
    expect(scheduleMeetings({ pairs: [] })).toEqual({ slots: [], slotCount: 0, unscheduled: [] });
    expect(scheduleMeetings({ pairs: [], availability: new Map([[0, [1]]]) })).toEqual({
      slots: [],
      slotCount: 0,
      unscheduled: [],
    });
  });
});
