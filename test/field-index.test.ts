import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldIndex } from '../src/index/field-index.js';

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
