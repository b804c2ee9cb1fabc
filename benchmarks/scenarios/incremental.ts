/**
 * Incremental changes to a built matcher (the one loaded from the binary snapshot, as a deployed
 * matcher would be): add `count` new profiles, then remove them again, then remove `count` of
 * the original profiles. Each step is timed (the call, then the first query, which brings the
 * postings up to date) and its results are compared with a matcher built from scratch on the
 * same live profiles, in the same order. The added profiles are removed one by one
 * (`removeExpert`), the originals in one `removeExperts` call when the matcher has it:
 *   after the adds     — a fresh build of the n profiles + the new ones (also the rebuild time);
 *   after removing them — the results before the adds;
 *   after removing originals — a fresh build of the n profiles less those.
 */
import type { ExpertInput, Matcher, NeedInput, Recommendation } from '../../src/index.js';
import { type BenchContext, NEED_RANGES, newMatcher, TOP10 } from '../context.js';
import { log, now, settleHeap } from '../stats.js';
import type { IncrementalResult } from '../types.js';
import { sameResults } from './batch.js';

const CHECKED = 20;

function answers(m: Matcher, needs: readonly NeedInput[]): Recommendation[][] {
  return needs.map((q) => m.recommendExperts(q, TOP10));
}

/**
 * Builds a matcher from scratch on profiles [from, n) followed by `extra`, and tells whether it
 * answers `check` exactly as `expected`; the build time includes the first query. The fresh
 * matcher is dropped on return.
 */
async function compareWithFresh(
  ctx: BenchContext,
  from: number,
  n: number,
  extra: ExpertInput[],
  check: readonly NeedInput[],
  expected: readonly Recommendation[][],
): Promise<{ identical: boolean; buildMs: number }> {
  await settleHeap();
  const m = newMatcher(ctx);
  let buildMs = 0;
  for (let at = from; at < n; at += ctx.chunk) {
    const batch = ctx.gen.experts(at, Math.min(ctx.chunk, n - at));
    const t0 = now();
    m.addExperts(batch);
    buildMs += now() - t0;
  }
  const t0 = now();
  if (extra.length > 0) m.addExperts(extra);
  m.recommendExperts(check[0]!, TOP10);
  buildMs += now() - t0;
  return { identical: sameResults(expected, answers(m, check)), buildMs };
}

export async function runIncremental(ctx: BenchContext, m: Matcher, n: number, count: number): Promise<IncrementalResult> {
  const check = ctx.gen.needs(NEED_RANGES.measured, CHECKED);
  const first = check[0]!;
  const before = answers(m, check);
  const extra = ctx.gen.experts(n, count);

  let t0 = now();
  m.addExperts(extra);
  const addMs = now() - t0;
  t0 = now();
  m.recommendExperts(first, TOP10);
  const addFirstQueryMs = now() - t0;
  const afterAdd = answers(m, check);
  const built = await compareWithFresh(ctx, 0, n, extra, check, afterAdd);

  t0 = now();
  for (const e of extra) m.removeExpert(e.id);
  const removeAddedMs = now() - t0;
  t0 = now();
  m.recommendExperts(first, TOP10);
  const removeAddedFirstQueryMs = now() - t0;
  const identicalAfterRemoveAdded = sameResults(before, answers(m, check));

  // Originals (in the main segment) go in one call when the matcher can do that.
  const originals = ctx.gen.experts(0, count).map((e) => e.id);
  const bulk = (m as { removeExperts?: (ids: string[]) => number }).removeExperts;
  t0 = now();
  if (typeof bulk === 'function') bulk.call(m, originals);
  else for (const id of originals) m.removeExpert(id);
  const removeOriginalMs = now() - t0;
  t0 = now();
  m.recommendExperts(first, TOP10);
  const removeOriginalFirstQueryMs = now() - t0;
  const afterRemove = answers(m, check);
  const rest = await compareWithFresh(ctx, count, n, [], check, afterRemove);

  const result: IncrementalResult = {
    count,
    bulkRemove: typeof bulk === 'function',
    addMs,
    addFirstQueryMs,
    rebuildMs: built.buildMs,
    identicalAfterAdd: built.identical,
    removeAddedMs,
    removeAddedFirstQueryMs,
    identicalAfterRemoveAdded,
    removeOriginalMs,
    removeOriginalFirstQueryMs,
    identicalAfterRemoveOriginal: rest.identical,
    checked: check.length,
  };
  log(
    `incremental ${n}: add ${count} ${addMs.toFixed(0)} ms + first query ${addFirstQueryMs.toFixed(1)} ms vs rebuild ${(built.buildMs / 1000).toFixed(2)} s; ` +
      `remove added ${removeAddedMs.toFixed(0)} ms, remove originals ${removeOriginalMs.toFixed(0)} ms; identical: ` +
      `${built.identical}/${identicalAfterRemoveAdded}/${rest.identical}`,
  );
  return result;
}
