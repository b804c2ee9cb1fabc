import { LRUCache } from 'lru-cache';
import { ASCII_WORD, englishWordKey, isJoinerGap, nextAsciiWord } from './english.js';
import type { Normalizer } from './normalize.js';
import { buildPhraseMatcher, type PhraseMatcher } from './phrases.js';
import type { Segmenter } from './segmenter.js';

export interface AnalyzerOptions {
  segmenter: Segmenter;
  normalize: Normalizer;
  /** Words dropped from every text (already normalised or not: they are normalised here). */
  stopwords: Iterable<string>;
  /** Multi-word English terms kept as one token (machine vision, fuel cell). */
  phrases: Iterable<string>;
  /** Terms that mix ASCII and Chinese and must stay whole (304不锈钢, 3d打印). */
  mixedTerms: Iterable<string>;
  /** Single ASCII words kept exactly as written: no stemming, not dropped as measurements (5g). */
  asciiTerms?: Iterable<string>;
  /** Single Chinese characters that carry meaning on their own (钢, 锂, 氢). */
  keepSingle: Iterable<string>;
  /**
   * Also emit every overlapping pair of Chinese characters of the text as a token of its own,
   * prefixed with BIGRAM_PREFIX (温升 → #温升 even where the segmenter splits it). Robust to
   * words the segmenter does not know; doubles the tokens. Dictionary terms (`termKey`) never
   * get them.
   */
  charBigrams?: boolean;
  /** Total characters of text whose analysis is cached (LRU). 0 disables the cache. */
  cacheChars?: number;
}

/** Text → index tokens. One instance per matcher; it owns its segmenter and cache. */
export interface Analyzer {
  analyze(text: string): readonly string[];
  /**
   * The index form of a dictionary term (a glossary entry, a lexicon term): the single token it
   * analyses to, or null when it does not analyse to exactly one token.
   */
  termKey(term: string): string | null;
  /**
   * For each term, the words it is made of that are dictionary words of their own, at one end of
   * it (永磁同步电机 → 永磁, 同步电机, 电机; 质子交换膜燃料电池 → 质子, 燃料电池, 电池): a prefix or
   * suffix of two or more characters that leaves two or more (so a term of three characters has
   * none: 成功率 is not 成功 + 率 nor 成 + 功率, and 高精度 gives up 精度 with it), or a meaningful
   * single character (不锈钢 → 钢, 锂电池 → 锂). A part of fewer than four characters also needs
   * the word of the rest next to it to be of two or more characters (抗氧化性 → not 化性); parts in
   * the middle are not taken (风电机组 → not 电机). Chinese terms only; stopwords are left out.
   */
  parts(terms: readonly string[]): string[][];
  /**
   * Adds to `into`, for each English word of `text`, its index form → the word as written
   * (normalised): words are stemmed (noise → nois). The first word of each index form is kept,
   * unless a later one is the index form itself. Used to show explanations in the query's words.
   */
  surfaceForms(text: string, into: Map<string, string>): void;
  readonly normalize: Normalizer;
  readonly segmenter: Segmenter;
}

/** Prefix of character-pair tokens (see `charBigrams`): no analysed word starts with it. */
export const BIGRAM_PREFIX = '#';

const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]{2,}/g;
const CJK_ONLY = /^[\u3400-\u9fff\uf900-\ufaff]+$/;
/** Terms whose parts are found with one segmenter call. */
const PARTS_BATCH = 256;

/** Overlapping character pairs of the Chinese runs of a normalised text. */
function pushBigrams(text: string, out: string[]): void {
  CJK_RUN.lastIndex = 0;
  for (let m = CJK_RUN.exec(text); m !== null; m = CJK_RUN.exec(text)) {
    const run = m[0];
    for (let i = 0; i + 1 < run.length; i++) out.push(BIGRAM_PREFIX + run.slice(i, i + 2));
  }
}

/** Distinct English words whose index form an analyser remembers. */
const WORD_KEY_CACHE = 50_000;
const HAS_ASCII = /[a-z0-9]/;

/** A segmenter token is Chinese when it contains a CJK character (jieba keeps scripts apart). */
function isChinese(tok: string): boolean {
  const c = tok.charCodeAt(0);
  if (c >= 0x3400) return (c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || /[\u3400-\u9fff]/.test(tok);
  return tok.length > 1 && /[\u3400-\u9fff]/.test(tok);
}

/** Largest offset buffers kept between texts (entries). */
const RETAINED_OFFSETS = 1 << 16;

/** What the analysis does with a token (see analyzeEnds); KEEP and DROP are Chinese. */
const UNSEEN = 0;
const KEEP = 1;
const DROP = 2;
/** Not Chinese, with a letter or digit. */
const OTHER_WORD = 3;
/** Not Chinese: spaces and punctuation. */
const OTHER = 4;

/** `isChinese` of s.slice(from, to), without making the slice. */
function isChineseAt(s: string, from: number, to: number): boolean {
  const c = s.charCodeAt(from);
  if (c >= 0x3400 && (c <= 0x9fff || (c >= 0xf900 && c <= 0xfaff))) return true;
  if (c < 0x3400 && to - from < 2) return false;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i);
    if (d >= 0x3400 && d <= 0x9fff) return true;
  }
  return false;
}

/** `hasWordChar` of s.slice(from, to), without making the slice. */
function hasWordCharAt(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) return true;
  }
  return false;
}

function hasWordChar(tok: string): boolean {
  for (let i = 0; i < tok.length; i++) {
    const c = tok.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) return true;
  }
  return false;
}

/** Letters and digits only: the whole string is one ASCII word. */
function isPlainWord(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) return false;
  }
  return s.length > 0;
}

function joinTokens(toks: readonly string[], from: number, to: number): string {
  if (to - from === 1) return toks[from] as string;
  let s = '';
  for (let i = from; i < to; i++) s += toks[i] as string;
  return s;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function createAnalyzer(opts: AnalyzerOptions): Analyzer {
  const { segmenter, normalize } = opts;
  const stopwords = new Set<string>();
  const keepWords = new Set<string>();
  for (const w of opts.stopwords) stopwords.add(normalize(w).trim());
  // First characters of the stopwords of two or more characters: a word that starts with any
  // other character is not looked up (most are not, and hashing a new string costs more).
  const stopFirst = new Uint8Array(0x10000);
  for (const w of stopwords) if (w.length > 1) stopFirst[w.charCodeAt(0)] = 1;
  // Single characters are looked up in a bitmap by code unit: cheaper than hashing a new string.
  const singleKept = new Uint8Array(0x10000);
  for (const c of opts.keepSingle) {
    const n = normalize(c);
    if (n.length === 1 && !stopwords.has(n)) singleKept[n.charCodeAt(0)] = 1;
  }
  const mixed: string[] = [];
  for (const t of opts.mixedTerms) {
    const n = normalize(t).replace(/\s+/g, '');
    mixed.push(n);
    keepWords.add(n);
  }
  // Alphabetic words are stemmed like any other; only terms with digits need protecting (5g, h2).
  for (const t of opts.asciiTerms ?? []) if (/\d/.test(t)) keepWords.add(normalize(t).trim());
  const mixedPattern = mixed.length > 0 ? new RegExp(mixed.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g') : null;

  // English words recur (the same terms across profiles): their index forms are memoised, in a
  // map that is cleared when it grows large, so memory stays bounded.
  const wordKeys = new Map<string, string | null>();
  const wordKey = (w: string): string | null => {
    const hit = wordKeys.get(w);
    if (hit !== undefined) return hit;
    const key = englishWordKey(w, keepWords);
    if (wordKeys.size >= WORD_KEY_CACHE) wordKeys.clear();
    wordKeys.set(w, key);
    return key;
  };
  const phraseMap = new Map<string, string[]>();
  for (const p of opts.phrases) {
    const n = normalize(p);
    const words = n.match(ASCII_WORD) ?? [];
    if (words.length < 2 || /[\u3400-\u9fff]/.test(n)) continue;
    const keys = words.map((w) => wordKey(w) ?? w);
    phraseMap.set(words.join(' '), keys);
  }
  const phrases: PhraseMatcher = buildPhraseMatcher(phraseMap);

  // Token offsets and dictionary word ids, when the segmenter reports them (grown as texts
  // need), and by word id what the analysis does with the word (UNSEEN until first met) and the
  // word's string when it is kept.
  const wordEnd = new Int32Array(1); // nextAsciiWord's second result
  const cutEnds = segmenter.cutEnds?.bind(segmenter);
  let ends = new Int32Array(cutEnds !== undefined ? 1024 : 0);
  let endWords = new Int32Array(ends.length);
  // Allocated at the first text, not for a matcher that never analyses one.
  let wordState = new Uint8Array(0);
  let wordText: string[] = [];

  const cacheChars = opts.cacheChars ?? 2_000_000;
  const cache =
    cacheChars > 0
      ? new LRUCache<string, readonly string[]>({
          maxSize: cacheChars,
          sizeCalculation: (_v, k) => Math.max(1, k.length),
        })
      : undefined;

  /** One English word with no phrase around it. */
  function englishWord(w: string, out: string[]): void {
    const k = wordKey(w);
    if (k != null && k.length > 1 && !stopwords.has(w) && !stopwords.has(k)) out.push(k);
  }

  function flushEnglish(words: string[], out: string[]): void {
    if (words.length <= 1) {
      if (words.length === 1) englishWord(words[0] as string, out);
      words.length = 0;
      return;
    }
    const keys = words.map((w) => wordKey(w));
    const phraseKeys = words.map((w, i) => keys[i] ?? w);
    let i = 0;
    while (i < words.length) {
      const m = phrases.match(phraseKeys, i);
      if (m) {
        out.push(m.token);
        i += m.length;
        continue;
      }
      const w = words[i] as string;
      const k = keys[i];
      if (k != null && k.length > 1 && !stopwords.has(w) && !stopwords.has(k)) out.push(k);
      i++;
    }
    words.length = 0;
  }

  function analyzeNormalized(text: string, out: string[]): void {
    if (mixedPattern === null || !HAS_ASCII.test(text)) {
      analyzePlain(text, out);
      return;
    }
    // A mixed term (igbt模块, 304不锈钢) is a token of its own, and its parts are too, so that
    // "IGBT模块" still matches a profile that only says "IGBT".
    mixedPattern.lastIndex = 0;
    let last = 0;
    for (let m = mixedPattern.exec(text); m !== null; m = mixedPattern.exec(text)) {
      if (m.index > last) analyzePlain(text.slice(last, m.index), out);
      if (!stopwords.has(m[0])) out.push(m[0]);
      analyzePlain(m[0], out);
      last = m.index + m[0].length;
    }
    if (last < text.length) analyzePlain(text.slice(last), out);
  }

  /**
   * One segmenter call per text. Chinese words are kept (less stopwords and meaningless single
   * characters); everything else the segmenter returns (ASCII words, spaces, punctuation) is
   * glued back together and tokenised by the English path, so ASCII handling is the same on
   * every backend. Runs of separators alone are never glued.
   */
  function analyzePlain(s: string, out: string[]): void {
    if (cutEnds !== undefined) {
      analyzeEnds(s, out, cutEnds);
      return;
    }
    const toks = segmenter.cut(s);
    let runStart = -1; // first token of the current non-Chinese run
    let words = false; // whether the run holds any letter or digit (else it is only separators)
    for (let i = 0; i < toks.length; i++) {
      const tok = toks[i] as string;
      if (isChinese(tok)) {
        if (words) englishRun(joinTokens(toks, runStart, i), out);
        runStart = -1;
        words = false;
        if (tok.length === 1) {
          if (singleKept[tok.charCodeAt(0)] === 1) out.push(tok);
        } else if (stopFirst[tok.charCodeAt(0)] !== 1 || !stopwords.has(tok)) out.push(tok);
      } else {
        if (runStart < 0) runStart = i;
        words ||= hasWordChar(tok);
      }
    }
    if (words) englishRun(joinTokens(toks, runStart, toks.length), out);
  }

  /**
   * `analyzePlain` over token offsets, for backends that report them: the same tokens, but a
   * string is made only for what is kept, a non-Chinese run is one slice of the text, and a
   * dictionary word is looked at once: its verdict and its string are kept by its id.
   */
  function analyzeEnds(s: string, out: string[], cut: NonNullable<Segmenter['cutEnds']>): void {
    if (ends.length < s.length) {
      ends = new Int32Array(2 * s.length);
      endWords = new Int32Array(2 * s.length);
    }
    const n = cut(s, ends, endWords);
    let runStart = -1; // offset of the current non-Chinese run
    let words = false;
    let start = 0;
    for (let k = 0; k < n; k++) {
      const end = ends[k] as number;
      const id = endWords[k] as number;
      let state = id >= 0 && id < wordState.length ? (wordState[id] as number) : UNSEEN;
      if (state === UNSEEN) {
        state = tokenState(s, start, end);
        if (id >= 0) rememberWord(id, state, state === KEEP ? s.slice(start, end) : '');
      }
      if (state <= DROP) {
        if (words) englishRun(s.slice(runStart, start), out);
        runStart = -1;
        words = false;
        if (state === KEEP) out.push(id >= 0 ? (wordText[id] as string) : s.slice(start, end));
      } else {
        if (runStart < 0) runStart = start;
        words ||= state === OTHER_WORD;
      }
      start = end;
    }
    if (words) englishRun(s.slice(runStart, start), out);
    // Buffers grown for an exceptionally long text are not kept.
    if (ends.length > RETAINED_OFFSETS) {
      ends = new Int32Array(1024);
      endWords = new Int32Array(1024);
    }
  }

  /** What the analysis does with the token s[start, end): the string path's tests, on offsets. */
  function tokenState(s: string, start: number, end: number): number {
    if (!isChineseAt(s, start, end)) return hasWordCharAt(s, start, end) ? OTHER_WORD : OTHER;
    const c = s.charCodeAt(start);
    if (end - start === 1) return singleKept[c] === 1 ? KEEP : DROP;
    return stopFirst[c] === 1 && stopwords.has(s.slice(start, end)) ? DROP : KEEP;
  }

  function rememberWord(id: number, state: number, text: string): void {
    if (id >= wordState.length) {
      // Once, to the segmenter's id range (grown only for a segmenter that does not state it).
      const size = Math.max(id + 1, segmenter.wordIdLimit ?? 0, 2 * wordState.length);
      const grown = new Uint8Array(size);
      grown.set(wordState);
      wordState = grown;
      wordText = wordText.concat(new Array<string>(size - wordText.length).fill(''));
    }
    wordState[id] = state;
    wordText[id] = text;
  }

  /** ASCII words of a stretch of non-Chinese text; separators other than space, - and / break phrases. */
  function englishRun(s: string, out: string[]): void {
    if (isPlainWord(s)) {
      englishWord(s, out);
      return;
    }
    const english: string[] = [];
    let last = 0;
    for (let start = nextAsciiWord(s, 0, wordEnd); start >= 0; start = nextAsciiWord(s, last, wordEnd)) {
      if (start > last && !isJoinerGap(s, last, start)) flushEnglish(english, out);
      const end = wordEnd[0] as number;
      english.push(s.slice(start, end));
      last = end;
    }
    flushEnglish(english, out);
  }

  function analyze(text: string): readonly string[] {
    const hit = cache?.get(text);
    if (hit) return hit;
    const out: string[] = [];
    const normalized = normalize(text);
    analyzeNormalized(normalized, out);
    if (opts.charBigrams === true) pushBigrams(normalized, out);
    // Cached token lists are shared between callers, so they are frozen.
    if (cache && text.length <= cacheChars / 4) cache.set(text, Object.freeze(out));
    return out;
  }

  function termKey(term: string): string | null {
    const n = normalize(term).trim();
    if (keepWords.has(n)) return n;
    const out: string[] = [];
    analyzeNormalized(n, out);
    return out.length === 1 ? (out[0] as string) : null;
  }

  function parts(terms: readonly string[]): string[][] {
    const out: string[][] = terms.map(() => []);
    for (let from = 0; from < terms.length; from += PARTS_BATCH) {
      // Every prefix and suffix of the batch's terms in one segmenter call, joined by newlines,
      // which come back as tokens of their own (the terms are Chinese only).
      const batch: number[] = [];
      const pieces: string[] = [];
      for (let i = from; i < Math.min(terms.length, from + PARTS_BATCH); i++) {
        const t = terms[i] as string;
        if (t.length < 3 || !CJK_ONLY.test(t)) continue;
        batch.push(i);
        for (let k = 1; k < t.length; k++) pieces.push(t.slice(0, k), t.slice(k));
      }
      if (pieces.length === 0) continue;
      // A single character is its own cut: only longer pieces go to the segmenter.
      const long = pieces.filter((p) => p.length > 1);
      const longCuts = cutEach(long);
      let l = 0;
      const cuts = pieces.map((p) => (p.length > 1 ? (longCuts[l++] as string[]) : [p]));
      let c = 0;
      for (const i of batch) {
        const t = terms[i] as string;
        const found = new Set<string>();
        for (let k = 1; k < t.length; k++) {
          const left = cuts[c++] as string[];
          const right = cuts[c++] as string[];
          if (right.length === 1 && isPart(right[0] as string, t.length, left[left.length - 1] as string)) found.add(right[0] as string);
          if (left.length === 1 && isPart(left[0] as string, t.length, right[0] as string)) found.add(left[0] as string);
        }
        out[i] = [...found].filter((p) => !stopwords.has(p));
      }
    }
    return out;
  }

  /**
   * Whether a dictionary word at one end of a term of `termLength` characters is a part of it,
   * given the word of the rest that touches it (see `parts`).
   */
  function isPart(part: string, termLength: number, next: string): boolean {
    if (part.length === 1) {
      if (singleKept[part.charCodeAt(0)] !== 1) return false;
    } else if (termLength < 4 || termLength - part.length < 2) return false;
    return part.length >= 4 || next.length >= 2;
  }

  /** The dictionary segmentation of each piece, from one segmenter call when the separators hold. */
  function cutEach(pieces: readonly string[]): string[][] {
    const cuts: string[][] = [[]];
    for (const w of segmenter.cutDict(pieces.join('\n'))) {
      if (w === '\n') cuts.push([]);
      else (cuts[cuts.length - 1] as string[]).push(w);
    }
    return cuts.length === pieces.length ? cuts : pieces.map((p) => segmenter.cutDict(p));
  }

  function surfaceForms(text: string, into: Map<string, string>): void {
    const n = normalize(text);
    if (!HAS_ASCII.test(n)) return;
    for (const m of n.matchAll(ASCII_WORD)) {
      const k = wordKey(m[0]);
      if (k === null) continue;
      // A word that is its own index form wins (motor over motorized for motor).
      const prev = into.get(k);
      if (prev === undefined || (k === m[0] && prev !== k)) into.set(k, m[0]);
    }
  }

  return { analyze, termKey, parts, surfaceForms, normalize, segmenter };
}
