import { impactIn, lowerBound, type Segment, seek } from '../index/segment.js';
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

/**
 * Largest text sum of a document (Σ units × impact, impacts ≤ 255): searches accumulate in
 * 32-bit integers, half the memory of doubles (at 100k profiles the accumulator then fits in a
 * core's L2 cache). Queries must keep Σ units × 255 within it (buildQuery does).
 */
export const MAX_TEXT = 2 ** 31 - 1;

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
  /** Text sums: 32-bit integers suffice, since a query's units × 255 add up to at most MAX_TEXT. */
  acc: Int32Array;
  touched: Int32Array;
  /** Candidates of the selection and their text; grown on demand (usually a few thousand). */
  candidates: Int32Array;
  candidateText: Float64Array;
}

/** Search buffers for an index of `slots` slots. */
export function createScratch(slots: number): Scratch {
  return {
    acc: new Int32Array(slots),
    touched: new Int32Array(slots),
    candidates: new Int32Array(Math.min(slots, 4096)),
    candidateText: new Float64Array(Math.min(slots, 4096)),
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
        const x = seg.postings[p] as number;
        const d = x >> 8;
        if (acc[d] === 0) touched.push(d);
        acc[d] = (acc[d] as number) + q.units * (x & 255);
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
 * Exhaustive accumulation, pruned selection. Every posting of every query term is added into an
 * accumulator (tight passes over typed arrays: at 100k profiles a 150-character need reads
 * ~160k postings), keeping the k eligible documents with the most text in a small heap on the
 * way out. Their exact final scores are a proven lower bound of the k-th best score, so a
 * document is scored (boost computed, offered to the top k) only if its text with the largest
 * possible boost reaches that bound; the bound rises as the top k fills. Integer sums make the
 * result identical to `searchExhaustive`, ties included.
 */
export function searchTopK(index: SearchIndex, query: readonly QueryTerm[], opts: SearchOptions): ScoredSlot[] {
  checkTextBound(query);
  const slots = slotCount(index);
  const scratch = index.scratch && index.scratch.acc.length >= slots ? index.scratch : createScratch(slots);
  const postings = postingCount(index, query);
  // A dense query touches a good share of the documents: then remembering which ones costs more
  // (an unpredictable branch per posting) than scanning the whole accumulator afterwards.
  const mode = opts.accumulate ?? (isSparse(postings, slots) ? 'sparse' : slots > BLOCKED_FROM ? 'blocked' : 'dense');
  const sel = new Selection(index, opts, scratch);
  const acc = scratch.acc;
  // The sparse and dense passes are written out separately on purpose: one function holding
  // both loops, chosen per term, measured 3–10% slower at 100k (same-process A/B, 2 of 3 runs).
  if (mode === 'sparse') {
    const touched = scratch.touched;
    let nTouched = 0;
    for (const seg of index.segments) {
      const V = seg.offsets.length - 1;
      const { offsets, postings } = seg;
      for (const q of query) {
        if (q.termId >= V) continue;
        const units = q.units | 0;
        for (let p = offsets[q.termId] as number, e = offsets[q.termId + 1] as number; p < e; p++) {
          const x = postings[p] as number;
          const d = x >> 8;
          const a = acc[d] as number;
          if (a === 0) touched[nTouched++] = d;
          acc[d] = (a + units * (x & 255)) | 0;
        }
      }
    }
    sel.scanList(acc, touched, nTouched);
  } else if (mode === 'dense') {
    for (const seg of index.segments) accumulateDense(seg, query, acc);
    sel.scanRange(acc, 0, slots);
  } else {
    // Blocks in order: each term's list is walked once, forward.
    const blocks = Math.ceil(slots / (opts.blockSize ?? ACC_BLOCK));
    let next = 0;
    searchChunks(index, query, opts.blockSize ?? ACC_BLOCK, () => (next < blocks ? next++ : -1), sel);
  }
  return sel.finish();
}

/**
 * Text sums are accumulated in 32-bit integers: the query's units × the largest impact (255)
 * must add up to at most MAX_TEXT (buildQuery chooses its unit so).
 */
function checkTextBound(query: readonly QueryTerm[]): void {
  let units = 0;
  for (const q of query) {
    if (!Number.isInteger(q.units) || q.units < 1) throw new RangeError(`query units must be positive integers, got ${q.units}`);
    units += q.units;
  }
  if (units * 255 > MAX_TEXT) throw new RangeError(`query units add up to ${units}: text sums could exceed ${MAX_TEXT}`);
}

/** Adds every posting of the query's terms in `seg` into `acc` (the dense pass of `searchTopK`). */
function accumulateDense(seg: Segment, query: readonly QueryTerm[], acc: Int32Array): void {
  const V = seg.offsets.length - 1;
  const { offsets, postings } = seg;
  for (const q of query) {
    if (q.termId >= V) continue;
    const units = q.units | 0;
    for (let p = offsets[q.termId] as number, e = offsets[q.termId + 1] as number; p < e; p++) {
      const x = postings[p] as number;
      const d = x >> 8;
      acc[d] = ((acc[d] as number) + units * (x & 255)) | 0;
    }
  }
}

/** Postings of the query's terms in the index. */
export function postingCount(index: SearchIndex, query: readonly QueryTerm[]): number {
  let postings = 0;
  for (const seg of index.segments) {
    const V = seg.offsets.length - 1;
    for (const q of query) if (q.termId < V) postings += (seg.offsets[q.termId + 1] as number) - (seg.offsets[q.termId] as number);
  }
  return postings;
}

/** Whether `searchTopK` would track touched documents (a query touching few) rather than scan. */
export function isSparse(postings: number, slots: number): boolean {
  return postings * 4 <= slots;
}

/** Documents per block of the accumulator: 32k × 8 bytes stays in a core's L2 cache. */
const ACC_BLOCK = 32768;
/**
 * Index size from which accumulation goes block by block. Measured on this project's 2-core
 * machine (tmp A/B, same 300 plans, selection fused with the blocks): whole-accumulator passes
 * were faster at 300k slots (2.40 vs 3.04 ms per search: a 2.4 MB accumulator stays in the
 * shared cache), blocks at 1M (9.9 vs 10.5 ms). The switch is between the two, unmeasured.
 */
const BLOCKED_FROM = 524_288;

/**
 * Accumulation chunk by chunk: the slots are cut into chunks of `chunk` documents, `claim`
 * hands out chunk numbers (-1 when none is left), and each claimed chunk is accumulated (every
 * term's postings within it) and selected into `sel`, then zeroed, while it is still in the
 * cache. `searchTopK`'s blocked mode claims every block in order (the random writes of a block
 * stay within 256 KB and the selection never reads the whole accumulator back from memory); a
 * search split between threads gives each thread its own claims. A thread that takes consecutive chunks upwards continues each
 * term's list where the last chunk ended, downwards it searches back from where the last chunk
 * began, in any other order it looks the chunk up. `Selection.absorb` merges the other
 * thread's candidates.
 */
export function searchChunks(index: SearchIndex, query: readonly QueryTerm[], chunk: number, claim: () => number, sel: Selection): void {
  checkTextBound(query);
  const slots = slotCount(index);
  const acc = sel.accumulator;
  const parts = index.segments.map((seg) => {
    const V = seg.offsets.length - 1;
    const terms = query.filter((q) => q.termId < V);
    return {
      seg,
      units: Int32Array.from(terms, (q) => q.units),
      begin: Int32Array.from(terms, (q) => seg.offsets[q.termId] as number),
      end: Int32Array.from(terms, (q) => seg.offsets[q.termId + 1] as number),
      // Where the last chunk's postings began and ended in each term's list.
      from: new Int32Array(terms.length),
      to: new Int32Array(terms.length),
    };
  });
  let prev = -2;
  for (let c = claim(); c >= 0; prev = c, c = claim()) {
    const lo = c * chunk;
    const hi = Math.min(lo + chunk, slots);
    const up = c === prev + 1;
    const down = c === prev - 1;
    for (const { seg, units, begin, end, from, to } of parts) {
      const { postings } = seg;
      for (let j = 0; j < units.length; j++) {
        const u = units[j] as number;
        let p: number;
        let stop: number;
        if (up) {
          p = to[j] as number;
          stop = lowerBound(postings, p, end[j] as number, hi);
        } else if (down) {
          stop = from[j] as number;
          p = lowerBound(postings, begin[j] as number, stop, lo);
        } else {
          p = lowerBound(postings, begin[j] as number, end[j] as number, lo);
          stop = seek(postings, p, end[j] as number, hi);
        }
        from[j] = p;
        to[j] = stop;
        for (; p < stop; p++) {
          const x = postings[p] as number;
          const d = x >> 8;
          acc[d] = ((acc[d] as number) + u * (x & 255)) | 0;
        }
      }
    }
    sel.scanRange(acc, lo, hi);
  }
}

/**
 * The selection of `searchTopK`. Scans keep the k eligible documents with the most text (a
 * min-heap) and, as candidates with their text, every document whose text with the largest
 * boost reaches the heap's least text at the time it is seen; scans zero what they read. Final
 * scores are at least textScale × text, so the k-th best score is at least textScale × (the
 * heap's least text), which only rises: a document skipped by a scan cannot enter the top k.
 */
export class Selection {
  private readonly heapSlots: Int32Array;
  private readonly heapText: Float64Array;
  private cand: Int32Array;
  private candText: Float64Array;
  private readonly stretch: number;
  private h = 0;
  private m = 0;
  private skipBelow = 0;

  constructor(
    private readonly index: SearchIndex,
    private readonly opts: SearchOptions,
    private readonly scratch: Scratch,
  ) {
    this.heapSlots = new Int32Array(opts.k);
    this.heapText = new Float64Array(opts.k);
    this.cand = scratch.candidates;
    this.candText = scratch.candidateText;
    this.stretch = 1 + opts.boostBound;
  }

  /** The scratch accumulator this selection reads (all zero between scans). */
  get accumulator(): Int32Array {
    return this.scratch.acc;
  }

  /** The documents this selection kept (the heap's among them) with their text, as copies. */
  candidates(): { slots: Int32Array; text: Float64Array } {
    return { slots: this.cand.slice(0, this.m), text: this.candText.slice(0, this.m) };
  }

  /**
   * Merges the candidates another selection kept over other documents. A document that selection
   * skipped had text × the largest boost below its heap's least text, which is at most the k-th
   * text of the union: this selection would have skipped it too, so the merge loses nothing.
   */
  absorb(slots: Int32Array, text: Float64Array): void {
    for (let i = 0; i < slots.length; i++) {
      const t = text[i] as number;
      if (t > this.skipBelow) this.consider(slots[i] as number, t);
    }
  }

  /** Scans and zeroes acc[lo, hi). */
  scanRange(acc: Int32Array, lo: number, hi: number): void {
    const docScale = this.index.scale;
    if (docScale !== undefined) {
      let skip = this.skipBelow;
      for (let d = lo; d < hi; d++) {
        const text = (acc[d] as number) * (docScale[d] as number);
        if (text > skip) {
          this.consider(d, text);
          skip = this.skipBelow;
        }
      }
    } else {
      // Integer texts: a > skipBelow exactly when a > ⌊skipBelow⌋ (skipBelow ≥ 0). Eight entries
      // are tested at once without a branch each (s − a < 0 for one of them sets the sign bit of
      // the OR; both are in [0, 2³¹), so nothing overflows): most fail, and a scan of 100k
      // entries measured ~3x faster than one test per entry.
      let s = Math.floor(this.skipBelow) | 0;
      let d = lo;
      for (; d + 8 <= hi; d += 8) {
        const any =
          (s - (acc[d] as number)) |
          (s - (acc[d + 1] as number)) |
          (s - (acc[d + 2] as number)) |
          (s - (acc[d + 3] as number)) |
          (s - (acc[d + 4] as number)) |
          (s - (acc[d + 5] as number)) |
          (s - (acc[d + 6] as number)) |
          (s - (acc[d + 7] as number));
        if (any >= 0) continue;
        for (let e = d; e < d + 8; e++) {
          const a = acc[e] as number;
          if (a > s) {
            this.consider(e, a);
            s = Math.floor(this.skipBelow) | 0;
          }
        }
      }
      for (; d < hi; d++) {
        const a = acc[d] as number;
        if (a > s) {
          this.consider(d, a);
          s = Math.floor(this.skipBelow) | 0;
        }
      }
    }
    acc.fill(0, lo, hi);
  }

  /** Scans and zeroes the accumulator entries of the listed documents. */
  scanList(acc: Int32Array, docs: Int32Array, n: number): void {
    const docScale = this.index.scale;
    for (let t = 0; t < n; t++) {
      const d = docs[t] as number;
      const a = acc[d] as number;
      acc[d] = 0;
      const text = docScale === undefined ? a : a * (docScale[d] as number);
      if (text > this.skipBelow) this.consider(d, text);
    }
  }

  /** A document whose text may reach the top k: a candidate if eligible, and into the heap if it beats its least. */
  private consider(d: number, text: number): void {
    const accept = this.opts.accept;
    if (this.index.alive[d] !== 1 || (accept !== undefined && !accept(d))) return;
    const { heapSlots, heapText } = this;
    const k = this.opts.k;
    if (this.m === this.cand.length) this.growCandidates();
    this.cand[this.m] = d;
    this.candText[this.m++] = text;
    if (this.h < k) {
      heapText[this.h] = text;
      heapSlots[this.h] = d;
      siftUp(heapText, heapSlots, this.h++);
    } else if (text > (heapText[0] as number)) {
      heapText[0] = text;
      heapSlots[0] = d;
      siftDown(heapText, heapSlots, this.h);
    } else return;
    if (this.h === k) this.skipBelow = Math.max(0, (heapText[0] as number) / this.stretch - 1);
  }

  private growCandidates(): void {
    const n = Math.max(16, this.cand.length * 2);
    const cand = new Int32Array(n);
    cand.set(this.cand);
    const text = new Float64Array(n);
    text.set(this.candText);
    this.cand = this.scratch.candidates = cand;
    this.candText = this.scratch.candidateText = text;
  }

  /**
   * The top k. The heap's exact scores bound the k-th best score from below; a candidate is
   * scored (boost computed, offered) only if its text with the largest boost reaches the bound,
   * which rises as the top k fills.
   */
  finish(): ScoredSlot[] {
    const { opts, heapSlots, heapText, cand, candText, h, m } = this;
    const k = opts.k;
    const top = collector(opts);
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
    const minScore = opts.minScore;
    for (let c = 0; c < m; c++) {
      const text = candText[c] as number;
      if (scale * this.stretch * text < cut || text <= 0) continue;
      const d = cand[c] as number;
      const score = scale * text * (1 + opts.boost(d));
      // Below the cut it cannot be among the k best (the cut is under a lower bound of the k-th
      // best score): not offered, nothing allocated.
      if (score < cut || score < minScore) continue;
      top.offer({ slot: d, text, score });
      const held = top.threshold();
      if (held && held.score > bound) {
        bound = held.score;
        cut = margin(bound);
      }
    }
    return top.sorted();
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
