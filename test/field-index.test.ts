import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldIndex } from '../src/index/field-index.js';
import { MAX_SLOTS, posting } from '../src/index/segment.js';

const params = { k1: 1.2, fields: [{ weight: 1, b: 0.5, refLength: 10 }] };

describe('FieldIndex removals', () => {
  it('keep document frequencies equal to a count over the live documents, one by one or many at once', () => {
    const scenario = fc.record({
      vocab: fc.integer({ min: 1, max: 40 }),
      batches: fc.array(fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 120 }), {
        minLength: 1,
        maxLength: 4,
        size: 'max',
      }),
      // Groups of documents removed together (indexes into the documents added), between queries.
      groups: fc.array(fc.array(fc.nat(), { maxLength: 60 }), { maxLength: 6, size: 'max' }),
    });
    fc.assert(
      fc.property(scenario, (s) => {
        const index = new FieldIndex(params);
        const docs: string[][] = [];
        const slots: number[] = [];
        for (const batch of s.batches) {
          for (const d of batch) {
            const terms = d.map((x) => `t${x % s.vocab}`);
            docs.push(terms);
            slots.push(index.add([terms]));
          }
          index.segments(); // into the main or the tail segment
        }
        for (const group of s.groups) {
          const chosen = [...new Set(group.map((g) => slots[g % slots.length] as number))].filter((slot) => index.isLive(slot));
          index.removeMany(chosen);
          index.segments();
          for (let t = 0; t < s.vocab; t++) {
            const id = index.vocab.id(`t${t}`);
            if (id === undefined) continue;
            const live = docs.filter((d, i) => index.isLive(slots[i] as number) && d.includes(`t${t}`)).length;
            expect(index.docFreq(id)).toBe(live);
          }
        }
        expect(() => index.removeMany([slots[0] as number, slots[0] as number])).toThrow(RangeError);
      }),
      { numRuns: 200 },
    );
  });
});

describe('FieldIndex.addImpacts', () => {
  it('takes a document’s terms in any order and builds the segments add builds', () => {
    const docs = fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 10 }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(docs, fc.nat(), (list, seed) => {
        const a = new FieldIndex(params);
        const b = new FieldIndex(params);
        for (let t = 0; t <= 30; t++) b.vocab.intern(`t${t}`);
        for (let t = 0; t <= 30; t++) a.vocab.intern(`t${t}`);
        list.forEach((terms, i) => {
          const ids = Int32Array.from([...terms].sort((x, y) => x - y));
          const imps = Uint8Array.from(ids, (id) => 1 + ((id * 7 + i) % 255));
          a.addImpacts(ids, imps);
          // The same pairs, shuffled.
          const order = ids.map((_, j) => j).sort((x, y) => ((x * 31 + seed) % 17) - ((y * 31 + seed) % 17) || x - y);
          b.addImpacts(Int32Array.from(order, (j) => ids[j] as number), Uint8Array.from(order, (j) => imps[j] as number));
        });
        expect(b.segments()).toEqual(a.segments());
      }),
      { numRuns: 200 },
    );
  });

  it('refuses repeated or unknown term ids and zero impacts, and adds nothing then', () => {
    const index = new FieldIndex(params);
    index.vocab.intern('a');
    index.vocab.intern('b');
    expect(() => index.addImpacts(Int32Array.of(1, 0, 1), Uint8Array.of(3, 4, 5))).toThrow(RangeError);
    expect(() => index.addImpacts(Int32Array.of(2), Uint8Array.of(3))).toThrow(RangeError);
    expect(() => index.addImpacts(Int32Array.of(0), Uint8Array.of(0))).toThrow(RangeError);
    expect(index.addImpacts(Int32Array.of(1, 0), Uint8Array.of(3, 4))).toBe(0);
    expect(index.docFreq(0)).toBe(1);
    expect(index.docFreq(1)).toBe(1);
  });
});

describe('FieldIndex capacity', () => {
  it('refuses a document beyond MAX_SLOTS slots (a posting is slot × 256 + impact in 32 bits) until renumbered', () => {
    const index = new FieldIndex(params);
    // An index whose every slot is taken (all removed but the last), as after 2^23 adds.
    const alive = new Uint8Array(MAX_SLOTS);
    alive[MAX_SLOTS - 1] = 1;
    index.importState({
      terms: ['a'],
      df: Int32Array.of(1),
      alive,
      segment: { offsets: Int32Array.of(0, 1), postings: Int32Array.of(posting(MAX_SLOTS - 1, 9)), maxImp: Uint8Array.of(9) },
    });
    expect(index.segments()[0]?.postings[0]).toBe((MAX_SLOTS - 1) * 256 + 9);
    expect(() => index.add([['a']])).toThrow(/at most 8388608 documents/);
    expect(index.slotCount).toBe(MAX_SLOTS);
    // Renumbered (as a Side does when its slots run out): the live document gets slot 0.
    expect(index.renumber()[MAX_SLOTS - 1]).toBe(0);
    expect(index.segments()[0]?.postings[0]).toBe(9);
    expect(index.add([['a']])).toBe(1);
    expect(index.docFreq(0)).toBe(2);
  });
});
