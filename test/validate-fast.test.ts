import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtures } from './helpers.js';
import { expertSchema, FAST, FAST_CHECK, LIMITS, needSchema } from '../src/validate.js';
import { INDUSTRY_CODES } from '../src/taxonomy/codes.js';

/** Equal values with the same keys in the same order, all the way down. */
function sameShape(a: unknown, b: unknown): boolean {
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameShape(x, b[i]));
  if (a !== null && typeof a === 'object') {
    if (b === null || typeof b !== 'object' || Array.isArray(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.join('\u0000') === kb.join('\u0000') && ka.every((k) => sameShape((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return Object.is(a, b);
}

const lengths = [0, 1, 2, LIMITS.idLength, LIMITS.idLength + 1, LIMITS.shortText, LIMITS.shortText + 1, LIMITS.abstract + 1, LIMITS.longText, LIMITS.longText + 1];
const text = fc.oneof(
  fc.constantFrom(...lengths).map((n) => '电'.repeat(n)),
  fc.constantFrom('', ' ', ' a', 'a ', '\u3000', '__proto__', 'toString', 'x', '永磁同步电机', '\t'),
  fc.string({ maxLength: 8 }),
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  text,
  fc.constantFrom(undefined, null, 0, -0, 1, 1.5, -1, 1899, 1900, 2100, 2101, 10_000, 10_001, Number.NaN, Infinity, true, 'expert', 'overseas', 'robot', INDUSTRY_CODES[0]),
  fc.array(text, { maxLength: 3 }),
  fc.constantFrom([], [1, 2], [0.5], [Number.NaN], new Array(2), [INDUSTRY_CODES[1], INDUSTRY_CODES[1]], [INDUSTRY_CODES[0], 'x'], Array.from({ length: LIMITS.listItems + 1 }, () => 'k')),
);
/** Mostly a value of the right kind, sometimes anything (so both paths are exercised). */
const field = (good: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> => fc.oneof({ arbitrary: good, weight: 4 }, { arbitrary: value, weight: 1 });
// Texts at and just past the limits, so that an off-by-one in either validator shows.
const shortStr = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('永磁同步电机', '电'.repeat(LIMITS.shortText), '电'.repeat(LIMITS.shortText + 1)));
const terms = fc.array(shortStr, { maxLength: 4 });
const industries = fc.array(fc.constantFrom(...INDUSTRY_CODES), { maxLength: 3 });
// Mostly one to three distinct codes; now and then a list each validator must refuse (empty,
// a code twice, four codes, a name instead of a code, an unknown code).
const disciplines = fc.oneof(
  { arbitrary: fc.uniqueArray(fc.constantFrom('0805', '0812', '0832', '0101'), { minLength: 1, maxLength: 3 }), weight: 5 },
  { arbitrary: fc.constantFrom([], ['0805', '0805'], ['0805', '0812', '0832', '0101'], ['材料科学与工程'], ['9999']), weight: 1 },
);
const embedding = fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 4 });
const goodId = fc.oneof(fc.constantFrom('e1', 'n-2', '专家3'), fc.stringMatching(/^[a-z0-9]{1,12}$/));
const publication = fc.record(
  {
    title: field(fc.string({ minLength: 1, maxLength: 12 })),
    abstract: field(fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('电'.repeat(LIMITS.abstract), '电'.repeat(LIMITS.abstract + 1)))),
    keywords: field(terms),
    year: field(fc.integer({ min: 1899, max: 2101 })),
    extra: value,
  },
  { requiredKeys: [] },
).map((p) => {
  if (!('extra' in p)) return p;
  // An unknown key only now and then.
  const { extra, ...rest } = p;
  return typeof extra === 'string' && extra.length === 1 ? { ...rest, extra } : rest;
});
const expertRecord = fc.record(
  {
    id: field(goodId),
    name: field(fc.string({ minLength: 1, maxLength: 12 })),
    kind: field(fc.constantFrom('academician', 'expert', 'society', 'overseas', 'team')),
    title: field(shortStr),
    organization: field(shortStr),
    region: field(shortStr),
    fields: field(terms),
    keywords: field(terms),
    bio: field(fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('电'.repeat(LIMITS.longText), '电'.repeat(LIMITS.longText + 1)))),
    publications: field(fc.array(publication, { maxLength: 3 })),
    industries: field(industries),
    capacity: field(fc.integer({ min: -1, max: 10_001 })),
    embedding: field(embedding),
    disciplines: field(disciplines),
  },
  { requiredKeys: [] },
);
const needRecord = fc.record(
  {
    id: field(goodId),
    title: field(shortStr),
    description: field(fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom('电'.repeat(LIMITS.longText), '电'.repeat(LIMITS.longText + 1), ' \u3000'))),
    keywords: field(terms),
    enterprise: field(
      fc.record({ id: field(goodId), name: field(fc.string({ minLength: 1, maxLength: 8 })), park: field(shortStr), region: field(shortStr) }, { requiredKeys: [] }),
    ),
    industries: field(industries),
    embedding: field(embedding),
    disciplines: field(disciplines),
  },
  { requiredKeys: [] },
);

describe('validation without zod for plain valid records', () => {
  it('accepts only what zod accepts, with an equal copy (same keys in the same order)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(expertRecord, (raw) => {
        const fast = FAST.expert(raw);
        // The checking variant accepts the same records and returns them as given.
        expect(FAST_CHECK.expert(raw)).toBe(fast === undefined ? undefined : raw);
        if (fast === undefined) return;
        accepted++;
        const zod = expertSchema.safeParse(raw);
        expect(zod.success).toBe(true);
        expect(sameShape(fast, zod.data)).toBe(true);
        expect(fast).not.toBe(raw);
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(needRecord, (raw) => {
        const fast = FAST.need(raw);
        expect(FAST_CHECK.need(raw)).toBe(fast === undefined ? undefined : raw);
        if (fast === undefined) return;
        accepted++;
        const zod = needSchema.safeParse(raw);
        expect(zod.success).toBe(true);
        expect(sameShape(fast, zod.data)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    // Not vacuous: many generated records take the fast path.
    expect(accepted).toBeGreaterThan(100);
  });

  it('takes the fast path for every fixture record, with the copy zod makes', () => {
    const { experts, needs } = fixtures();
    for (const e of experts) {
      const fast = FAST.expert(e);
      expect(fast).toBeDefined();
      expect(sameShape(fast, expertSchema.parse(e))).toBe(true);
    }
    for (const n of needs) {
      const fast = FAST.need(n);
      expect(fast).toBeDefined();
      expect(sameShape(fast, needSchema.parse(n))).toBe(true);
    }
  });

  it('leaves records that are not plain objects to zod', () => {
    class Profile {
      id = 'a';
      name = 'n';
    }
    expect(FAST.expert(new Profile())).toBeUndefined();
    expect(FAST.expert(Object.assign(Object.create({ name: 'inherited' }), { id: 'a' }))).toBeUndefined();
    expect(FAST.expert({ id: 'a', name: 'n', bio: undefined })).toBeUndefined();
    // A symbol key is ignored, as zod ignores it.
    const withSymbol = { id: 'a', name: 'n', [Symbol('s')]: 1 };
    expect(FAST.expert(withSymbol)).toEqual(expertSchema.parse(withSymbol));
    expect(Object.getOwnPropertySymbols(expertSchema.parse(withSymbol))).toEqual([]);
    expect(Object.getOwnPropertySymbols(FAST.expert(withSymbol) as object)).toEqual([]);
    expect(FAST.expert({ id: 'a', name: 'n', fields: new Array(1) })).toBeUndefined();
    // A field inherited from a tampered Object.prototype is read by zod: the fast path leaves it to zod.
    const proto = Object.prototype as Record<string, unknown>;
    try {
      proto.capacity = -5;
      expect(FAST.expert({ id: 'a', name: 'n', bio: '电机' })).toBeUndefined();
      expect(FAST_CHECK.expert({ id: 'a', name: 'n', bio: '电机' })).toBeUndefined();
      expect(expertSchema.safeParse({ id: 'a', name: 'n', bio: '电机' }).success).toBe(false);
    } finally {
      delete proto.capacity;
    }
  });
});
