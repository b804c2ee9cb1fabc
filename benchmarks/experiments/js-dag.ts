/**
 * Experiment (not part of the library or of `npm run bench`): jieba's dictionary route — the DAG
 * of dictionary words and the maximum-probability path through it, `cut(text, false)` — in plain
 * JavaScript over a typed-array trie, writing token end offsets instead of strings. It measures
 * how fast segmentation could be without @node-rs/jieba's per-call string conversions, and checks
 * that the tokens are jieba's. With jieba's HMM for unknown words too (`cut(text, true)`), read from
 * cppjieba's hmm_model.utf8 inside the optional dependency nodejieba (needed for this script).
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

function isWord(trie: Trie, text: string, from: number, to: number): boolean {
  let node = 0;
  for (let q = from; q < to && node >= 0; q++) node = trie.step(node, text.charCodeAt(q));
  return node >= 0 && !Number.isNaN(trie.logFreq[node] as number);
}

function segmenter(trie: Trie, hmm?: Hmm): (text: string, ends: Int32Array) => number {
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
      if (hmm !== undefined) {
        // Runs of single characters (the buffer): a run of two or more that is not a dictionary
        // word goes to the HMM, Chinese part by part (ASCII letters and digits in a row stay one).
        let a = 0;
        while (a < B) {
          const e = next[a] as number;
          if (e !== a + 1) {
            ends[n++] = i + e;
            a = e;
            continue;
          }
          let z = a + 1;
          while (z < B && next[z] === z + 1) z++;
          if (z - a === 1 || isWord(trie, text, i + a, i + z)) {
            for (let q = a; q < z; q++) ends[n++] = i + q + 1;
          } else {
            let q = a;
            while (q < z) {
              let r = q + 1;
              const han = HAN(text.charCodeAt(i + q));
              while (r < z && HAN(text.charCodeAt(i + r)) === han) r++;
              if (han) n = viterbi(hmm, text, i + q, i + r, ends, n);
              else ends[n++] = i + r;
              q = r;
            }
          }
          a = z;
        }
        i = j;
        continue;
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


/** jieba's HMM for runs of characters the dictionary does not join (B, E, M, S states). */
interface Hmm {
  start: Float64Array;
  trans: Float64Array; // 4 × 4, from × to
  emit: Map<number, Float64Array>; // character → log P for B, E, M, S
}
const MIN = -3.14e100;
const B = 0;
const E = 1;
const M = 2;
const S = 3;
/** Previous states allowed for each state (B after E/S, E after B/M, M after M/B, S after S/E). */
const PREV: readonly (readonly number[])[] = [[E, S], [B, M], [M, B], [S, E]];

function loadHmm(path: string): Hmm {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const nums = (l: string): number[] => l.trim().split(/\s+/).map(Number);
  const start = Float64Array.from(nums(lines[0] as string));
  const trans = Float64Array.from([1, 2, 3, 4].flatMap((i) => nums(lines[i] as string)));
  const emit = new Map<number, Float64Array>();
  for (let st = 0; st < 4; st++) {
    for (const pair of (lines[5 + st] as string).split(',')) {
      const at = pair.lastIndexOf(':');
      const c = pair.charCodeAt(0);
      let row = emit.get(c);
      if (!row) {
        row = new Float64Array(4).fill(MIN);
        emit.set(c, row);
      }
      row[st] = Number(pair.slice(at + 1));
    }
  }
  return { start, trans, emit };
}

/** Viterbi over text[from, to) (Chinese characters), writing word ends; returns the new count. */
function viterbi(hmm: Hmm, text: string, from: number, to: number, ends: Int32Array, n: number): number {
  const T = to - from;
  const V = new Float64Array(T * 4);
  const back = new Int8Array(T * 4);
  const em = (t: number, st: number): number => hmm.emit.get(text.charCodeAt(from + t))?.[st] ?? MIN;
  for (let st = 0; st < 4; st++) V[st] = (hmm.start[st] as number) + em(0, st);
  for (let t = 1; t < T; t++) {
    for (let st = 0; st < 4; st++) {
      let best = -Infinity;
      let arg = 0;
      for (const p of PREV[st] as readonly number[]) {
        const v = (V[(t - 1) * 4 + p] as number) + (hmm.trans[p * 4 + st] as number);
        if (v > best || (v === best && p > arg)) {
          best = v;
          arg = p;
        }
      }
      V[t * 4 + st] = best + em(t, st);
      back[t * 4 + st] = arg;
    }
  }
  let st = (V[(T - 1) * 4 + E] as number) > (V[(T - 1) * 4 + S] as number) ? E : S;
  const states = new Int8Array(T);
  for (let t = T - 1; t >= 0; t--) {
    states[t] = st;
    st = back[t * 4 + st] as number;
  }
  let next = 0;
  for (let t = 0; t < T; t++) {
    const s = states[t];
    if (s === E || s === S) {
      ends[n++] = from + t + 1;
      next = t + 1;
    }
  }
  if (next < T) ends[n++] = to;
  return n;
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
const hmmPath = require.resolve('nodejieba/submodules/cppjieba/dict/hmm_model.utf8');
const cutHmm = segmenter(trie, loadHmm(hmmPath));
const jieba = JiebaClass.withDict(dict);
const texts = makeContext({ seed: 42, quick: false }).gen.experts(0, profiles).flatMap(expertTexts);
const chars = texts.reduce((s, x) => s + x.length, 0);
const ends = new Int32Array(1 << 16);

const han = /[\u3400-\u9fff]/;
function agree(mode: (text: string, ends: Int32Array) => number, hmm: boolean): number {
  let same = 0;
  let shown = 0;
  for (const text of texts) {
    const k = mode(text, ends);
    const mine: string[] = [];
    for (let q = 0, s = 0; q < k; s = ends[q] as number, q++) mine.push(text.slice(s, ends[q]));
    const a = mine.filter((w) => han.test(w));
    const b = jieba.cut(text, hmm).filter((w) => han.test(w));
    if (JSON.stringify(a) === JSON.stringify(b)) same++;
    else if (shown++ < 3) {
      let q = 0;
      while (a[q] === b[q]) q++;
      console.log(`  differs: ${a.slice(q, q + 5).join('|')}  vs jieba ${b.slice(q, q + 5).join('|')}`);
    }
  }
  return same;
}
console.log(`${texts.length} texts, ${(chars / 1e6).toFixed(2)}M chars`);
console.log(`Chinese tokens identical to cut(text, false): ${agree(cut, false)} texts; with the HMM to cut(text, true): ${agree(cutHmm, true)} texts`);
// Interleaved chunk by chunk (10,000 texts each, the order alternating), so that the load of a
// shared machine weighs on all four alike; four passes.
let sink = 0;
const modes: [string, (x: string) => number][] = [
  ['JS route', (x) => cut(x, ends)],
  ['JS route + HMM', (x) => cutHmm(x, ends)],
  ['@node-rs cut(text, false)', (x) => jieba.cut(x, false).length],
  ['@node-rs cut(text, true)', (x) => jieba.cut(x, true).length],
];
for (let r = 0; r < 4; r++) {
  const ms = modes.map(() => 0);
  for (let c = 0; c < texts.length; c += 10_000) {
    const chunk = texts.slice(c, c + 10_000);
    const order = (c / 10_000 + r) % 2 === 0 ? [0, 1, 2, 3] : [3, 2, 1, 0];
    for (const m of order) {
      t = performance.now();
      for (const x of chunk) sink += (modes[m] as [string, (x: string) => number])[1](x);
      ms[m] = (ms[m] as number) + performance.now() - t;
    }
  }
  console.log(modes.map(([name], m) => `${name} ${(ms[m] as number).toFixed(0)} ms`).join(' · '));
}
if (sink < 0) console.log('impossible');
