/** zod errors and unknown ids as {@link ValidationError}s that name the option and the field. */
import { ValidationError, type ValidationIssue } from '../errors.js';

export { parseOrThrow, zodIssues } from '../parse.js';

/** Ids that can never be record ids (see `src/validate.ts`); rejected as map keys too. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
]);

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
