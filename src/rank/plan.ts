import { DISCIPLINE_SLOTS, INDUSTRY_DIM, ROW_DIM } from '../taxonomy/row.js';
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
function planOptions(ix: PlanIndex, plan: QueryPlan): SearchOptions {
  const dim = ROW_DIM;
  const q = Float64Array.from(plan.industry);
  const rows = ix.industryRows;
  const boost = plan.industryBoost;
  const hasIndustry = boost > 0 && plan.industry.some((x) => x > 0);
  const dBoost = plan.disciplineBoost;
  const hasDiscipline = dBoost > 0 && plan.disciplines.length > 0;
  const industryPart = hasIndustry ? sparseDot(q, rows, dim, boost) : () => 0;
  const disciplinePart = hasDiscipline ? disciplineDot(plan.disciplines, rows, dBoost) : () => 0;
  const kinds = plan.kinds ? new Set(plan.kinds) : undefined;
  const exclude = plan.excludeSlots && plan.excludeSlots.length > 0 ? new Set(plan.excludeSlots) : undefined;
  const wanted = plan.industries;
  const filtered = kinds !== undefined || exclude !== undefined || wanted !== undefined;
  return {
    k: plan.k,
    textScale: plan.textScale,
    // industryBoost × cos(query industries, the slot's industries): both are unit vectors; and
    // disciplineBoost × the dot product of the two sides' main disciplines (at most 1).
    boost: hasDiscipline ? (hasIndustry ? (slot: number) => industryPart(slot) + disciplinePart(slot) : disciplinePart) : industryPart,
    boostBound: (hasIndustry ? boost : 0) + (hasDiscipline ? dBoost : 0),
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
 * factor × Σ over the disciplines of the query (pairs of number, weight) and of the slot's row of
 * the products of their weights.
 */
function disciplineDot(pairs: readonly number[], rows: Float64Array, factor: number): (slot: number) => number {
  const n = pairs.length / 2;
  const qi = Int32Array.from({ length: n }, (_, j) => pairs[2 * j] as number);
  const qw = Float64Array.from({ length: n }, (_, j) => (pairs[2 * j + 1] as number) * factor);
  return (slot) => {
    const base = slot * ROW_DIM + INDUSTRY_DIM;
    let s = 0;
    for (let k = 0; k < 2 * DISCIPLINE_SLOTS; k += 2) {
      const d = rows[base + k] as number;
      if (d < 0) break;
      for (let j = 0; j < n; j++) if (qi[j] === d) s += (qw[j] as number) * (rows[base + k + 1] as number);
    }
    return s;
  };
}

/** factor × (q · row of slot), reading only the query's non-zero industries (usually one or two). */
function sparseDot(q: Float64Array, rows: Float64Array, dim: number, factor: number): (slot: number) => number {
  const idx: number[] = [];
  q.forEach((x, i) => {
    if (x > 0) idx.push(i);
  });
  const w = Float64Array.from(idx, (i) => (q[i] as number) * factor);
  const at = Int32Array.from(idx);
  if (at.length === 1) {
    const i0 = at[0] as number;
    const w0 = w[0] as number;
    return (slot) => w0 * (rows[slot * dim + i0] as number);
  }
  return (slot) => {
    let s = 0;
    const base = slot * dim;
    for (let j = 0; j < at.length; j++) s += (w[j] as number) * (rows[base + (at[j] as number)] as number);
    return s;
  };
}
