/**
 * The event assignment over ids: maps needs, experts and candidate edges to the exact solver
 * (`solveAssignment`, min-cost flow) and its result back to ids, adding to each unfilled need's
 * reason the experts that bind (at capacity, excluded by a rule).
 */
import { solveAssignment } from '../assign/index.js';
import type { NeedExclusions } from './candidates.js';
import type { EventAssignment, EventPair, EventUnfilled } from './types.js';

export interface IdProblem {
  needs: readonly { id: string; demand: number }[];
  experts: readonly { id: string; capacity: number }[];
  /** At most one per pair, score > 0. */
  edges: readonly EventPair[];
  objective: 'total' | 'fair';
  alternates: number;
  /** For explanations only. */
  excluded?: ReadonlyMap<string, NeedExclusions>;
  minScore?: number;
}

const LIST_LIMIT = 8;

function listIds(ids: readonly string[]): string {
  const head = ids.slice(0, LIST_LIMIT).join(', ');
  return ids.length > LIST_LIMIT ? `${head} and ${ids.length - LIST_LIMIT} more` : head;
}

export function solveEvent(p: IdProblem): EventAssignment {
  const needIndex = new Map(p.needs.map((n, i) => [n.id, i]));
  const expertIndex = new Map(p.experts.map((e, j) => [e.id, j]));
  const edges = p.edges.map((e) => {
    const need = needIndex.get(e.needId);
    const expert = expertIndex.get(e.expertId);
    if (need === undefined || expert === undefined) {
      throw new RangeError(`edge (${e.needId}, ${e.expertId}) names a need or expert outside the event`);
    }
    return { need, expert, score: e.score };
  });
  const r = solveAssignment({
    needs: p.needs.map((n) => ({ id: n.id, demand: n.demand })),
    experts: p.experts.map((e) => ({ id: e.id, capacity: e.capacity })),
    edges,
    objective: p.objective,
    alternates: p.alternates,
  });
  const needId = (i: number): string => p.needs[i]!.id;
  const expertId = (j: number): string => p.experts[j]!.id;
  const pairs = r.pairs
    .map((x) => ({ needId: needId(x.need), expertId: expertId(x.expert), score: x.score, need: x.need }))
    .sort((a, b) => a.need - b.need || b.score - a.score || (a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : 0))
    .map(({ needId: n, expertId: e, score }) => ({ needId: n, expertId: e, score }));
  const load = new Map<string, number>();
  for (const x of pairs) load.set(x.expertId, (load.get(x.expertId) ?? 0) + 1);
  const assignedTo = new Set(pairs.map((x) => `${x.needId}\u0000${x.expertId}`));
  const candidatesOf = new Map<string, string[]>();
  for (const e of p.edges) candidatesOf.set(e.needId, [...(candidatesOf.get(e.needId) ?? []), e.expertId]);

  const unfilled: EventUnfilled[] = r.unfilled.map((u) => {
    const id = needId(u.need);
    const details: string[] = [];
    const full = (candidatesOf.get(id) ?? [])
      .filter((e) => !assignedTo.has(`${id}\u0000${e}`))
      .map((e) => ({ e, cap: p.experts[expertIndex.get(e)!]!.capacity }))
      .filter(({ e, cap }) => (load.get(e) ?? 0) >= cap)
      .map(({ e, cap }) => `${e} (${load.get(e) ?? 0}/${cap})`);
    if (full.length > 0) details.push(`at capacity: ${listIds(full)}`);
    const ex = p.excluded?.get(id);
    if (ex && ex.conflict.length > 0) details.push(`excluded as conflicts: ${listIds(ex.conflict)}`);
    if (ex && ex.ownOrganisation.length > 0) {
      details.push(`excluded as the enterprise's own organisation: ${listIds(ex.ownOrganisation)}`);
    }
    if (!candidatesOf.has(id)) {
      const min = p.minScore ?? 0;
      // After exclusions, say "other": the excluded ones may well match.
      const who = ex && ex.conflict.length + ex.ownOrganisation.length > 0 ? 'no other expert' : 'no expert';
      if (p.experts.length === 0) details.push('the event has no experts');
      else details.push(min > 0 ? `${who} in the event scores >= minScore ${min}` : `${who} in the event shares a term with this need`);
    }
    return { needId: id, missing: u.missing, reason: details.length > 0 ? `${u.reason}; ${details.join('; ')}` : u.reason };
  });
  const alternates: Record<string, string[]> = {};
  r.alternates.forEach((list, i) => {
    alternates[needId(i)] = list.map(expertId);
  });
  const out: EventAssignment = { pairs, totalScore: r.totalScore, unfilled, alternates };
  if (r.worstNeedScore !== undefined) out.worstScore = r.worstNeedScore;
  return out;
}
