import { impactIn, type Segment, seek } from '../index/segment.js';
import { TopK } from './topk.js';

/**
 * One query term: `units` is its weight as a positive integer (query weight × idf, quantised by
 * the query builder). With integer weights and one-byte impacts every partial sum is an exact
 * integer, so the text score does not depend on the order in which terms are added: any pruned
 * evaluation order gives bit-for-bit the scores of the exhaustive one.
 */
export interface QueryTerm {
  termId: number;
  units: number;
}

/** What a search reads: segments in slot order and liveness. Plain data, shareable with workers. */
export interface SearchIndex {
  segments: readonly Segment[];
  alive: Uint8Array;
  /**
   * Buffers of at least alive.length entries that searches reuse instead of allocating per
   * query; `acc` must be all zero and is left so. Not shared between threads.
   */
  scratch?: Scratch;
}

export interface Scratch {
  acc: Float64Array;
  touched: Int32Array;
  candidates: Int32Array;
  /** Boost by slot, valid for the current candidates only. */
  boost: Float64Array;
}

/** Search buffers for an index of `slots` slots. */
export function createScratch(slots: number): Scratch {
  return {
    acc: new Float64Array(slots),
    touched: new Int32Array(slots),
    candidates: new Int32Array(slots),
    boost: new Float64Array(slots),
  };
}

export interface ScoredSlot {
  slot: number;
  /** Σ units × impact over matched query terms (an exact integer). */
  text: number;
  /** Final score: textScale × text × (1 + boost(slot)). */
  score: number;
}

export interface SearchOptions {
  k: number;
  /** Multiplies the integer text sum (weight unit, impact scale, normalisation, text weight). */
  textScale: number;
  /**
   * Relative boost of a document's text score (industry agreement), in [0, boostBound]. Being a
   * factor on the text score, it never lifts a document that matches little.
   */
  boost: (slot: number) => number;
  boostBound: number;
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

function slotCount(index: SearchIndex): number {
  return index.alive.length;
}

function eligible(index: SearchIndex, opts: SearchOptions, d: number): boolean {
  return index.alive[d] === 1 && (opts.accept === undefined || opts.accept(d));
}

function offer(top: TopK<ScoredSlot>, opts: SearchOptions, d: number, text: number): void {
  if (text <= 0) return;
  const score = opts.textScale * text * (1 + opts.boost(d));
  if (score < opts.minScore) return;
  top.offer({ slot: d, text, score });
}

/**
 * Exhaustive term-at-a-time scoring into a dense accumulator, then top-k. Only documents that
 * match at least one query term are candidates. The reference for the pruned search.
 */
export function searchExhaustive(index: SearchIndex, query: readonly QueryTerm[], opts: SearchOptions): ScoredSlot[] {
  const top = collector(opts);
  const acc = new Float64Array(slotCount(index));
  for (const seg of index.segments) {
    const V = seg.offsets.length - 1;
    const touched: number[] = [];
    for (const q of query) {
      if (q.termId >= V) continue;
      for (let p = seg.offsets[q.termId] as number, e = seg.offsets[q.termId + 1] as number; p < e; p++) {
        const d = seg.docs[p] as number;
        if (acc[d] === 0) touched.push(d);
        acc[d] = (acc[d] as number) + q.units * (seg.imps[p] as number);
      }
    }
    for (const d of touched) if (eligible(index, opts, d)) offer(top, opts, d, acc[d] as number);
  }
  return top.sorted();
}

/** The k-th largest of values[0..n) (1-based k <= n), by quickselect; reorders values. */
function kthLargest(values: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) > pivot) i++;
      while ((values[j] as number) < pivot) j--;
      if (i <= j) {
        const t = values[i] as number;
        values[i] = values[j] as number;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target] as number;
}

/**
 * Term-at-a-time with MaxScore-style pruning. Terms are taken from the highest upper bound
 * (units × largest impact) down. While unseen documents could still reach the top k, every
 * posting is accumulated. Once the remaining terms' bounds (with the largest possible boost)
 * fall below a proven lower bound of the k-th score — the k-th best score among the
 * documents seen so far, counting only what they have already accumulated — no new document can
 * enter: the remaining, longer lists are only probed (galloping search) for the surviving
 * candidates, which are re-pruned after each list. Integer sums make the result identical to
 * `searchExhaustive`, ties included.
 */
export function searchPruned(index: SearchIndex, query: readonly QueryTerm[], opts: SearchOptions): ScoredSlot[] {
  const n = query.length;
  const top = collector(opts);
  const scratch = index.scratch && index.scratch.acc.length >= slotCount(index) ? index.scratch : createScratch(slotCount(index));
  const acc = scratch.acc;
  const touched = scratch.touched;
  const scale = opts.textScale;
  const margin = (x: number): number => x - 1e-9 * (1 + Math.abs(x));
  const order = Array.from({ length: n }, (_, i) => i);
  const buffers: Buffers = { slots: new Int32Array(0), values: new Float64Array(0) };
  const ub = new Float64Array(n);
  const rem = new Float64Array(n + 1);
  for (const seg of index.segments) {
    const V = seg.offsets.length - 1;
    for (let i = 0; i < n; i++) {
      const q = query[i] as QueryTerm;
      ub[i] = q.termId < V ? q.units * (seg.maxImp[q.termId] as number) : 0;
    }
    order.sort((a, b) => (ub[b] as number) - (ub[a] as number) || a - b);
    rem[n] = 0;
    for (let r = n - 1; r >= 0; r--) rem[r] = (rem[r + 1] as number) + (ub[order[r] as number] as number);
    const rest = (from: number): QueryTerm[] => order.slice(from).map((i) => query[i] as QueryTerm);
    const held = top.threshold();
    const floor = Math.max(held ? held.score : -Infinity, opts.minScore);
    let nTouched = 0;
    let r = 0;
    let nextCheck = (rem[0] as number) / 2;
    let lastCheck = -Infinity;
    let lowerBound = floor;
    // Phase A: accumulate every posting while unseen documents can still make the top k.
    for (; r < n; r++) {
      const q = query[order[r] as number] as QueryTerm;
      if (q.termId < V) {
        for (let p = seg.offsets[q.termId] as number, e = seg.offsets[q.termId + 1] as number; p < e; p++) {
          const d = seg.docs[p] as number;
          if (acc[d] === 0) touched[nTouched++] = d;
          acc[d] = (acc[d] as number) + q.units * (seg.imps[p] as number);
        }
      }
      const left = rem[r + 1] as number;
      if (r + 1 < n) {
        // Computing the lower bound costs a pass over the documents seen: do it at each halving
        // of the remaining bound mass until one is known, then only when a stop looks close.
        const reach = scale * left * (1 + opts.boostBound);
        const due = lastCheck > -Infinity ? reach < 1.25 * lastCheck : left <= nextCheck;
        if (due) {
          nextCheck = left / 2;
          lastCheck = kthLowerBound(index, opts, acc, touched, nTouched, buffers, seg, rest(r + 1));
          lowerBound = Math.max(floor, lastCheck);
          if (reach < margin(lowerBound)) {
            r++;
            break;
          }
        }
      }
    }
    let candidates: ArrayLike<number> = touched;
    let nCandidates = nTouched;
    if (r < n) {
      // Phase B: only documents already seen can still enter; probe the remaining lists for them.
      // Each candidate's boost is computed once, and only if its cheap bound passes.
      const left = rem[r] as number;
      const cut = margin(lowerBound);
      const cand = scratch.candidates;
      const boostOf = scratch.boost;
      let m = 0;
      for (let t = 0; t < nTouched; t++) {
        const d = touched[t] as number;
        const text = scale * ((acc[d] as number) + left);
        if (text * (1 + opts.boostBound) < cut || !eligible(index, opts, d)) continue;
        const bo = opts.boost(d);
        if (text * (1 + bo) < cut) continue;
        cand[m++] = d;
        boostOf[d] = bo;
      }
      cand.subarray(0, m).sort();
      for (; r < n && m > 0; r++) {
        const q = query[order[r] as number] as QueryTerm;
        if (q.termId < V) {
          let p = seg.offsets[q.termId] as number;
          const e = seg.offsets[q.termId + 1] as number;
          if (m * 8 < e - p) {
            // Few candidates for a long list: galloping search for each.
            for (let c = 0; c < m; c++) {
              const d = cand[c] as number;
              p = seek(seg.docs, p, e, d);
              if (p >= e) break;
              if (seg.docs[p] === d) acc[d] = (acc[d] as number) + q.units * (seg.imps[p] as number);
            }
          } else {
            // Dense candidates: merge the two sorted sequences.
            for (let c = 0; c < m && p < e; c++) {
              const d = cand[c] as number;
              while (p < e && (seg.docs[p] as number) < d) p++;
              if (p < e && seg.docs[p] === d) acc[d] = (acc[d] as number) + q.units * (seg.imps[p] as number);
            }
          }
        }
        const after = rem[r + 1] as number;
        let kept = 0;
        for (let c = 0; c < m; c++) {
          const d = cand[c] as number;
          if (scale * ((acc[d] as number) + after) * (1 + (boostOf[d] as number)) >= cut) cand[kept++] = d;
        }
        m = kept;
      }
      candidates = cand;
      nCandidates = m;
    }
    // A document whose text with the largest boost cannot reach the bound is skipped before its
    // boost is computed.
    const last = Math.max(lowerBound, candidates === touched ? kthLowerBound(index, opts, acc, touched, nTouched, buffers, seg, []) : -Infinity);
    const cut = margin(last);
    for (let c = 0; c < nCandidates; c++) {
      const d = candidates[c] as number;
      if (scale * (acc[d] as number) * (1 + opts.boostBound) < cut) continue;
      if (eligible(index, opts, d)) offer(top, opts, d, acc[d] as number);
    }
    for (let t = 0; t < nTouched; t++) acc[touched[t] as number] = 0;
  }
  return top.sorted();
}

interface Buffers {
  slots: Int32Array;
  values: Float64Array;
}

/**
 * A proven lower bound of the final k-th score: take the k eligible documents with the most text
 * so far, complete their text exactly from the lists not yet accumulated (`rest`, probed by
 * binary search: k × |rest| look-ups) and return the smallest of their final scores. These are
 * real scores of real documents, so the k-th best score can only be higher. -Infinity below k.
 */
function kthLowerBound(
  index: SearchIndex,
  opts: SearchOptions,
  acc: Float64Array,
  touched: Int32Array,
  nTouched: number,
  buf: Buffers,
  seg: Segment,
  rest: readonly QueryTerm[],
): number {
  const k = opts.k;
  if (nTouched < k) return -Infinity;
  if (buf.slots.length < nTouched) {
    buf.slots = new Int32Array(nTouched * 2);
    buf.values = new Float64Array(nTouched * 2);
  }
  const { slots, values } = buf;
  let m = 0;
  for (let t = 0; t < nTouched; t++) {
    const d = touched[t] as number;
    if (!eligible(index, opts, d)) continue;
    slots[m] = d;
    values[m++] = acc[d] as number;
  }
  if (m < k) return -Infinity;
  const kth = kthLargest(values, m, k);
  let bound = Infinity;
  let taken = 0;
  for (let i = 0; i < m && taken < k; i++) {
    const d = slots[i] as number;
    if ((acc[d] as number) < kth) continue;
    taken++;
    let text = acc[d] as number;
    for (const q of rest) text += q.units * impactIn(seg, q.termId, d);
    bound = Math.min(bound, opts.textScale * text * (1 + opts.boost(d)));
  }
  return bound;
}

/** The stored impact (1..255) of a document for a term, looked up across segments. */
export function impactOf(index: SearchIndex, termId: number, slot: number): number {
  for (const seg of index.segments) {
    const imp = impactIn(seg, termId, slot);
    if (imp > 0) return imp;
  }
  return 0;
}
