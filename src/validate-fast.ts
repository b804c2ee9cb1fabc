/**
 * The common case of record validation without zod: a plain record whose every field is of the
 * right type and size gets the copy zod would make (the same keys in the schema's order, the
 * same values), in a fraction of zod's time and garbage. Anything else — a wrong type, a limit
 * crossed, an unknown key, a key present with `undefined`, an object that is not plain, an
 * array with holes — returns undefined, and the caller runs the zod schema (validate.ts), which
 * stays the one definition of what is valid and words every error. So this only has to be sound:
 * what it accepts, zod accepts with an equal result (a property test compares them).
 */
import { INDUSTRY_CODES } from './taxonomy/codes.js';
import { DISCIPLINE_CODES } from './taxonomy/disciplines/index.js';
import { DISCIPLINE_SLOTS } from './taxonomy/row.js';
import { EXPERT_KINDS, type ExpertInput, type NeedInput } from './types.js';

/** The limits of validate.ts's schema (passed in, so there is one definition). */
export interface FastLimits {
  readonly idLength: number;
  readonly shortText: number;
  readonly longText: number;
  readonly listItems: number;
  readonly publications: number;
  readonly abstract: number;
  readonly embeddingDimensions: number;
  /** Ids refused as JavaScript property names. */
  readonly reservedIds: ReadonlySet<string>;
}

type Plain = Record<string, unknown>;
/** A field check: the value's copy, or FAIL. */
type Check = (v: unknown) => unknown;
const FAIL: unique symbol = Symbol('fail');

const INDUSTRY_SET = new Set<unknown>(INDUSTRY_CODES);
const KIND_SET = new Set<unknown>(EXPERT_KINDS);
const DISCIPLINE_SET = new Set<unknown>(DISCIPLINE_CODES);

function plain(v: unknown): v is Plain {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

const str =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === 'string' && v.length >= min && v.length <= max ? v : FAIL;

const intIn =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : FAIL;

/** Checks make copies (what zod returns), or return the value itself when `copy` is false. */
function list(item: Check, max: number, copy: boolean, min = 0): Check {
  return (v) => {
    if (!Array.isArray(v) || v.length > max || v.length < min) return FAIL;
    const out = copy ? new Array<unknown>(v.length) : v;
    for (let i = 0; i < v.length; i++) {
      if (!(i in v)) return FAIL;
      const c = item(v[i]);
      if (c === FAIL) return FAIL;
      if (copy) out[i] = c;
    }
    return out;
  };
}

/** A strict object: only `shape`'s keys, each absent or passing its check; `required` ones present. */
function object(shape: Readonly<Record<string, Check>>, required: readonly string[], copy: boolean): Check {
  const keys = Object.keys(shape);
  const known = new Set(keys);
  return (v) => {
    if (!plain(v)) return FAIL;
    // Symbol keys are ignored, as zod ignores them (its copy has none; with Keep 'inputs' both
    // return the record given).
    for (const k in v) if (!known.has(k)) return FAIL;
    for (const k of required) if (!Object.hasOwn(v, k)) return FAIL;
    const out: Plain = copy ? {} : v;
    for (const k of keys) {
      if (!Object.hasOwn(v, k)) {
        // zod reads inherited fields too (a tampered Object.prototype): leave those to it.
        if (k in v) return FAIL;
        continue;
      }
      const x = v[k];
      if (x === undefined) return FAIL;
      const c = (shape[k] as Check)(x);
      if (c === FAIL) return FAIL;
      if (copy) out[k] = c;
    }
    return out;
  };
}

export interface FastValidators {
  expert(raw: unknown): ExpertInput | undefined;
  need(raw: unknown): NeedInput | undefined;
}

/**
 * The validators. With `copy` false a valid record is returned as it was given (for records
 * nobody else holds, such as a snapshot's just decoded: no garbage copy).
 */
export function fastValidators(L: FastLimits, copy = true): FastValidators {
  const id: Check = (v) => (typeof v === 'string' && v.length >= 1 && v.length <= L.idLength && v.trim() === v && !L.reservedIds.has(v) ? v : FAIL);
  const shortText = str(0, L.shortText);
  const termList = list(shortText, L.listItems, copy);
  const industries = list((v) => (INDUSTRY_SET.has(v) ? v : FAIL), INDUSTRY_CODES.length, copy);
  const embedding = list((v) => (typeof v === 'number' && Number.isFinite(v) ? v : FAIL), L.embeddingDimensions, copy, 1);
  const codes = list((v) => (DISCIPLINE_SET.has(v) ? v : FAIL), DISCIPLINE_SLOTS, copy, 1);
  const disciplines: Check = (v) => {
    const c = codes(v);
    return c !== FAIL && new Set(c as unknown[]).size === (c as unknown[]).length ? c : FAIL;
  };
  const publication = object(
    {
      title: str(1, L.shortText),
      abstract: str(0, L.abstract),
      keywords: termList,
      year: intIn(1900, 2100),
    },
    ['title'],
    copy,
  );
  // Keys in the order of validate.ts's schemas: zod's copies list them in that order.
  const expert = object(
    {
      id,
      name: str(1, L.shortText),
      kind: (v) => (KIND_SET.has(v) ? v : FAIL),
      title: shortText,
      organization: shortText,
      region: shortText,
      fields: termList,
      keywords: termList,
      bio: str(0, L.longText),
      publications: list(publication, L.publications, copy),
      industries,
      capacity: intIn(0, 10_000),
      embedding,
      disciplines,
    },
    ['id', 'name'],
    copy,
  );
  const need = object(
    {
      id,
      title: shortText,
      description: (v) => (typeof v === 'string' && v.length <= L.longText && v.trim().length > 0 ? v : FAIL),
      keywords: termList,
      enterprise: object({ id, name: str(1, L.shortText), park: shortText, region: shortText }, ['name'], copy),
      industries,
      embedding,
      disciplines,
    },
    ['id', 'description'],
    copy,
  );
  return {
    expert: (raw) => {
      const r = expert(raw);
      return r === FAIL ? undefined : (r as ExpertInput);
    },
    need: (raw) => {
      const r = need(raw);
      return r === FAIL ? undefined : (r as NeedInput);
    },
  };
}
