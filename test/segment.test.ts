import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerBound } from '../src/index/segment.js';

describe('lowerBound', () => {
  it('finds the first entry >= slot in any ascending range, however the slots are spread', () => {
    // Ascending lists from gaps that are mostly small with some large jumps: clusters that throw
    // the interpolation guess far off, so that the stepping in both directions is exercised.
    const sortedUnique = fc
      .array(fc.oneof({ arbitrary: fc.integer({ min: 1, max: 3 }), weight: 8 }, { arbitrary: fc.integer({ min: 100, max: 50_000 }), weight: 1 }), { maxLength: 600, size: 'max' })
      .map((gaps) => {
        let at = 0;
        return Int32Array.from(gaps, (g) => (at += g));
      });
    fc.assert(
      fc.property(sortedUnique, fc.nat(), fc.nat(), fc.integer({ min: -5, max: 3_000_000 }), (docs, x, y, slot) => {
        const lo = docs.length === 0 ? 0 : x % (docs.length + 1);
        const hi = lo + (docs.length === 0 ? 0 : y % (docs.length - lo + 1));
        let expected = lo;
        while (expected < hi && (docs[expected] as number) < slot) expected++;
        expect(lowerBound(docs, lo, hi, slot)).toBe(expected);
        // Every boundary: each entry of the range, and the values just above and below it.
        for (let i = lo; i < hi; i++) {
          const v = docs[i] as number;
          expect(lowerBound(docs, lo, hi, v)).toBe(i);
          expect(lowerBound(docs, lo, hi, v + 1)).toBe(i + 1 < hi && docs[i + 1] === v + 1 ? i + 1 : i + 1);
          expect(lowerBound(docs, lo, hi, v - 1)).toBe(i > lo && docs[i - 1] === v - 1 ? i - 1 : i);
        }
      }),
      { numRuns: 500 },
    );
  });
});
