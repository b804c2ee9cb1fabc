/**
 * An immutable postings segment in CSR form: for term t, documents
 * `docs[offsets[t] .. offsets[t+1])` in increasing slot order, with quantised impacts
 * (`imps`, 1..255 standing for s = imp/255) beside them. Typed arrays only, so a segment can be
 * shared with worker threads and written to a binary snapshot as is.
 */
export interface Segment {
  offsets: Int32Array;
  docs: Int32Array;
  imps: Uint8Array;
  /** Largest impact per term in this segment: the upper bound used for pruning. */
  maxImp: Uint8Array;
}

/** A document waiting to be merged into a segment: its term ids (ascending) and impacts. */
export interface PendingDoc {
  slot: number;
  termIds: Int32Array;
  imps: Uint8Array;
}

export const EMPTY_SEGMENT: Segment = {
  offsets: new Int32Array(1),
  docs: new Int32Array(0),
  imps: new Uint8Array(0),
  maxImp: new Uint8Array(0),
};

function alloc(shared: boolean, bytes: number): ArrayBuffer | SharedArrayBuffer {
  return shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}

/**
 * Builds a segment from `base` (may be empty) followed by pending documents whose slots are all
 * larger than base's, dropping documents that are no longer live. Linear in the postings.
 */
export function buildSegment(
  base: Segment,
  pending: readonly PendingDoc[],
  vocabSize: number,
  isLive: (slot: number) => boolean,
  shared = false,
): Segment {
  const V = vocabSize;
  const baseV = base.offsets.length - 1;
  const counts = new Int32Array(V + 1);
  for (let t = 0; t < baseV; t++) {
    for (let i = base.offsets[t] as number, e = base.offsets[t + 1] as number; i < e; i++) {
      if (isLive(base.docs[i] as number)) counts[t + 1]!++;
    }
  }
  for (const d of pending) if (isLive(d.slot)) for (const t of d.termIds) counts[t + 1]!++;
  for (let t = 0; t < V; t++) counts[t + 1]! += counts[t] as number;
  const total = counts[V] as number;
  const offsets = new Int32Array(alloc(shared, 4 * (V + 1)));
  offsets.set(counts);
  const docs = new Int32Array(alloc(shared, 4 * total));
  const imps = new Uint8Array(alloc(shared, total));
  const maxImp = new Uint8Array(alloc(shared, V));
  const cursor = counts.subarray(0, V);
  for (let t = 0; t < baseV; t++) {
    for (let i = base.offsets[t] as number, e = base.offsets[t + 1] as number; i < e; i++) {
      const d = base.docs[i] as number;
      if (!isLive(d)) continue;
      const at = cursor[t]!++;
      docs[at] = d;
      const imp = base.imps[i] as number;
      imps[at] = imp;
      if (imp > (maxImp[t] as number)) maxImp[t] = imp;
    }
  }
  const sorted = [...pending].sort((a, b) => a.slot - b.slot);
  for (const d of sorted) {
    if (!isLive(d.slot)) continue;
    for (let r = 0; r < d.termIds.length; r++) {
      const t = d.termIds[r] as number;
      const at = cursor[t]!++;
      docs[at] = d.slot;
      const imp = d.imps[r] as number;
      imps[at] = imp;
      if (imp > (maxImp[t] as number)) maxImp[t] = imp;
    }
  }
  return { offsets, docs, imps, maxImp };
}

/** Index in `docs[lo..hi)` of the first entry >= slot (galloping from lo, then binary search). */
export function seek(docs: Int32Array, lo: number, hi: number, slot: number): number {
  if (lo >= hi || (docs[lo] as number) >= slot) return lo;
  let step = 1;
  let prev = lo;
  let cur = lo + 1;
  while (cur < hi && (docs[cur] as number) < slot) {
    prev = cur;
    step <<= 1;
    cur = lo + step;
  }
  let a = prev + 1;
  let b = Math.min(cur, hi);
  while (a < b) {
    const mid = (a + b) >>> 1;
    if ((docs[mid] as number) < slot) a = mid + 1;
    else b = mid;
  }
  return a;
}

/**
 * Index in `docs[lo..hi)` (ascending) of the first entry >= slot, or hi. Slots are spread
 * fairly evenly over a list, so the position is guessed by interpolation and bracketed by
 * steps growing from the guess: the probes stay within a few cache lines of the answer, where a
 * binary search over a long list misses the cache at most of its ~12 probes.
 */
export function lowerBound(docs: Int32Array, lo: number, hi: number, slot: number): number {
  if (hi - lo > 32) {
    const a = docs[lo] as number;
    const b = docs[hi - 1] as number;
    if (a >= slot) return lo;
    if (b < slot) return hi;
    // a < slot <= b: the answer is in (lo, hi - 1].
    const guess = lo + 1 + Math.floor(((slot - a) / (b - a)) * (hi - 2 - lo));
    let step = 8;
    if ((docs[guess] as number) < slot) {
      // The answer is after guess: probe guess + 8, + 16, + 32, ... until an entry >= slot.
      let from = guess + 1;
      for (;;) {
        const probe = from + step - 1;
        if (probe >= hi - 1 || (docs[probe] as number) >= slot) {
          lo = from;
          hi = Math.min(probe + 1, hi);
          break;
        }
        from = probe + 1;
        step *= 2;
      }
    } else {
      // The answer is at guess or before it.
      let to = guess;
      for (;;) {
        const probe = to - step;
        if (probe <= lo || (docs[probe] as number) < slot) {
          lo = Math.max(probe + 1, lo);
          hi = to + 1;
          break;
        }
        to = probe;
        step *= 2;
      }
    }
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((docs[mid] as number) < slot) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Impact of `slot` in term t's list, 0 when absent. */
export function impactIn(seg: Segment, term: number, slot: number): number {
  if (term >= seg.offsets.length - 1) return 0;
  const hi = seg.offsets[term + 1] as number;
  const at = lowerBound(seg.docs, seg.offsets[term] as number, hi, slot);
  return at < hi && seg.docs[at] === slot ? (seg.imps[at] as number) : 0;
}
