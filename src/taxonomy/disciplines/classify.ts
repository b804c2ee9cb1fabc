import type { Analyzer } from '../../text/analyzer.js';
import { BIGRAM_PREFIX } from '../../text/analyzer.js';
import type { Discipline } from './types.js';

/**
 * Evidence of a text for each discipline, from the disciplines' vocabularies: a text's evidence
 * for a discipline is Σ specificity × (1 + ln tf) over the vocabulary terms it contains, where a
 * term's specificity is ln(1 + D / the number of disciplines that list it).
 */
export interface DisciplineClassifier {
  /** Number of disciplines (the length of an evidence vector). */
  readonly size: number;
  /** Evidence per discipline of field-weighted tokens. */
  evidenceOfFields(fields: readonly (readonly string[])[], weights: readonly number[]): Float64Array;
  /**
   * `evidenceOfFields` of a record given as term ids, with each id's `termSlot` in `slotOfId`
   * and the terms by id in `terms`. Same result, bit for bit.
   */
  evidenceOfIds(fieldIds: readonly Int32Array[], weights: readonly number[], slotOfId: Int32Array, terms: readonly string[]): Float64Array;
  /** The number of what this token finds (the terms it contains or starts), or -1 when nothing. */
  termSlot(token: string): number;
}

/** What one token finds: the terms it contains, and the terms of several tokens it starts (their other tokens). */
interface Entry {
  contained: number[];
  phrases: { rest: readonly string[]; term: number }[];
}

export function buildDisciplineClassifier(analyzer: Analyzer, disciplines: readonly Discipline[]): DisciplineClassifier {
  const D = disciplines.length;
  // Each distinct term is one entry, listed by the disciplines that have it. A term is found in
  // a text where one token contains it (永磁同步电机 holds 电机) or where the tokens it analyses to
  // follow each other (晶界偏析 → 晶界 偏析, when the segmenter splits it in context too).
  const termOf = new Map<string, number>();
  const listedBy: number[][] = [];
  const phrasesOf = new Map<string, { rest: readonly string[]; term: number }[]>();
  let longest = 0;
  disciplines.forEach((d, di) => {
    for (const raw of d.terms) {
      const form = analyzer.normalize(raw);
      const tokens = analyzer.analyze(raw).filter((t) => !t.startsWith(BIGRAM_PREFIX));
      if (tokens.length === 0 || form.length < 2) continue;
      let t = termOf.get(form);
      if (t === undefined) {
        t = listedBy.length;
        termOf.set(form, t);
        listedBy.push([]);
        longest = Math.max(longest, form.length);
        if (tokens.length > 1 || tokens[0] !== form) {
          const head = tokens[0] as string;
          const list = phrasesOf.get(head) ?? [];
          list.push({ rest: tokens.slice(1), term: t });
          phrasesOf.set(head, list);
        }
      }
      const list = listedBy[t] as number[];
      if (!list.includes(di)) list.push(di);
    }
  });
  // Per token (slot): the terms it contains and the phrases it starts, longest phrase first.
  const entries: Entry[] = [];
  const slotOf = new Map<string, number>();
  const slotOfToken = (token: string): number => {
    const known = slotOf.get(token);
    if (known !== undefined) return known;
    const contained: number[] = [];
    for (let i = 0; i < token.length; i++) {
      for (let j = i + 2; j <= Math.min(token.length, i + longest); j++) {
        const t = termOf.get(token.slice(i, j));
        if (t !== undefined && !contained.includes(t)) contained.push(t);
      }
    }
    const phrases = (phrasesOf.get(token) ?? []).slice().sort((a, b) => b.rest.length - a.rest.length);
    let s = -1;
    if (contained.length > 0 || phrases.length > 0) {
      s = entries.length;
      entries.push({ contained, phrases });
    }
    slotOf.set(token, s);
    return s;
  };
  const specificity = Float64Array.from(listedBy, (l) => Math.log(1 + D / l.length));
  const T = listedBy.length;
  const count = new Float64Array(T);
  const stamp = new Int32Array(T);
  const seen = new Int32Array(T);
  let call = 0;
  let n = 0;

  function begin(): void {
    if (++call === 0x7fffffff) {
      stamp.fill(0);
      call = 1;
    }
    n = 0;
  }

  function countTerm(t: number, w: number): void {
    if (stamp[t] !== call) {
      stamp[t] = call;
      count[t] = 0;
      seen[n++] = t;
    }
    count[t] = (count[t] as number) + w;
  }

  /** Counts the terms found at position k of a field of `len` tokens; `at(j)` reads token j. */
  function countAt(s: number, k: number, len: number, w: number, at: (j: number) => string): void {
    const e = entries[s] as Entry;
    for (const t of e.contained) countTerm(t, w);
    for (const p of e.phrases) {
      const m = p.rest.length;
      if (k + m >= len) continue;
      let ok = true;
      for (let j = 0; j < m && ok; j++) ok = at(k + 1 + j) === p.rest[j];
      if (ok) {
        countTerm(p.term, w);
        return;
      }
    }
  }

  function evidence(): Float64Array {
    const ev = new Float64Array(D);
    for (let j = 0; j < n; j++) {
      const t = seen[j] as number;
      const c = count[t] as number;
      const v = (specificity[t] as number) * (c >= 1 ? 1 + Math.log(c) : c);
      for (const d of listedBy[t] as number[]) ev[d] = (ev[d] as number) + v;
    }
    return ev;
  }

  return {
    size: D,
    termSlot: slotOfToken,
    evidenceOfFields(fields, weights) {
      begin();
      fields.forEach((tokens, f) => {
        const w = weights[f] as number;
        const at = (j: number): string => tokens[j] as string;
        for (let k = 0; k < tokens.length; k++) {
          const s = slotOfToken(tokens[k] as string);
          if (s >= 0) countAt(s, k, tokens.length, w, at);
        }
      });
      return evidence();
    },
    evidenceOfIds(fieldIds, weights, slotOfId, terms) {
      begin();
      for (let f = 0; f < fieldIds.length; f++) {
        const w = weights[f] as number;
        const ids = fieldIds[f] as Int32Array;
        const at = (j: number): string => terms[ids[j] as number] as string;
        for (let k = 0; k < ids.length; k++) {
          const s = slotOfId[ids[k] as number] as number;
          if (s >= 0) countAt(s, k, ids.length, w, at);
        }
      }
      return evidence();
    },
  };
}
