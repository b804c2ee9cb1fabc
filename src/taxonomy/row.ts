/**
 * A record's place in the taxonomy as one row of numbers, the form the index keeps per slot and
 * the scoring loop reads: the industry distribution (a unit vector over INDUSTRY_CODES), then
 * the DISCIPLINE_SLOTS largest entries of the discipline distribution (a unit vector over
 * DISCIPLINE_CODES) as (discipline number, weight) pairs, largest first, (-1, 0) when fewer.
 */
import { INDUSTRY_CODES } from './codes.js';

export const INDUSTRY_DIM = INDUSTRY_CODES.length;
export const DISCIPLINE_SLOTS = 3;
export const ROW_DIM = INDUSTRY_DIM + 2 * DISCIPLINE_SLOTS;

/** Evidence per discipline: `values`, of which only the `count` disciplines in `touched` are non-zero. */
export interface DisciplineEvidence {
  readonly values: Float64Array;
  readonly touched: Int32Array;
  readonly count: number;
}

/** The evidence of a dense vector (its non-zero entries). */
export function evidenceOf(values: Float64Array): DisciplineEvidence {
  const idx: number[] = [];
  values.forEach((x, i) => x !== 0 && idx.push(i));
  return { values, touched: Int32Array.from(idx), count: idx.length };
}

/** No discipline evidence. */
export const NO_EVIDENCE: DisciplineEvidence = Object.freeze({ values: new Float64Array(0), touched: new Int32Array(0), count: 0 });

/**
 * The row of an industry unit vector and discipline evidence (reading only its touched
 * disciplines), written to `row` (every entry) when given.
 */
export function taxonomyRow(industry: Float64Array, evidence: DisciplineEvidence, row: Float64Array = new Float64Array(ROW_DIM)): Float64Array {
  if (row.length !== ROW_DIM) throw new RangeError(`a taxonomy row has ${ROW_DIM} entries`);
  for (let i = 0; i < INDUSTRY_DIM; i++) row[i] = industry[i] ?? 0;
  const { values, touched, count } = evidence;
  let norm = 0;
  const top = new Array<number>(DISCIPLINE_SLOTS).fill(-1);
  let kept = 0;
  for (let j = 0; j < count; j++) {
    const i = touched[j] as number;
    const v = values[i] as number;
    if (!(v > 0)) continue;
    norm += v * v;
    // Insertion into the few best, largest first (ties: the lower number).
    let at = kept;
    while (at > 0) {
      const o = top[at - 1] as number;
      const w = values[o] as number;
      if (w > v || (w === v && o < i)) break;
      at--;
    }
    if (at >= DISCIPLINE_SLOTS) continue;
    for (let m = Math.min(kept, DISCIPLINE_SLOTS - 1); m > at; m--) top[m] = top[m - 1] as number;
    top[at] = i;
    if (kept < DISCIPLINE_SLOTS) kept++;
  }
  norm = Math.sqrt(norm);
  for (let k = 0; k < DISCIPLINE_SLOTS; k++) {
    const d = k < kept ? (top[k] as number) : -1;
    row[INDUSTRY_DIM + 2 * k] = d;
    row[INDUSTRY_DIM + 2 * k + 1] = d < 0 ? 0 : (values[d] as number) / norm;
  }
  return row;
}

/** The (discipline number, weight) pairs of a row, largest first. */
export function disciplinesOfRow(row: Float64Array): { index: number; weight: number }[] {
  const out: { index: number; weight: number }[] = [];
  for (let k = 0; k < DISCIPLINE_SLOTS; k++) {
    const index = row[INDUSTRY_DIM + 2 * k] as number;
    if (index >= 0) out.push({ index, weight: row[INDUSTRY_DIM + 2 * k + 1] as number });
  }
  return out;
}

/** Σ over shared disciplines of the two rows' weights (≤ 1), and each discipline's share of it. */
export function disciplineAgreement(a: Float64Array, b: Float64Array): { total: number; parts: { index: number; weight: number }[] } {
  const bs = disciplinesOfRow(b);
  let total = 0;
  const parts: { index: number; weight: number }[] = [];
  for (const x of disciplinesOfRow(a)) {
    const y = bs.find((p) => p.index === x.index);
    if (y === undefined) continue;
    const w = x.weight * y.weight;
    total += w;
    parts.push({ index: x.index, weight: w });
  }
  return { total, parts };
}
