/**
 * Query: top-10 experts for generated needs (~150 characters), after a warm-up on other needs.
 * Several passes over the same queries (the result cache is off), each in its own seeded order so
 * that no query always sits at the same place in a pass; each pass gives percentiles and the
 * median of each percentile over passes is reported.
 */
import type { Matcher, NeedInput } from '../../src/index.js';
import { type BenchContext, NEED_RANGES, TOP10 } from '../context.js';
import { needTexts } from '../generate.js';
import { rngFor, shuffled } from '../prng.js';
import { log, median, medianOfPasses, now, type Percentiles, summarize } from '../stats.js';
import type { QueryResult } from '../types.js';

export function runQuery(ctx: BenchContext, m: Matcher, n: number, warmup: number, queries: number, passes: number): QueryResult {
  for (const need of ctx.gen.needs(NEED_RANGES.warmup, warmup)) m.recommendExperts(need, TOP10);
  const needs = ctx.gen.needs(NEED_RANGES.measured, queries);
  const { times: runs, results } = timeQueries(m, needs, passes);
  const per = runs.map(summarize);
  const pick = (k: keyof Percentiles): number => median(per.map((s) => s[k]));
  const summary: Percentiles = {
    p50: pick('p50'),
    p90: pick('p90'),
    p99: pick('p99'),
    mean: pick('mean'),
    max: pick('max'),
    count: needs.length,
  };
  const terms = needs.map((q) => new Set(needTexts(q).flatMap((t) => m.analyze(t))).size);
  log(`query ${n}: p50 ${summary.p50.toFixed(3)} ms, p99 ${summary.p99.toFixed(3)} ms over ${queries} queries × ${passes} passes`);
  return {
    warmup,
    queries,
    passes,
    summary,
    perQuery: medianOfPasses(runs),
    meanResults: results / needs.length,
    meanDistinctTerms: terms.reduce((a, b) => a + b, 0) / terms.length,
  };
}

/**
 * Times each need `passes` times, pass p in a seeded permutation (pass 0 in order). Returns the
 * times by pass, indexed by need, and the number of results of the first pass.
 */
export function timeQueries(m: Matcher, needs: readonly NeedInput[], passes: number): { times: number[][]; results: number } {
  const runs: number[][] = [];
  let results = 0;
  const indexes = needs.map((_, i) => i);
  for (let p = 0; p < passes; p++) {
    const order = p === 0 ? indexes : shuffled(rngFor(7, 'pass', p), indexes);
    const times: number[] = new Array(needs.length);
    for (const i of order) {
      const t0 = now();
      const recs = m.recommendExperts(needs[i]!, TOP10);
      times[i] = now() - t0;
      if (p === 0) results += recs.length;
    }
    runs.push(times);
  }
  return { times: runs, results };
}
