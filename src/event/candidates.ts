/**
 * Candidate edges of an event: for each need, the experts `recommendExperts` ranks (best first,
 * exact scores), minus experts outside the event, conflicts and the expert's own organisation.
 * Excluded experts are passed to `recommendExperts` as `exclude`, so a `candidatesPerNeed` limit
 * keeps the best allowed experts, and scores are untouched (exclusion only filters).
 */
import type { ResolvedAssignOptions } from './options.js';
import { sameOrganisation } from './organisation.js';
import type { EventMatcher, EventPair } from './types.js';

export interface NeedExclusions {
  conflict: string[];
  ownOrganisation: string[];
}

export interface EventCandidates {
  edges: EventPair[];
  /** Need id -> experts of the event excluded from it, by rule. */
  excluded: Map<string, NeedExclusions>;
}

export function gatherCandidates(m: EventMatcher, o: ResolvedAssignOptions): EventCandidates {
  const edges: EventPair[] = [];
  const excluded = new Map<string, NeedExclusions>();
  const topK = o.candidatesPerNeed ?? o.experts.length;
  o.needs.forEach((need, done) => {
    const conflicting = o.conflicts.get(need.id);
    const ex: NeedExclusions = { conflict: [], ownOrganisation: [] };
    for (const e of o.experts) {
      if (conflicting?.has(e.id)) ex.conflict.push(e.id);
      else if (o.ownOrganisationRule && sameOrganisation(e.record.organization, need.record.enterprise?.name)) {
        ex.ownOrganisation.push(e.id);
      }
    }
    excluded.set(need.id, ex);
    if (topK > 0 && o.experts.length > ex.conflict.length + ex.ownOrganisation.length) {
      const exclude = [...o.outside, ...ex.conflict, ...ex.ownOrganisation];
      const recs = m.recommendExperts(need.id, { topK, minScore: o.minScore, ...(exclude.length > 0 ? { exclude } : {}) });
      for (const r of recs) if (r.score > 0) edges.push({ needId: need.id, expertId: r.id, score: r.score });
    }
    o.onProgress?.(done + 1, o.needs.length);
  });
  return { edges, excluded };
}
