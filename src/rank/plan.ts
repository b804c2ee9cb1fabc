import { INDUSTRY_DIM, ROW_DIM } from '../taxonomy/row.js';
import { createScratch, type QueryTerm, type ScoredSlot, type SearchIndex, type SearchOptions, Selection, searchChunks, searchTopK } from './search.js';

/**
 * A query reduced to plain data: weighted term ids, score scaling, the query's industry vector
 * and the filters, with slots instead of ids. It runs the same way on the main thread and in a
 * worker, so batch results are identical to single queries.
 */
export interface QueryPlan {
  terms: QueryTerm[];
  /** Multiplies the integer text sum into the text part of the score. */
  textScale: number;
  industry: number[];
  /** Boost of the text score at full industry agreement (industry weight / text weight). */
  industryBoost: number;
  /** The query's main disciplines as (discipline number, weight) pairs, flattened. */
  disciplines: number[];
  /** Boost of the text score at full discipline agreement (discipline weight / text weight). */
  disciplineBoost: number;
  k: number;
  minScore: number;
  /** Kind codes accepted (experts only); absent = all. */
  kinds?: number[];
  excludeSlots?: number[];
  /** Industry indexes (INDUSTRY_CODES order) of which a candidate must have one; absent = all. */
  industries?: number[];
}

/** What a plan reads besides postings: per-slot taxonomy rows, kind codes and tie-break keys. */
export interface PlanIndex extends SearchIndex {
  /** Taxonomy rows (src/taxonomy/row.ts), ROW_DIM numbers per slot. */
  industryRows: Float64Array;
  kindOf: (slot: number) => number;
  tieKey: (slot: number) => string;
}

export function runPlan(ix: PlanIndex, plan: QueryPlan): ScoredSlot[] {
  return searchTopK(ix, plan.terms, planOptions(ix, plan));
}

/**
 * The part of a plan's search that one thread does when a search is split: the chunks it
 * claims, accumulated and selected (see `searchChunks`). The caller finishes the selection
 * (main thread) or sends its candidates to the thread that does (worker).
 */
export function runPlanChunks(ix: PlanIndex, plan: QueryPlan, chunk: number, claim: () => number): Selection {
  const slots = ix.alive.length;
  const scratch = ix.scratch && ix.scratch.acc.length >= slots ? ix.scratch : createScratch(slots);
  const sel = new Selection(ix, planOptions(ix, plan), scratch);
  searchChunks(ix, plan.terms, chunk, claim, sel);
  return sel;
}

/** A plan's search options: its industry boost and filters read from the index's per-slot data. */
export function planOptions(ix: PlanIndex, plan: QueryPlan): SearchOptions {
  const dim = ROW_DIM;
  const rows = ix.industryRows;
  const hasIndustry = plan.industryBoost > 0 && plan.industry.some((x) => x > 0);
  const hasDiscipline = plan.disciplineBoost > 0 && plan.disciplines.length > 0;
  // The query's discipline weights have at most unit length (they are part of a unit vector),
  // and so have a slot's: their dot product is at most the query's length.
  let qNorm = 0;
  for (let j = 1; j < plan.disciplines.length; j += 2) qNorm += (plan.disciplines[j] as number) ** 2;
  qNorm = Math.min(1, Math.sqrt(qNorm));
  const kinds = plan.kinds ? new Set(plan.kinds) : undefined;
  const exclude = plan.excludeSlots && plan.excludeSlots.length > 0 ? new Set(plan.excludeSlots) : undefined;
  const wanted = plan.industries;
  const filtered = kinds !== undefined || exclude !== undefined || wanted !== undefined;
  return {
    k: plan.k,
    textScale: plan.textScale,
    // industryBoost × cos(query industries, the slot's industries): both are unit vectors; and
    // disciplineBoost × the dot product of the two sides' main disciplines.
    boost: hasIndustry || hasDiscipline ? taxonomyBoost(plan, hasIndustry, hasDiscipline, rows) : () => 0,
    // Both cosines may exceed 1 by a rounding error (two unit vectors equal to the last bit sum
    // to 1 + 2^-52); the margin keeps the bound above every boost a slot can get.
    boostBound: ((hasIndustry ? plan.industryBoost : 0) + (hasDiscipline ? plan.disciplineBoost * qNorm : 0)) * (1 + 1e-9),
    ...(filtered
      ? {
          accept: (slot: number) => {
            if (kinds !== undefined && !kinds.has(ix.kindOf(slot))) return false;
            if (exclude !== undefined && exclude.has(slot)) return false;
            if (wanted === undefined) return true;
            const base = slot * dim;
            return wanted.some((c) => (rows[base + c] as number) > 0);
          },
        }
      : {}),
    tieKey: ix.tieKey,
    minScore: plan.minScore,
  };
}

/**
 * industryBoost × (the query's industries · the slot's) + disciplineBoost × (the query's
 * disciplines · the slot's), reading the query's non-zero industries (usually one or two) and the
 * slot's few disciplines: one function for every query, so its call site stays monomorphic.
 */
function taxonomyBoost(plan: QueryPlan, withIndustry: boolean, withDiscipline: boolean, rows: Float64Array): (slot: number) => number {
  const idx: number[] = [];
  if (withIndustry) plan.industry.forEach((x, i) => x > 0 && idx.push(i));
  const ii = Int32Array.from(idx);
  const iw = Float64Array.from(idx, (i) => (plan.industry[i] as number) * plan.industryBoost);
  const ni = ii.length;
  const pairs = withDiscipline ? plan.disciplines : [];
  let size = 0;
  for (let j = 0; j < pairs.length; j += 2) size = Math.max(size, (pairs[j] as number) + 1);
  const qd = new Float64Array(size);
  for (let j = 0; j < pairs.length; j += 2) qd[pairs[j] as number] = (pairs[j + 1] as number) * plan.disciplineBoost;
  return (slot) => {
    const base = slot * ROW_DIM;
    let s = 0;
    for (let j = 0; j < ni; j++) s += (iw[j] as number) * (rows[base + (ii[j] as number)] as number);
    for (let k = base + INDUSTRY_DIM, end = base + ROW_DIM; k < end; k += 2) {
      const d = rows[k] as number;
      if (d < 0) break;
      if (d < size) s += (qd[d] as number) * (rows[k + 1] as number);
    }
    return s;
  };
}
