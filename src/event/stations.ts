/**
 * `suggestStations`: long-term pairings. When an enterprise's needs keep matching the same
 * academician, society or overseas expert (in the top `topK` of at least `minNeeds` of its
 * needs), that expert is a candidate for a 院士专家工作站 (academician), 学会服务站 (society) or
 * 海智工作站 (overseas) at the enterprise. Sorted by number of needs, then mean score (both
 * descending), then enterprise key and expert id.
 *
 * Enterprises are unified across the event's needs as in `scheduleEvent` (see `eventEnterprises`).
 * A need without enterprise has no place for a station and is skipped. The own-organisation rule
 * of `assignEvent` applies: an expert of the enterprise itself is never suggested (nor counted
 * in its top `topK`).
 */
import { z } from 'zod';
import type { NeedInput } from '../types.js';
import { hasEnterprise, matcherEnterprises } from './enterprise.js';
import { IssueList, parseOrThrow } from './issues.js';
import { sameOrganisation } from './organisation.js';
import {
  type EventMatcher,
  STATION_KINDS,
  type StationKind,
  type StationSuggestion,
  type StationType,
  type SuggestStationsOptions,
} from './types.js';
import { deepFreeze } from '../util/freeze.js';

export const STATION_OF: Readonly<Record<StationKind, StationType>> = deepFreeze({
  academician: 'academician-workstation',
  society: 'society-station',
  overseas: 'overseas-station',
});

/** Chinese names of the station types. */
export const STATION_NAMES_ZH: Readonly<Record<StationType, string>> = deepFreeze({
  'academician-workstation': '院士专家工作站',
  'society-station': '学会服务站',
  'overseas-station': '海智工作站',
});

const schema = z.strictObject({
  topK: z.number().int().min(1).max(1000).optional(),
  minNeeds: z.number().int().min(1).optional(),
  needIds: z.array(z.string()).optional(),
  kinds: z.array(z.enum(STATION_KINDS)).min(1).optional(),
  minScore: z.number().finite().optional(),
});

const CONTEXT = 'suggestStations options';

export function suggestStations(m: EventMatcher, opts?: SuggestStationsOptions): StationSuggestion[] {
  const o = parseOrThrow(schema, opts ?? {}, CONTEXT);
  const known = new Set(m.needIds());
  const issues = new IssueList();
  o.needIds?.forEach((id, i) => {
    if (!known.has(id)) issues.add(`needIds.${i}`, `unknown need id "${id}"`, i, id);
  });
  issues.throwIfAny(CONTEXT);
  const topK = o.topK ?? 3;
  const minNeeds = o.minNeeds ?? 2;
  const kinds = new Set<string>(o.kinds ?? STATION_KINDS);
  const kindOf = new Map<string, string | undefined>();
  const kindFor = (id: string): string | undefined => {
    if (!kindOf.has(id)) kindOf.set(id, m.getExpert(id)?.kind);
    return kindOf.get(id);
  };
  const enterpriseOf = matcherEnterprises(m);
  const organisations = m.expertIds().map((id) => ({ id, org: m.getExpert(id)?.organization }));

  // Enterprise key -> expert id -> its scores on the enterprise's needs.
  const hits = new Map<string, { name: string; experts: Map<string, { needIds: string[]; scores: number[] }> }>();
  for (const needId of [...new Set(o.needIds ?? m.needIds())]) {
    const need = m.getNeed(needId) as NeedInput;
    const ent = enterpriseOf(need);
    if (!hasEnterprise(ent)) continue;
    // The top `topK` among the experts allowed to meet the need: the enterprise's own are passed
    // as `exclude`, as assignEvent does (candidates.ts).
    const exclude = organisations
      .filter(({ org }) => sameOrganisation(org, need.enterprise?.name) || sameOrganisation(org, ent.name))
      .map(({ id }) => id);
    const ranked = m.recommendExperts(needId, { topK, minScore: o.minScore ?? 0, ...(exclude.length > 0 ? { exclude } : {}) });
    let e = hits.get(ent.key);
    if (!e) hits.set(ent.key, (e = { name: ent.name, experts: new Map() }));
    for (const r of ranked) {
      if (r.score <= 0 || !kinds.has(kindFor(r.id) ?? 'expert')) continue;
      const x = e.experts.get(r.id) ?? { needIds: [], scores: [] };
      x.needIds.push(needId);
      x.scores.push(r.score);
      e.experts.set(r.id, x);
    }
  }
  const out: StationSuggestion[] = [];
  for (const [key, e] of hits) {
    for (const [expertId, x] of e.experts) {
      if (x.needIds.length < minNeeds) continue;
      const kind = kindFor(expertId) as StationKind;
      out.push({
        enterprise: e.name,
        enterpriseKey: key,
        expertId,
        kind,
        station: STATION_OF[kind],
        needIds: x.needIds,
        meanScore: x.scores.reduce((s, v) => s + v, 0) / x.scores.length,
      });
    }
  }
  return out.sort(
    (a, b) =>
      b.needIds.length - a.needIds.length ||
      b.meanScore - a.meanScore ||
      cmp(a.enterpriseKey, b.enterpriseKey) ||
      cmp(a.expertId, b.expertId),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
