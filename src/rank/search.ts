import { impactIn, type Segment, seek } from '../index/segment.js';
import { IMPACT_SCALE } from './similarity.js';
import { TopK } from './topk.js';

/** One query term after weighting: `weight` = query weight × idf (× expansion factor). */
export interface QueryTerm {
  termId: number;
  weight: number;
}

/** What a search reads: segments in slot order and liveness. Plain data, shareable with workers. */
export interface SearchIndex {
  segments: readonly Segment[];
  alive: Uint8Array;
}

export interface ScoredSlot {
  slot: number;
  /** Σ weight × impact over matched query terms, in query order (before text scaling). */
  text: number;
  /** Final score: textScale × text + extra(slot). */
  score: number;
}

export interface SearchOptions {
  k: number;
  /** Multiplies the raw text sum (normalisation and the text weight). */
  textScale: number;
  /** Non-text part of the score (industry agreement), in [0, extraBound]. */
  extra: (slot: number) => number;
  extraBound: number;
  /** Candidate filter (kinds, industries, exclusions); absent when every live document qualifies. */
  accept?: (slot: number) => boolean;
  /** Tie-break key: results with equal scores are ordered by this key ascending. */
  tieKey: (slot: number) => string;
  minScore: number;
}

function collector(opts: SearchOptions): TopK<ScoredSlot> {
  return new TopK<ScoredSlot>(opts.k, (a, b) =>
    a.score !== b.score ? a.score > b.score : opts.tieKey(a.slot) < opts.tieKey(b.slot),
  );
}

/** Per-term weights with the impact scale folded in: contribution = w × imp. */
function scaled(query: readonly QueryTerm[]): Float64Array {
  return Float64Array.from(query, (q) => q.weight / IMPACT_SCALE);
}

/**
 * Exhaustive term-at-a-time scoring into a dense accumulator, then top-k. Only documents that
 * match at least one query term are candidates. This is the reference that the pruned search
 * reproduces exactly (same sums in the same order).
 */
export function searchExhaustive(index: SearchIndex, query: readonly QueryTerm[], opts: SearchOptions): ScoredSlot[] {
  const w = scaled(query);
  const top = collector(opts);
  for (const seg of index.segments) {
    const V = seg.offsets.length - 1;
    const acc = new Map<number, number>();
    for (let i = 0; i < query.length; i++) {
      const t = (query[i] as QueryTerm).termId;
      if (t >= V) continue;
      const wi = w[i] as number;
      for (let p = seg.offsets[t] as number, e = seg.offsets[t + 1] as number; p < e; p++) {
        const d = seg.docs[p] as number;
        acc.set(d, (acc.get(d) ?? 0) + wi * (seg.imps[p] as number));
      }
    }
    for (const [d, text] of acc) offer(top, index, opts, d, text);
  }
  return top.sorted();
}

function offer(top: TopK<ScoredSlot>, index: SearchIndex, opts: SearchOptions, d: number, text: number): void {
  if (index.alive[d] !== 1 || text <= 0 || (opts.accept !== undefined && !opts.accept(d))) return;
  const score = opts.textScale * text + opts.extra(d);
  if (score < opts.minScore) return;
  top.offer({ slot: d, text, score });
}

/**
 * Document-at-a-time MaxScore (Turtle & Flood). Query terms are sorted by their upper bound
 * (weight × largest impact); once k results are held, the terms whose bounds together cannot
 * lift a document above the k-th score become non-essential: documents are only generated from
 * the essential lists, and the others are probed (galloping search) only while the document can
 * still make it. The candidate's text sum is then recomputed in query order, so scores — and
 * therefore results, ties included — are identical to `searchExhaustive`.
 */
export function searchMaxScore(index: SearchIndex, query: readonly QueryTerm[], opts: SearchOptions): ScoredSlot[] {
  const n = query.length;
  const w = scaled(query);
  const top = collector(opts);
  const order = Array.from({ length: n }, (_, i) => i);
  const pos = new Int32Array(n);
  const end = new Int32Array(n);
  const ub = new Float64Array(n);
  const prefix = new Float64Array(n + 1);
  const found = new Int32Array(n); // impact of the current document per query term (query order)
  const accept = opts.accept;
  const hits = new Int32Array(n); // query-term indexes with found[i] > 0
  let nFound = 0;
  for (const seg of index.segments) {
    const V = seg.offsets.length - 1;
    for (let i = 0; i < n; i++) {
      const t = (query[i] as QueryTerm).termId;
      ub[i] = t < V ? (w[i] as number) * (seg.maxImp[t] as number) : 0;
    }
    order.sort((a, b) => (ub[a] as number) - (ub[b] as number) || a - b);
    for (let r = 0; r < n; r++) {
      const i = order[r] as number;
      const t = (query[i] as QueryTerm).termId;
      pos[r] = t < V ? (seg.offsets[t] as number) : 0;
      end[r] = t < V ? (seg.offsets[t + 1] as number) : 0;
      prefix[r + 1] = (prefix[r] as number) + (ub[i] as number);
    }
    // Lists order[0 .. firstEssential) are non-essential. A document is dropped as soon as an
    // upper bound of its score falls below the threshold (the k-th score, or minScore), with a
    // relative margin for floating-point rounding so that nothing that could tie is dropped.
    const scale = opts.textScale;
    const extraBound = opts.extraBound;
    const held = top.threshold();
    let th = Math.max(held ? held.score : -Infinity, opts.minScore);
    let cut = th - 1e-9 * (1 + Math.abs(th));
    let firstEssential = 0;
    while (firstEssential < n && scale * (prefix[firstEssential + 1] as number) + extraBound < cut) firstEssential++;
    for (;;) {
      if (firstEssential >= n) break;
      let d = 0x7fffffff;
      for (let r = firstEssential; r < n; r++) {
        const p = pos[r] as number;
        if (p < (end[r] as number)) {
          const x = seg.docs[p] as number;
          if (x < d) d = x;
        }
      }
      if (d === 0x7fffffff) break;
      for (let f = 0; f < nFound; f++) found[hits[f] as number] = 0;
      nFound = 0;
      let partial = 0;
      for (let r = firstEssential; r < n; r++) {
        const p = pos[r] as number;
        if (p < (end[r] as number) && seg.docs[p] === d) {
          const i = order[r] as number;
          const imp = seg.imps[p] as number;
          found[i] = imp;
          hits[nFound++] = i;
          partial += (w[i] as number) * imp;
          pos[r] = p + 1;
        }
      }
      // Cheap bound first (extra at its bound), then the document's own extra part.
      if (scale * (partial + (prefix[firstEssential] as number)) + extraBound < cut) continue;
      if (index.alive[d] !== 1 || (accept !== undefined && !accept(d))) continue;
      const ex = extraBound > 0 ? opts.extra(d) : 0;
      let pruned = false;
      for (let r = firstEssential - 1; r >= 0; r--) {
        if (scale * (partial + (prefix[r + 1] as number)) + ex < cut) {
          pruned = true;
          break;
        }
        const e = end[r] as number;
        const p = seek(seg.docs, pos[r] as number, e, d);
        pos[r] = p;
        if (p < e && seg.docs[p] === d) {
          const i = order[r] as number;
          const imp = seg.imps[p] as number;
          found[i] = imp;
          hits[nFound++] = i;
          partial += (w[i] as number) * imp;
        }
      }
      if (pruned || scale * partial + ex < cut) continue;
      // The exact text sum, in query order (as searchExhaustive adds it).
      hits.subarray(0, nFound).sort();
      let text = 0;
      for (let f = 0; f < nFound; f++) {
        const i = hits[f] as number;
        text += (w[i] as number) * (found[i] as number);
      }
      if (text <= 0) continue;
      const score = scale * text + ex;
      if (score < opts.minScore) continue;
      const before = top.threshold();
      top.offer({ slot: d, text, score });
      const after = top.threshold();
      if (after !== undefined && after !== before) {
        th = Math.max(after.score, opts.minScore);
        cut = th - 1e-9 * (1 + Math.abs(th));
        while (firstEssential < n && scale * (prefix[firstEssential + 1] as number) + extraBound < cut) firstEssential++;
      }
    }
  }
  return top.sorted();
}

/** s(term, doc) × IMPACT_SCALE as stored, looked up across segments. */
export function impactOf(index: SearchIndex, termId: number, slot: number): number {
  for (const seg of index.segments) {
    const imp = impactIn(seg, termId, slot);
    if (imp > 0) return imp;
  }
  return 0;
}
