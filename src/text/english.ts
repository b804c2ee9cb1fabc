import { stemmer } from 'stemmer';

const UNIT_NUMBER =
  /^\d+(?:\.\d+)?(?:mm|cm|km|m|um|nm|kg|mg|g|t|kw|mw|w|kv|v|ma|a|kwh|wh|mah|ah|h|s|ms|min|hz|khz|mhz|ghz|mpa|gpa|pa|kn|n|l|ml|rpm|db)?$/;

/**
 * Domain words whose Porter stem is also the stem of common words of another meaning, given an
 * index form of their own: otherwise "general" and "generation" match 发电机 (generator → gener),
 * "positive" matches 定位 (positioning → posit), "separate" matches 隔膜 (separator → separ),
 * "hard to" matches 硬度 (hardness → hard), "cut costs" matches 切削 (cutting → cut), "reduces
 * noise" matches 减速机 (reducer → reduc).
 */
const OWN_FORMS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    generator: 'generator',
    generators: 'generator',
    positioning: 'positioning',
    localization: 'localization',
    localisation: 'localization',
    separator: 'separator',
    separators: 'separator',
    tableting: 'tableting',
    tabletting: 'tableting',
    virtualization: 'virtualization',
    virtualisation: 'virtualization',
    injectable: 'injectable',
    injectables: 'injectable',
    weatherability: 'weatherability',
    hardness: 'hardness',
    microhardness: 'microhardness',
    toughness: 'toughness',
    cutting: 'cutting',
    reducer: 'reducer',
    reducers: 'reducer',
  }),
);

/**
 * Turns one lower-case ASCII word into its index form, or null when it carries no meaning
 * (pure numbers and number+unit measurements). Words of four letters or fewer are kept as
 * they are (acronyms: igbt, gnss, agv, plc); longer alphabetic words are Porter-stemmed, but for
 * the few domain words of `OWN_FORMS`.
 */
export function englishWordKey(word: string, keep: ReadonlySet<string>): string | null {
  if (keep.has(word)) return word;
  const own = OWN_FORMS.get(word);
  if (own !== undefined) return own;
  if (UNIT_NUMBER.test(word)) return null;
  if (!/^[a-z]+$/.test(word)) return word; // mixed letters and digits: 5g, m8, h2, cr12mov
  if (word.length <= 4) return word;
  return stemmer(word);
}

/** ASCII words as they appear in normalised text: letters, digits, and c++ / c# / 0.1mm forms. */
export const ASCII_WORD = /[a-z0-9]+(?:\.[a-z0-9]+)*[+#]*/g;

function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

/**
 * The next ASCII_WORD match in s at or after `from`, without a match object: its start, with
 * its end written to `end[0]`; -1 when there is none.
 */
export function nextAsciiWord(s: string, from: number, end: Int32Array): number {
  const L = s.length;
  let i = from;
  while (i < L && !isWordChar(s.charCodeAt(i))) i++;
  if (i === L) return -1;
  const start = i;
  while (i < L && isWordChar(s.charCodeAt(i))) i++;
  while (i + 1 < L && s.charCodeAt(i) === 0x2e && isWordChar(s.charCodeAt(i + 1))) {
    i += 2;
    while (i < L && isWordChar(s.charCodeAt(i))) i++;
  }
  while (i < L && (s.charCodeAt(i) === 0x2b || s.charCodeAt(i) === 0x23)) i++;
  end[0] = i;
  return start;
}

/** JavaScript's \s: the characters String.prototype.trim() removes. */
function isSpace(c: number): boolean {
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Whether s[from, to) is non-empty and only spaces, -, / and & (English words joined by them stay one phrase). */
export function isJoinerGap(s: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (!(isSpace(c) || c === 0x2d || c === 0x2f || c === 0x26)) return false;
  }
  return true;
}
