/**
 * Experiment (not part of the library or of `npm run bench`): jieba's dictionary route — the DAG
 * of dictionary words and the maximum-probability path through it, `cut(text, false)` — in plain
 * JavaScript over a typed-array trie, writing token end offsets instead of strings. It measures
 * how fast segmentation could be without @node-rs/jieba's per-call string conversions, and checks
 * that the tokens are jieba's. No HMM (unknown words): that is the part a real backend would add.
 *
 *   npx tsx benchmarks/experiments/js-dag.ts [profiles]
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { makeContext } from '../context.js';
import { expertTexts } from '../generate.js';

interface Jieba {
  cut(text: string, hmm?: boolean): string[];
}
const require = createRequire(import.meta.url);
const { Jieba: JiebaClass } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): Jieba } };
const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };

/** The dictionary as a trie: open addressing on (node, character) → child node; node 0 is the root. */
class Trie {
  private readonly cap: number;
  private readonly keyNode: Int32Array;
  private readonly keyChar: Uint16Array;
  private readonly child: Int32Array;
  private nodes = 1;
  private freq = new Float64Array(1 << 20);
  logFreq = new Float64Array(0);
  logTotal = 0;

  constructor(capacityBits: number) {
    this.cap = 1 << capacityBits;
    this.keyNode = new Int32Array(this.cap).fill(-1);
    this.keyChar = new Uint16Array(this.cap);
    this.child = new Int32Array(this.cap);
  }

  private slot(node: number, c: number): number {
    const mask = this.cap - 1;
    let h = (Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & mask;
    while (this.keyNode[h] !== -1 && !(this.keyNode[h] === node && this.keyChar[h] === c)) h = (h + 1) & mask;
    return h;
  }

  /** The child of `node` by character `c`, or -1. */
  step(node: number, c: number): number {
    const h = this.slot(node, c);
    return this.keyNode[h] === -1 ? -1 : (this.child[h] as number);
  }

  add(word: string, f: number): void {
    let n = 0;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      const h = this.slot(n, c);
      if (this.keyNode[h] === -1) {
        this.keyNode[h] = n;
        this.keyChar[h] = c;
        this.child[h] = this.nodes++;
        if (this.nodes >= this.freq.length) {
          const grown = new Float64Array(this.freq.length * 2);
          grown.set(this.freq);
          this.freq = grown;
        }
      }
      n = this.child[h] as number;
    }
    this.freq[n] = f;
  }

  finish(): void {
    let total = 0;
    for (let i = 0; i < this.nodes; i++) total += this.freq[i] as number;
    this.logTotal = Math.log(total);
    this.logFreq = new Float64Array(this.nodes);
    for (let i = 0; i < this.nodes; i++) this.logFreq[i] = (this.freq[i] as number) > 0 ? Math.log(this.freq[i] as number) : Number.NaN;
  }
}

const HAN = (c: number): boolean => (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
/** jieba's block characters: Chinese, ASCII letters and digits, and + # & . _ % -. */
const BLOCK = (c: number): boolean =>
  HAN(c) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2b || c === 0x23 || c === 0x26 || c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2d;
const ALNUM = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

function segmenter(trie: Trie): (text: string, ends: Int32Array) => number {
  let route = new Float64Array(256);
  let next = new Int32Array(256);
  return (text, ends) => {
    let n = 0;
    const L = text.length;
    let i = 0;
    while (i < L) {
      if (!BLOCK(text.charCodeAt(i))) {
        ends[n++] = ++i; // outside blocks every character is a token (whitespace runs aside, not needed here)
        continue;
      }
      let j = i;
      while (j < L && BLOCK(text.charCodeAt(j))) j++;
      const B = j - i;
      if (B + 1 > route.length) {
        route = new Float64Array(2 * (B + 1));
        next = new Int32Array(2 * (B + 1));
      }
      route[B] = 0;
      for (let a = B - 1; a >= 0; a--) {
        // Edges from a: the dictionary words starting at a, and the single character.
        let best = -Infinity;
        let end = a + 1;
        let node = 0;
        for (let b = a; b < B; b++) {
          node = trie.step(node, text.charCodeAt(i + b));
          if (node < 0) break;
          const lf = trie.logFreq[node] as number;
          if (!Number.isNaN(lf)) {
            const v = lf - trie.logTotal + (route[b + 1] as number);
            if (v > best || (v === best && b + 1 > end)) {
              best = v;
              end = b + 1;
            }
          }
        }
        if (best === -Infinity) best = Math.log(1) - trie.logTotal + (route[a + 1] as number);
        route[a] = best;
        next[a] = end;
      }
      // Single ASCII letters or digits in a row are one token (jieba's buffer).
      let a = 0;
      while (a < B) {
        const e = next[a] as number;
        if (e === a + 1 && ALNUM(text.charCodeAt(i + a))) {
          let z = a + 1;
          while (z < B && next[z] === z + 1 && ALNUM(text.charCodeAt(i + z))) z++;
          ends[n++] = i + z;
          a = z;
        } else {
          ends[n++] = i + e;
          a = e;
        }
      }
      i = j;
    }
    return n;
  };
}

const profiles = Number(process.argv[2] ?? 20000);
let t = performance.now();
const trie = new Trie(22);
for (const line of readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8').split('\n')) {
  const [word, f] = line.split(' ');
  if (word && f) trie.add(word, Number(f));
}
trie.finish();
console.log(`trie from jieba's dict.txt: ${(performance.now() - t).toFixed(0)} ms`);
const cut = segmenter(trie);
const jieba = JiebaClass.withDict(dict);
const texts = makeContext({ seed: 42, quick: false }).gen.experts(0, profiles).flatMap(expertTexts);
const chars = texts.reduce((s, x) => s + x.length, 0);
const ends = new Int32Array(1 << 16);

let same = 0;
const han = /[\u3400-\u9fff]/;
for (const text of texts) {
  const k = cut(text, ends);
  const mine: string[] = [];
  for (let q = 0, s = 0; q < k; s = ends[q] as number, q++) mine.push(text.slice(s, ends[q]));
  const theirs = jieba.cut(text, false);
  if (JSON.stringify(mine.filter((w) => han.test(w))) === JSON.stringify(theirs.filter((w) => han.test(w)))) same++;
}
console.log(`${texts.length} texts, ${(chars / 1e6).toFixed(2)}M chars; Chinese tokens identical to cut(text, false): ${same} texts`);
let sink = 0;
for (let r = 0; r < 4; r++) {
  t = performance.now();
  for (const x of texts) sink += cut(x, ends);
  const js = performance.now() - t;
  t = performance.now();
  for (const x of texts) sink += jieba.cut(x, false).length;
  const noHmm = performance.now() - t;
  t = performance.now();
  for (const x of texts) sink += jieba.cut(x, true).length;
  const hmm = performance.now() - t;
  console.log(`JS route (offsets) ${js.toFixed(0)} ms · @node-rs cut(text, false) ${noHmm.toFixed(0)} ms · cut(text, true) ${hmm.toFixed(0)} ms`);
}
if (sink < 0) console.log('impossible');
