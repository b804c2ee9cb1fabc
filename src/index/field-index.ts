import { type Bm25fParams, saturatedTf } from '../rank/similarity.js';
import { Vocabulary } from './vocabulary.js';

/** One document as the index sees it: for every field, the field's tokens. */
export type FieldTokens = readonly (readonly string[])[];

interface DocTerms {
  termIds: Int32Array;
  /** termIds.length × fieldCount term frequencies. */
  tf: Float32Array;
  fieldLen: Float32Array;
}

/**
 * Compiled postings: for each term, the live documents containing it and s(term, doc) from the
 * similarity. Rebuilt lazily after documents are added or removed (`dirty`).
 */
export interface Postings {
  offsets: Int32Array;
  docs: Int32Array;
  impacts: Float32Array;
  /** Largest impact per term: the upper bound used for pruning. */
  maxImpact: Float32Array;
}

/**
 * A multi-field inverted index. Documents are dense slots; removal leaves a tombstone. Term
 * statistics (df, field lengths) count live documents only.
 */
export class FieldIndex {
  readonly vocab = new Vocabulary();
  private readonly slots: (DocTerms | null)[] = [];
  private df = new Int32Array(64);
  private readonly sumFieldLen: Float64Array;
  private live = 0;
  private compiled: Postings | null = null;

  constructor(readonly params: Bm25fParams) {
    this.sumFieldLen = new Float64Array(params.fields.length);
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
    return this.slots.length;
  }

  isLive(slot: number): boolean {
    return this.slots[slot] != null;
  }

  docFreq(termId: number): number {
    return this.df[termId] ?? 0;
  }

  /** Adds a document and returns its slot. */
  add(fields: FieldTokens): number {
    const F = this.fieldCount;
    if (fields.length !== F) throw new RangeError(`expected ${F} fields, got ${fields.length}`);
    const local = new Map<number, number>();
    const rows: number[] = [];
    const fieldLen = new Float32Array(F);
    for (let f = 0; f < F; f++) {
      const tokens = fields[f] as readonly string[];
      fieldLen[f] = tokens.length;
      for (const tok of tokens) {
        const id = this.vocab.intern(tok);
        let row = local.get(id);
        if (row === undefined) {
          row = local.size;
          local.set(id, row);
          rows.push(id);
        }
        void row;
      }
    }
    const termIds = Int32Array.from(rows);
    const tf = new Float32Array(termIds.length * F);
    for (let f = 0; f < F; f++) {
      for (const tok of fields[f] as readonly string[]) {
        const row = local.get(this.vocab.id(tok) as number) as number;
        tf[row * F + f] = (tf[row * F + f] as number) + 1;
      }
      this.sumFieldLen[f] = (this.sumFieldLen[f] as number) + (fieldLen[f] as number);
    }
    this.growDf();
    for (const id of termIds) this.df[id] = (this.df[id] as number) + 1;
    this.slots.push({ termIds, tf, fieldLen });
    this.live++;
    this.compiled = null;
    return this.slots.length - 1;
  }

  remove(slot: number): void {
    const doc = this.slots[slot];
    if (!doc) throw new RangeError(`slot ${slot} is not live`);
    for (const id of doc.termIds) this.df[id] = (this.df[id] as number) - 1;
    for (let f = 0; f < this.fieldCount; f++) {
      this.sumFieldLen[f] = (this.sumFieldLen[f] as number) - (doc.fieldLen[f] as number);
    }
    this.slots[slot] = null;
    this.live--;
    this.compiled = null;
  }

  /** Term ids and per-field counts of one live document (for explanations and re-scoring). */
  docTerms(slot: number): { termIds: Int32Array; tf: Float32Array; fieldLen: Float32Array } {
    const doc = this.slots[slot];
    if (!doc) throw new RangeError(`slot ${slot} is not live`);
    return doc;
  }

  avgFieldLen(): Float64Array {
    const avg = new Float64Array(this.fieldCount);
    for (let f = 0; f < this.fieldCount; f++) {
      avg[f] = this.live > 0 ? (this.sumFieldLen[f] as number) / this.live : 0;
    }
    return avg;
  }

  /** The compiled postings, built on first use after any change. */
  postings(): Postings {
    if (this.compiled) return this.compiled;
    const V = this.vocab.size;
    const offsets = new Int32Array(V + 1);
    for (const doc of this.slots) if (doc) for (const id of doc.termIds) offsets[id + 1]!++;
    for (let t = 0; t < V; t++) offsets[t + 1]! += offsets[t] as number;
    const total = offsets[V] as number;
    const docs = new Int32Array(total);
    const impacts = new Float32Array(total);
    const maxImpact = new Float32Array(V);
    const cursor = offsets.slice(0, V);
    const avg = this.avgFieldLen();
    const F = this.fieldCount;
    for (let slot = 0; slot < this.slots.length; slot++) {
      const doc = this.slots[slot];
      if (!doc) continue;
      for (let r = 0; r < doc.termIds.length; r++) {
        const id = doc.termIds[r] as number;
        const s = saturatedTf(doc.tf, r * F, doc.fieldLen, 0, avg, this.params);
        const at = cursor[id]!++;
        docs[at] = slot;
        impacts[at] = s;
        if (s > (maxImpact[id] as number)) maxImpact[id] = s;
      }
    }
    this.compiled = { offsets, docs, impacts, maxImpact };
    return this.compiled;
  }

  private growDf(): void {
    if (this.df.length >= this.vocab.size) return;
    let n = this.df.length;
    while (n < this.vocab.size) n *= 2;
    const next = new Int32Array(n);
    next.set(this.df);
    this.df = next;
  }
}
