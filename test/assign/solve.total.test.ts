import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveAssignment } from '../../src/assign/index.js';
import { hasAugmentingPath, hasNegativeCycle, residualArcs } from './certificate.js';
import { bruteTotal, checkFeasible, smallProblemArb } from './helpers.js';

describe("solveAssignment 'total'", () => {
  it('matches brute force: same filled slots, same total score (4 needs x 5 experts)', () => {
    fc.assert(
      fc.property(smallProblemArb('total'), (p) => {
        const r = solveAssignment(p);
        checkFeasible(p, r);
        const best = bruteTotal(p);
        expect(r.pairs.length).toBe(best.count);
        expect(Math.abs(r.totalScore - best.total)).toBeLessThan(1e-9);
        expect(r.worstNeedScore).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });

  it('matches brute force with larger demands and capacities (3 needs x 4 experts, up to 3)', () => {
    fc.assert(
      fc.property(smallProblemArb('total', { maxNeeds: 3, maxExperts: 4, maxDemand: 3, maxCapacity: 3 }), (p) => {
        const r = solveAssignment(p);
        checkFeasible(p, r);
        const best = bruteTotal(p);
        expect(r.pairs.length).toBe(best.count);
        expect(Math.abs(r.totalScore - best.total)).toBeLessThan(1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('passes the residual-graph optimality certificate on medium random instances', () => {
    fc.assert(
      fc.property(smallProblemArb('total', { maxNeeds: 12, maxExperts: 10, maxDemand: 3, maxCapacity: 3 }), (p) => {
        const r = solveAssignment(p);
        checkFeasible(p, r);
        const { n, arcs } = residualArcs(p, r);
        expect(hasAugmentingPath(n, arcs)).toBe(false);
        expect(hasNegativeCycle(n, arcs, 1e-9)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('is scale-invariant down to 1e-300 and up to 1e300 (power-of-two cost quantisation)', () => {
    fc.assert(
      fc.property(smallProblemArb('total'), fc.constantFrom(1e-300, 1e-12, 1e12, 1e300), (p, factor) => {
        const base = solveAssignment(p);
        const scaled = { ...p, edges: p.edges.map((e) => ({ ...e, score: e.score * factor })) };
        const r = solveAssignment(scaled);
        checkFeasible(scaled, r);
        const best = bruteTotal(scaled);
        expect(r.pairs.length).toBe(base.pairs.length);
        expect(r.pairs.length).toBe(best.count);
        expect(Math.abs(r.totalScore - best.total)).toBeLessThanOrEqual(1e-9 * Math.abs(best.total));
      }),
      { numRuns: 200 },
    );
  });

  it('never leaves a need unserved to raise the total score', () => {
    // Expert 0 is the best match for both needs but has capacity 1; need 1 has no other candidate.
    const r = solveAssignment({
      needs: [
        { id: 'a', demand: 1 },
        { id: 'b', demand: 1 },
      ],
      experts: [
        { id: 'x', capacity: 1 },
        { id: 'y', capacity: 1 },
      ],
      edges: [
        { need: 0, expert: 0, score: 100 },
        { need: 1, expert: 0, score: 1 },
        { need: 0, expert: 1, score: 0.5 },
      ],
      objective: 'total',
    });
    expect(r.pairs).toEqual([
      { need: 0, expert: 1, score: 0.5 },
      { need: 1, expert: 0, score: 1 },
    ]);
    expect(r.totalScore).toBeCloseTo(1.5, 12);
    expect(r.unfilled).toEqual([]);
  });

  it('handles empty problems', () => {
    const r = solveAssignment({ needs: [], experts: [], edges: [], objective: 'total', alternates: 2 });
    expect(r).toEqual({ pairs: [], totalScore: 0, unfilled: [], alternates: [] });
  });
});
