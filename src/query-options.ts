/**
 * The options of query and batch calls, validated like records: a bad one is a ValidationError
 * that names the option.
 */
import { z } from 'zod';
import { parseOrThrow } from './parse.js';
import { INDUSTRY_CODES, type IndustryCode } from './taxonomy/codes.js';
import { EXPERT_KINDS, type ExpertKind } from './types.js';

export const DEFAULT_TOP_K = 10;

const common = {
  topK: z.number().int('topK must be an integer').min(1, 'topK must be at least 1').optional(),
  industries: z.array(z.enum(INDUSTRY_CODES)).optional(),
  exclude: z.array(z.string()).optional(),
  minScore: z.number().finite('minScore must be a finite number').optional(),
};
const expertQueryOptions = z.strictObject({ ...common, kinds: z.array(z.enum(EXPERT_KINDS)).optional() });
const needQueryOptions = z.strictObject(common);

export interface ParsedRecommendOptions {
  topK: number;
  kinds?: ExpertKind[];
  industries?: IndustryCode[];
  exclude?: string[];
  minScore: number;
}

/** Options of `recommendExperts` (`allowKinds`) or `recommendNeeds`, with their defaults. */
export function parseRecommendOptions(opts: unknown, allowKinds: boolean): ParsedRecommendOptions {
  const o: z.output<typeof expertQueryOptions> = parseOrThrow(allowKinds ? expertQueryOptions : needQueryOptions, opts === undefined ? {} : opts, 'options');
  const out: ParsedRecommendOptions = { topK: o.topK ?? DEFAULT_TOP_K, minScore: o.minScore ?? 0 };
  if (o.kinds !== undefined) out.kinds = o.kinds;
  if (o.industries !== undefined) out.industries = o.industries;
  if (o.exclude !== undefined) out.exclude = o.exclude;
  return out;
}

const batchOptions = z.strictObject({
  workers: z.number().int('workers must be an integer').min(1, 'workers must be at least 1').max(1024).optional(),
});

/** Worker threads of a batch call: `workers`, or `fallback` (the machine's parallelism). */
export function parseWorkers(run: unknown, fallback: number): number {
  return parseOrThrow(batchOptions, run === undefined ? {} : run, 'batch options').workers ?? fallback;
}

const ids = z.array(z.string(), 'ids must be an array of strings');

/** Ids given to a remove call. */
export function parseIds(value: unknown): string[] {
  return parseOrThrow(ids, value, 'ids');
}

/** A single id or text argument (on every call of `analyze`: the common case costs one typeof). */
export function parseString(value: unknown, what: string): string {
  if (typeof value === 'string') return value;
  return parseOrThrow(z.string(`${what} must be a string`), value, what);
}

const sideKind = z.enum(['expert', 'need'], "kind must be 'expert' or 'need'");

/** Which side a per-record call reads. */
export function parseSideKind(value: unknown): 'expert' | 'need' {
  return parseOrThrow(sideKind, value, 'kind');
}
