import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtures } from './helpers.js';
import { SnapshotError } from '../src/errors.js';
import { decodeRecords, EncodedRecordList, encodeRecords, EXPERT_SHAPE, NEED_SHAPE } from '../src/snapshot-records.js';
import { expertSchema, needSchema } from '../src/validate.js';

const { experts, needs } = fixtures();
// Validated copies, as a matcher holds them, plus records with every optional field.
const expertRecords: object[] = [
  ...experts.map((e) => expertSchema.parse(e)),
  expertSchema.parse({
    id: 'full',
    name: 'Dr. 王',
    kind: 'overseas',
    title: '教授',
    organization: 'TU München',
    region: '德国',
    fields: ['机器视觉', ''],
    keywords: ['𠀀字', 'a"b\\c'],
    bio: '含\u0000控制字符与 emoji 😀',
    publications: [{ title: 't', abstract: '', keywords: [], year: 2020 }, { title: '仅标题' }],
    industries: ['new-materials'],
    capacity: 0,
    embedding: [0.5, -1e-9, 3],
    disciplines: ['0805', '0812'],
  }),
];
const needRecords: object[] = [
  ...needs.map((n) => needSchema.parse(n)),
  needSchema.parse({ id: 'n-full', title: 't', description: '需求', keywords: ['k'], enterprise: { id: 'ent', name: '湘潭某公司', park: '九华', region: '湘潭' }, industries: ['beidou'], embedding: [1], disciplines: ['0818'] }),
];

/** Same values and the same key order all the way down. */
const canonical = (x: unknown): string => JSON.stringify(x);

describe('binary snapshot records as columns', () => {
  it('round-trip every record with its keys in order, removed slots and any block size', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 0, maxLength: 80 }), fc.integer({ min: 1, max: 9 }), (holes, perBlock) => {
        for (const [records, shape] of [
          [expertRecords, EXPERT_SHAPE],
          [needRecords, NEED_SHAPE],
        ] as const) {
          const slots = holes.map((removed, i) => (removed ? null : (records[i % records.length] as object)));
          const enc = encodeRecords(slots, shape, perBlock);
          const back = decodeRecords<object>(slots.length, enc, shape, 'test');
          expect(back.map(canonical)).toEqual(slots.map(canonical));
          // Keys come back in the order the schema's copies have them.
          back.forEach((r, i) => {
            if (r !== null) expect(Object.keys(r)).toEqual(Object.keys(slots[i] as object));
          });
          // Read one at a time, in any order, as a loaded matcher reads them.
          const list = new EncodedRecordList<{ id: string }>(slots.length, enc, shape, 'test');
          for (let i = slots.length - 1; i >= 0; i--) {
            const want = slots[i] as { id: string } | null;
            expect(canonical(list.get(i))).toBe(canonical(want));
            expect(list.id(i)).toBe(want === null ? null : want.id);
            expect(list.isRemoved(i)).toBe(want === null);
          }
          expect(() => list.get(slots.length)).toThrow(RangeError);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a tape or text that does not fit, and fields outside the format', () => {
    const enc = encodeRecords(expertRecords, EXPERT_SHAPE, 4);
    const n = expertRecords.length;
    expect(() => decodeRecords(n, { ...enc, tape: enc.tape.subarray(0, enc.tape.length - 1) }, EXPERT_SHAPE, 'experts')).toThrow(SnapshotError);
    expect(() => decodeRecords(n, { ...enc, tape: Float64Array.of(...enc.tape, 0) }, EXPERT_SHAPE, 'experts')).toThrow(SnapshotError);
    expect(() => decodeRecords(n, { ...enc, texts: enc.texts.map((t) => t.slice(1)) }, EXPERT_SHAPE, 'experts')).toThrow(SnapshotError);
    expect(() => decodeRecords(n, { ...enc, texts: enc.texts.map((t) => `${t}x`) }, EXPERT_SHAPE, 'experts')).toThrow(SnapshotError);
    expect(() => decodeRecords(n + 4, enc, EXPERT_SHAPE, 'experts')).toThrow(SnapshotError);
    // A huge count is refused before anything is allocated for it.
    expect(() => decodeRecords(2 ** 32, { ...enc, perBlock: 2 ** 40 }, EXPERT_SHAPE, 'experts')).toThrow(/record count/);
    const badMask = enc.tape.slice();
    badMask[0] = 2 ** 20;
    expect(() => decodeRecords(n, { ...enc, tape: badMask }, EXPERT_SHAPE, 'experts')).toThrow(/field mask/);
    expect(() => encodeRecords([{ id: 'x', name: 'y', unknown: 1 }], EXPERT_SHAPE, 4)).toThrow(/unknown/);
  });
});
