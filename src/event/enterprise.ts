/**
 * Which enterprise a need belongs to. Several needs may share one enterprise, which then attends
 * one meeting at a time. The key is `id:<enterprise.id>`, else `name:<normalised name>`, else
 * `need:<need id>` (a need without enterprise is its own enterprise); the prefixes keep an id
 * from colliding with another enterprise's name.
 */
import type { NeedInput } from '../types.js';
import { normaliseOrganisation } from './organisation.js';

export interface EnterpriseRef {
  key: string;
  name: string;
}

export function enterpriseOf(need: NeedInput): EnterpriseRef {
  const e = need.enterprise;
  if (e?.id !== undefined) return { key: `id:${e.id}`, name: e.name };
  if (e !== undefined) return { key: `name:${normaliseOrganisation(e.name)}`, name: e.name };
  return { key: `need:${need.id}`, name: need.id };
}
