import { z } from 'zod';
import { InnomatchError } from '../errors.js';
import { parseOrThrow } from '../parse.js';
import type { ExplanationTerm } from '../types.js';

const termSchema = z.object({
  term: z.string(),
  via: z.string().optional(),
  label: z.string().optional(),
  viaLabel: z.string().optional(),
});

/**
 * An explanation term as a reader would write it: its label when it has one (English words are
 * indexed stemmed), and the query term it came through: `join(term, via)`. A term that is not an
 * explanation term (no string `term`, a non-string `via` or label) is a ValidationError.
 */
export function explanationTermText(t: ExplanationTerm, join: (term: string, via: string) => string = (a, b) => `${a}←${b}`): string {
  const v = parseOrThrow(termSchema, t, 'explanation term');
  if (typeof join !== 'function') throw new InnomatchError('join must be a function (term, via) => string');
  const term = v.label ?? v.term;
  return v.via === undefined ? term : join(term, v.viaLabel ?? v.via);
}
