import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Arena } from '../src/util/typed.js';

describe('Arena', () => {
  it('hands out zero-filled arrays of the asked length that never share an entry', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 40 }), { maxLength: 200 }), fc.integer({ min: 8, max: 64 }), (lengths, block) => {
        const arena = new Arena(Int32Array, block);
        const got = lengths.map((n, i) => {
          const a = arena.alloc(n);
          expect(a.length).toBe(n);
          expect(a.every((x) => x === 0)).toBe(true);
          a.fill(i + 1);
          return a;
        });
        // Writing each array after all were made left every other one as it was.
        got.forEach((a, i) => expect(a.every((x) => x === i + 1)).toBe(true));
      }),
    );
  });

  it('gives a large array one of its own, and views of blocks otherwise', () => {
    const arena = new Arena(Uint8Array, 64);
    const small = arena.alloc(8);
    expect(small.buffer.byteLength).toBe(64);
    const large = arena.alloc(9);
    expect(large.buffer.byteLength).toBe(9);
  });
});
