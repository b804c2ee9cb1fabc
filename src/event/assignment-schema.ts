/**
 * Validation of an {@link EventAssignment} handed back in (e.g. read from `assign --format json`):
 * its shape with zod, then every id against the matcher, and no pair twice
 * ({@link checkAssignment}); and, on demand, against the constraints `assignEvent` honours:
 * capacities, conflicts and the own-organisation rule ({@link checkAssignmentConstraints}).
 */
import { z } from 'zod';
import { IssueList, parseOrThrow } from './issues.js';
import { resolveAssignOptions } from './options.js';
import { sameOrganisation } from './organisation.js';
import type { AssignEventOptions, EventAssignment, EventMatcher } from './types.js';

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

/** The constraints of {@link AssignEventOptions} that an existing assignment must respect. */
export type AssignmentConstraints = Pick<AssignEventOptions, 'expertCapacity' | 'conflicts' | 'ownOrganisationRule'>;

const CONSTRAINTS_CONTEXT = 'assignment constraints';

/**
 * Checks a (valid, see {@link checkAssignment}) assignment against the constraints `assignEvent`
 * honours, resolved the same way: each expert's capacity (its own `capacity` field, else
 * `expertCapacity`, else 3), the `conflicts`, and the own-organisation rule (on unless
 * `ownOrganisationRule` is false). Throws a ValidationError naming every offending pair (path
 * `pairs.<i>`; an expert over capacity is reported at each pair beyond its capacity); problems in
 * the constraints themselves (unknown ids in `conflicts` or `expertCapacity`) have their own paths.
 */
export function checkAssignmentConstraints(m: EventMatcher, a: EventAssignment, constraints: AssignmentConstraints = {}): void {
  const o = resolveAssignOptions(m, constraints);
  const capacity = new Map(o.experts.map((e) => [e.id, e.capacity]));
  const issues = new IssueList();
  const taken = new Map<string, string[]>();
  a.pairs.forEach((p, i) => {
    const pair = `(${p.needId}, ${p.expertId})`;
    if (o.conflicts.get(p.needId)?.has(p.expertId)) {
      issues.add(`pairs.${i}`, `the pair ${pair} is a conflict: need ${p.needId} and expert ${p.expertId} must not meet`, i, p.needId);
    }
    const expert = m.getExpert(p.expertId);
    const enterprise = m.getNeed(p.needId)?.enterprise?.name;
    if (o.ownOrganisationRule && sameOrganisation(expert?.organization, enterprise)) {
      issues.add(
        `pairs.${i}`,
        `the pair ${pair} breaks the own-organisation rule: expert ${p.expertId} (${expert?.organization ?? ''}) belongs to ${enterprise ?? ''}`,
        i,
        p.needId,
      );
    }
    const needs = taken.get(p.expertId) ?? [];
    needs.push(p.needId);
    taken.set(p.expertId, needs);
    const cap = capacity.get(p.expertId) ?? 0;
    if (needs.length > cap) {
      issues.add(
        `pairs.${i}`,
        `the pair ${pair} exceeds the capacity of expert ${p.expertId}: ${cap} need${cap === 1 ? '' : 's'}, ` +
          `already assigned ${needs.slice(0, cap).join(', ') || 'none'}`,
        i,
        p.needId,
      );
    }
  });
  issues.throwIfAny(CONSTRAINTS_CONTEXT);
}
