/** One problem with one input record. `index` is the record's position in the call's array. */
export interface ValidationIssue {
  index: number;
  id?: string;
  path: string;
  message: string;
  /**
   * For a duplicate: the position of the earlier record in the same array (the message names it as
   * `record #N`, which file readers replace with its file and line).
   */
  duplicateOf?: number;
}

/** Thrown when input fails validation; nothing from the failing call has been applied. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[], context = 'input') {
    const head = issues
      .slice(0, 5)
      .map((i) => `#${i.index}${i.id !== undefined ? ` (${i.id})` : ''} ${i.path}: ${i.message}`)
      .join('; ');
    const more = issues.length > 5 ? `; and ${issues.length - 5} more` : '';
    super(`Invalid ${context}: ${head}${more}`);
    this.issues = issues;
  }
}

/** Thrown for a misuse of the API that is not about record contents (unknown id, bad option, bad snapshot). */
export class InnomatchError extends Error {
  override readonly name: string = 'InnomatchError';
}

export class SnapshotError extends InnomatchError {
  override readonly name = 'SnapshotError';
}
