import { z } from 'zod';
import { ValidationError, type ValidationIssue } from './errors.js';
import { INDUSTRY_CODES } from './taxonomy/codes.js';
import { DISCIPLINE_CODES } from './taxonomy/disciplines/index.js';
import { DISCIPLINE_SLOTS } from './taxonomy/row.js';
import { fastValidators } from './validate-fast.js';
import { EXPERT_KINDS, type ExpertInput, type NeedInput } from './types.js';

/** Generous limits: a profile with 50 publications of 300 characters each is ordinary. */
export const LIMITS = Object.freeze({
  idLength: 200,
  shortText: 500,
  longText: 20_000,
  listItems: 200,
  publications: 1_000,
  abstract: 10_000,
  totalProfileText: 2_000_000,
  embeddingDimensions: 4096,
} as const);

const RESERVED_IDS = new Set(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf']);

const id = z
  .string()
  .min(1, 'id must not be empty')
  .max(LIMITS.idLength, `id is longer than ${LIMITS.idLength} characters`)
  .refine((s) => s.trim() === s, 'id must not start or end with whitespace')
  .refine((s) => !RESERVED_IDS.has(s), 'id is a reserved JavaScript property name');

const shortText = z.string().max(LIMITS.shortText, `longer than ${LIMITS.shortText} characters`);
const longText = z.string().max(LIMITS.longText, `longer than ${LIMITS.longText} characters`);
const termList = z.array(shortText).max(LIMITS.listItems, `more than ${LIMITS.listItems} items`);
const industries = z.array(z.enum(INDUSTRY_CODES)).max(INDUSTRY_CODES.length);
const disciplines = z
  .array(z.enum(DISCIPLINE_CODES as [string, ...string[]], 'not a discipline code of DISCIPLINE_CODES (such as 0805)'))
  .min(1, 'disciplines must not be empty (leave it out to infer them)')
  .max(DISCIPLINE_SLOTS, `at most ${DISCIPLINE_SLOTS} disciplines (a record keeps three)`)
  .refine((a) => new Set(a).size === a.length, 'a discipline is listed twice');
const embedding = z
  .array(z.number().finite('embedding values must be finite numbers'))
  .min(1, 'embedding must not be empty')
  .max(LIMITS.embeddingDimensions, `embedding has more than ${LIMITS.embeddingDimensions} dimensions`);

const publication = z.strictObject({
  title: shortText.min(1, 'publication title must not be empty'),
  abstract: z.string().max(LIMITS.abstract, `longer than ${LIMITS.abstract} characters`).optional(),
  keywords: termList.optional(),
  year: z.number().int().min(1900).max(2100).optional(),
});

export const expertSchema = z.strictObject({
  id,
  name: shortText.min(1, 'name must not be empty'),
  kind: z.enum(EXPERT_KINDS).optional(),
  title: shortText.optional(),
  organization: shortText.optional(),
  region: shortText.optional(),
  fields: termList.optional(),
  keywords: termList.optional(),
  bio: longText.optional(),
  publications: z.array(publication).max(LIMITS.publications, `more than ${LIMITS.publications} publications`).optional(),
  industries: industries.optional(),
  capacity: z.number().int().min(0).max(10_000).optional(),
  embedding: embedding.optional(),
  // Last: binary snapshots list fields in this order, and older ones have no disciplines.
  disciplines: disciplines.optional(),
});

export const needSchema = z.strictObject({
  id,
  title: shortText.optional(),
  description: longText.refine((s) => s.trim().length > 0, 'description must not be empty'),
  keywords: termList.optional(),
  enterprise: z
    .strictObject({
      id: id.optional(),
      name: shortText.min(1, 'enterprise name must not be empty'),
      park: shortText.optional(),
      region: shortText.optional(),
    })
    .optional(),
  industries: industries.optional(),
  embedding: embedding.optional(),
  disciplines: disciplines.optional(),
});

/**
 * Embeddings of valid records (in batch order) against the matcher's dimension, or the first
 * one's when the matcher has none yet: every embedding in a matcher has the same length.
 */
export function checkEmbeddingDimensions(
  records: readonly { id: string; embedding?: number[] }[],
  current: number | undefined,
  what: string,
): number | undefined {
  let dim = current;
  const issues: ValidationIssue[] = [];
  records.forEach((r, index) => {
    if (r.embedding === undefined) return;
    if (dim === undefined) dim = r.embedding.length;
    else if (r.embedding.length !== dim) {
      const source = current !== undefined ? "the matcher's embeddings" : 'the first embedding of this batch';
      issues.push({ index, id: r.id, path: 'embedding', message: `has ${r.embedding.length} dimensions, ${source} ${dim}` });
    }
  });
  if (issues.length > 0) throw new ValidationError(issues, what);
  return dim;
}

/** A character that String.prototype.trim() would keep (both use the same white space set). */
const NON_SPACE = /\S/;

/**
 * The size of a profile's text (its texts joined by one space, as the emptiness and size checks
 * count it) and whether any of it is not whitespace; without building the joined string.
 */
export function expertTextStats(e: ExpertInput): { length: number; blank: boolean } {
  let length = -1; // n texts joined by n - 1 spaces
  let blank = true;
  const add = (t: string): void => {
    length += t.length + 1;
    if (blank && NON_SPACE.test(t)) blank = false;
  };
  for (const t of e.fields ?? []) add(t);
  for (const t of e.keywords ?? []) add(t);
  add(e.bio ?? '');
  for (const p of e.publications ?? []) {
    add(p.title);
    add(p.abstract ?? '');
    for (const t of p.keywords ?? []) add(t);
  }
  return { length, blank };
}

function zodIssues(error: z.ZodError, index: number, recordId: string | undefined): ValidationIssue[] {
  return error.issues.map((iss) => ({
    index,
    ...(recordId !== undefined ? { id: recordId } : {}),
    path: iss.path.length > 0 ? iss.path.map(String).join('.') : '(record)',
    message: iss.message,
  }));
}

function recordId(raw: unknown): string | undefined {
  if (raw !== null && typeof raw === 'object' && 'id' in raw) {
    const v = (raw as { id: unknown }).id;
    if (typeof v === 'string') return v;
  }
  return undefined;
}

/** What a record's extra check returns when it finds nothing (shared: no array per record). */
const NO_ISSUES: readonly { path: string; message: string }[] = Object.freeze([]);

/** The plain, valid records without zod (validate-fast.ts); zod decides everything else. */
export const FAST = fastValidators({ ...LIMITS, reservedIds: RESERVED_IDS });
/** The same checks returning the records given (Keep 'inputs'). */
export const FAST_CHECK = fastValidators({ ...LIMITS, reservedIds: RESERVED_IDS }, false);

function validateBatch<T extends { id: string }>(
  records: unknown,
  schema: z.ZodType<T>,
  fast: (raw: unknown) => T | undefined,
  fastCheck: (raw: unknown) => T | undefined,
  existing: (id: string) => boolean,
  extra: (r: T) => readonly { path: string; message: string }[],
  what: string,
  keep: Keep = 'copies',
): T[] {
  if (!Array.isArray(records)) {
    throw new ValidationError([{ index: -1, path: '(batch)', message: `${what} must be an array` }], what);
  }
  const issues: ValidationIssue[] = [];
  const out: T[] = [];
  const seen = new Map<string, number>();
  records.forEach((raw: unknown, index) => {
    let r = keep === 'inputs' ? fastCheck(raw) : fast(raw);
    if (r === undefined) {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        issues.push(...zodIssues(parsed.error, index, recordId(raw)));
        return;
      }
      r = parsed.data;
    }
    const first = seen.get(r.id);
    if (first !== undefined) {
      issues.push({ index, id: r.id, path: 'id', message: `duplicate id in this batch (also record #${first})`, duplicateOf: first });
    } else if (existing(r.id)) {
      issues.push({ index, id: r.id, path: 'id', message: 'id is already in the matcher' });
    }
    seen.set(r.id, first ?? index);
    for (const e of extra(r)) issues.push({ index, id: r.id, ...e });
    out.push(keep === 'copies' ? r : (raw as T));
  });
  if (issues.length > 0) throw new ValidationError(issues, what);
  return out;
}

/**
 * What a batch check returns for valid records: zod's fresh copies (what the matcher keeps, so that
 * the caller cannot change it afterwards), or the records given, when nobody else holds them (a
 * snapshot's, just parsed): equal for valid records, and the copies are garbage at once instead of
 * all alive until the batch is done.
 */
export type Keep = 'copies' | 'inputs';

export function validateExperts(records: unknown, existing: (id: string) => boolean, keep: Keep = 'copies'): ExpertInput[] {
  return validateBatch<ExpertInput>(
    records,
    expertSchema as z.ZodType<ExpertInput>,
    FAST.expert,
    FAST_CHECK.expert,
    existing,
    (e) => {
      const text = expertTextStats(e);
      if (text.blank) {
        return [{ path: '(record)', message: 'profile has no text: give fields, keywords, bio or publications' }];
      }
      if (text.length > LIMITS.totalProfileText) {
        return [{ path: '(record)', message: `profile text is longer than ${LIMITS.totalProfileText} characters` }];
      }
      return NO_ISSUES;
    },
    'experts',
    keep,
  );
}

export function validateNeeds(records: unknown, existing: (id: string) => boolean, keep: Keep = 'copies'): NeedInput[] {
  return validateBatch<NeedInput>(records, needSchema as z.ZodType<NeedInput>, FAST.need, FAST_CHECK.need, existing, () => NO_ISSUES, 'needs', keep);
}

/** Validates a single record given directly to a query method (no duplicate check). */
export function validateOneNeed(raw: unknown): NeedInput {
  return validateBatch<NeedInput>([raw], needSchema as z.ZodType<NeedInput>, FAST.need, FAST_CHECK.need, () => false, () => NO_ISSUES, 'need')[0] as NeedInput;
}

export function validateOneExpert(raw: unknown): ExpertInput {
  return validateExperts([raw], () => false)[0] as ExpertInput;
}
