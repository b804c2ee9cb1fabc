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
  /** Per-slot factor on the text sum (profiles weighted by the centroid model); absent = 1. */
  scale?: Float32Array;
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
}

/** Search buffers for an index of `slots` slots. */
export function createScratch(slots: number): Scratch {
  return {
    acc: new Float64Array(slots),
    touched: new Int32Array(slots),
    candidates: new Int32Array(slots),
  };
}

export interface ScoredSlot {
  slot: number;
  /** Σ units × impact over matched query terms (an exact integer), × the slot's scale if any. */
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
  /**
   * How postings are accumulated: `dense` scans the whole accumulator afterwards, `blocked` is
   * dense one block of documents at a time, `sparse` keeps a list of the documents touched.
   * Chosen from the query's postings count and the index size when absent; the result is the
   * same either way.
   */
  accumulate?: 'dense' | 'blocked' | 'sparse';
  /** Documents per block of `blocked` accumulation (default ACC_BLOCK; small values for tests). */
  blockSize?: number;
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
 * match at least one query term are candidates. The reference for `searchTopK`.
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
    const scale = index.scale;
    for (const d of touched) {
      if (eligible(index, opts, d)) offer(top, opts, d, scale === undefined ? (acc[d] as number) : (acc[d] as number) * (scale[d] as number));
    }
  }
  return top.sorted();
}

/**
 * Exhaustive accumulation, pruned selection. Every posting of every query term is added into a
 * dense accumulator (one tight pass over typed arrays: at 100k profiles a 150-character need
 * reads ~60k postings), keeping the k eligible documents with the most text in a small heap on
 * the way out. Their exact final scores are a proven lower bound of the k-th best score, so a
 * document is scored (boost computed, offered to the top k) only if its text with the largest
 * possible boost reaches that bound; the bound rises as the top k fills. Integer sums make the
 * result identical to `searchExhaustive`, ties included.
 */
export function searchTopK(index: SearchIndex, query: readonly QueryTerm[], opts: SearchOptions): ScoredSlot[] {
  const top = collector(opts);
  const slots = slotCount(index);
  const scratch = index.scratch && index.scratch.acc.length >= slots ? index.scratch : createScratch(slots);
  const acc = scratch.acc;
  const touched = scratch.touched;
  const alive = index.alive;
  const accept = opts.accept;
  let postings = 0;
  for (const seg of index.segments) {
    const V = seg.offsets.length - 1;
    for (const q of query) if (q.termId < V) postings += (seg.offsets[q.termId + 1] as number) - (seg.offsets[q.termId] as number);
  }
  // A dense query touches a good share of the documents: then remembering which ones costs more
  // (an unpredictable branch per posting) than scanning the whole accumulator afterwards.
  const mode = opts.accumulate ?? (postings * 4 <= slots ? 'sparse' : slots > BLOCKED_FROM ? 'blocked' : 'dense');
  const dense = mode !== 'sparse';
  let nTouched = 0;
  for (const seg of index.segments) {
    const V = seg.offsets.length - 1;
    const { offsets, docs, imps } = seg;
    if (mode === 'blocked') {
      accumulateBlocked(seg, query, acc, slots, opts.blockSize ?? ACC_BLOCK);
      continue;
    }
    for (const q of query) {
      if (q.termId >= V) continue;
      const units = q.units;
      const e = offsets[q.termId + 1] as number;
      if (dense) {
        for (let p = offsets[q.termId] as number; p < e; p++) {
          const d = docs[p] as number;
          acc[d] = (acc[d] as number) + units * (imps[p] as number);
        }
      } else {
        for (let p = offsets[q.termId] as number; p < e; p++) {
          const d = docs[p] as number;
          const a = acc[d] as number;
          if (a === 0) touched[nTouched++] = d;
          acc[d] = a + units * (imps[p] as number);
        }
      }
    }
  }
  const n = dense ? slots : nTouched;
  // One pass keeps the k eligible documents with the most text (a min-heap) and, as candidates,
  // every document whose text with the largest boost reaches the heap's least text at the time
  // it is seen. Final scores are at least textScale × text, so the k-th best score is at least
  // textScale × (the heap's least text), which only rises: a document skipped here cannot enter.
  const k = opts.k;
  const heapSlots = new Int32Array(k);
  const heapText = new Float64Array(k);
  const cand = scratch.candidates;
  const stretch = 1 + opts.boostBound;
  const docScale = index.scale;
  let h = 0;
  let m = 0;
  let skipBelow = 0;
  for (let t = 0; t < n; t++) {
    const d = dense ? t : (touched[t] as number);
    const text = docScale === undefined ? (acc[d] as number) : (acc[d] as number) * (docScale[d] as number);
    if (text <= skipBelow) continue;
    if (alive[d] !== 1 || (accept !== undefined && !accept(d))) continue;
    cand[m++] = d;
    if (h < k) {
      heapText[h] = text;
      heapSlots[h] = d;
      siftUp(heapText, heapSlots, h++);
    } else if (text > (heapText[0] as number)) {
      heapText[0] = text;
      heapSlots[0] = d;
      siftDown(heapText, heapSlots, h);
    } else continue;
    if (h === k) skipBelow = Math.max(0, (heapText[0] as number) / stretch - 1);
  }
  // The heap's exact scores bound the k-th best score from below; a candidate is scored (boost
  // computed, offered) only if its text with the largest boost reaches the bound, which rises
  // as the top k fills.
  const scale = opts.textScale;
  const margin = (x: number): number => x - 1e-9 * (1 + Math.abs(x));
  let bound = opts.minScore;
  if (h === k && k > 0) {
    let least = Infinity;
    for (let i = 0; i < h; i++) {
      const d = heapSlots[i] as number;
      least = Math.min(least, scale * (heapText[i] as number) * (1 + opts.boost(d)));
    }
    bound = Math.max(bound, least);
  }
  let cut = margin(bound);
  for (let c = 0; c < m; c++) {
    const d = cand[c] as number;
    const text = docScale === undefined ? (acc[d] as number) : (acc[d] as number) * (docScale[d] as number);
    if (scale * stretch * text < cut) continue;
    offer(top, opts, d, text);
    const held = top.threshold();
    if (held && held.score > bound) {
      bound = held.score;
      cut = margin(bound);
    }
  }
  if (dense) acc.fill(0, 0, slots);
  else for (let t = 0; t < nTouched; t++) acc[touched[t] as number] = 0;
  return top.sorted();
}

/** Documents per block of the accumulator: 32k × 8 bytes stays in a core's L2 cache. */
const ACC_BLOCK = 32768;
/**
 * Index size from which accumulation goes block by block. Measured on this project's 2-core
 * machine (tmp A/B, same plans): at 100k slots blocking was slower (1.02 vs 0.79 ms per
 * search: the whole accumulator stays in cache), at 1M faster (12.5 vs 14.8 ms).
 */
const BLOCKED_FROM = 262_144;

/**
 * Adds every posting of the query's terms into the accumulator, one block of documents at a
 * time: each term's list is walked once in order, but the random writes of a block stay within
 * 256 KB instead of spreading over the whole accumulator.
 */
function accumulateBlocked(seg: Segment, query: readonly QueryTerm[], acc: Float64Array, slots: number, block: number): void {
  const V = seg.offsets.length - 1;
  const { offsets, docs, imps } = seg;
  const terms = query.filter((q) => q.termId < V);
  const cursor = Int32Array.from(terms, (q) => offsets[q.termId] as number);
  const end = Int32Array.from(terms, (q) => offsets[q.termId + 1] as number);
  for (let lo = 0; lo < slots; lo += block) {
    const hi = Math.min(lo + block, slots);
    for (let j = 0; j < terms.length; j++) {
      const units = (terms[j] as QueryTerm).units;
      let p = cursor[j] as number;
      const stop = seek(docs, p, end[j] as number, hi);
      for (; p < stop; p++) {
        const d = docs[p] as number;
        acc[d] = (acc[d] as number) + units * (imps[p] as number);
      }
      cursor[j] = stop;
    }
  }
}

function siftUp(keys: Float64Array, vals: Int32Array, i: number): void {
  while (i > 0) {
    const p = (i - 1) >> 1;
    if ((keys[p] as number) <= (keys[i] as number)) return;
    swap(keys, vals, i, p);
    i = p;
  }
}

function siftDown(keys: Float64Array, vals: Int32Array, n: number): void {
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < n && (keys[l] as number) < (keys[m] as number)) m = l;
    if (r < n && (keys[r] as number) < (keys[m] as number)) m = r;
    if (m === i) return;
    swap(keys, vals, i, m);
    i = m;
  }
}

function swap(keys: Float64Array, vals: Int32Array, i: number, j: number): void {
  const tk = keys[i] as number;
  keys[i] = keys[j] as number;
  keys[j] = tk;
  const tv = vals[i] as number;
  vals[i] = vals[j] as number;
  vals[j] = tv;
}

/** The stored impact (1..255) of a document for a term, looked up across segments. */
export function impactOf(index: SearchIndex, termId: number, slot: number): number {
  for (const seg of index.segments) {
    const imp = impactIn(seg, termId, slot);
    if (imp > 0) return imp;
  }
  return 0;
}
