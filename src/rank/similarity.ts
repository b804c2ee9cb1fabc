/**
 * The scoring function (Lucene's "similarity"), separate from the index and from top-k
 * collection. A document's weight for a term factors into idf(term) × s(term, doc) where
 * s ∈ [0, 1) is the BM25F-saturated, length-normalised, field-weighted term frequency. The
 * query side multiplies by its own term weight. Every factor is non-negative, so the score is a
 * monotonic sum over query terms and top-k pruning stays exact.
 *
 * Length normalisation uses a fixed reference length per field instead of the corpus average,
 * so s depends on the document alone: adding documents never changes old documents' weights
 * (only the IDF moves, and it is applied at query time).
 */
export interface FieldParams {
  /** Field boost: how much one occurrence in this field counts. */
  weight: number;
  /** Length normalisation strength, 0 (none) to 1 (full). */
  b: number;
  /** Reference length of the field in tokens (a typical profile's). */
  refLength: number;
}

export interface Bm25fParams {
  k1: number;
  fields: readonly FieldParams[];
}

/**
 * s(term, doc): BM25F pseudo-frequency, saturated into [0, 1). The term's per-field counts are
 * tf[at], tf[at + 1], … (one per field).
 */
export function saturatedTf(tf: ArrayLike<number>, fieldLen: ArrayLike<number>, p: Bm25fParams, at = 0): number {
  let pseudo = 0;
  for (let f = 0; f < p.fields.length; f++) {
    const x = tf[at + f] as number;
    if (x === 0) continue;
    const fp = p.fields[f] as FieldParams;
    const norm = 1 - fp.b + (fp.b * (fieldLen[f] as number)) / fp.refLength;
    pseudo += (fp.weight * x) / norm;
  }
  return pseudo / (p.k1 + pseudo);
}

/** Impacts are stored in one byte: s ∈ [0, 1) → 1..255 (a present term never rounds to 0). */
export const IMPACT_SCALE = 255;

export function quantizeImpact(s: number): number {
  return Math.min(IMPACT_SCALE, Math.max(1, Math.round(s * IMPACT_SCALE)));
}

export interface IdfParams {
  /** Documents in the corpus. */
  n: number;
  /** Pseudo-count of background documents: the corpus IDF is trusted in proportion n / (n + mu). */
  mu: number;
}

/**
 * IDF from the corpus, smoothed towards a background IDF (jieba's, from a large general corpus)
 * so that a small corpus does not give every rare word the same weight.
 */
export function smoothedIdf(df: number, background: number, p: IdfParams): number {
  const corpus = Math.log((p.n + 1) / (df + 0.5));
  const lambda = p.n / (p.n + p.mu);
  return lambda * Math.max(corpus, 0) + (1 - lambda) * background;
}

/** Query-side weight of a term from its field-weighted count in the query text. */
export function queryTermWeight(weightedCount: number): number {
  return Math.log1p(weightedCount);
}
