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
  const idfOf = (term: string): number => {
    const id = index.vocab.id(term);
    return smoothedIdf(id === undefined ? 0 : index.docFreq(id), background.get(term), idfParams);
  };
  const best = new Map<string, Omit<WeightedQueryTerm, 'units'>>();
  const offer = (cand: Omit<WeightedQueryTerm, 'termId' | 'units'>): void => {
    const id = index.vocab.id(cand.term);
    if (id === undefined || index.docFreq(id) === 0 || cand.weight <= 0) return;
    const prev = best.get(cand.term);
    if (!prev || prev.weight < cand.weight) best.set(cand.term, { ...cand, termId: id });
  };
  let norm = 0;
  for (const [term, count] of counts) {
    const q = queryTermWeight(count);
    const w = q * idfOf(term);
    norm += w;
    offer({ term, weight: w, kind: 'term' });
  }
  for (const [term, count] of counts) {
    const q = queryTermWeight(count);
    for (const e of expansions.get(term) ?? []) {
      if (counts.has(e.to)) continue;
      offer({ term: e.to, via: term, kind: e.kind, weight: q * e.factor * idfOf(e.to) });
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
