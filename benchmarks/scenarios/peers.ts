/**
 * Peers side by side: the same N profiles and the same queries, as the tokens innomatch produces
 * (`m.analyze` of the same texts), indexed by minisearch and natural's TfIdf. Each peer answers
 * the first queries of the query scenario (up to a count and a time budget, after one warm-up
 * query). After each peer query innomatch answers two needs: first another one (from the warm-up
 * range), right after the peer has filled the caches with its own data, then the same need as
 * the peer. The medians of the peer and of innomatch on the same needs are compared; innomatch's
 * median on the other needs (cold caches) is reported beside it.
 */
import type { Matcher } from '../../src/index.js';
import { type BenchContext, NEED_RANGES, TOP10 } from '../context.js';
import { expertTexts, needTexts } from '../generate.js';
import { createPeer, type PeerName } from '../peers.js';
import { fullGc, heapBytes, log, median, now, settleHeap, summarize } from '../stats.js';
import type { PeerResult, QueryResult } from '../types.js';

export interface PeerPlan {
  name: PeerName;
  maxQueries: number;
  /** Stop asking after this much query time (at least `minQueries` are asked). */
  budgetMs: number;
}

const MIN_QUERIES = 5;

export async function runPeers(
  ctx: BenchContext,
  m: Matcher,
  n: number,
  plans: readonly PeerPlan[],
  query: QueryResult,
): Promise<PeerResult[]> {
  if (plans.length === 0) return [];
  const analyze = (texts: string[]): string[] => texts.flatMap((t) => m.analyze(t));
  let docs: string[][] | undefined = [];
  for (let from = 0; from < n; from += ctx.chunk) {
    for (const e of ctx.gen.experts(from, Math.min(ctx.chunk, n - from))) docs.push(analyze(expertTexts(e)));
  }
  const maxQ = Math.max(...plans.map((p) => p.maxQueries));
  const needs = ctx.gen.needs(NEED_RANGES.measured, Math.min(maxQ, query.perQuery.length));
  const queries = needs.map((q) => analyze(needTexts(q)));
  const warmNeed = ctx.gen.needs(NEED_RANGES.warmup + 1, 1)[0]!;
  const warm = analyze(needTexts(warmNeed));
  const others = ctx.gen.needs(NEED_RANGES.warmup + 2, needs.length);

  const out: PeerResult[] = [];
  for (const plan of plans) {
    await settleHeap();
    const h0 = heapBytes();
    let peer: ReturnType<typeof createPeer> | undefined = createPeer(plan.name);
    const { name, version } = peer;
    let t0 = now();
    peer.build(docs);
    const buildMs = now() - t0;
    await settleHeap();
    const heapPerProfile = (heapBytes() - h0) / n;
    peer.query(warm, 10);
    m.recommendExperts(warmNeed, TOP10);
    // Side by side, query by query, so that a burst of load on the shared machine hits both
    // alike. Right after the peer, innomatch's index is out of the CPU caches (the peer has just
    // read its own data): it answers another need first (timed as `cold`), which brings it back
    // to the state of a matcher that answers queries one after another, then the peer's need.
    const times: number[] = [];
    const ours: number[] = [];
    const cold: number[] = [];
    let spent = 0;
    for (let i = 0; i < Math.min(plan.maxQueries, queries.length); i++) {
      t0 = now();
      peer.query(queries[i] as string[], 10);
      const dt = now() - t0;
      times.push(dt);
      spent += dt;
      let t1 = now();
      m.recommendExperts(others[i]!, TOP10);
      cold.push(now() - t1);
      t1 = now();
      m.recommendExperts(needs[i]!, TOP10);
      ours.push(now() - t1);
      if (spent > plan.budgetMs && times.length >= MIN_QUERIES) break;
    }
    const summary = summarize(times);
    peer = undefined;
    const innomatchP50 = median(ours);
    const r: PeerResult = {
      name,
      version,
      buildMs,
      heapPerProfile,
      queries: times.length,
      summary,
      innomatchP50,
      ratio: summary.p50 / innomatchP50,
      innomatchColdP50: median(cold),
    };
    if (times.length < plan.maxQueries) r.note = `stopped after ${times.length} queries (time budget ${plan.budgetMs / 1000} s)`;
    out.push(r);
    log(
      `peer ${r.name} ${r.version} @${n}: build ${(buildMs / 1000).toFixed(2)} s, p50 ${summary.p50.toFixed(1)} ms over ${times.length} queries ` +
        `(innomatch ${innomatchP50.toFixed(3)} ms on the same; ${median(cold).toFixed(3)} ms right after the peer) → ${r.ratio.toFixed(0)}x`,
    );
  }
  docs = undefined;
  fullGc();
  return out;
}
