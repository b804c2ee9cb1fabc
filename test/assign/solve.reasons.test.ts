import { describe, expect, it } from 'vitest';
import { solveAssignment, type AssignmentProblem } from '../../src/assign/index.js';

const experts = (...capacities: number[]) => capacities.map((capacity, j) => ({ id: `e${j}`, capacity }));
const needs = (...demands: number[]) => demands.map((demand, i) => ({ id: `n${i}`, demand }));

describe('unfilled reasons', () => {
  it('need without candidate edges', () => {
    const r = solveAssignment({ needs: needs(2, 1), experts: experts(3), edges: [{ need: 1, expert: 0, score: 1 }], objective: 'total' });
    expect(r.unfilled).toEqual([{ need: 0, missing: 2, reason: expect.stringMatching(/no candidate edges/) }]);
  });

  it('fewer candidate experts than the demand', () => {
    const r = solveAssignment({
      needs: needs(3),
      experts: experts(1, 1),
      edges: [
        { need: 0, expert: 0, score: 1 },
        { need: 0, expert: 1, score: 2 },
      ],
      objective: 'total',
    });
    expect(r.unfilled).toHaveLength(1);
    expect(r.unfilled[0]!.missing).toBe(1);
    expect(r.unfilled[0]!.reason).toMatch(/only 2 candidate experts for a demand of 3/);
    expect(r.unfilled[0]!.reason).not.toMatch(/capacity/);
  });

  it('candidates exist but are all at capacity: names how many', () => {
    // Both experts are better used by need 0 (demand 2); need 1 shares them and gets nothing.
    const r = solveAssignment({
      needs: needs(2, 1),
      experts: experts(1, 1, 0),
      edges: [
        { need: 0, expert: 0, score: 5 },
        { need: 0, expert: 1, score: 5 },
        { need: 1, expert: 0, score: 1 },
        { need: 1, expert: 1, score: 1 },
        { need: 1, expert: 2, score: 9 },
      ],
      objective: 'total',
    });
    expect(r.pairs.filter((p) => p.need === 0)).toHaveLength(2);
    expect(r.unfilled).toEqual([
      {
        need: 1,
        missing: 1,
        reason: 'all 3 other candidate experts are at capacity (2 filled by other needs, 1 with capacity 0)',
      },
    ]);
  });

  it('both constraints bind at once', () => {
    const r = solveAssignment({
      needs: needs(1, 3),
      experts: experts(1, 1),
      edges: [
        { need: 0, expert: 0, score: 1 },
        { need: 1, expert: 0, score: 1 },
        { need: 1, expert: 1, score: 1 },
      ],
      objective: 'fair',
    });
    expect(r.pairs).toHaveLength(2);
    expect(r.unfilled).toHaveLength(1);
    expect(r.unfilled[0]).toMatchObject({ need: 1, missing: 2 });
    expect(r.unfilled[0]!.reason).toMatch(
      /^only 2 candidate experts for a demand of 3 \(.*\); the 1 other candidate expert is at capacity \(1 filled by other needs\)$/,
    );
  });

  it('demand 0 is never unfilled', () => {
    const r = solveAssignment({ needs: needs(0), experts: experts(1), edges: [], objective: 'fair' });
    expect(r.unfilled).toEqual([]);
  });
});

describe('alternates', () => {
  const p: AssignmentProblem = {
    needs: needs(1, 1),
    experts: experts(1, 1, 1, 1),
    edges: [
      { need: 0, expert: 0, score: 9 },
      { need: 0, expert: 1, score: 3 },
      { need: 0, expert: 2, score: 7 },
      { need: 1, expert: 0, score: 8 },
      { need: 1, expert: 3, score: 1 },
    ],
    objective: 'total',
  };

  it('lists up to k unassigned candidates per need, best score first, never non-candidates', () => {
    const r = solveAssignment({ ...p, alternates: 2 });
    expect(r.pairs).toEqual([
      { need: 0, expert: 2, score: 7 },
      { need: 1, expert: 0, score: 8 },
    ]);
    expect(r.alternates).toEqual([[0, 1], [3]]);
  });

  it('defaults to no alternates', () => {
    expect(solveAssignment(p).alternates).toEqual([[], []]);
  });
});
