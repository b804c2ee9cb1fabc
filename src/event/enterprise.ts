/**
 * Which enterprise a need belongs to. Several needs may share one enterprise, which then attends
 * one meeting at a time. The key is `id:<enterprise.id>`, else `name:<normalised name>`, else
 * `need:<need id>` (a need without enterprise is its own enterprise, shown as
 * {@link NO_ENTERPRISE}); the prefixes keep an id from colliding with another enterprise's name.
 *
 * `enterpriseOf` looks at one need only. An event groups by {@link eventEnterprises}, which
 * unifies the enterprises across all the needs of the event: a need that gives only a name
 * belongs to the enterprise with an id whose (normalised) name is the same. When several
 * different ids carry that name, the id'd enterprises stay apart and the name-only need joins
 * the smallest of those ids (plain string order) — deterministic, and it never lets the same
 * enterprise sit in two meetings at once. Every need of a key shows one name: that of the
 * first need (in event order) with the key.
 */
import type { NeedInput } from '../types.js';
import { normaliseOrganisation } from './organisation.js';

export interface EnterpriseRef {
  key: string;
  name: string;
}

/** Display name of a need without enterprise. */
export const NO_ENTERPRISE = '（未填企业）';

export function enterpriseOf(need: NeedInput): EnterpriseRef {
  const e = need.enterprise;
  if (e?.id !== undefined) return { key: `id:${e.id}`, name: e.name };
  if (e !== undefined) return { key: `name:${normaliseOrganisation(e.name)}`, name: e.name };
  return { key: `need:${need.id}`, name: NO_ENTERPRISE };
}

/** Whether the need named an enterprise (a `need:` key is a need without one). */
export function hasEnterprise(ref: EnterpriseRef): boolean {
  return !ref.key.startsWith('need:');
}

/** The event's enterprise of each need, unified across `needs` (see the module comment). */
export function eventEnterprises(needs: Iterable<NeedInput>): (need: NeedInput) => EnterpriseRef {
  const list = [...needs];
  const idsByName = new Map<string, string[]>();
  for (const n of list) {
    const e = n.enterprise;
    if (e?.id === undefined) continue;
    const name = normaliseOrganisation(e.name);
    const ids = idsByName.get(name) ?? [];
    if (!ids.includes(e.id)) ids.push(e.id);
    idsByName.set(name, ids);
  }
  const keyOf = (need: NeedInput): EnterpriseRef => {
    const own = enterpriseOf(need);
    const e = need.enterprise;
    if (e === undefined || e.id !== undefined) return own;
    const ids = idsByName.get(normaliseOrganisation(e.name));
    if (!ids || ids.length === 0) return own;
    const id = ids.reduce((a, b) => (b < a ? b : a));
    return { key: `id:${id}`, name: own.name };
  };
  const names = new Map<string, string>();
  for (const n of list) {
    const r = keyOf(n);
    if (!names.has(r.key)) names.set(r.key, r.name);
  }
  return (need) => {
    const r = keyOf(need);
    return { key: r.key, name: names.get(r.key) ?? r.name };
  };
}

/** {@link eventEnterprises} over every need of the matcher. */
export function matcherEnterprises(m: { needIds(): string[]; getNeed(id: string): NeedInput | undefined }): (need: NeedInput) => EnterpriseRef {
  return eventEnterprises(m.needIds().map((id) => m.getNeed(id)).filter((n): n is NeedInput => n !== undefined));
}
