/**
 * jieba's HMM segmentation of a run of characters that the dictionary left as single characters
 * (finalseg): Chinese stretches go through Viterbi over the states B(egin), E(nd), M(iddle),
 * S(ingle); other stretches are split into ASCII words and numbers (12.5%) and what lies between.
 * Ties break as jieba-rs breaks them (the later state wins).
 */
const STATES = 4;
const B = 0;
const E = 1;
const M = 2;
const S = 3;
/** Largest Viterbi buffers kept between calls (entries). */
const RETAINED_STATES = STATES << 16;
/** jieba's MIN_FLOAT: the log probability of an emission the model lacks. */
const MIN_FLOAT = -3.14e100;

export interface HmmModel {
  readonly start: Float64Array;
  /** 4 × 4, from × to. */
  readonly trans: Float64Array;
  /** Emission log probability by UTF-16 code unit × state. */
  readonly emit: Float64Array;
}

/** Parses the model lines (start, four transition rows, four emission rows; see hmm-model.ts). */
export function parseHmmModel(lines: readonly string[]): HmmModel {
  const nums = (l: string): number[] => l.trim().split(/\s+/).map(Number);
  const start = Float64Array.from(nums(lines[0] ?? ''));
  const trans = Float64Array.from([1, 2, 3, 4].flatMap((i) => nums(lines[i] ?? '')));
  const emit = new Float64Array(0x10000 * STATES).fill(MIN_FLOAT);
  for (let st = 0; st < STATES; st++) {
    const row = lines[5 + st] ?? '';
    let p = 0;
    while (p < row.length) {
      const comma = row.indexOf(',', p + 2);
      const end = comma < 0 ? row.length : comma;
      // "c:-7.25": the character is one code unit, then a colon.
      emit[row.charCodeAt(p) * STATES + st] = Number(row.slice(p + 2, end));
      p = end + 1;
    }
  }
  if (start.length !== STATES || trans.length !== STATES * STATES) throw new Error('malformed jieba HMM model');
  return { start, trans, emit };
}

/** The Chinese characters jieba's HMM handles (finalseg's re_han). */
function isHmmHan(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fd5;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** One HMM segmenter: the model and its reusable Viterbi buffers (one text at a time). */
export class HmmCutter {
  private v = new Float64Array(64 * STATES);
  private back = new Int8Array(64 * STATES);

  constructor(private readonly model: HmmModel) {}

  /** Writes the token ends of text[from, to) to `ends` from index n; returns the new count. */
  cut(text: string, from: number, to: number, ends: Int32Array, n: number): number {
    let q = from;
    while (q < to) {
      if (isHmmHan(text.charCodeAt(q))) {
        let r = q + 1;
        while (r < to && isHmmHan(text.charCodeAt(r))) r++;
        n = this.viterbi(text, q, r, ends, n);
        q = r;
        continue;
      }
      // Outside Chinese: ASCII words and numbers are tokens, and so is each stretch between them.
      // jieba-rs's pattern is [a-zA-Z0-9]+(?:.\d+)?%? with an unescaped dot, so Ti-6 and 6-12 are
      // one token each; a surrogate pair is one character for the dot.
      let stop = q + 1;
      while (stop < to && !isHmmHan(text.charCodeAt(stop))) stop++;
      let r = q;
      while (r < stop) {
        if (!isAsciiAlnum(text.charCodeAt(r))) {
          r++;
          continue;
        }
        if (r > q) ends[n++] = r;
        let z = r + 1;
        while (z < stop && isAsciiAlnum(text.charCodeAt(z))) z++;
        const dot = z < stop && isHighSurrogate(text.charCodeAt(z)) ? 2 : 1;
        if (z + dot < stop && text.charCodeAt(z) !== 0x0a && isDigit(text.charCodeAt(z + dot))) {
          z += dot + 1;
          while (z < stop && isDigit(text.charCodeAt(z))) z++;
        }
        if (z < stop && text.charCodeAt(z) === 0x25) z++;
        ends[n++] = z;
        q = r = z;
      }
      if (stop > q) ends[n++] = stop;
      q = stop;
    }
    return n;
  }

  private viterbi(text: string, from: number, to: number, ends: Int32Array, n: number): number {
    const T = to - from;
    if (this.v.length < T * STATES) {
      this.v = new Float64Array(2 * T * STATES);
      this.back = new Int8Array(2 * T * STATES);
    }
    const { v, back } = this;
    const { start, trans, emit } = this.model;
    let e = text.charCodeAt(from) * STATES;
    for (let st = 0; st < STATES; st++) v[st] = (start[st] as number) + (emit[e + st] as number);
    // trans[from * 4 + to]
    const tEB = trans[E * 4 + B] as number, tSB = trans[S * 4 + B] as number;
    const tBE = trans[B * 4 + E] as number, tME = trans[M * 4 + E] as number;
    const tMM = trans[M * 4 + M] as number, tBM = trans[B * 4 + M] as number;
    const tSS = trans[S * 4 + S] as number, tES = trans[E * 4 + S] as number;
    for (let t = 1; t < T; t++) {
      const p = (t - 1) * STATES;
      const c = t * STATES;
      e = text.charCodeAt(from + t) * STATES;
      const vB = v[p + B] as number, vE = v[p + E] as number, vM = v[p + M] as number, vS = v[p + S] as number;
      // Each state from its two possible predecessors; on a tie the later state wins.
      let em = emit[e + B] as number;
      let a = vE + tEB + em, b = vS + tSB + em;
      if (b >= a) { v[c + B] = b; back[c + B] = S; } else { v[c + B] = a; back[c + B] = E; }
      em = emit[e + E] as number;
      a = vB + tBE + em; b = vM + tME + em;
      if (b >= a) { v[c + E] = b; back[c + E] = M; } else { v[c + E] = a; back[c + E] = B; }
      em = emit[e + M] as number;
      a = vB + tBM + em; b = vM + tMM + em;
      if (b >= a) { v[c + M] = b; back[c + M] = M; } else { v[c + M] = a; back[c + M] = B; }
      em = emit[e + S] as number;
      a = vE + tES + em; b = vS + tSS + em;
      if (b >= a) { v[c + S] = b; back[c + S] = S; } else { v[c + S] = a; back[c + S] = E; }
    }
    const last = (T - 1) * STATES;
    let st = (v[last + E] as number) > (v[last + S] as number) ? E : S;
    // Walk back, writing the states into back's column 0 of each step (read once, then free).
    for (let t = T - 1; t >= 0; t--) {
      const prev = back[t * STATES + st] as number;
      back[t * STATES] = st;
      st = prev;
    }
    let next = 0;
    for (let t = 0; t < T; t++) {
      const s = back[t * STATES] as number;
      if (s === E || s === S) {
        ends[n++] = from + t + 1;
        next = t + 1;
      }
    }
    if (next < T) ends[n++] = to;
    // Buffers grown for an exceptionally long run are not kept.
    if (this.v.length > RETAINED_STATES) {
      this.v = new Float64Array(64 * STATES);
      this.back = new Int8Array(64 * STATES);
    }
    return n;
  }
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
