import type { BackgroundIdf } from '../index/background-idf.js';
import type { FieldIndex } from '../index/field-index.js';
import { BIGRAM_PREFIX } from '../text/analyzer.js';
import type { ExpansionTable } from '../text/expansion.js';
import { MAX_TEXT, type QueryTerm } from './search.js';
import { type IdfParams, queryTermWeight, smoothedIdf } from './similarity.js';

export interface WeightedQueryTerm extends QueryTerm {
  /** The index term searched. */
  term: string;
  /** Query weight × idf (× expansion factor), after quantisation: exactly units × unit. */
  weight: number;
  /** The query term it came from, when it is an expansion (synonym, concept or compound). */
  via?: string;
  kind: 'term' | 'synonym' | 'concept' | 'compound';
}

/**
 * Compound expansion (see rank/compounds.ts): the index words made with a query word, and the
 * words a query word is made of (see `buildQuery` for which query words are expanded).
 */
export interface CompoundExpansion {
  factor: number;
  /** Ids of the index terms that `term` is a part of (Analyzer.parts). */
  compoundsOf(term: string): readonly number[];
  /** The words a query term is made of (Analyzer.parts). */
  partsOf(term: string): readonly string[];
}

/** A compound weighs `factor` / min(its word's compounds in the index, COMPOUND_SHARE) × the word. */
const COMPOUND_SHARE = 3;

/** Queries of at most this many distinct words expand every word (compounds and parts). */
export const COMPOUND_ALL_TERMS = 8;

export interface WeightedQuery {
  terms: WeightedQueryTerm[];
  /** Σ query weight × idf over the query's own terms: a perfect match scores about 1 after division. */
  norm: number;
  /** The weight of one unit: every term weight is an integer number of units. */
  unit: number;
}

/** Resolution of quantised query weights: the largest term weight is 2^20 units at most. */
const WEIGHT_STEPS = 2 ** 20;
const MAX_UNITS = Math.floor(MAX_TEXT / 255);

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
  compounds?: CompoundExpansion,
): WeightedQuery {
  const idfParams: IdfParams = { n: index.size, mu };
  // Character pairs (charBigrams) are unknown to the background table: their IDF is the corpus's.
  const pairParams: IdfParams = { n: index.size, mu: 0 };
  const idf = (term: string, df: number): number =>
    term.startsWith(BIGRAM_PREFIX) ? smoothedIdf(df, 0, pairParams) : smoothedIdf(df, background.get(term), idfParams);
  // Candidates of one shape (no spreads, `via` always present) keep this loop monomorphic.
  interface Candidate {
    term: string;
    termId: number;
    weight: number;
    via: string | undefined;
    kind: WeightedQueryTerm['kind'];
  }
  const best = new Map<string, Candidate>();
  /** Keeps the candidate if its term is in the index and it beats the term's other routes. */
  const offer = (term: string, termId: number, weight: number, via: string | undefined, kind: Candidate['kind']): void => {
    if (weight <= 0) return;
    const prev = best.get(term);
    if (prev === undefined) best.set(term, { term, termId, weight, via, kind });
    else if (prev.weight < weight) {
      prev.weight = weight;
      prev.via = via;
      prev.kind = kind;
    }
  };
  let norm = 0;
  for (const [term, count] of counts) {
    const id = index.vocab.id(term);
    const df = id === undefined ? 0 : index.docFreq(id);
    const w = queryTermWeight(count) * idf(term, df);
    norm += w;
    if (id !== undefined && df > 0) offer(term, id, w, undefined, 'term');
  }
  for (const [term, count] of counts) {
    const expanded = expansions.get(term);
    if (expanded === undefined) continue;
    const q = queryTermWeight(count);
    for (const e of expanded) {
      if (counts.has(e.to)) continue;
      const id = index.vocab.id(e.to);
      const df = id === undefined ? 0 : index.docFreq(id);
      if (id === undefined || df === 0) continue;
      offer(e.to, id, q * e.factor * idf(e.to, df), term, e.kind);
    }
  }
  if (compounds !== undefined && compounds.factor > 0) {
    // A short query is a search for its words: each also finds the longer words made with it,
    // and the words it is made of. A long need has words enough of its own, so only those the
    // index lacks are expanded (expanding all of them measured no better on the fixtures and
    // CSL, and ~40% slower). Character pairs (charBigrams) do not count as words here.
    let words = 0;
    for (const term of counts.keys()) if (!term.startsWith(BIGRAM_PREFIX)) words++;
    const all = words <= COMPOUND_ALL_TERMS;
    for (const [term, count] of counts) {
      if (term.startsWith(BIGRAM_PREFIX) || (!all && best.has(term))) continue;
      const q = queryTermWeight(count) * compounds.factor;
      // A compound counts as the word at `factor` / min(compounds, 3) of its weight: a profile
      // needs three of a word's compounds (伺服电机, 异步电机, …) to weigh `factor` × the word, and
      // the weight of one compound does not fade as more of them enter the index.
      const ids = compounds.compoundsOf(term).filter((id) => index.docFreq(id) > 0 && !counts.has(index.vocab.term(id)));
      if (ids.length > 0) {
        const own = index.vocab.id(term);
        const w = (q * idf(term, own === undefined ? 0 : index.docFreq(own))) / Math.min(ids.length, COMPOUND_SHARE);
        for (const id of ids) offer(index.vocab.term(id), id, w, term, 'compound');
      }
      // The words a query word is made of, each at its own (lower) idf, shared the same way.
      const parts: { p: string; id: number; df: number }[] = [];
      for (const p of compounds.partsOf(term)) {
        const id = index.vocab.id(p);
        const df = id === undefined ? 0 : index.docFreq(id);
        if (id !== undefined && df > 0 && !counts.has(p)) parts.push({ p, id, df });
      }
      for (const { p, id, df } of parts) offer(p, id, (q * idf(p, df)) / parts.length, term, 'compound');
    }
  }
  // Integer weights make every score sum exact and order-independent (see search.ts).
  // The unit is also large enough that Σ units ≤ MAX_UNITS, so no document's text sum can
  // exceed MAX_TEXT (each term's units are at most weight / unit + 1).
  let max = 0;
  let total = 0;
  for (const t of best.values()) {
    max = Math.max(max, t.weight);
    total += t.weight;
  }
  const unit = max > 0 ? Math.max(max / WEIGHT_STEPS, total / (MAX_UNITS - best.size)) : 1;
  const terms: WeightedQueryTerm[] = [];
  for (const t of best.values()) {
    const units = Math.max(1, Math.round(t.weight / unit));
    const weight = units * unit;
    terms.push(
      t.via !== undefined
        ? { term: t.term, termId: t.termId, units, weight, via: t.via, kind: t.kind }
        : { term: t.term, termId: t.termId, units, weight, kind: t.kind },
    );
  }
  return { terms, norm, unit };
}
