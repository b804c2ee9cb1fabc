import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';

/** A pure text normaliser: full-width to half-width, Traditional to Simplified, case folding. */
export type Normalizer = (text: string) => string;

const CJK_RANGES: readonly (readonly [number, number])[] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];

/**
 * Builds a normaliser. Each call creates its own OpenCC converter, so nothing is shared between
 * matchers. The conversion is character-level Traditional → Simplified ('tw' → 'cn'): OpenCC's
 * phrase mode ('twp') also rewrites mainland vocabulary (程序→进程, 向量→矢量), so Taiwan-only
 * words (軟體 软体, 晶片, 雷射) are handled as synonyms in the glossary instead.
 *
 * Most text is already Simplified, so the converter only runs on text that contains at least one
 * character it would change (found once, up front, by converting every CJK code point).
 */
export function createNormalizer(): Normalizer {
  const t2s = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const traditional = traditionalCharacters(t2s);
  return (text: string): string => {
    // NFKC folds full-width ASCII (ＡＢＣ１２３), the ideographic space and full-width punctuation.
    const folded = text.normalize('NFKC');
    return (hasAny(folded, traditional) ? convertMarked(folded, traditional, t2s) : folded).toLowerCase();
  };
}

/**
 * A bitmap over UTF-16 code units of the CJK characters the converter changes, less the
 * characters of GB 2312 (the core Simplified set): OpenCC's Taiwan table also rewrites
 * characters that are correct mainland Simplified (著 → 着 would turn 显著 into 显着, 么 → 幺
 * would turn 什么 into 什幺), and those must stay as they are.
 */
function traditionalCharacters(convert: (s: string) => string): Uint8Array {
  const map = new Uint8Array(0x10000);
  for (const [lo, hi] of CJK_RANGES) {
    const chars: string[] = [];
    for (let c = lo; c <= hi; c++) chars.push(String.fromCharCode(c));
    // One character per line, so that phrase rules cannot join neighbours.
    const converted = convert(chars.join('\n')).split('\n');
    chars.forEach((ch, i) => {
      if (converted[i] !== ch && !isGb2312Hanzi(ch)) map[ch.charCodeAt(0)] = 1;
    });
  }
  return map;
}

/** GB 2312 hanzi occupy GBK rows 0xB0–0xF7 with trail bytes 0xA1–0xFE. */
function isGb2312Hanzi(ch: string): boolean {
  const b = iconv.encode(ch, 'gbk');
  return b.length === 2 && b[0]! >= 0xb0 && b[0]! <= 0xf7 && b[1]! >= 0xa1 && b[1]! <= 0xfe;
}

/** Converts only the marked characters, leaving GB 2312 characters such as 著 untouched. */
function convertMarked(text: string, map: Uint8Array, convert: (s: string) => string): string {
  const converted = convert(text);
  if (converted.length !== text.length) return converted;
  let out = '';
  for (let i = 0; i < text.length; i++) out += map[text.charCodeAt(i)] === 1 ? converted[i] : text[i];
  return out;
}

function hasAny(text: string, map: Uint8Array): boolean {
  for (let i = 0; i < text.length; i++) if (map[text.charCodeAt(i)] === 1) return true;
  return false;
}
