import type { ExplanationTerm } from '../types.js';

/**
 * An explanation term as a reader would write it: its label when it has one (English words are
 * indexed stemmed), and the query term it came through: `join(term, via)`.
 */
export function explanationTermText(t: ExplanationTerm, join: (term: string, via: string) => string = (a, b) => `${a}←${b}`): string {
  const term = t.label ?? t.term;
  return t.via === undefined ? term : join(term, t.viaLabel ?? t.via);
}
