/**
 * Records in a binary snapshot (version 5): columns instead of JSON. Every string value is
 * appended to one text per block of records (written as UTF-16LE), and a tape of numbers
 * describes the records: per record a bit mask of the fields present (in the shape's order),
 * then per field the string's length, the number, or a list's count and items. Reading walks the
 * tape and cuts the strings out of the block's text: no JSON to scan and no string copied per
 * field (a slice of a long string shares its characters), which made loading a 100k-profile
 * snapshot ~1 s faster than parsing its JSON blocks.
 *
 * Keys come back in the shape's order, which is the order of the zod schemas (validate.ts), so
 * a record read equals the validated copy that was written; fields holding `undefined` are
 * dropped, as JSON drops them. Decoded records are validated by the caller like any input.
 */
import { SnapshotError } from './errors.js';

type Kind = 'string' | 'number' | 'strings' | 'numbers' | { readonly object: Shape } | { readonly objects: Shape };
export type Shape = readonly (readonly [key: string, kind: Kind])[];

const PUBLICATION: Shape = [
  ['title', 'string'],
  ['abstract', 'string'],
  ['keywords', 'strings'],
  ['year', 'number'],
];

/** ExpertInput's fields in expertSchema's order. */
export const EXPERT_SHAPE: Shape = [
  ['id', 'string'],
  ['name', 'string'],
  ['kind', 'string'],
  ['title', 'string'],
  ['organization', 'string'],
  ['region', 'string'],
  ['fields', 'strings'],
  ['keywords', 'strings'],
  ['bio', 'string'],
  ['publications', { objects: PUBLICATION }],
  ['industries', 'strings'],
  ['capacity', 'number'],
  ['embedding', 'numbers'],
  ['disciplines', 'strings'],
];

/** NeedInput's fields in needSchema's order. */
export const NEED_SHAPE: Shape = [
  ['id', 'string'],
  ['title', 'string'],
  ['description', 'string'],
  ['keywords', 'strings'],
  [
    'enterprise',
    {
      object: [
        ['id', 'string'],
        ['name', 'string'],
        ['park', 'string'],
        ['region', 'string'],
      ],
    },
  ],
  ['industries', 'strings'],
  ['embedding', 'numbers'],
  ['disciplines', 'strings'],
];

/** Tape value of a removed record's slot (a present record's mask is ≥ 0). */
const REMOVED = -1;

export interface EncodedRecords {
  /** One text per block of records. */
  texts: string[];
  /** Records per block (the last may hold fewer). */
  perBlock: number;
  tape: Float64Array;
}

class Tape {
  private a = new Float64Array(1 << 16);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const grown = new Float64Array(this.a.length * 2);
      grown.set(this.a);
      this.a = grown;
    }
    this.a[this.n++] = v;
  }
  done(): Float64Array {
    return this.a.slice(0, this.n);
  }
}

export function encodeRecords(records: readonly (object | null)[], shape: Shape, perBlock: number): EncodedRecords {
  const tape = new Tape();
  const texts: string[] = [];
  let parts: string[] = [];
  const str = (v: unknown, path: string): void => {
    if (typeof v !== 'string') throw new TypeError(`record field ${path} is not a string`);
    tape.push(v.length);
    parts.push(v);
  };
  const obj = (r: Record<string, unknown>, s: Shape, path: string): void => {
    for (const k of Object.keys(r)) {
      if (r[k] !== undefined && !s.some(([key]) => key === k)) throw new TypeError(`record field ${path}${k} is not part of the snapshot format`);
    }
    let mask = 0;
    s.forEach(([k], i) => {
      if (r[k] !== undefined) mask |= 1 << i;
    });
    tape.push(mask);
    for (const [k, kind] of s) {
      const v = r[k];
      if (v === undefined) continue;
      const at = `${path}${k}`;
      if (kind === 'string') str(v, at);
      else if (kind === 'number') {
        if (typeof v !== 'number') throw new TypeError(`record field ${at} is not a number`);
        tape.push(v);
      } else {
        if (typeof kind === 'object' && 'object' in kind) {
          obj(v as Record<string, unknown>, kind.object, `${at}.`);
          continue;
        }
        if (!Array.isArray(v)) throw new TypeError(`record field ${at} is not a list`);
        tape.push(v.length);
        for (const x of v) {
          if (kind === 'strings') str(x, at);
          else if (kind === 'numbers') tape.push(x as number);
          else obj(x as Record<string, unknown>, kind.objects, `${at}.`);
        }
      }
    }
  };
  records.forEach((r, i) => {
    if (i > 0 && i % perBlock === 0) {
      texts.push(parts.join(''));
      parts = [];
    }
    if (r === null) tape.push(REMOVED);
    else obj(r as Record<string, unknown>, shape, '');
  });
  texts.push(parts.join(''));
  return { texts, perBlock, tape: tape.done() };
}

export function decodeRecords<R>(count: number, enc: EncodedRecords, shape: Shape, what: string): (R | null)[] {
  const { tape, texts, perBlock } = enc;
  const bad = (why: string): SnapshotError => new SnapshotError(`binary snapshot: the ${what} records are malformed (${why})`);
  // Every record takes at least one tape entry, which bounds the count before anything is allocated.
  if (!Number.isInteger(count) || count < 0 || count > tape.length) throw bad('record count');
  if (!(perBlock > 0) || texts.length !== Math.max(1, Math.ceil(count / perBlock))) throw bad('blocks');
  let t = 0;
  let text = '';
  let at = 0;
  const num = (): number => {
    if (t >= tape.length) throw bad('tape too short');
    return tape[t++] as number;
  };
  const count_ = (): number => {
    const n = num();
    if (!Number.isInteger(n) || n < 0 || n > tape.length) throw bad('count');
    return n;
  };
  const str = (): string => {
    const len = num();
    if (!Number.isInteger(len) || len < 0 || at + len > text.length) throw bad('text too short');
    const s = text.slice(at, at + len);
    at += len;
    return s;
  };
  const obj = (s: Shape): Record<string, unknown> => {
    const mask = num();
    if (!Number.isInteger(mask) || mask < 0 || mask >= 2 ** s.length) throw bad('field mask');
    const r: Record<string, unknown> = {};
    for (let i = 0; i < s.length; i++) {
      if ((mask & (1 << i)) === 0) continue;
      const [k, kind] = s[i] as (typeof s)[number];
      if (kind === 'string') r[k] = str();
      else if (kind === 'number') r[k] = num();
      else if (typeof kind === 'object' && 'object' in kind) r[k] = obj(kind.object);
      else {
        const n = count_();
        const list = new Array<unknown>(n);
        for (let j = 0; j < n; j++) list[j] = kind === 'strings' ? str() : kind === 'numbers' ? num() : obj(kind.objects);
        r[k] = list;
      }
    }
    return r;
  };
  const out: (R | null)[] = new Array<R | null>(count);
  for (let i = 0; i < count; i++) {
    if (i % perBlock === 0) {
      if (i > 0 && at !== text.length) throw bad('text too long');
      text = texts[i / perBlock] as string;
      at = 0;
    }
    if (tape[t] === REMOVED) {
      t++;
      out[i] = null;
    } else out[i] = obj(shape) as R;
  }
  if (t !== tape.length || at !== text.length) throw bad('trailing data');
  return out;
}
