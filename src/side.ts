import { ValidationError } from './errors.js';
import { FieldIndex, type FieldIndexState } from './index/field-index.js';
import type { FieldSpec } from './records.js';
import { createScratch, type Scratch } from './rank/search.js';
import { ROW_DIM } from './taxonomy/row.js';

/** Records by slot that are read one at a time, when asked for (a binary snapshot's). */
export interface RecordList<R> {
  readonly length: number;
  /** The record of a slot; null for a removed slot. */
  get(slot: number): R | null;
  /** The id of a slot's record; null for a removed slot. */
  id(slot: number): string | null;
}

/** Records by slot (null for removed slots): in memory, or read on demand. */
export type RecordsBySlot<R> = readonly (R | null)[] | RecordList<R>;

export function recordAt<R>(records: RecordsBySlot<R>, slot: number): R | null {
  return isRecordList(records) ? records.get(slot) : (records[slot] ?? null);
}

/** The records of every slot as an array (the array itself when they are one). */
export function recordArray<R>(records: RecordsBySlot<R>): readonly (R | null)[] {
  return isRecordList(records) ? Array.from({ length: records.length }, (_, slot) => records.get(slot)) : records;
}

function isRecordList<R>(records: RecordsBySlot<R>): records is RecordList<R> {
  return !Array.isArray(records);
}

export interface SideState<R> {
  index: FieldIndexState;
  records: RecordsBySlot<R>;
  industryRows: Float64Array;
}

/**
 * One side of the market (experts or needs): its inverted index, its records by slot and the
 * per-record data that scoring and filtering need.
 */
export class Side<R extends { id: string }> {
  readonly index: FieldIndex;
  private readonly slotById = new Map<string, number>();
  /**
   * Records by slot: null for a removed slot, undefined for one whose record is still only in
   * `stored` (a loaded snapshot's, read when first asked for).
   */
  private records: (R | null | undefined)[] = [];
  private stored: RecordList<R> | null = null;
  private buffers: Scratch = createScratch(0);
  /** Taxonomy rows of all slots (src/taxonomy/row.ts), row after row, for the hot scoring loop. */
  private industryRows = new Float64Array(ROW_DIM * 1024);
  private changes = 0;

  /** `maxSlots`: see FieldIndex (smaller only in tests). */
  constructor(
    readonly fields: readonly FieldSpec[],
    k1: number,
    maxSlots?: number,
  ) {
    this.index = new FieldIndex({ k1, fields }, maxSlots);
  }

  has(id: string): boolean {
    return this.slotById.has(id);
  }

  slotOf(id: string): number | undefined {
    return this.slotById.get(id);
  }

  /**
   * Refuses a batch of `n` new records that would not fit (live records + n > the index's slot
   * limit) before any of it is added, so that a batch is never half-applied.
   */
  reserve(n: number, what: string): void {
    const max = this.index.maxSlots;
    if (this.size + n <= max) return;
    throw new ValidationError(
      [{ index: -1, path: '(batch)', message: `${this.size} + ${n} ${what} exceed the limit of ${max} live records` }],
      what,
    );
  }

  add(record: R, fieldTokens: readonly (readonly string[])[], industry: Float64Array): number {
    checkRow(industry);
    this.makeRoom();
    return this.register(record, this.index.add(fieldTokens), industry);
  }

  /** Adds a record given as term ids of this side's vocabulary (`index.internFields`). */
  addIds(record: R, fieldIds: readonly Int32Array[], industry: Float64Array): number {
    checkRow(industry);
    this.makeRoom();
    return this.register(record, this.index.addIds(fieldIds), industry);
  }

  /**
   * Adds a record whose impacts were computed elsewhere (`documentImpactsOfIds`, or
   * `centroidImpactsOfIds` with its `scale`; term ids of this index).
   */
  addImpacts(record: R, termIds: Int32Array, imps: Uint8Array, industry: Float64Array, scale = 1): number {
    checkRow(industry);
    this.makeRoom();
    return this.register(record, this.index.addImpacts(termIds, imps, scale), industry);
  }

  /** Adds a record whose term weights come from another model than BM25F (see centroid.ts). */
  addWeighted(record: R, weights: ReadonlyMap<string, number>, scale: number, industry: Float64Array): number {
    checkRow(industry);
    this.makeRoom();
    return this.register(record, this.index.addWeighted(weights, scale), industry);
  }

  /**
   * When every slot has been used and some hold removed records, renumbers the live records
   * 0..n-1 (the index, records, industry rows and ids together). Results do not change: ties are
   * broken by id, never by slot.
   */
  private makeRoom(): void {
    const index = this.index;
    if (index.slotCount < index.maxSlots || index.size === index.slotCount) return;
    const records: (R | null)[] = [];
    const before = Array.from({ length: this.records.length }, (_, slot) => this.at(slot));
    const map = index.renumber();
    const rows = new Float64Array(this.industryRows.length);
    this.slotById.clear();
    map.forEach((to, from) => {
      if (to < 0) return;
      const r = before[from] as R;
      records[to] = r;
      rows.set(this.industryRows.subarray(from * ROW_DIM, (from + 1) * ROW_DIM), to * ROW_DIM);
      this.slotById.set(r.id, to);
    });
    this.records = records;
    this.stored = null;
    this.industryRows = rows;
    this.changes++;
  }

  /** The record of a slot (null when removed), read from `stored` the first time. */
  private at(slot: number): R | null {
    let r = this.records[slot];
    if (r === undefined) {
      r = this.stored !== null && slot < this.stored.length ? this.stored.get(slot) : null;
      this.records[slot] = r;
    }
    return r;
  }

  private register(record: R, slot: number, industry: Float64Array): number {
    this.records[slot] = record;
    if (this.industryRows.length < (slot + 1) * ROW_DIM) {
      const next = new Float64Array(Math.max(this.industryRows.length * 2, (slot + 1) * ROW_DIM));
      next.set(this.industryRows);
      this.industryRows = next;
    }
    this.industryRows.set(industry, slot * ROW_DIM);
    this.slotById.set(record.id, slot);
    this.changes++;
    return slot;
  }

  remove(id: string): boolean {
    return this.removeMany([id]) === 1;
  }

  /** Removes the records with these ids (unknown and repeated ids are skipped); returns how many. */
  removeMany(ids: readonly string[]): number {
    const slots = [...new Set(ids)].map((id) => this.slotById.get(id)).filter((s): s is number => s !== undefined);
    if (slots.length === 0) return 0;
    this.index.removeMany(slots);
    for (const slot of slots) {
      this.slotById.delete((this.at(slot) as R).id);
      this.records[slot] = null;
    }
    this.changes++;
    return slots.length;
  }

  record(slot: number): R {
    const r = this.at(slot);
    if (!r) throw new RangeError(`slot ${slot} is not live`);
    return r;
  }

  /** The id of a live slot's record, without reading the record from a snapshot. */
  idOf(slot: number): string {
    const r = this.records[slot];
    const id = r !== undefined ? r?.id : this.stored !== null && slot < this.stored.length ? this.stored.id(slot) : null;
    if (id == null) throw new RangeError(`slot ${slot} is not live`);
    return id;
  }

  industry(slot: number): Float64Array {
    if (!this.index.isLive(slot)) throw new RangeError(`slot ${slot} is not live`);
    return this.industryRows.subarray(slot * ROW_DIM, (slot + 1) * ROW_DIM);
  }

  /** Everything needed to restore this side without analysing its records again. */
  exportState(): SideState<R> {
    return {
      index: this.index.exportState(),
      records: Array.from({ length: this.index.slotCount }, (_, slot) => this.at(slot)),
      industryRows: this.industryRows.slice(0, this.index.slotCount * ROW_DIM),
    };
  }

  importState(state: SideState<R>): void {
    if (state.industryRows.length !== state.index.alive.length * ROW_DIM) throw new Error('taxonomy rows do not match the slots');
    if (state.records.length !== state.index.alive.length) throw new Error('records do not match the slots');
    this.index.importState(state.index);
    this.industryRows = new Float64Array(Math.max(ROW_DIM * 1024, state.industryRows.length));
    this.industryRows.set(state.industryRows);
    this.slotById.clear();
    this.changes++;
    const records = state.records;
    if (isRecordList(records)) {
      this.stored = records;
      this.records = new Array<R | null | undefined>(records.length);
      for (let slot = 0; slot < records.length; slot++) {
        const id = records.id(slot);
        if (id === null) this.records[slot] = null;
        else this.slotById.set(id, slot);
      }
    } else {
      this.stored = null;
      this.records = records.slice();
      this.records.forEach((r, slot) => {
        if (r) this.slotById.set(r.id, slot);
      });
    }
  }

  /** A zeroed accumulator for searches on this thread (searches leave it zeroed). */
  scratch(): Scratch {
    if (this.buffers.acc.length < this.index.slotCount) this.buffers = createScratch(Math.max(1024, this.index.slotCount * 2));
    return this.buffers;
  }

  /** Industry vectors by slot, `dim` values per slot (valid until the next add). */
  industryMatrix(): Float64Array {
    return this.industryRows;
  }

  /** Live records in insertion order. */
  liveRecords(): R[] {
    const out: R[] = [];
    for (let slot = 0; slot < this.records.length; slot++) {
      const r = this.at(slot);
      if (r !== null) out.push(r);
    }
    return out;
  }

  /** Ids of the live records in insertion order. */
  liveIds(): string[] {
    const out: string[] = [];
    for (let slot = 0; slot < this.records.length; slot++) {
      const r = this.records[slot];
      if (r === undefined) out.push(this.stored?.id(slot) as string);
      else if (r !== null) out.push(r.id);
    }
    return out;
  }

  /** Changes whenever a record is added or removed (for caches of derived data). */
  get version(): number {
    return this.changes;
  }

  get size(): number {
    return this.slotById.size;
  }
}

/** A taxonomy row must be whole: a shorter one would leave another record's numbers in its slot. */
function checkRow(row: Float64Array): void {
  if (row.length !== ROW_DIM) throw new RangeError(`a taxonomy row has ${ROW_DIM} numbers, not ${row.length}`);
}
