import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { createNormalizer } from '../src/text/normalize.js';

const normalize = createNormalizer();
const t2s = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** The plain definition: NFKC, then each non-GB2312 Traditional character converted on its own, then lower case. */
function reference(text: string, gb2312: (ch: string) => boolean): string {
  const folded = text.normalize('NFKC');
  let out = '';
  for (const ch of folded) {
    const cjk = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/.test(ch);
    out += cjk && !gb2312(ch) ? t2s(ch) : ch;
  }
  return out.toLowerCase();
}

// Characters that exercise every step: ASCII and full-width letters, the ideographic space,
// Traditional and Simplified hanzi (著 and 么 must stay), combining marks, Hangul jamo that
// compose, compatibility ideographs, circled numbers, astral characters.
const pieces = fc.constantFrom(
  'A', 'z', '5', ' ', 'Ａ', 'ｚ', '１', '　', '，', '（', '）', '碳', '纖', '維', '複', '機', '器', '視', '覺', '显', '著', '什', '么',
  'e', '\u0301', '\u0327', 'é', '\u1100', '\u1161', '\u11a8', '각', '\uf900', '\uf9dc', '①', '㎡', 'ﬁ', '𝐀', '𠀋', 'İ', 'Σ',
);

describe('normaliser', () => {
  it('equals NFKC, character-level Traditional → Simplified and lower case, on any mix', async () => {
    const iconv = (await import('iconv-lite')).default;
    const gb2312 = (ch: string): boolean => {
      const b = iconv.encode(ch, 'gbk');
      return b.length === 2 && b[0]! >= 0xb0 && b[0]! <= 0xf7 && b[1]! >= 0xa1 && b[1]! <= 0xfe;
    };
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(normalize(text)).toBe(reference(text, gb2312));
      }),
      { numRuns: 2000 },
    );
  });

  it('returns text that needs nothing as it is', () => {
    const text = '电机温升过高 需要优化冷却结构 igbt 5g 显著';
    expect(normalize(text)).toBe(text);
    expect(normalize('碳纖維　ＩＧＢＴ 顯著')).toBe('碳纤维 igbt 显著');
  });
});
