import type { ScoredSlot } from './search.js';

/** Cosine of two vectors of the same length; 0 when either is all zeros. */
export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

export interface LatentHit {
  hit: ScoredSlot;
  /** weight × max(0, cosine), 0 for a candidate without an embedding. */
  latent: number;
  /** hit.score + latent. */
  score: number;
}

export interface LatentOptions {
  /** The query's embedding. */
  query: readonly number[];
  weight: number;
  embeddingOf: (slot: number) => readonly number[] | undefined;
  /** Results with equal scores are ordered by this key ascending (the record id). */
  tieKey: (slot: number) => string;
  k: number;
  minScore: number;
}

/**
 * Adds the latent part to text-and-industry hits (the best candidates by that score) and keeps
 * the k best by the sum, at least `minScore`. The latent part is never negative, like the other
 * parts, so it only lifts candidates whose embedding points the query's way.
 */
export function rerankLatent(hits: readonly ScoredSlot[], o: LatentOptions): LatentHit[] {
  const out = hits.map((hit) => {
    const e = o.embeddingOf(hit.slot);
    const latent = e === undefined ? 0 : o.weight * Math.max(0, cosine(o.query, e));
    return { hit, latent, score: hit.score + latent };
  });
  const key = new Map(out.map((x) => [x.hit.slot, o.tieKey(x.hit.slot)]));
  out.sort((a, b) => b.score - a.score || ((key.get(a.hit.slot) as string) < (key.get(b.hit.slot) as string) ? -1 : 1));
  return out.filter((x) => x.score >= o.minScore).slice(0, o.k);
}
