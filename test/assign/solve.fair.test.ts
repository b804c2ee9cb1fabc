import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveAssignment } from '../../src/assign/index.js';
import { bruteFair, checkFeasible, smallProblemArb } from './helpers.js';

describe("solveAssignment 'fair'", () => {
  it('matches brute force: same filled slots, same bottleneck, same total among bottleneck-optimal', () => {
    fc.assert(
      fc.property(smallProblemArb('fair'), (p) => {
        const r = solveAssignment(p);
        checkFeasible(p, r);
        const best = bruteFair(p);
        expect(r.pairs.length).toBe(best.count);
        expect(r.worstNeedScore).toBe(best.bottleneck);
        expect(Math.abs(r.totalScore - best.total)).toBeLessThan(1e-9);
      }),
      { numRuns: 400 },
    );
  });

  it('matches brute force with larger demands and capacities', () => {
    fc.assert(
      fc.property(smallProblemArb('fair', { maxNeeds: 3, maxExperts: 4, maxDemand: 3, maxCapacity: 3 }), (p) => {
        const r = solveAssignment(p);
        checkFeasible(p, r);
        const best = bruteFair(p);
        expect(r.pairs.length).toBe(best.count);
        expect(r.worstNeedScore).toBe(best.bottleneck);
        expect(Math.abs(r.totalScore - best.total)).toBeLessThan(1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('trades total score for the worst-served need', () => {
    // 'total' gives need 0 its star (10) and need 1 a weak match (1): 11.
    // 'fair' raises the worst match to 4: need 0 -> y (4), need 1 -> x (5): 9.
    const base = {
      needs: [
        { id: 'a', demand: 1 },
        { id: 'b', demand: 1 },
      ],
      experts: [
        { id: 'x', capacity: 1 },
        { id: 'y', capacity: 1 },
      ],
      edges: [
        { need: 0, expert: 0, score: 10 },
        { need: 0, expert: 1, score: 4 },
        { need: 1, expert: 0, score: 5 },
        { need: 1, expert: 1, score: 1 },
      ],
    };
    const total = solveAssignment({ ...base, objective: 'total' });
    expect(total.totalScore).toBe(11);
    const fair = solveAssignment({ ...base, objective: 'fair' });
    expect(fair.worstNeedScore).toBe(4);
    expect(fair.totalScore).toBe(9);
    expect(fair.pairs).toEqual([
      { need: 0, expert: 1, score: 4 },
      { need: 1, expert: 0, score: 5 },
    ]);
  });

  it('omits worstNeedScore when nothing can be assigned', () => {
    const r = solveAssignment({
      needs: [{ id: 'a', demand: 1 }],
      experts: [{ id: 'x', capacity: 0 }],
      edges: [{ need: 0, expert: 0, score: 1 }],
      objective: 'fair',
    });
    expect(r.pairs).toEqual([]);
    expect(r.worstNeedScore).toBeUndefined();
  });
});
