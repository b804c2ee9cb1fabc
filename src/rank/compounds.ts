import type { Vocabulary } from '../index/vocabulary.js';

function isCjk(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/** Whether `t` is Chinese only, of three or more characters: the terms that can have parts. */
function compoundable(t: string): boolean {
  if (t.length < 3) return false;
  for (let i = 0; i < t.length; i++) if (!isCjk(t.charCodeAt(i))) return false;
  return true;
}

/**
 * Two characters as one small integer (a map key without a new string). Keys of pairs that
 * differ only in the top bit of the first character coincide; the candidates are checked.
 */
function pairKey(t: string, at: number): number {
  return (t.charCodeAt(at) & 0x7fff) * 0x10000 + t.charCodeAt(at + 1);
}

/**
 * The index terms of one vocabulary by the words they are made of (电机 → 永磁同步电机, 异步电机), so
 * that a query word also finds the longer words made with it: jieba keeps 永磁同步电机 whole, and a
 * need that says only 电机 would otherwise share no term with that profile.
 *
 * A word is a part of a term only at one end of it (Analyzer.parts), so the candidates of a word
 * are the terms that start or end with it: the table files every Chinese term of three or more
 * characters under its first and last two characters, and its first and last character (plain
 * string work, brought up to date
 * with the terms added since the last query; a vocabulary only grows, and another vocabulary, a
 * snapshot loaded, starts a new table). Candidates are confirmed by the segmenter on demand, once
 * per term. Nothing is indexed for it: no posting changes and the build pays nothing.
 */
export class CompoundTable {
  private vocab: Vocabulary | undefined;
  private done = 0;
  private byFirst = new Map<number, number[]>();
  private byLast = new Map<number, number[]>();
  /** Confirmed parts of the terms looked at so far, by term id. */
  private parts = new Map<number, readonly string[]>();

  /** `partsOf(terms)`: the words each index term is made of (Analyzer.parts). */
  constructor(private readonly partsOf: (terms: readonly string[]) => readonly (readonly string[])[]) {}

  /** The ids of the vocabulary's terms made with `word` (ascending). */
  compoundsOf(vocab: Vocabulary, word: string): number[] {
    this.sync(vocab);
    if (word.length === 0) return [];
    const all = vocab.all();
    const candidates = new Set<number>();
    for (const id of this.byFirst.get(word.length === 1 ? charKey(word, 0) : pairKey(word, 0)) ?? []) {
      const t = all[id] as string;
      if (t.length > word.length && t.startsWith(word)) candidates.add(id);
    }
    for (const id of this.byLast.get(word.length === 1 ? charKey(word, 0) : pairKey(word, word.length - 2)) ?? []) {
      const t = all[id] as string;
      if (t.length > word.length && t.endsWith(word)) candidates.add(id);
    }
    const unknown = [...candidates].filter((id) => !this.parts.has(id));
    if (unknown.length > 0) {
      const found = this.partsOf(unknown.map((id) => all[id] as string));
      unknown.forEach((id, i) => this.parts.set(id, found[i] ?? []));
    }
    return [...candidates].filter((id) => this.parts.get(id)?.includes(word) === true).sort((a, b) => a - b);
  }

  private sync(vocab: Vocabulary): void {
    if (vocab !== this.vocab) {
      this.vocab = vocab;
      this.done = 0;
      this.byFirst = new Map();
      this.byLast = new Map();
      this.parts = new Map();
    }
    const all = vocab.all();
    for (let id = this.done; id < all.length; id++) {
      const t = all[id] as string;
      if (!compoundable(t)) continue;
      file(this.byFirst, pairKey(t, 0), id);
      file(this.byLast, pairKey(t, t.length - 2), id);
      // A single character can be a part too (不锈钢 → 钢).
      file(this.byFirst, charKey(t, 0), id);
      file(this.byLast, charKey(t, t.length - 1), id);
    }
    this.done = all.length;
  }
}

/** One character as a key that no pair key equals. */
function charKey(t: string, at: number): number {
  return -1 - t.charCodeAt(at);
}

function file(map: Map<number, number[]>, key: number, id: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [id]);
  else list.push(id);
}
