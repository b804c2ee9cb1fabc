/**
 * jieba's default segmentation (`cut(text, hmm)`, as jieba-rs does it) writing token end offsets
 * instead of strings: the text is split into blocks of Chinese characters, ASCII letters and
 * digits and + # & . _ % -; each block is cut along the maximum-probability route through the
 * DAG of dictionary words; outside blocks every character is a token of its own (\r\n is one).
 * Characters are Unicode characters: a surrogate pair of jieba-rs's supplementary Chinese ranges
 * belongs to blocks, and counts as one character, as in jieba-rs. (A lone surrogate stays a token
 * of its own; @node-rs/jieba sees U+FFFD there, from its UTF-8 conversion.)
 * With the HMM, runs of single characters that are not a dictionary word go to the HMM; without
 * it, runs of single ASCII letters and digits are joined.
 */
import type { HmmCutter } from './hmm.js';
import type { DictTrie } from './trie.js';

/** Character classes by UTF-16 code unit: 0 outside blocks, 1 inside. */
function blockTable(): Uint8Array {
  const t = new Uint8Array(0x10000);
  t.fill(1, 0x3400, 0x4dc0);
  t.fill(1, 0x4e00, 0xa000);
  t.fill(1, 0xf900, 0xfb00);
  t.fill(1, 0x30, 0x3a);
  t.fill(1, 0x41, 0x5b);
  t.fill(1, 0x61, 0x7b);
  for (const c of '+#&._%-') t[c.charCodeAt(0)] = 1;
  return t;
}

/**
 * A surrogate pair at i encoding a character of jieba-rs's supplementary Chinese ranges:
 * U+20000–2A6DF, U+2A700–2EBEF and U+2F800–2FA1F.
 */
function isHanPair(text: string, i: number): boolean {
  const hi = text.charCodeAt(i);
  if (hi < 0xd840 || hi > 0xd87e) return false;
  const lo = text.charCodeAt(i + 1);
  if (lo < 0xdc00 || lo > 0xdfff) return false;
  const cp = 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
  return cp <= 0x2a6df || (cp >= 0x2a700 && cp <= 0x2ebef) || (cp >= 0x2f800 && cp <= 0x2fa1f);
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Largest scratch buffers kept between calls (entries); larger ones are dropped after the call. */
export const RETAINED = 1 << 16;

export class JiebaCutter {
  private readonly block = blockTable();
  private route = new Float64Array(256);
  private next = new Int32Array(256);
  /** The trie node of the dictionary word the route takes from each position, or -1. */
  private node = new Int32Array(256);

  constructor(
    private readonly trie: DictTrie,
    private readonly hmm: HmmCutter | null,
  ) {}

  /**
   * Token end offsets of `text` into `ends`, and into `words` the trie node of each token that
   * is a dictionary word (-1 for the others); both must hold text.length entries. Returns the
   * number of tokens. Without an HMM cutter, `hmm` is ignored.
   */
  cutEnds(text: string, ends: Int32Array, words: Int32Array, hmm: boolean): number {
    const L = text.length;
    const block = this.block;
    let n = 0;
    let i = 0;
    while (i < L) {
      const c = text.charCodeAt(i);
      if (block[c] !== 1 && !isHanPair(text, i)) {
        // A surrogate pair is one character; \r\n is one token.
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < L && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i += 2;
        else if (c === 0x0d && i + 1 < L && text.charCodeAt(i + 1) === 0x0a) i += 2;
        else i += 1;
        words[n] = -1;
        ends[n++] = i;
        continue;
      }
      let j = i + (block[c] === 1 ? 1 : 2);
      for (;;) {
        if (j < L && block[text.charCodeAt(j)] === 1) j++;
        else if (j + 1 < L && isHanPair(text, j)) j += 2;
        else break;
      }
      this.computeRoute(text, i, j);
      n = hmm && this.hmm !== null ? this.emitHmm(text, i, j, ends, words, n, this.hmm) : this.emitPlain(text, i, j, ends, words, n);
      i = j;
    }
    // Buffers grown for an exceptionally long block are not kept.
    if (this.route.length > RETAINED) {
      this.route = new Float64Array(256);
      this.next = new Int32Array(256);
      this.node = new Int32Array(256);
    }
    return n;
  }

  /** route/next[a] for block text[i, j): the best log probability from a to the end, and where a's word ends. */
  private computeRoute(text: string, i: number, j: number): void {
    const len = j - i;
    if (len + 1 > this.route.length) {
      this.route = new Float64Array(2 * (len + 1));
      this.next = new Int32Array(2 * (len + 1));
      this.node = new Int32Array(2 * (len + 1));
    }
    const { route, next, node: wordNode, trie } = this;
    const logFreq = trie.logFreq;
    const logTotal = trie.logTotal;
    route[len] = 0;
    for (let a = len - 1; a >= 0; a--) {
      let best = -Infinity;
      let end = a + 1;
      let word = -1;
      let node = 0;
      for (let b = a; b < len; b++) {
        node = trie.step(node, text.charCodeAt(i + b));
        if (node < 0) break;
        const lf = logFreq[node] as number;
        if (lf === lf) {
          // Ties go to the longer word, as in jieba-rs.
          const v = lf - logTotal + (route[b + 1] as number);
          if (v >= best) {
            best = v;
            end = b + 1;
            word = node;
          }
        }
      }
      // No dictionary word starts here: the character alone (both halves of a pair), at frequency 1.
      if (best === -Infinity) {
        end = isHighSurrogate(text.charCodeAt(i + a)) && a + 2 <= len ? a + 2 : a + 1;
        best = -logTotal + (route[end] as number);
      }
      route[a] = best;
      next[a] = end;
      wordNode[a] = word;
    }
  }

  private emitPlain(text: string, i: number, j: number, ends: Int32Array, words: Int32Array, n: number): number {
    const { next, node } = this;
    const len = j - i;
    let a = 0;
    while (a < len) {
      const e = next[a] as number;
      if (e === a + 1 && isAsciiAlnum(text.charCodeAt(i + a))) {
        // Single ASCII letters and digits in a row are one token.
        let z = a + 1;
        while (z < len && next[z] === z + 1 && isAsciiAlnum(text.charCodeAt(i + z))) z++;
        words[n] = z === a + 1 ? (node[a] as number) : -1;
        ends[n++] = i + z;
        a = z;
      } else {
        words[n] = node[a] as number;
        ends[n++] = i + e;
        a = e;
      }
    }
    return n;
  }

  /** Whether the route's step from a (in block text[i, ...)) is a single character. */
  private single(text: string, i: number, a: number): boolean {
    const e = this.next[a] as number;
    return e === a + 1 || (e === a + 2 && isHighSurrogate(text.charCodeAt(i + a)));
  }

  private emitHmm(text: string, i: number, j: number, ends: Int32Array, words: Int32Array, n: number, hmm: HmmCutter): number {
    const { next, node } = this;
    const len = j - i;
    let a = 0;
    while (a < len) {
      const e = next[a] as number;
      if (!this.single(text, i, a)) {
        words[n] = node[a] as number;
        ends[n++] = i + e;
        a = e;
        continue;
      }
      // A run of single characters: alone, or a dictionary word (kept as characters), or the HMM's.
      let z = e;
      let chars = 1;
      while (z < len && this.single(text, i, z)) {
        z = next[z] as number;
        chars++;
      }
      if (chars === 1 || this.trie.isWord(text, i + a, i + z)) {
        for (let q = a; q < z; q = next[q] as number) {
          words[n] = node[q] as number;
          ends[n++] = i + (next[q] as number);
        }
      } else {
        const from = n;
        n = hmm.cut(text, i + a, i + z, ends, n);
        words.fill(-1, from, n);
      }
      a = z;
    }
    return n;
  }
}
