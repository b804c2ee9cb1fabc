/**
 * Batch: top-10 for each of `count` needs. The single-threaded path (a loop over
 * recommendExperts) is always measured; `m.recommendExpertsBatch(needs, { topK }, { workers })`
 * is feature-detected and, when present, timed cold (worker start-up included) and warm, and
 * its results are compared with the loop's (same ids, same scores, same order).
 */
import type { Matcher, NeedInput, Recommendation } from '../../src/index.js';
import { type BenchContext, NEED_RANGES, TOP10 } from '../context.js';
import { log, median, now } from '../stats.js';
import type { BatchResult } from '../types.js';

type BatchFn = (
  needs: (NeedInput | string)[],
  opts?: { topK?: number },
  run?: { workers?: number },
) => Promise<Recommendation[][]> | Recommendation[][];

export async function runBatch(
  ctx: BenchContext,
  m: Matcher,
  n: number,
  count: number,
  workers: number,
  repeats = 2,
): Promise<BatchResult> {
  const needs = ctx.gen.needs(NEED_RANGES.batch, count);
  const seqTimes: number[] = [];
  let expected: Recommendation[][] = [];
  for (let r = 0; r < 2; r++) {
    const t0 = now();
    const out = needs.map((q) => m.recommendExperts(q, TOP10));
    seqTimes.push(now() - t0);
    if (r === 0) expected = out;
    if (now() - t0 > 10_000) break; // slow enough that one run is a stable figure
  }
  const result: BatchResult = {
    needs: count,
    available: false,
    workers,
    sequentialMs: median(seqTimes),
    note: 'm.recommendExpertsBatch is not present: only the sequential loop was measured',
  };
  const batch = (m as unknown as { recommendExpertsBatch?: BatchFn }).recommendExpertsBatch;
  if (typeof batch === 'function') {
    result.available = true;
    result.note = `m.recommendExpertsBatch(needs, { topK: 10 }, { workers: ${workers} })`;
    let t0 = now();
    let got = await batch.call(m, needs, TOP10, { workers });
    result.batchColdMs = now() - t0;
    result.identical = sameResults(expected, got);
    const warm: number[] = [];
    for (let r = 0; r < repeats; r++) {
      t0 = now();
      got = await batch.call(m, needs, TOP10, { workers });
      warm.push(now() - t0);
      result.identical = result.identical && sameResults(expected, got);
    }
    result.batchMs = median(warm);
  }
  log(
    `batch ${n}: ${count} needs sequential ${(result.sequentialMs / 1000).toFixed(2)} s` +
      (result.available
        ? `, batch ${((result.batchMs ?? 0) / 1000).toFixed(2)} s (cold ${((result.batchColdMs ?? 0) / 1000).toFixed(2)} s), identical: ${result.identical}`
        : ' (no recommendExpertsBatch)'),
  );
  return result;
}

export function sameResults(a: readonly Recommendation[][], b: readonly Recommendation[][]): boolean {
  if (!Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Recommendation[];
    const y = b[i];
    if (!Array.isArray(y) || x.length !== y.length) return false;
    for (let k = 0; k < x.length; k++) {
      const p = x[k] as Recommendation;
      const q = y[k] as Recommendation;
      if (p.id !== q.id || p.score !== q.score) return false;
    }
  }
  return true;
}
