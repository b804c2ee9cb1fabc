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
  'e', '\u0301', '\u0327', 'é', '\u1100', '\u1161', '\u11a8', '각', '가', '\uf900', '\uf9dc', '①', '㎡', 'ﬁ', '𝐀', '𠀋', 'İ', 'Σ',
  // Half-width katakana and its voiced mark (ﾊﾞ → バ), Tamil vowel signs that compose without
  // being marks of their own (ெ + ா → ொ), a final-sigma candidate folded from ϹΣ, 'ǅ'.
  'ﾊ', 'ﾞ', 'ｶ', '\u0bc6', '\u0bbe', 'Ϲ', 'ǅ', 'Å', 'Ω', '\u212b', '\u2126', '・', '～', '〜', '“', '”', '—', '％', '＋',
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

  it('equals the reference on every single BMP character', async () => {
    const iconv = (await import('iconv-lite')).default;
    const gb2312 = (ch: string): boolean => {
      const b = iconv.encode(ch, 'gbk');
      return b.length === 2 && b[0]! >= 0xb0 && b[0]! <= 0xf7 && b[1]! >= 0xa1 && b[1]! <= 0xfe;
    };
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      // Each character between two letters, so that neighbour effects would show.
      const text = `a${String.fromCharCode(c)}Ｂ`;
      if (normalize(text) !== reference(text, gb2312)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('returns text that needs nothing as it is', () => {
    const text = '电机温升过高 需要优化冷却结构 igbt 5g 显著';
    expect(normalize(text)).toBe(text);
    expect(normalize('碳纖維　ＩＧＢＴ 顯著')).toBe('碳纤维 igbt 显著');
  });

  it('composes and lower-cases across neighbouring characters', () => {
    expect(normalize('가\u11a8')).toBe('각'); // a syllable and a trailing consonant
    expect(normalize('ﾊﾞｯﾃﾘｰ')).toBe('バッテリー'); // half-width katakana and its voiced mark
    expect(normalize('ΟΔΟΣ ΟΔΟΣ.')).toBe('οδος οδος.'); // final sigma
    expect(normalize('e\u0301（ＡＢ）')).toBe('é(ab)');
  });
});
