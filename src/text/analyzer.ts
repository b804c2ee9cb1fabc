import { LRUCache } from 'lru-cache';
import { buildTermTrie, type TermTrie } from './backends/trie.js';
import { ASCII_WORD, englishWordKey } from './english.js';
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
  readonly normalize: Normalizer;
  readonly segmenter: Segmenter;
}

const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/y;
const ENGLISH_JOINER = /^[\s\-/&]+$/;

export function createAnalyzer(opts: AnalyzerOptions): Analyzer {
  const { segmenter, normalize } = opts;
  const stopwords = new Set<string>();
  const keepWords = new Set<string>();
  for (const w of opts.stopwords) stopwords.add(normalize(w).trim());
  const keepSingle = new Set([...opts.keepSingle].map((c) => normalize(c)));
  const mixed: string[] = [];
  for (const t of opts.mixedTerms) {
    const n = normalize(t).replace(/\s+/g, '');
    mixed.push(n);
    keepWords.add(n);
  }
  // Alphabetic words are stemmed like any other; only terms with digits need protecting (5g, h2).
  for (const t of opts.asciiTerms ?? []) if (/\d/.test(t)) keepWords.add(normalize(t).trim());
  const mixedTrie: TermTrie = buildTermTrie(mixed);

  const wordKey = (w: string): string | null => englishWordKey(w, keepWords);
  const phraseMap = new Map<string, string[]>();
  for (const p of opts.phrases) {
    const n = normalize(p);
    const words = n.match(ASCII_WORD) ?? [];
    if (words.length < 2 || /[\u3400-\u9fff]/.test(n)) continue;
    const keys = words.map((w) => wordKey(w) ?? w);
    phraseMap.set(words.join(' '), keys);
  }
  const phrases: PhraseMatcher = buildPhraseMatcher(phraseMap);

  const cacheChars = opts.cacheChars ?? 2_000_000;
  const cache =
    cacheChars > 0
      ? new LRUCache<string, readonly string[]>({
          maxSize: cacheChars,
          sizeCalculation: (_v, k) => Math.max(1, k.length),
        })
      : undefined;

  function flushEnglish(words: string[], out: string[]): void {
    if (words.length === 0) return;
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

  function pushChinese(run: string, out: string[]): void {
    for (const raw of segmenter.cut(run)) {
      const w = raw.trim();
      if (w.length === 0 || stopwords.has(w)) continue;
      if (w.length === 1 && !keepSingle.has(w)) continue;
      out.push(w);
    }
  }

  function analyzeNormalized(text: string, out: string[]): void {
    for (const run of mixedTrie.split(text)) {
      if (run.term) {
        // A mixed term (igbt模块, 304不锈钢) is a token of its own, and its parts are too, so that
        // "IGBT模块" still matches a profile that only says "IGBT".
        if (!stopwords.has(run.text)) out.push(run.text);
      }
      analyzePlain(run.text, out);
    }
  }

  /** Text without mixed terms: Chinese runs to the segmenter, ASCII words to the English path. */
  function analyzePlain(s: string, out: string[]): void {
    const english: string[] = [];
    let i = 0;
    while (i < s.length) {
      CJK_RUN.lastIndex = i;
      const cjk = CJK_RUN.exec(s);
      if (cjk) {
        flushEnglish(english, out);
        pushChinese(cjk[0], out);
        i += cjk[0].length;
        continue;
      }
      ASCII_WORD.lastIndex = i;
      const m = ASCII_WORD.exec(s);
      if (m && m.index === i) {
        english.push(m[0]);
        i += m[0].length;
        continue;
      }
      // Separator: whitespace, hyphen and slash keep an English phrase together; anything else breaks it.
      let j = i + 1;
      while (j < s.length && !isWordStart(s.charCodeAt(j))) j++;
      if (!ENGLISH_JOINER.test(s.slice(i, j))) flushEnglish(english, out);
      i = j;
    }
    flushEnglish(english, out);
  }

  function analyze(text: string): readonly string[] {
    const hit = cache?.get(text);
    if (hit) return hit;
    const out: string[] = [];
    analyzeNormalized(normalize(text), out);
    const frozen = Object.freeze(out);
    if (cache && text.length <= cacheChars / 4) cache.set(text, frozen);
    return frozen;
  }

  function termKey(term: string): string | null {
    const n = normalize(term).trim();
    const runs = mixedTrie.split(n);
    if (runs.length === 1 && runs[0]?.term) return runs[0].text;
    const out: string[] = [];
    analyzeNormalized(n, out);
    return out.length === 1 ? (out[0] as string) : null;
  }

  return { analyze, termKey, normalize, segmenter };
}

function isWordStart(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}
