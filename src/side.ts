import { FieldIndex } from './index/field-index.js';
import type { FieldSpec } from './records.js';

/**
 * One side of the market (experts or needs): its inverted index, its records by slot and the
 * per-record data that scoring and filtering need.
 */
export class Side<R extends { id: string }> {
  readonly index: FieldIndex;
  private readonly slotById = new Map<string, number>();
  private readonly records: (R | null)[] = [];
  private readonly industries: (Float64Array | null)[] = [];
  /** Industry vectors of all slots, row after row (INDUSTRY_CODES order), for the hot scoring loop. */
  private industryRows = new Float64Array(9 * 1024);

  constructor(
    readonly fields: readonly FieldSpec[],
    k1: number,
  ) {
    this.index = new FieldIndex({ k1, fields });
  }

  has(id: string): boolean {
    return this.slotById.has(id);
  }

  slotOf(id: string): number | undefined {
    return this.slotById.get(id);
  }

  add(record: R, fieldTokens: readonly (readonly string[])[], industry: Float64Array): number {
    const slot = this.index.add(fieldTokens);
    this.records[slot] = record;
    this.industries[slot] = industry;
    if (this.industryRows.length < (slot + 1) * industry.length) {
      const next = new Float64Array(Math.max(this.industryRows.length * 2, (slot + 1) * industry.length));
      next.set(this.industryRows);
      this.industryRows = next;
    }
    this.industryRows.set(industry, slot * industry.length);
    this.slotById.set(record.id, slot);
    return slot;
  }

  remove(id: string): boolean {
    const slot = this.slotById.get(id);
    if (slot === undefined) return false;
    this.index.remove(slot);
    this.records[slot] = null;
    this.industries[slot] = null;
    this.slotById.delete(id);
    return true;
  }

  record(slot: number): R {
    const r = this.records[slot];
    if (!r) throw new RangeError(`slot ${slot} is not live`);
    return r;
  }

  industry(slot: number): Float64Array {
    const v = this.industries[slot];
    if (!v) throw new RangeError(`slot ${slot} is not live`);
    return v;
  }

  /** Industry vectors by slot, `dim` values per slot (valid until the next add). */
  industryMatrix(): Float64Array {
    return this.industryRows;
  }

  /** Live records in insertion order. */
  liveRecords(): R[] {
    return this.records.filter((r): r is R => r !== null);
  }

  get size(): number {
    return this.slotById.size;
  }
}
