import { type Bm25fParams, quantizeImpact, saturatedTf } from '../rank/similarity.js';
import { buildSegment, EMPTY_SEGMENT, impactIn, MAX_SLOTS, type PendingDoc, posting, type Segment } from './segment.js';
import { Vocabulary } from './vocabulary.js';
import { Arena, enlarge } from '../util/typed.js';

/** One document as the index sees it: for every field, the field's tokens. */
export type FieldTokens = readonly (readonly string[])[];

/** When the tail segment holds more than this share of the main one's postings, they are merged. */
const TAIL_SHARE = 0.1;
/** When removed documents exceed this share of the slots, segments are rewritten without them. */
const DEAD_SHARE = 0.2;

/** Reusable buffers of `documentImpactsOfIds` (grown on demand). */
export interface ImpactBuffers {
  mark: Int32Array;
  rowTerm: Int32Array;
  rowTf: Float64Array;
  /** Where the results' arrays come from. */
  termIds: Arena<Int32Array>;
  imps: Arena<Uint8Array>;
}

export function impactBuffers(): ImpactBuffers {
  return { mark: new Int32Array(1024), rowTerm: new Int32Array(256), rowTf: new Float64Array(1024), termIds: new Arena(Int32Array), imps: new Arena(Uint8Array) };
}

/**
 * A document's term ids (in order of first occurrence) and quantised BM25F impacts, from its
 * tokens as term ids, field by field: it depends on the document alone, so it can run anywhere
 * (ChunkPacker runs it on worker threads against a vocabulary of their own). The two arrays
 * are views of blocks of `b`'s arenas.
 */
export function documentImpactsOfIds(fields: readonly Int32Array[], params: Bm25fParams, b: ImpactBuffers): { termIds: Int32Array; imps: Uint8Array } {
  const F = params.fields.length;
  if (fields.length !== F) throw new RangeError(`expected ${F} fields, got ${fields.length}`);
  // Rows of per-field counts, one per distinct term, in reused buffers: `mark[id]` is 1 + the
  // term's row when `rowTerm` of that row says so (stale marks of earlier documents fail that).
  let n = 0;
  for (let f = 0; f < F; f++) {
    const ids = fields[f] as Int32Array;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k] as number;
      if (id >= b.mark.length) b.mark = enlarge(b.mark, id + 1);
      let r = (b.mark[id] as number) - 1;
      if (r < 0 || r >= n || b.rowTerm[r] !== id) {
        if (n >= b.rowTerm.length) {
          b.rowTerm = enlarge(b.rowTerm, n + 1);
          b.rowTf = enlarge(b.rowTf, (n + 1) * F);
        }
        r = n++;
        b.rowTerm[r] = id;
        b.mark[id] = r + 1;
        for (let g = r * F; g < r * F + F; g++) b.rowTf[g] = 0;
      }
      b.rowTf[r * F + f]! += 1;
    }
  }
  const lengths = fields.map((f) => f.length);
  // In order of first occurrence: the index takes a document's terms in any order.
  const termIds = b.termIds.alloc(n);
  const imps = b.imps.alloc(n);
  for (let r = 0; r < n; r++) {
    termIds[r] = b.rowTerm[r] as number;
    imps[r] = quantizeImpact(saturatedTf(b.rowTf, lengths, params, r * F));
  }
  return { termIds, imps };
}

/** A compacted index: one segment, no pending documents. Plain data for snapshots. */
export interface FieldIndexState {
  terms: readonly string[];
  df: Int32Array;
  alive: Uint8Array;
  segment: Segment;
  /** Per-slot factor on the text score (documents added with `addWeighted`); absent = all 1. */
  scale?: Float32Array;
}

/**
 * A multi-field inverted index. A document's impact for a term depends on the document alone
 * (BM25F with fixed reference field lengths, see similarity.ts); only the IDF depends on the
 * corpus and it is applied at query time from live document frequencies. So adding documents
 * never re-weights old ones: new documents go to a small tail segment that is merged into the
 * main segment once it reaches a tenth of its size, and results after any sequence of adds and
 * removes equal those of a fresh build of the same documents.
 */
export class FieldIndex {
  vocab = new Vocabulary();
  /** addImpacts' check that a document's term ids are distinct: entries equal to `stamp` were seen. */
  private seen = new Float64Array(1024);
  private stamp = 0;
  private df = new Int32Array(1024);
  private alive = new Uint8Array(1024);
  /** Per-slot factor on the text score, allocated on the first document that needs one. */
  private scales: Float32Array | null = null;
  private slots = 0;
  private live = 0;
  private dead = 0;
  private main: Segment = EMPTY_SEGMENT;
  private tail: Segment = EMPTY_SEGMENT;
  private mainPostings = 0;
  /** Documents in the tail segment (kept until they are merged into the main one). */
  private tailDocs: PendingDoc[] = [];
  private tailPostings = 0;
  private pending: PendingDoc[] = [];
  /** Reused by `prepare` (one document at a time). */
  private buffers = impactBuffers();

  /** `maxSlots`: slots the index may allocate (MAX_SLOTS; smaller only in tests). */
  constructor(
    readonly params: Bm25fParams,
    readonly maxSlots = MAX_SLOTS,
  ) {
    if (!Number.isInteger(maxSlots) || maxSlots < 1 || maxSlots > MAX_SLOTS) throw new RangeError(`maxSlots must be an integer in 1..${MAX_SLOTS}`);
  }

  get fieldCount(): number {
    return this.params.fields.length;
  }

  /** Number of live documents. */
  get size(): number {
    return this.live;
  }

  /** Number of slots ever allocated (live + removed). */
  get slotCount(): number {
    return this.slots;
  }

  isLive(slot: number): boolean {
    return this.alive[slot] === 1;
  }

  /** Liveness by slot (1 = live); a view valid until the next add. */
  aliveView(): Uint8Array {
    return this.alive.subarray(0, this.slots);
  }

  docFreq(termId: number): number {
    return this.df[termId] ?? 0;
  }

  /** Adds a document and returns its slot. */
  add(fields: FieldTokens): number {
    return this.insert(documentImpactsOfIds(this.internFields(fields), this.params, this.buffers), 1);
  }

  /** A document's tokens as term ids of this index's vocabulary, field by field (new terms are added). */
  internFields(fields: FieldTokens): Int32Array[] {
    return this.vocab.internFields(fields);
  }

  /** Adds a document given as `internFields` gives it (ids are checked); returns its slot. */
  addIds(fieldIds: readonly Int32Array[]): number {
    for (const ids of fieldIds) for (let k = 0; k < ids.length; k++) if (!((ids[k] as number) >= 0 && (ids[k] as number) < this.vocab.size)) throw new RangeError('unknown term id');
    return this.insert(documentImpactsOfIds(fieldIds, this.params, this.buffers), 1);
  }

  /**
   * Adds a document given as term ids (distinct, in any order, interned in this index's
   * vocabulary) and their impacts (1..255), as `documentImpactsOfIds` (or, with a `scale` on the
   * document's text score, `centroidImpactsOfIds`) computes them elsewhere. Returns its slot.
   */
  addImpacts(termIds: Int32Array, imps: Uint8Array, scale = 1): number {
    checkScale(scale);
    if (termIds.length !== imps.length) throw new RangeError('termIds and imps differ in length');
    const V = this.vocab.size;
    if (this.seen.length < V) this.seen = enlarge(this.seen, V);
    const stamp = ++this.stamp;
    for (let i = 0; i < termIds.length; i++) {
      const id = termIds[i] as number;
      if (id < 0 || id >= V || this.seen[id] === stamp || imps[i] === 0) throw new RangeError('bad document impacts');
      this.seen[id] = stamp;
    }
    return this.insert({ termIds, imps }, scale);
  }

  /**
   * Adds a document weighted by another model than BM25F (see centroid.ts): term weights in
   * (0, 1] and a factor on the document's whole text score. Returns its slot.
   */
  addWeighted(weights: ReadonlyMap<string, number>, scale: number): number {
    checkScale(scale);
    const ids = new Map<number, number>();
    for (const [term, w] of weights) {
      if (!(w > 0) || w > 1) throw new RangeError(`weight of "${term}" must be in (0, 1], got ${w}`);
      ids.set(this.vocab.intern(term), w);
    }
    const termIds = Int32Array.from(ids.keys()).sort();
    const imps = Uint8Array.from(termIds, (id) => quantizeImpact(ids.get(id) as number));
    return this.insert({ termIds, imps }, scale);
  }

  /** Per-slot factors on the text score, or undefined when every factor is 1 (valid until the next add). */
  scaleView(): Float32Array | undefined {
    return this.scales ? this.scales.subarray(0, this.slots) : undefined;
  }

  private insert({ termIds, imps }: { termIds: Int32Array; imps: Uint8Array }, scale: number): number {
    if (this.slots >= this.maxSlots) throw new RangeError(`an index holds at most ${this.maxSlots} documents`);
    const slot = this.slots++;
    if (scale !== 1 && this.scales === null) this.scales = new Float32Array(this.alive.length).fill(1);
    this.grow();
    if (this.scales !== null) this.scales[slot] = scale;
    for (const id of termIds) this.df[id] = (this.df[id] as number) + 1;
    this.alive[slot] = 1;
    this.live++;
    this.pending.push({ slot, termIds, imps });
    return slot;
  }

  remove(slot: number): void {
    this.removeMany([slot]);
  }

  /**
   * Removes live documents (slots distinct). Document frequencies drop for every term of each
   * one: documents still pending or in the tail know their terms; for those in the main segment
   * each term's list is searched (one look-up per term per document) or, for many documents at
   * once, the main segment's postings are read in one pass, whichever reads less.
   */
  removeMany(slots: readonly number[]): void {
    const unique = new Set(slots);
    if (unique.size !== slots.length) throw new RangeError('slots to remove must be distinct');
    for (const slot of slots) if (!this.isLive(slot)) throw new RangeError(`slot ${slot} is not live`);
    const own = new Map<number, PendingDoc>();
    for (const d of this.pending) if (unique.has(d.slot)) own.set(d.slot, d);
    for (const d of this.tailDocs) if (unique.has(d.slot)) own.set(d.slot, d);
    const inMain = slots.filter((s) => !own.has(s));
    for (const d of own.values()) for (const id of d.termIds) this.df[id] = (this.df[id] as number) - 1;
    const main = this.main;
    const V = main.offsets.length - 1;
    // A look-up costs about log2 of a list's length in reads; a pass reads every posting once.
    if (inMain.length * V * 16 < main.postings.length) {
      for (const slot of inMain) for (let t = 0; t < V; t++) if (impactIn(main, t, slot) > 0) this.df[t] = (this.df[t] as number) - 1;
    } else if (inMain.length > 0) {
      const going = new Uint8Array(this.slots);
      for (const slot of inMain) going[slot] = 1;
      for (let t = 0; t < V; t++) {
        let n = 0;
        for (let p = main.offsets[t] as number, e = main.offsets[t + 1] as number; p < e; p++) n += going[(main.postings[p] as number) >> 8] as number;
        if (n > 0) this.df[t] = (this.df[t] as number) - n;
      }
    }
    for (const slot of slots) {
      this.alive[slot] = 0;
      this.live--;
      this.dead++;
    }
  }

  /** The segments to search, brought up to date with adds and removes. */
  segments(): readonly Segment[] {
    if (this.pending.length > 0) {
      for (const d of this.pending) {
        this.tailDocs.push(d);
        this.tailPostings += d.termIds.length;
      }
      this.pending = [];
      const isLive = (s: number): boolean => this.alive[s] === 1;
      if (this.tailPostings > TAIL_SHARE * this.mainPostings) {
        this.main = buildSegment(this.main, this.tailDocs, this.vocab.size, isLive);
        this.mainPostings = this.main.postings.length;
        this.tailDocs = [];
        this.tailPostings = 0;
        this.tail = EMPTY_SEGMENT;
      } else {
        this.tail = buildSegment(EMPTY_SEGMENT, this.tailDocs, this.vocab.size, isLive);
      }
    }
    if (this.dead > DEAD_SHARE * Math.max(1, this.slots)) this.purge();
    return this.tail.postings.length > 0 ? [this.main, this.tail] : [this.main];
  }

  /** Merges every document into one segment without removed documents. */
  compact(): void {
    this.segments();
    this.purge();
  }

  exportState(): FieldIndexState {
    this.compact();
    return {
      terms: this.vocab.all(),
      df: this.df.slice(0, this.vocab.size),
      alive: this.alive.slice(0, this.slots),
      segment: this.main,
      ...(this.scales !== null ? { scale: this.scales.slice(0, this.slots) } : {}),
    };
  }

  importState(state: FieldIndexState): void {
    const V = state.terms.length;
    if (state.df.length !== V || state.segment.offsets.length !== V + 1 || state.segment.maxImp.length !== V) {
      throw new RangeError('index state: vocabulary and segment sizes differ');
    }
    const total = state.segment.offsets[V] as number;
    if (state.segment.postings.length !== total) throw new RangeError('index state: postings sizes differ');
    for (const p of state.segment.postings) {
      if (p < 0 || p >> 8 >= state.alive.length || (p & 255) === 0) throw new RangeError('index state: posting out of range');
    }
    this.vocab = Vocabulary.from(state.terms);
    this.df = new Int32Array(Math.max(1024, V));
    this.df.set(state.df);
    this.slots = state.alive.length;
    this.alive = new Uint8Array(Math.max(1024, this.slots));
    this.alive.set(state.alive);
    if (state.scale !== undefined) {
      if (state.scale.length !== this.slots) throw new RangeError('index state: scale and liveness sizes differ');
      this.scales = new Float32Array(this.alive.length).fill(1);
      this.scales.set(state.scale);
    } else this.scales = null;
    this.live = state.alive.reduce((n, a) => n + a, 0);
    this.dead = 0;
    this.main = state.segment;
    this.mainPostings = total;
    this.tail = EMPTY_SEGMENT;
    this.tailDocs = [];
    this.tailPostings = 0;
    this.pending = [];
  }

  /**
   * Gives the live documents the slots 0..size-1, in their order, dropping removed ones (postings
   * keep slot × 256 + impact in 32 bits, so slots are a finite resource: removed documents hold
   * theirs until this runs). Returns the new slot of each old one (-1: removed). Nothing else
   * changes: df, impacts and every document's postings are the same.
   */
  renumber(): Int32Array {
    this.compact();
    const map = new Int32Array(this.slots).fill(-1);
    let next = 0;
    for (let s = 0; s < this.slots; s++) if (this.alive[s] === 1) map[s] = next++;
    const old = this.main;
    const postings = new Int32Array(old.postings.length);
    for (let i = 0; i < postings.length; i++) {
      const p = old.postings[i] as number;
      postings[i] = posting(map[p >> 8] as number, p & 255);
    }
    this.main = { offsets: old.offsets, postings, maxImp: old.maxImp };
    if (this.scales !== null) {
      const scales = new Float32Array(this.alive.length).fill(1);
      for (let s = 0; s < this.slots; s++) if ((map[s] as number) >= 0) scales[map[s] as number] = this.scales[s] as number;
      this.scales = scales;
    }
    this.alive.fill(0);
    this.alive.fill(1, 0, next);
    this.slots = next;
    this.dead = 0;
    return map;
  }

  /** Rewrites the segments without removed documents. */
  private purge(): void {
    const isLive = (s: number): boolean => this.alive[s] === 1;
    this.main = buildSegment(this.main, this.tailDocs, this.vocab.size, isLive);
    this.mainPostings = this.main.postings.length;
    this.tailDocs = [];
    this.tailPostings = 0;
    this.tail = EMPTY_SEGMENT;
    this.dead = 0;
  }

  /** Bytes held by postings, document frequencies and liveness (the index proper). */
  indexBytes(): number {
    let bytes = 4 * this.vocab.size + this.slots + (this.scales !== null ? 4 * this.slots : 0);
    for (const s of [this.main, this.tail]) bytes += s.offsets.byteLength + s.postings.byteLength + s.maxImp.byteLength;
    for (const d of [...this.tailDocs, ...this.pending]) bytes += d.termIds.byteLength + d.imps.byteLength;
    return bytes;
  }

  private grow(): void {
    if (this.df.length < this.vocab.size) this.df = enlarge(this.df, this.vocab.size);
    if (this.alive.length < this.slots) this.alive = enlarge(this.alive, this.slots);
    if (this.scales !== null && this.scales.length < this.slots) {
      const next = new Float32Array(this.alive.length).fill(1);
      next.set(this.scales);
      this.scales = next;
    }
  }
}

function checkScale(scale: number): void {
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`scale must be positive and finite, got ${scale}`);
}
