/** zod failures as {@link ValidationError}s that name the record and the field. */
import type { z } from 'zod';
import { ValidationError, type ValidationIssue } from './errors.js';

/** Position of the offending record: the index of a list item when the path goes through one, else 0. */
function indexOf(path: readonly PropertyKey[]): number {
  const n = path.find((p) => typeof p === 'number');
  return typeof n === 'number' ? n : 0;
}

export function zodIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((iss) => ({
    index: indexOf(iss.path),
    path: iss.path.length > 0 ? iss.path.map(String).join('.') : '(options)',
    message: iss.message,
  }));
}

/** Parses `value` with `schema` or throws a ValidationError naming every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, context: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new ValidationError(zodIssues(r.error), context);
  return r.data;
}
