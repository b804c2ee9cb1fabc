import type { BackgroundIdf } from '../index/background-idf.js';
import type { FieldIndex } from '../index/field-index.js';
import type { ExpansionTable } from '../text/expansion.js';
import type { QueryTerm } from './search.js';
import { type IdfParams, queryTermWeight, smoothedIdf } from './similarity.js';

export interface WeightedQueryTerm extends QueryTerm {
  /** The index term searched. */
  term: string;
  /** Query weight × idf (× expansion factor), after quantisation: exactly units × unit. */
  weight: number;
  /** The query term it came from, when it is an expansion (synonym or concept). */
  via?: string;
  kind: 'term' | 'synonym' | 'concept';
}

export interface WeightedQuery {
  terms: WeightedQueryTerm[];
  /** Σ query weight × idf over the query's own terms: a perfect match scores about 1 after division. */
  norm: number;
  /** The weight of one unit: every term weight is an integer number of units. */
  unit: number;
}

/** Resolution of quantised query weights: the largest term weight is 2^20 units. */
const WEIGHT_STEPS = 2 ** 20;

/**
 * Turns field-weighted query counts into weighted index terms against one index: query weight ×
 * smoothed idf, plus expansions at a reduced factor. A term reached several ways keeps its
 * largest weight. Terms absent from the index still count in `norm` (the need asked for them).
 */
export function buildQuery(
  counts: ReadonlyMap<string, number>,
  index: FieldIndex,
  background: BackgroundIdf,
  mu: number,
  expansions: ExpansionTable,
): WeightedQuery {
  const idfParams: IdfParams = { n: index.size, mu };
  const best = new Map<string, Omit<WeightedQueryTerm, 'units'>>();
  /** Keeps the candidate if its term is in the index and it beats the term's other routes. */
  const offer = (id: number | undefined, df: number, cand: Omit<WeightedQueryTerm, 'termId' | 'units'>): void => {
    if (id === undefined || df === 0 || cand.weight <= 0) return;
    const prev = best.get(cand.term);
    if (!prev || prev.weight < cand.weight) best.set(cand.term, { ...cand, termId: id });
  };
  let norm = 0;
  for (const [term, count] of counts) {
    const id = index.vocab.id(term);
    const df = id === undefined ? 0 : index.docFreq(id);
    const w = queryTermWeight(count) * smoothedIdf(df, background.get(term), idfParams);
    norm += w;
    offer(id, df, { term, weight: w, kind: 'term' });
  }
  for (const [term, count] of counts) {
    const expanded = expansions.get(term);
    if (expanded === undefined) continue;
    const q = queryTermWeight(count);
    for (const e of expanded) {
      if (counts.has(e.to)) continue;
      const id = index.vocab.id(e.to);
      const df = id === undefined ? 0 : index.docFreq(id);
      if (df === 0) continue;
      offer(id, df, { term: e.to, via: term, kind: e.kind, weight: q * e.factor * smoothedIdf(df, background.get(e.to), idfParams) });
    }
  }
  // Integer weights make every score sum exact and order-independent (see search.ts).
  let max = 0;
  for (const t of best.values()) max = Math.max(max, t.weight);
  const unit = max > 0 ? max / WEIGHT_STEPS : 1;
  const terms = [...best.values()].map((t) => {
    const units = Math.max(1, Math.round(t.weight / unit));
    return { ...t, units, weight: units * unit };
  });
  return { terms, norm, unit };
}
