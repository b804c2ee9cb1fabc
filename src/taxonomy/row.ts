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

/** The row of an industry unit vector and a discipline evidence vector. */
export function taxonomyRow(industry: Float64Array, evidence: Float64Array): Float64Array {
  const row = new Float64Array(ROW_DIM);
  row.set(industry.subarray(0, INDUSTRY_DIM));
  let norm = 0;
  for (let i = 0; i < evidence.length; i++) norm += (evidence[i] as number) ** 2;
  norm = Math.sqrt(norm);
  const top: number[] = [];
  for (let i = 0; i < evidence.length; i++) {
    if (!((evidence[i] as number) > 0)) continue;
    // Insertion into the few best, largest first (ties: the lower number).
    let j = top.length;
    while (j > 0 && (evidence[top[j - 1] as number] as number) < (evidence[i] as number)) j--;
    if (j < DISCIPLINE_SLOTS) {
      top.splice(j, 0, i);
      if (top.length > DISCIPLINE_SLOTS) top.pop();
    }
  }
  for (let k = 0; k < DISCIPLINE_SLOTS; k++) {
    const d = top[k];
    row[INDUSTRY_DIM + 2 * k] = d === undefined ? -1 : d;
    row[INDUSTRY_DIM + 2 * k + 1] = d === undefined ? 0 : (evidence[d] as number) / norm;
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
