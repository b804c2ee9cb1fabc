/**
 * Validation of an {@link EventAssignment} handed back in (e.g. read from `assign --format json`):
 * its shape with zod, then every id against the matcher, and no pair twice.
 */
import { z } from 'zod';
import { IssueList, parseOrThrow } from './issues.js';
import type { EventAssignment, EventMatcher } from './types.js';

const pair = z.strictObject({
  needId: z.string().min(1),
  expertId: z.string().min(1),
  score: z.number().finite(),
});

export const assignmentSchema = z.looseObject({
  pairs: z.array(pair),
  totalScore: z.number().finite().optional(),
  worstScore: z.number().finite().optional(),
  unfilled: z
    .array(z.strictObject({ needId: z.string(), missing: z.number().int().min(0), reason: z.string() }))
    .optional(),
  alternates: z.record(z.string(), z.array(z.string())).optional(),
});

const CONTEXT = 'assignment';

export function checkAssignment(m: EventMatcher, value: unknown): EventAssignment {
  const a = parseOrThrow(assignmentSchema, value, CONTEXT);
  const issues = new IssueList();
  const needs = new Set(m.needIds());
  const experts = new Set(m.expertIds());
  const seen = new Set<string>();
  a.pairs.forEach((p, i) => {
    if (!needs.has(p.needId)) issues.add(`pairs.${i}.needId`, `unknown need id "${p.needId}"`, i, p.needId);
    if (!experts.has(p.expertId)) issues.add(`pairs.${i}.expertId`, `unknown expert id "${p.expertId}"`, i, p.expertId);
    const key = `${p.needId}\u0000${p.expertId}`;
    if (seen.has(key)) issues.add(`pairs.${i}`, `the pair (${p.needId}, ${p.expertId}) appears twice`, i);
    seen.add(key);
  });
  issues.throwIfAny(CONTEXT);
  let total = 0;
  for (const p of a.pairs) total += p.score;
  const out: EventAssignment = {
    pairs: a.pairs.map((p) => ({ ...p })),
    totalScore: a.totalScore ?? total,
    unfilled: (a.unfilled ?? []).map((u) => ({ ...u })),
    alternates: { ...(a.alternates ?? {}) },
  };
  if (a.worstScore !== undefined) out.worstScore = a.worstScore;
  return out;
}
