import { describe, expect, it } from 'vitest';
import { solveAssignment } from '../../src/assign/index.js';
import { hasAugmentingPath, hasNegativeCycle, residualArcs } from './certificate.js';
import { checkFeasible, largeProblem } from './helpers.js';

describe('solveAssignment on 2,000 experts x 500 needs x 50 candidates', () => {
  for (const demand of [1, 2, 3]) {
    it(`'total' with demand ${demand}, capacity 3: feasible and certified optimal`, () => {
      const p = largeProblem(7 + demand, 500, 2000, 50, demand, 3, 'total');
      const r = solveAssignment(p);
      checkFeasible(p, r);
      expect(r.pairs.length).toBe(500 * demand);
      const { n, arcs } = residualArcs(p, r);
      expect(hasAugmentingPath(n, arcs)).toBe(false);
      expect(hasNegativeCycle(n, arcs, 1e-9)).toBe(false);
    });
  }

  it("'fair' with demand 2, capacity 3: feasible, same slots, bottleneck >= 'total' bottleneck", () => {
    const p = largeProblem(99, 500, 2000, 50, 2, 3, 'fair');
    const fair = solveAssignment(p);
    checkFeasible(p, fair);
    const total = solveAssignment({ ...p, objective: 'total' });
    expect(fair.pairs.length).toBe(total.pairs.length);
    const minTotal = Math.min(...total.pairs.map((x) => x.score));
    expect(fair.worstNeedScore).toBeGreaterThanOrEqual(minTotal);
    expect(fair.totalScore).toBeLessThanOrEqual(total.totalScore + 1e-9);
  });

  it('scarce capacity (capacity 1, demand 3, 12 candidates per need): certified optimal with unfilled reasons', () => {
    const p = largeProblem(5, 500, 800, 12, 3, 1, 'total');
    const r = solveAssignment(p);
    checkFeasible(p, r);
    expect(r.unfilled.length).toBeGreaterThan(0);
    for (const u of r.unfilled) expect(u.reason).toMatch(/at capacity/);
    const { n, arcs } = residualArcs(p, r);
    expect(hasAugmentingPath(n, arcs)).toBe(false);
    expect(hasNegativeCycle(n, arcs, 1e-9)).toBe(false);
  });
});
