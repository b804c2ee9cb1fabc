/** zod errors and unknown ids as {@link ValidationError}s that name the option and the field. */
import type { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../errors.js';

/** Ids that can never be record ids (see `src/validate.ts`); rejected as map keys too. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
]);

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
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, context: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new ValidationError(zodIssues(r.error), context);
  return r.data;
}

/** Collects issues and throws them together. */
export class IssueList {
  private readonly issues: ValidationIssue[] = [];

  add(path: string, message: string, index = 0, id?: string): void {
    this.issues.push({ index, path, message, ...(id !== undefined ? { id } : {}) });
  }

  throwIfAny(context: string): void {
    if (this.issues.length > 0) throw new ValidationError(this.issues, context);
  }
}
