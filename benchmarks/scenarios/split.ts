/**
 * Parallel search (option `parallelSearch`): the query scenario's needs on a matcher loaded from
 * the built matcher's binary snapshot with `{ parallelSearch: true }` as a runtime option, so
 * that each dense search is shared with one worker thread. When the built (single-threaded)
 * matcher is still alive, the two are timed need by need, alternating which goes first, so that
 * both see the same load; at 1M two matchers do not fit the heap, so the split matcher is timed
 * alone after the built one is released and compared with the query scenario's figures (minutes
 * earlier: on a shared machine that ratio carries the drift in between). Results must equal the
 * built matcher's.
 */
import { loadMatcher, type Matcher, type Recommendation } from '../../src/index.js';
import { type BenchContext, NEED_RANGES, TOP10 } from '../context.js';
import { rngFor, shuffled } from '../prng.js';
import { log, median, now, summarize } from '../stats.js';
import type { SplitResult } from '../types.js';
import { sameResults } from './batch.js';

/** How long the worker may take to start and attach the index before the scenario gives up. */
const READY_TIMEOUT_MS = 60_000;

export async function runSplit(
  ctx: BenchContext,
  bytes: Uint8Array,
  expected: readonly Recommendation[][],
  n: number,
  plan: { warmup: number; queries: number; passes: number },
  single?: Matcher,
): Promise<SplitResult> {
  const t0 = now();
  const m = loadMatcher(bytes, { backgroundIdf: ctx.background }, { parallelSearch: true });
  const loadMs = now() - t0;
  try {
    const warm = ctx.gen.needs(NEED_RANGES.warmup, plan.warmup);
    // The index is copied to shared memory after a few queries; the worker attaches it meanwhile.
    const ready = now();
    let w = 0;
    while (m.stats().splitSearches === 0) {
      if (now() - ready > READY_TIMEOUT_MS) throw new Error('the search worker did not take part within 60 s');
      m.recommendExperts(warm[w++ % warm.length]!, TOP10);
      if (w > 3) await new Promise((r) => setTimeout(r, 20));
    }
    const readyMs = now() - ready;
    for (const q of warm) m.recommendExperts(q, TOP10);
    const needs = ctx.gen.needs(NEED_RANGES.measured, plan.queries);
    const splitBefore = m.stats().splitSearches;
    const split: number[][] = [];
    const base: number[][] = [];
    let identical = true;
    const indexes = needs.map((_, i) => i);
    for (let p = 0; p < plan.passes; p++) {
      const order = p === 0 ? indexes : shuffled(rngFor(11, 'split-pass', p), indexes);
      const ts = new Array<number>(needs.length);
      const tb = new Array<number>(needs.length);
      for (const [j, i] of order.entries()) {
        const q = needs[i]!;
        const timeOne = (x: Matcher): [number, Recommendation[]] => {
          const s = now();
          const r = x.recommendExperts(q, TOP10);
          return [now() - s, r];
        };
        let got: Recommendation[];
        if (single && j % 2 === 1) {
          tb[i] = timeOne(single)[0];
          [ts[i], got] = timeOne(m);
        } else {
          [ts[i], got] = timeOne(m);
          if (single) tb[i] = timeOne(single)[0];
        }
        if (i < expected.length) identical = identical && sameResults([expected[i]!], [got]);
      }
      split.push(ts);
      if (single) base.push(tb);
    }
    const splitShare = (m.stats().splitSearches - splitBefore) / (needs.length * plan.passes);
    const pick = (runs: number[][], k: 'p50' | 'p99'): number => median(runs.map((r) => summarize(r)[k]));
    const result: SplitResult = {
      loadMs,
      readyMs,
      queries: needs.length,
      passes: plan.passes,
      p50: pick(split, 'p50'),
      p99: pick(split, 'p99'),
      interleaved: single !== undefined,
      ...(single ? { singleP50: pick(base, 'p50'), singleP99: pick(base, 'p99') } : {}),
      splitShare,
      identical,
      checked: Math.min(expected.length, needs.length),
    };
    log(
      `split ${n}: p50 ${result.p50.toFixed(3)} ms, p99 ${result.p99.toFixed(3)} ms` +
        (single ? ` (single-threaded, interleaved: p50 ${result.singleP50?.toFixed(3)}, p99 ${result.singleP99?.toFixed(3)})` : '') +
        `; ${(splitShare * 100).toFixed(0)}% of searches split; identical ${identical}`,
    );
    return result;
  } finally {
    await m.close();
  }
}
