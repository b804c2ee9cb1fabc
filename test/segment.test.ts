import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerBound, MAX_SLOTS, posting, seek } from '../src/index/segment.js';

describe('lowerBound and seek', () => {
  it('find the first posting of a slot >= slot in any ascending range, however the slots are spread', () => {
    // Ascending slots from gaps that are mostly small with some large jumps: clusters that throw
    // the interpolation guess far off, so that the stepping in both directions is exercised.
    // Each posting carries an impact (slot × 256 + impact): the search must look at the slot only.
    const sortedUnique = fc
      .array(fc.oneof({ arbitrary: fc.integer({ min: 1, max: 3 }), weight: 8 }, { arbitrary: fc.integer({ min: 100, max: 10_000 }), weight: 1 }), { maxLength: 600, size: 'max' })
      .map((gaps) => {
        let at = 0;
        return Int32Array.from(gaps, (g) => (at += g));
      });
    fc.assert(
      fc.property(sortedUnique, fc.nat(), fc.nat(), fc.integer({ min: -5, max: 3_000_000 }), fc.nat(), (docs, x, y, slot, seed) => {
        expect(docs.every((d) => d < MAX_SLOTS)).toBe(true);
        const postings = Int32Array.from(docs, (d, i) => posting(d, 1 + ((i * 37 + seed) % 255)));
        const lo = docs.length === 0 ? 0 : x % (docs.length + 1);
        const hi = lo + (docs.length === 0 ? 0 : y % (docs.length - lo + 1));
        const first = (s: number): number => {
          let i = lo;
          while (i < hi && (docs[i] as number) < s) i++;
          return i;
        };
        expect(lowerBound(postings, lo, hi, slot)).toBe(first(slot));
        expect(seek(postings, lo, hi, slot)).toBe(first(slot));
        // Every boundary: each entry of the range, and the slots just above and below it.
        for (let i = lo; i < hi; i++) {
          const v = docs[i] as number;
          for (const s of [v, v + 1, v - 1]) {
            expect(lowerBound(postings, lo, hi, s)).toBe(first(s));
            expect(seek(postings, lo, hi, s)).toBe(first(s));
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
