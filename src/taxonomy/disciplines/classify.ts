import type { Analyzer } from '../../text/analyzer.js';
import { BIGRAM_PREFIX } from '../../text/analyzer.js';
import { type DisciplineEvidence, NO_EVIDENCE } from '../row.js';
import type { Discipline } from './types.js';

/**
 * Evidence of a text for each discipline, from the disciplines' vocabularies: a text's evidence
 * for a discipline is Σ specificity × (1 + ln tf) over the vocabulary terms it contains, where a
 * term's specificity is ln(1 + D / the number of disciplines that list it).
 */
export interface DisciplineClassifier {
  /**
   * Evidence per discipline of a record's tokens, field by field (every occurrence counts once,
   * in any field; phrases do not run across fields). Its arrays are reused by the next call.
   */
  evidenceOfFields(fields: readonly (readonly string[])[]): DisciplineEvidence;
  /**
   * `evidenceOfFields` of a record given as term ids, with each id's `termSlot` in `slotOfId`
   * and the terms by id in `terms`. Same result, bit for bit.
   */
  evidenceOfIds(fieldIds: readonly Int32Array[], slotOfId: Int32Array, terms: readonly string[]): DisciplineEvidence;
  /** The number of what this token finds (the terms it contains or starts), or -1 when nothing. */
  termSlot(token: string): number;
}

const NOTHING_LIMIT = 1 << 17;
const BIGRAM_CODE = BIGRAM_PREFIX.charCodeAt(0);

/** Whether the code unit at i is an ASCII letter or digit (false outside the string). */
function isWordChar(s: string, i: number): boolean {
  const c = s.charCodeAt(i); // NaN outside
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Whether a Chinese term analyses to a single word that is only a part of it. */
function reducedToPart(form: string, tokens: readonly string[]): boolean {
  const t = tokens[0] as string;
  return tokens.length === 1 && t !== form && CJK.test(form) && form.includes(t);
}
const CJK = /[\u3400-\u9fff]/;

/** Finds nothing: for a matcher whose score has no discipline part. */
export const NO_DISCIPLINES: DisciplineClassifier = Object.freeze({
  evidenceOfFields: () => NO_EVIDENCE,
  evidenceOfIds: () => NO_EVIDENCE,
  termSlot: () => -1,
});

/**
 * `synonyms`: index form → the index forms of its glossary group (synonymClasses); a token also
 * finds the one-token terms of its group, so an English or Taiwan word counts for the discipline
 * of its Chinese synonym (lubric → 润滑), as it does for industries.
 */
export function buildDisciplineClassifier(
  analyzer: Analyzer,
  disciplines: readonly Discipline[],
  synonyms: ReadonlyMap<string, readonly string[]> = new Map(),
): DisciplineClassifier {
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
      // A term the analysis reduces to one shorter word, its other words being stopwords
      // (社会支持 → 社会, 国际关系 → 国际, 技术进步 → 进步), would be found wherever that word is:
      // 1,821 of the 11,604 terms did so, and made generic words evidence (the vocabularies' first
      // discipline was a paper's own for 33.1% of CSL dev abstracts with them, 36.7% without).
      if (reducedToPart(form, tokens)) continue;
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
  // Per token (slot): the terms it contains (cFlat[cStart[s]..cEnd[s]]) and the phrases it
  // starts (pRest / pTerm [pStart[s]..pEnd[s]], longest first), in flat arrays for the hot loop.
  const cStart: number[] = [];
  const cEnd: number[] = [];
  const cFlat: number[] = [];
  const pStart: number[] = [];
  const pEnd: number[] = [];
  const pRest: (readonly string[])[] = [];
  const pTerm: number[] = [];
  const slotOf = new Map<string, number>();
  /** The slot of a token, made when it finds something; -1 when it finds nothing. */
  const computeSlot = (token: string): number => {
    // Character pairs (option charBigrams) are not words: the words they come from count.
    if (token.charCodeAt(0) === BIGRAM_CODE) return -1;
    const known = slotOf.get(token);
    if (known !== undefined) return known;
    const contained: number[] = [];
    for (let i = 0; i + 2 <= token.length; i++) {
      // A term that starts or ends with a Latin letter or digit is a word: it is found only
      // between word boundaries (dic, an acronym of 力学, is not in medicine).
      if (isWordChar(token, i) && isWordChar(token, i - 1)) continue;
      for (let j = i + 2; j <= Math.min(token.length, i + longest); j++) {
        if (isWordChar(token, j - 1) && isWordChar(token, j)) continue;
        const t = termOf.get(token.slice(i, j));
        if (t !== undefined && !contained.includes(t)) contained.push(t);
      }
    }
    for (const g of synonyms.get(token) ?? []) {
      const t = g === token ? undefined : termOf.get(g);
      if (t !== undefined && !contained.includes(t)) contained.push(t);
    }
    const phrases = phrasesOf.get(token);
    if (contained.length === 0 && phrases === undefined) return -1;
    const s = cStart.length;
    cStart.push(cFlat.length);
    cFlat.push(...contained);
    cEnd.push(cFlat.length);
    pStart.push(pTerm.length);
    for (const p of (phrases ?? []).slice().sort((a, b) => b.rest.length - a.rest.length)) {
      pRest.push(p.rest);
      pTerm.push(p.term);
    }
    pEnd.push(pTerm.length);
    slotOf.set(token, s);
    return s;
  };
  // Tokens that find nothing, remembered for the string path (queries, worker threads) up to
  // NOTHING_LIMIT of them (then forgotten, so that endless distinct query words cannot grow it);
  // the term-id path remembers slots by id (TermSlots) and asks once per vocabulary term.
  const nothing = new Set<string>();
  const slotOfToken = (token: string): number => {
    if (token.charCodeAt(0) === BIGRAM_CODE || nothing.has(token)) return -1;
    const s = computeSlot(token);
    if (s < 0) {
      if (nothing.size >= NOTHING_LIMIT) nothing.clear();
      nothing.add(token);
    }
    return s;
  };
  const specificity = Float64Array.from(listedBy, (l) => Math.log(1 + D / l.length));
  const T = listedBy.length;
  const count = new Float64Array(T);
  const stamp = new Int32Array(T);
  const seen = new Int32Array(T);
  let call = 0;
  // The evidence is reused from call to call: only the disciplines a call touched are cleared
  // by the next.
  const values = new Float64Array(D);
  const touched = new Int32Array(D);
  const result = { values, touched, count: 0 };

  /** Starts a call: a new stamp, the last call's disciplines cleared. */
  function begin(): number {
    if (++call === 0x7fffffff) {
      stamp.fill(0);
      call = 1;
    }
    for (let j = 0; j < result.count; j++) values[touched[j] as number] = 0;
    result.count = 0;
    return call;
  }

  /** Counts term t once more in call c; returns the new number of distinct terms. */
  function countTerm(t: number, c: number, n: number): number {
    if (stamp[t] !== c) {
      stamp[t] = c;
      count[t] = 1;
      seen[n] = t;
      return n + 1;
    }
    count[t] = (count[t] as number) + 1;
    return n;
  }

  // The field a call is reading: its tokens as strings, or as ids into `viewTerms` (one
  // object for every call, so that no closure is made per field).
  const NO_TERMS: readonly string[] = [];
  const view = { tokens: null as readonly string[] | null, ids: new Int32Array(0) as Int32Array, terms: NO_TERMS };
  const tokenAt = (j: number): string => (view.tokens !== null ? view.tokens[j] : view.terms[view.ids[j] as number]) as string;

  /**
   * Counts what the token at position k of the current field (`view`, `len` tokens) finds
   * (slot s): the terms it contains, and the longest phrase it starts (phrases are rare).
   */
  function countToken(s: number, k: number, len: number, c: number, n: number): number {
    for (let j = cStart[s] as number, end = cEnd[s] as number; j < end; j++) n = countTerm(cFlat[j] as number, c, n);
    for (let q = pStart[s] as number, end = pEnd[s] as number; q < end; q++) {
      const rest = pRest[q] as readonly string[];
      const m = rest.length;
      if (k + m >= len) continue;
      let ok = true;
      for (let j = 0; j < m && ok; j++) ok = tokenAt(k + 1 + j) === rest[j];
      if (ok) return countTerm(pTerm[q] as number, c, n);
    }
    return n;
  }

  function evidence(n: number): DisciplineEvidence {
    let nTouched = 0;
    for (let j = 0; j < n; j++) {
      const t = seen[j] as number;
      const v = (specificity[t] as number) * (1 + Math.log(count[t] as number));
      const list = listedBy[t] as number[];
      for (let k = 0; k < list.length; k++) {
        const d = list[k] as number;
        if (values[d] === 0) touched[nTouched++] = d;
        values[d] = (values[d] as number) + v;
      }
    }
    result.count = nTouched;
    return result;
  }

  return {
    termSlot: computeSlot,
    evidenceOfFields(fields) {
      const c = begin();
      let n = 0;
      for (const tokens of fields) {
        view.tokens = tokens;
        for (let k = 0; k < tokens.length; k++) {
          const s = slotOfToken(tokens[k] as string);
          if (s >= 0) n = countToken(s, k, tokens.length, c, n);
        }
      }
      view.tokens = null;
      return evidence(n);
    },
    evidenceOfIds(fieldIds, slotOfId, terms) {
      const c = begin();
      let n = 0;
      view.tokens = null;
      view.terms = terms;
      for (const ids of fieldIds) {
        view.ids = ids;
        for (let k = 0; k < ids.length; k++) {
          const s = slotOfId[ids[k] as number] as number;
          if (s >= 0) n = countToken(s, k, ids.length, c, n);
        }
      }
      view.terms = NO_TERMS;
      return evidence(n);
    },
  };
}
