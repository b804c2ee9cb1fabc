import type { Postings } from '../index/field-index.js';
import { TopK } from './topk.js';

/** One query term after weighting: `weight` = query weight × idf (× expansion factor). */
export interface QueryTerm {
  termId: number;
  weight: number;
}

export interface ScoredSlot {
  slot: number;
  /** Σ weight × impact over matched query terms (before text scaling). */
  text: number;
  /** Final score: textScale × text + extra(slot). */
  score: number;
}

export interface SearchOptions {
  k: number;
  /** Multiplies the raw text sum (normalisation and the text weight). */
  textScale: number;
  /** Non-text part of the score (industry agreement), at most `extraBound`. */
  extra: (slot: number) => number;
  extraBound: number;
  /** Candidate filter (kinds, industries, exclusions). */
  accept: (slot: number) => boolean;
  /** Tie-break key: results with equal scores are ordered by this key ascending. */
  tieKey: (slot: number) => string;
  minScore: number;
}

/**
 * Exhaustive term-at-a-time scoring into a dense accumulator, then top-k. Only documents that
 * match at least one query term are candidates. This is the reference implementation that any
 * pruned search must reproduce exactly.
 */
export function searchExhaustive(
  postings: Postings,
  slotCount: number,
  query: readonly QueryTerm[],
  opts: SearchOptions,
): ScoredSlot[] {
  const acc = new Float64Array(slotCount);
  const touched = new Uint8Array(slotCount);
  const hits: number[] = [];
  for (const q of query) {
    const end = postings.offsets[q.termId + 1] as number;
    for (let i = postings.offsets[q.termId] as number; i < end; i++) {
      const d = postings.docs[i] as number;
      acc[d] = (acc[d] as number) + q.weight * (postings.impacts[i] as number);
      if (touched[d] === 0) {
        touched[d] = 1;
        hits.push(d);
      }
    }
  }
  const top = new TopK<ScoredSlot>(opts.k, (a, b) =>
    a.score !== b.score ? a.score > b.score : opts.tieKey(a.slot) < opts.tieKey(b.slot),
  );
  for (const d of hits) {
    if (!opts.accept(d)) continue;
    const text = acc[d] as number;
    if (text <= 0) continue;
    const score = opts.textScale * text + opts.extra(d);
    if (score < opts.minScore) continue;
    top.offer({ slot: d, text, score });
  }
  return top.sorted();
}

/** s(term, doc) as stored in the postings (binary search: postings are sorted by slot). */
export function impactOf(postings: Postings, termId: number, slot: number): number {
  let lo = postings.offsets[termId] as number;
  let hi = (postings.offsets[termId + 1] as number) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = postings.docs[mid] as number;
    if (d === slot) return postings.impacts[mid] as number;
    if (d < slot) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}
