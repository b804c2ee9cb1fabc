/**
 * `npx tsx benchmarks/assign.bench.ts`: time of the exact event assignment on a large instance.
 *
 * 2,000 experts × 500 needs, 50 candidate experts per need with synthetic seeded scores
 * (popularity-skewed, so popular experts are contended and capacities bind), 2 experts per
 * need, capacity 1–3 per expert. Solved optimally by `solveEvent` (ids in, ids out, the same
 * path `assignEvent` takes after ranking) with both objectives. Prints the median of RUNS runs.
 */
import { type IdProblem, solveEvent } from '../src/event/index.js';
import { mulberry32 } from '../src/util/random.js';

const EXPERTS = 2_000;
const NEEDS = 500;
const EDGES_PER_NEED = 50;
const RUNS = 7;
const SEED = 20250618;


function instance(objective: 'total' | 'fair'): IdProblem {
  const random = mulberry32(SEED);
  const experts = Array.from({ length: EXPERTS }, (_, j) => ({ id: `E${j}`, capacity: 1 + Math.floor(random() * 3) }));
  const needs = Array.from({ length: NEEDS }, (_, i) => ({ id: `N${i}`, demand: 2 }));
  const edges: IdProblem['edges'][number][] = [];
  for (const need of needs) {
    const chosen = new Set<number>();
    while (chosen.size < EDGES_PER_NEED) chosen.add(Math.floor(EXPERTS * random() ** 2)); // skewed towards low ids
    for (const j of chosen) edges.push({ needId: need.id, expertId: `E${j}`, score: 0.05 + 0.6 * random() });
  }
  return { needs, experts, edges, objective, alternates: 2 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

for (const objective of ['total', 'fair'] as const) {
  const p = instance(objective);
  solveEvent(p); // warm-up
  const times: number[] = [];
  let result = solveEvent(p);
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    result = solveEvent(p);
    times.push(performance.now() - t0);
  }
  console.log(
    `assign ${EXPERTS} experts × ${NEEDS} needs, ${EDGES_PER_NEED} edges/need (${p.edges.length} edges), objective ${objective}: ` +
      `median ${median(times).toFixed(0)} ms over ${RUNS} runs (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}); ` +
      `${result.pairs.length}/${NEEDS * 2} slots filled, total ${result.totalScore.toFixed(2)}` +
      (result.worstScore !== undefined ? `, worst ${result.worstScore.toFixed(4)}` : ''),
  );
}
