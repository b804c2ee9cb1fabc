/**
 * Validation and resolution of {@link AssignEventOptions}: zod for shapes, then every id checked
 * against the matcher. Produces the per-need demands, per-expert capacities and exclusions.
 */
import { z } from 'zod';
import type { ExpertInput, NeedInput } from '../types.js';
import { IssueList, parseOrThrow, RESERVED_KEYS } from './issues.js';
import type { AssignEventOptions, EventMatcher } from './types.js';

export const DEFAULT_CAPACITY = 3;
export const DEFAULT_EXPERTS_PER_NEED = 1;
export const MAX_COUNT = 10_000;

const count = z.number().int('must be an integer').min(0, 'must be >= 0').max(MAX_COUNT, `must be <= ${MAX_COUNT}`);
const key = z.string().refine((k) => !RESERVED_KEYS.has(k), 'is a reserved name, not an id');
const countOrMap = z.union([count, z.record(key, count)]);
const idList = z.array(z.string().min(1, 'id must not be empty'));

export const assignOptionsSchema = z.strictObject({
  needIds: idList.optional(),
  expertIds: idList.optional(),
  expertCapacity: countOrMap.optional(),
  expertsPerNeed: countOrMap.optional(),
  minScore: z.number().finite().optional(),
  conflicts: z.array(z.strictObject({ needId: z.string(), expertId: z.string() })).optional(),
  ownOrganisationRule: z.boolean().optional(),
  objective: z.enum(['total', 'fair']).optional(),
  alternates: z.number().int().min(0).max(MAX_COUNT).optional(),
  candidatesPerNeed: z.number().int().min(1).optional(),
  onProgress: z
    .custom<(done: number, total: number) => void>((v) => typeof v === 'function', 'must be a function')
    .optional(),
});

export interface ResolvedNeed {
  id: string;
  record: NeedInput;
  demand: number;
}

export interface ResolvedExpert {
  id: string;
  record: ExpertInput;
  capacity: number;
}

export interface ResolvedAssignOptions {
  needs: ResolvedNeed[];
  experts: ResolvedExpert[];
  /** Experts of the matcher outside the event (never candidates). */
  outside: string[];
  /** Need id -> expert ids in conflict with it. */
  conflicts: Map<string, Set<string>>;
  ownOrganisationRule: boolean;
  minScore: number;
  objective: 'total' | 'fair';
  alternates: number;
  candidatesPerNeed: number | undefined;
  onProgress: ((done: number, total: number) => void) | undefined;
}

const CONTEXT = 'assignEvent options';

function pickIds(
  given: string[] | undefined,
  all: readonly string[],
  field: 'needIds' | 'expertIds',
  issues: IssueList,
): string[] {
  if (given === undefined) return [...all];
  const known = new Set(all);
  const seen = new Set<string>();
  given.forEach((id, i) => {
    if (!known.has(id)) issues.add(`${field}.${i}`, `unknown ${field === 'needIds' ? 'need' : 'expert'} id "${id}"`, i, id);
    else if (seen.has(id)) issues.add(`${field}.${i}`, `duplicate id "${id}"`, i, id);
    seen.add(id);
  });
  return [...seen].filter((id) => known.has(id));
}

/** Keys of a map option as given (read from the raw value: a parsed copy may drop a "__proto__" key). */
function checkMapIds(raw: unknown, known: ReadonlySet<string>, field: string, what: string, issues: IssueList): void {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return;
  for (const id of Object.keys(raw)) if (!known.has(id)) issues.add(`${field}.${id}`, `unknown ${what} id "${id}"`, 0, id);
}

function countFor(value: number | Record<string, number> | undefined, id: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number') return value;
  return Object.hasOwn(value, id) ? (value[id] as number) : fallback;
}

export function resolveAssignOptions(m: EventMatcher, raw: AssignEventOptions | undefined): ResolvedAssignOptions {
  const o = parseOrThrow(assignOptionsSchema, raw ?? {}, CONTEXT);
  const issues = new IssueList();
  const allNeeds = m.needIds();
  const allExperts = m.expertIds();
  const needIds = pickIds(o.needIds, allNeeds, 'needIds', issues);
  const expertIds = pickIds(o.expertIds, allExperts, 'expertIds', issues);
  const knownNeeds = new Set(allNeeds);
  const knownExperts = new Set(allExperts);
  checkMapIds(raw?.expertCapacity, knownExperts, 'expertCapacity', 'expert', issues);
  checkMapIds(raw?.expertsPerNeed, knownNeeds, 'expertsPerNeed', 'need', issues);
  const conflicts = new Map<string, Set<string>>();
  (o.conflicts ?? []).forEach((c, i) => {
    if (!knownNeeds.has(c.needId)) issues.add(`conflicts.${i}.needId`, `unknown need id "${c.needId}"`, i, c.needId);
    if (!knownExperts.has(c.expertId)) issues.add(`conflicts.${i}.expertId`, `unknown expert id "${c.expertId}"`, i, c.expertId);
    const set = conflicts.get(c.needId) ?? new Set<string>();
    set.add(c.expertId);
    conflicts.set(c.needId, set);
  });
  issues.throwIfAny(CONTEXT);

  const needs = needIds.map((id) => ({
    id,
    record: m.getNeed(id) as NeedInput,
    demand: countFor(o.expertsPerNeed, id, DEFAULT_EXPERTS_PER_NEED),
  }));
  const experts = expertIds.map((id) => {
    const record = m.getExpert(id) as ExpertInput;
    return { id, record, capacity: record.capacity ?? countFor(o.expertCapacity, id, DEFAULT_CAPACITY) };
  });
  const inEvent = new Set(expertIds);
  return {
    needs,
    experts,
    outside: allExperts.filter((id) => !inEvent.has(id)),
    conflicts,
    ownOrganisationRule: o.ownOrganisationRule ?? true,
    minScore: o.minScore ?? 0,
    objective: o.objective ?? 'total',
    alternates: o.alternates ?? 0,
    candidatesPerNeed: o.candidatesPerNeed,
    onProgress: o.onProgress,
  };
}
