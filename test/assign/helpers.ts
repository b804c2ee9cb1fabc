/** Test helpers: brute-force assignment oracle, instance generators, constraint checkers. */
import fc from 'fast-check';
import { mulberry32 } from '../../src/util/random.js';
import { expect } from 'vitest';
import type { AssignmentProblem, AssignmentResult } from '../../src/assign/index.js';

export interface Leaf {
  count: number;
  total: number;
  /** Smallest assigned score (Infinity when nothing is assigned). */
  min: number;
}

/** Every feasible assignment (each need: any subset of its candidates of size <= demand). */
export function enumerateAssignments(p: AssignmentProblem): Leaf[] {
  const byNeed = p.needs.map((_, i) => p.edges.filter((e) => e.need === i));
  const load = p.experts.map(() => 0);
  const leaves: Leaf[] = [];
  const visitNeed = (i: number, count: number, total: number, min: number): void => {
    if (i === p.needs.length) {
      leaves.push({ count, total, min });
      return;
    }
    const group = byNeed[i]!;
    const demand = p.needs[i]!.demand;
    const choose = (from: number, taken: number, c: number, t: number, m: number): void => {
      visitNeed(i + 1, c, t, m);
      if (taken === demand) return;
      for (let k = from; k < group.length; k++) {
        const e = group[k]!;
        if (load[e.expert]! >= p.experts[e.expert]!.capacity) continue;
        load[e.expert]!++;
        choose(k + 1, taken + 1, c + 1, t + e.score, Math.min(m, e.score));
        load[e.expert]!--;
      }
    };
    choose(0, 0, count, total, min);
  };
  visitNeed(0, 0, 0, Infinity);
  return leaves;
}

export interface BruteTotal {
  count: number;
  total: number;
}

/** Lexicographic optimum: most filled slots, then highest total. */
export function bruteTotal(p: AssignmentProblem): BruteTotal {
  let best: BruteTotal = { count: -1, total: -Infinity };
  for (const leaf of enumerateAssignments(p)) {
    if (leaf.count > best.count || (leaf.count === best.count && leaf.total > best.total)) {
      best = { count: leaf.count, total: leaf.total };
    }
  }
  return best;
}

export interface BruteFair {
  count: number;
  bottleneck: number | undefined;
  total: number;
}

/** Most filled slots, then the largest smallest-assigned-score, then the highest total. */
export function bruteFair(p: AssignmentProblem): BruteFair {
  const leaves = enumerateAssignments(p);
  const count = Math.max(...leaves.map((l) => l.count));
  const full = leaves.filter((l) => l.count === count);
  const bottleneck = Math.max(...full.map((l) => l.min));
  const total = Math.max(...full.filter((l) => l.min >= bottleneck).map((l) => l.total));
  return { count, bottleneck: count === 0 ? undefined : bottleneck, total };
}

/** Scores with frequent ties (small integers) and arbitrary doubles. */
export const scoreArb = fc.oneof(
  fc.integer({ min: 1, max: 4 }),
  fc.double({ min: 0.001, max: 10, noNaN: true, noDefaultInfinity: true }),
);

export interface SmallLimits {
  maxNeeds: number;
  maxExperts: number;
  maxDemand: number;
  maxCapacity: number;
}

export function smallProblemArb(
  objective: 'total' | 'fair',
  limits: SmallLimits = { maxNeeds: 4, maxExperts: 5, maxDemand: 2, maxCapacity: 2 },
): fc.Arbitrary<AssignmentProblem> {
  return fc
    .record({
      demands: fc.array(fc.integer({ min: 0, max: limits.maxDemand }), { minLength: 1, maxLength: limits.maxNeeds }),
      capacities: fc.array(fc.integer({ min: 0, max: limits.maxCapacity }), {
        minLength: 1,
        maxLength: limits.maxExperts,
      }),
      cells: fc.array(fc.option(scoreArb, { freq: 2 }), {
        minLength: limits.maxNeeds * limits.maxExperts,
        maxLength: limits.maxNeeds * limits.maxExperts,
      }),
      alternates: fc.integer({ min: 0, max: 3 }),
    })
    .map(({ demands, capacities, cells, alternates }) => {
      const edges: { need: number; expert: number; score: number }[] = [];
      demands.forEach((_, i) =>
        capacities.forEach((__, j) => {
          const score = cells[i * limits.maxExperts + j];
          if (score !== null && score !== undefined) edges.push({ need: i, expert: j, score });
        }),
      );
      return {
        needs: demands.map((demand, i) => ({ id: `n${i}`, demand })),
        experts: capacities.map((capacity, j) => ({ id: `e${j}`, capacity })),
        edges,
        objective,
        alternates,
      };
    });
}

/** Asserts every hard constraint and the documented output shape. */
export function checkFeasible(p: AssignmentProblem, r: AssignmentResult): void {
  const score = new Map(p.edges.map((e) => [`${e.need}:${e.expert}`, e.score]));
  const seen = new Set<string>();
  const perNeed = p.needs.map(() => 0);
  const perExpert = p.experts.map(() => 0);
  let total = 0;
  for (const pair of r.pairs) {
    const key = `${pair.need}:${pair.expert}`;
    expect(score.has(key), `pair ${key} is a candidate edge`).toBe(true);
    expect(pair.score).toBe(score.get(key));
    expect(seen.has(key), `pair ${key} is unique`).toBe(false);
    seen.add(key);
    perNeed[pair.need]!++;
    perExpert[pair.expert]!++;
    total += pair.score;
  }
  p.needs.forEach((need, i) => expect(perNeed[i]).toBeLessThanOrEqual(need.demand));
  p.experts.forEach((expert, j) => expect(perExpert[j]).toBeLessThanOrEqual(expert.capacity));
  expect(r.totalScore).toBeCloseTo(total, 9);
  for (let k = 1; k < r.pairs.length; k++) {
    const a = r.pairs[k - 1]!;
    const b = r.pairs[k]!;
    expect(a.need < b.need || (a.need === b.need && a.score >= b.score)).toBe(true);
  }
  const unfilled = new Map(r.unfilled.map((u) => [u.need, u]));
  p.needs.forEach((need, i) => {
    const missing = need.demand - perNeed[i]!;
    if (missing > 0) {
      expect(unfilled.get(i)?.missing).toBe(missing);
      expect(unfilled.get(i)?.reason.length).toBeGreaterThan(0);
    } else {
      expect(unfilled.has(i)).toBe(false);
    }
  });
  expect(r.alternates).toHaveLength(p.needs.length);
  r.alternates.forEach((alts, i) => {
    expect(alts.length).toBeLessThanOrEqual(p.alternates ?? 0);
    expect(new Set(alts).size).toBe(alts.length);
    for (const j of alts) {
      expect(score.has(`${i}:${j}`)).toBe(true);
      expect(seen.has(`${i}:${j}`)).toBe(false);
    }
  });
}

/** Deterministic PRNG (the project's mulberry32). */
export const rng = mulberry32;

/** needs x experts with `perNeed` distinct random candidate experts per need. */
export function largeProblem(
  seed: number,
  needCount: number,
  expertCount: number,
  perNeed: number,
  demand: number,
  capacity: number,
  objective: 'total' | 'fair',
): AssignmentProblem {
  const random = rng(seed);
  const edges: { need: number; expert: number; score: number }[] = [];
  for (let i = 0; i < needCount; i++) {
    const chosen = new Set<number>();
    while (chosen.size < perNeed) chosen.add(Math.floor(random() * expertCount));
    for (const j of chosen) edges.push({ need: i, expert: j, score: 0.001 + random() });
  }
  return {
    needs: Array.from({ length: needCount }, (_, i) => ({ id: `n${i}`, demand })),
    experts: Array.from({ length: expertCount }, (_, j) => ({ id: `e${j}`, capacity })),
    edges,
    objective,
    alternates: 2,
  };
}
