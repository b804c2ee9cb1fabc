import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASCII_WORD, isJoinerGap, nextAsciiWord } from '../src/text/english.js';

const chars = fc.constantFrom(...'ab9z0.+#-/&_%', ' ', '\t', '\n', '\u3000', '\u00a0', '\u2009', '\ufeff', '\u0085', '，', '电', 'A');

describe('English word scanning without regular expressions', () => {
  it('finds exactly the matches of ASCII_WORD', () => {
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), (cs) => {
        const s = cs.join('');
        const expected = [...s.matchAll(ASCII_WORD)].map((m) => [m.index, m.index + m[0].length]);
        const found: number[][] = [];
        const end = new Int32Array(1);
        for (let start = nextAsciiWord(s, 0, end); start >= 0; start = nextAsciiWord(s, end[0] as number, end)) found.push([start, end[0] as number]);
        expect(found).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('tells joining gaps as /^[\\s\\-/&]+$/ does', () => {
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 8 }), (cs) => {
        const s = `x${cs.join('')}y`;
        expect(isJoinerGap(s, 1, s.length - 1)).toBe(/^[\s\-/&]+$/.test(s.slice(1, -1)));
      }),
      { numRuns: 2000 },
    );
    // Every code unit: the same set as \s, - / & and nothing else.
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      expect(isJoinerGap(ch, 0, 1)).toBe(/^[\s\-/&]$/.test(ch));
    }
    expect(isJoinerGap('a - b', 1, 4)).toBe(true);
    expect(isJoinerGap('a, b', 1, 3)).toBe(false);
  });
});
