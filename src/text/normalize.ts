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
 * OpenCC runs once, when the normaliser is built, to tabulate the characters it changes;
 * normalising a text is then one pass over a table of flags per code unit, and text that needs
 * no step (most Simplified text) is returned as it is, without allocating.
 */
export function createNormalizer(): Normalizer {
  const t2s = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const simplified = traditionalCharacters(t2s);
  const flags = normalizationFlags(simplified);
  const replacement = characterReplacements(flags, simplified);
  return (text: string): string => {
    // Most text needs nothing: one pass over a flag table decides, without allocating.
    let need = 0;
    for (let i = 0; i < text.length; i++) need |= flags[text.charCodeAt(i)] as number;
    if (need === 0) return text;
    if ((need & CONTEXT) === 0) {
      // Every character that changes does so on its own (full-width punctuation and letters,
      // upper case, Traditional hanzi): replace them one by one from the table.
      const parts: string[] = [];
      let from = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (flags[c] === 0) continue;
        if (i > from) parts.push(text.slice(from, i));
        parts.push(replacement[c] as string);
        from = i + 1;
      }
      if (from < text.length) parts.push(text.slice(from));
      return flatJoin(parts);
    }
    let s = text;
    if ((need & NFKC) !== 0) {
      // NFKC folds full-width ASCII (ＡＢＣ１２３), the ideographic space and full-width punctuation;
      // it may also produce characters that need the other steps.
      s = s.normalize('NFKC');
      need = UPPER;
      for (let i = 0; i < s.length; i++) need |= (flags[s.charCodeAt(i)] as number) & TRADITIONAL;
    }
    if ((need & TRADITIONAL) !== 0) s = toSimplified(s, simplified);
    return (need & UPPER) !== 0 ? s.toLowerCase() : s;
  };
}

const NFKC = 1;
const UPPER = 2;
const TRADITIONAL = 4;
/** The character's result may depend on its neighbours: the whole text takes the full path. */
const CONTEXT = 8;

/**
 * Per UTF-16 code unit, which steps it needs: NFKC changes it, or it may combine with what
 * precedes it (marks, conjoining jamo; surrogates always take the full path); lowercasing
 * changes it; it is a Traditional character to convert. CONTEXT marks the characters whose
 * result may depend on their neighbours (see `characterReplacements`).
 */
function normalizationFlags(simplified: ReadonlyMap<number, string>): Uint8Array {
  const flags = new Uint8Array(0x10000);
  const marks = combiningMarks();
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      flags[c] = NFKC | CONTEXT;
      continue;
    }
    const ch = String.fromCharCode(c);
    const folded = ch.normalize('NFKC');
    let f = marks[c] === 1 || folded !== ch ? NFKC : 0;
    if (ch.toLowerCase() !== ch) f |= UPPER;
    if (simplified.has(c)) f |= TRADITIONAL;
    if (f !== 0 && (marks[c] === 1 || [...folded].some((x) => x.length > 1 || marks[x.charCodeAt(0)] === 1))) f |= CONTEXT;
    flags[c] = f;
  }
  return flags;
}

/**
 * Code units that may interact with a neighbour under NFKC or lower-casing: combining marks
 * (reordered and composed; every second part of a canonical composition in the BMP is a mark,
 * such as Tamil ா, or a conjoining jamo), conjoining Hangul jamo, and Σ, whose lower case
 * depends on whether it ends a word.
 */
function combiningMarks(): Uint8Array {
  const marks = new Uint8Array(0x10000);
  let plane = '';
  for (let c = 0; c < 0xd800; c += 4096) plane += String.fromCharCode(...Array.from({ length: Math.min(4096, 0xd800 - c) }, (_, i) => c + i));
  for (let c = 0xe000; c < 0x10000; c += 4096) plane += String.fromCharCode(...Array.from({ length: Math.min(4096, 0x10000 - c) }, (_, i) => c + i));
  for (const m of plane.matchAll(/\p{M}/gu)) marks[m[0].charCodeAt(0)] = 1;
  for (const [lo, hi] of [[0x1100, 0x11ff], [0xa960, 0xa97f], [0xd7b0, 0xd7ff]] as const) marks.fill(1, lo, hi + 1);
  marks[0x03a3] = 1;
  return marks;
}

/**
 * What each character becomes on its own: NFKC, then Traditional → Simplified, then lower
 * case. For a text whose changed characters carry no CONTEXT flag, normalising the text is
 * replacing each changed character by this, since nothing in it composes, reorders or depends
 * on a neighbour (a property test compares the two on mixed text).
 */
function characterReplacements(flags: Uint8Array, simplified: ReadonlyMap<number, string>): string[] {
  const out = new Array<string>(0x10000).fill('');
  for (let c = 0; c < 0x10000; c++) {
    const f = flags[c] as number;
    if (f === 0 || (f & CONTEXT) !== 0) continue;
    out[c] = toSimplified(String.fromCharCode(c).normalize('NFKC'), simplified).toLowerCase();
  }
  return out;
}

/**
 * The Simplified form of each Traditional CJK character the converter changes, less the
 * characters of GB 2312 (the core Simplified set): OpenCC's Taiwan table also rewrites
 * characters that are correct mainland Simplified (著 → 着 would turn 显著 into 显着, 么 → 幺
 * would turn 什么 into 什幺), and those must stay as they are. Found once, up front, by
 * converting every CJK code point on a line of its own (so phrase rules cannot join neighbours).
 */
function traditionalCharacters(convert: (s: string) => string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [lo, hi] of CJK_RANGES) {
    const chars: string[] = [];
    for (let c = lo; c <= hi; c++) chars.push(String.fromCharCode(c));
    const converted = convert(chars.join('\n')).split('\n');
    chars.forEach((ch, i) => {
      const to = converted[i] as string;
      if (to !== ch && !isGb2312Hanzi(ch)) map.set(ch.charCodeAt(0), to);
    });
  }
  return map;
}

/** GB 2312 hanzi occupy GBK rows 0xB0–0xF7 with trail bytes 0xA1–0xFE. */
function isGb2312Hanzi(ch: string): boolean {
  const b = iconv.encode(ch, 'gbk');
  return b.length === 2 && b[0]! >= 0xb0 && b[0]! <= 0xf7 && b[1]! >= 0xa1 && b[1]! <= 0xfe;
}

/** Character-level conversion by table, leaving GB 2312 characters such as 著 untouched. */
function toSimplified(text: string, simplified: ReadonlyMap<number, string>): string {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const to = simplified.get(text.charCodeAt(i));
    if (to === undefined) continue;
    if (i > from) parts.push(text.slice(from, i));
    parts.push(to);
    from = i + 1;
  }
  if (from < text.length) parts.push(text.slice(from));
  return flatJoin(parts);
}

/**
 * The pieces as one flat string. Joining with `+=` makes a rope (V8's cons string), and every
 * charCodeAt the segmenter then does on it goes through the rope: measured ~1.8x slower
 * segmentation than on the same text as a flat string. Array.prototype.join builds it flat.
 */
function flatJoin(parts: readonly string[]): string {
  return parts.join('');
}
