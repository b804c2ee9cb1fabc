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

/**
 * Reads the tape: numbers, counts and strings from where it stands (`t` on the tape, `at` in the
 * current block's text), checking the layout as it goes. With `make` false a record is only
 * walked: nothing is allocated.
 */
class TapeReader {
  t = 0;
  at = 0;
  text = '';

  constructor(
    private readonly tape: Float64Array,
    readonly bad: (why: string) => SnapshotError,
  ) {}

  num(): number {
    if (this.t >= this.tape.length) throw this.bad('tape too short');
    return this.tape[this.t++] as number;
  }

  count(): number {
    const n = this.num();
    if (!Number.isInteger(n) || n < 0 || n > this.tape.length) throw this.bad('count');
    return n;
  }

  str(make: boolean): string {
    const len = this.num();
    if (!Number.isInteger(len) || len < 0 || this.at + len > this.text.length) throw this.bad('text too short');
    const s = make ? this.text.slice(this.at, this.at + len) : '';
    this.at += len;
    return s;
  }

  obj(s: Shape, make: boolean): Record<string, unknown> {
    const mask = this.num();
    if (!Number.isInteger(mask) || mask < 0 || mask >= 2 ** s.length) throw this.bad('field mask');
    const r: Record<string, unknown> = {};
    for (let i = 0; i < s.length; i++) {
      if ((mask & (1 << i)) === 0) continue;
      const [k, kind] = s[i] as (typeof s)[number];
      let v: unknown;
      if (kind === 'string') v = this.str(make);
      else if (kind === 'number') v = this.num();
      else if (typeof kind === 'object' && 'object' in kind) v = this.obj(kind.object, make);
      else {
        const n = this.count();
        const list = make ? new Array<unknown>(n) : NO_LIST;
        for (let j = 0; j < n; j++) {
          const x = kind === 'strings' ? this.str(make) : kind === 'numbers' ? this.num() : this.obj(kind.objects, make);
          if (make) list[j] = x;
        }
        v = list;
      }
      if (make) r[k] = v;
    }
    return r;
  }
}

const NO_LIST: unknown[] = [];

/**
 * The records of a snapshot, each decoded when it is asked for. Making the list walks the whole
 * tape once, without making anything, which checks its layout as decoding all would and notes
 * where each record starts; a record is then read from there. Loading a 100k-profile snapshot
 * no longer makes 100k records (and their lists and strings) that all stay alive at once, which
 * the young-generation collector copied, for a matcher that reads a few of them per query.
 */
export class EncodedRecordList<R> {
  readonly length: number;
  /** Per record, where it starts on the tape (-1: a removed slot) and in its block's text. */
  private readonly tapeAt: Int32Array;
  private readonly textAt: Int32Array;
  private readonly reader: TapeReader;
  /** Ids of the records read so far (validation reads every record, then the side asks their ids). */
  private readonly ids: (string | undefined)[];

  constructor(
    count: number,
    private readonly enc: EncodedRecords,
    private readonly shape: Shape,
    what: string,
  ) {
    const { tape, texts, perBlock } = enc;
    const bad = (why: string): SnapshotError => new SnapshotError(`binary snapshot: the ${what} records are malformed (${why})`);
    // Every record takes at least one tape entry, which bounds the count before anything is allocated.
    if (!Number.isInteger(count) || count < 0 || count > tape.length) throw bad('record count');
    if (!(perBlock > 0) || texts.length !== Math.max(1, Math.ceil(count / perBlock))) throw bad('blocks');
    if (shape[0]?.[0] !== 'id' || shape[0][1] !== 'string') throw new TypeError('a record shape starts with its id');
    this.length = count;
    this.tapeAt = new Int32Array(count);
    this.textAt = new Int32Array(count);
    this.ids = new Array<string | undefined>(count);
    const r = (this.reader = new TapeReader(tape, bad));
    for (let i = 0; i < count; i++) {
      if (i % perBlock === 0) {
        if (i > 0 && r.at !== r.text.length) throw bad('text too long');
        r.text = texts[i / perBlock] as string;
        r.at = 0;
      }
      this.textAt[i] = r.at;
      if (tape[r.t] === REMOVED) {
        this.tapeAt[i] = -1;
        r.t++;
      } else {
        this.tapeAt[i] = r.t;
        r.obj(shape, false);
      }
    }
    if (r.t !== tape.length || r.at !== r.text.length) throw bad('trailing data');
  }

  /** Whether slot i holds no record (it was removed). */
  isRemoved(i: number): boolean {
    return this.tapeAt[i] === -1;
  }

  /** Record i, a new object at every call; null for a removed slot. */
  get(i: number): R | null {
    if (!(i >= 0 && i < this.length)) throw new RangeError(`no record ${i}`);
    const t = this.tapeAt[i] as number;
    if (t < 0) return null;
    this.position(i, t);
    const r = this.reader.obj(this.shape, true);
    this.ids[i] = r.id as string;
    return r as R;
  }

  /** Record i's id (the first field of a record), without decoding the rest; null for a removed slot. */
  id(i: number): string | null {
    if (!(i >= 0 && i < this.length)) throw new RangeError(`no record ${i}`);
    const t = this.tapeAt[i] as number;
    if (t < 0) return null;
    const known = this.ids[i];
    if (known !== undefined) return known;
    this.position(i, t);
    const mask = this.reader.num();
    if ((mask & 1) === 0) throw this.reader.bad('a record without its id');
    return this.reader.str(true);
  }

  toArray(): (R | null)[] {
    return Array.from({ length: this.length }, (_, i) => this.get(i));
  }

  private position(i: number, t: number): void {
    const r = this.reader;
    r.t = t;
    r.text = this.enc.texts[Math.floor(i / this.enc.perBlock)] as string;
    r.at = this.textAt[i] as number;
  }
}

export function decodeRecords<R>(count: number, enc: EncodedRecords, shape: Shape, what: string): (R | null)[] {
  return new EncodedRecordList<R>(count, enc, shape, what).toArray();
}
