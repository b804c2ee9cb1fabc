/**
 * `assignEvent`: who meets whom at a matchmaking event (对接会). Candidate pairs and their scores
 * come from `recommendExperts` (see `candidates.ts`); the assignment is exact (see
 * `src/assign/solve.ts`): it fills as many expert slots as the constraints allow, then maximises
 * the total score ('total') or the worst assigned score first ('fair').
 *
 * Constraints: each need gets at most `expertsPerNeed` distinct experts; each expert takes at
 * most its capacity (its own `capacity` field, else `expertCapacity`, else 3); a society is one
 * node whose capacity is its number of delegates (one delegate per need); `conflicts` and the
 * own-organisation rule (`organisation.ts`) remove pairs; pairs below `minScore` are not candidates.
 */
import { gatherCandidates } from './candidates.js';
import { resolveAssignOptions } from './options.js';
import { solveEvent } from './solve.js';
import type { AssignEventOptions, EventAssignment, EventMatcher } from './types.js';

export function assignEvent(m: EventMatcher, opts?: AssignEventOptions): EventAssignment {
  const o = resolveAssignOptions(m, opts);
  const { edges, excluded } = gatherCandidates(m, o);
  return solveEvent({
    needs: o.needs,
    experts: o.experts,
    edges,
    objective: o.objective,
    alternates: o.alternates,
    excluded,
    minScore: o.minScore,
  });
}
