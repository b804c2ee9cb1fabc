import type { Analyzer } from '../text/analyzer.js';
import type { IndustryScore } from '../types.js';
import { INDUSTRY_CODES, type IndustryCode } from './codes.js';

const C = INDUSTRY_CODES.length;

export interface ClassifierOptions {
  /** Report industries whose evidence is at least this share of the best one's. */
  relative: number;
  /** Name no industry unless the best one has at least this much evidence. */
  minEvidence: number;
}

/**
 * Lexicon classifier: every industry term carries a weight (1 suggestive, 2 typical, 3 defining);
 * a text's evidence for an industry is Σ weight × (1 + ln tf) over its distinct tokens. Synonyms
 * share their group's strongest weights, so an English or Traditional-Chinese text classifies
 * like its Simplified equivalent.
 */
export interface Classifier {
  classifyTokens(tokens: readonly string[]): IndustryScore[];
  /** Like `classifyTokens` on field-weighted counts (a title word counts more than a body word). */
  classifyCounts(counts: ReadonlyMap<string, number>): IndustryScore[];
  /**
   * `classifyCounts(weightedCounts(fields, weights))` without building the count map: only the
   * tokens that are industry terms are counted. Same result, bit for bit.
   */
  classifyFields(fields: readonly (readonly string[])[], weights: readonly number[]): IndustryScore[];
  /**
   * `classifyFields` of a record given as term ids, with each id's `termSlot` in `slotOfId`
   * (see TermSlots): no string is hashed. Same result, bit for bit.
   */
  classifyFieldIds(fieldIds: readonly Int32Array[], weights: readonly number[], slotOfId: Int32Array): IndustryScore[];
  /**
   * `industryVector(classifyFieldIds(…))` (taxonomy/vector.ts) without making the scores: the
   * same unit vector over INDUSTRY_CODES, bit for bit. What `addExperts` computes per record.
   * The array is the classifier's own, overwritten by the next call: copy it to keep it.
   */
  vectorOfFieldIds(fieldIds: readonly Int32Array[], weights: readonly number[], slotOfId: Int32Array): Float64Array;
  /** The number of an industry term in this classifier, or -1 for any other term. */
  termSlot(term: string): number;
  /** Evidence per industry (INDUSTRY_CODES order), before thresholds. */
  evidence(counts: ReadonlyMap<string, number>): Float64Array;
}

/** A term's weights × its damped count (1 + ln n for n ≥ 1; n itself below 1). */
function addEvidence(ev: Float64Array, v: Float64Array, n: number): void {
  if (n <= 0) return;
  const damp = n >= 1 ? 1 + Math.log(n) : n;
  for (let c = 0; c < C; c++) ev[c] = (ev[c] as number) + (v[c] as number) * damp;
}

export function buildClassifier(
  analyzer: Analyzer,
  terms: Readonly<Record<IndustryCode, Readonly<Record<string, number>>>>,
  synonyms: ReadonlyMap<string, readonly string[]>,
  opts: ClassifierOptions,
): Classifier {
  const weights = new Map<string, Float64Array>();
  INDUSTRY_CODES.forEach((code, c) => {
    for (const [term, w] of Object.entries(terms[code])) {
      const key = analyzer.termKey(term);
      if (key === null) continue;
      let v = weights.get(key);
      if (!v) {
        v = new Float64Array(C);
        weights.set(key, v);
      }
      v[c] = Math.max(v[c] as number, w);
    }
  });
  // Propagate along synonym groups: each member gets the group's strongest weight per industry.
  const merged = new Map(weights);
  for (const [key, group] of synonyms) {
    let best: Float64Array | undefined;
    for (const g of group) {
      const v = weights.get(g);
      if (!v) continue;
      best ??= new Float64Array(C);
      for (let c = 0; c < C; c++) best[c] = Math.max(best[c] as number, v[c] as number);
    }
    if (best) merged.set(key, best);
  }

  function evidence(counts: ReadonlyMap<string, number>): Float64Array {
    const ev = new Float64Array(C);
    for (const [t, n] of counts) {
      const v = merged.get(t);
      if (v) addEvidence(ev, v, n);
    }
    return ev;
  }

  // classifyFields' counts, one entry per industry term (its number in `slot`), reused from call
  // to call: an entry is live when `stamp` holds the current call's number.
  const slot = new Map<string, number>();
  const termWeights: Float64Array[] = [];
  for (const [t, v] of merged) {
    slot.set(t, termWeights.length);
    termWeights.push(v);
  }
  const stamp = new Int32Array(termWeights.length);
  const count = new Float64Array(termWeights.length);
  const seen = new Int32Array(termWeights.length);
  let call = 0;

  function nextCall(): void {
    if (++call === 0x7fffffff) {
      stamp.fill(0);
      call = 1;
    }
  }

  /** Counts one occurrence of term slot i with weight w; returns the new number of distinct slots. */
  function countSlot(i: number, w: number, n: number): number {
    if (stamp[i] !== call) {
      stamp[i] = call;
      count[i] = 0;
      seen[n++] = i;
    }
    count[i] = (count[i] as number) + w;
    return n;
  }

  function classifyFields(fields: readonly (readonly string[])[], weights: readonly number[]): IndustryScore[] {
    nextCall();
    let n = 0;
    fields.forEach((tokens, f) => {
      const w = weights[f] as number;
      for (const t of tokens) {
        const i = slot.get(t);
        if (i !== undefined) n = countSlot(i, w, n);
      }
    });
    return scoresOfCounted(n);
  }

  function classifyFieldIds(fieldIds: readonly Int32Array[], weights: readonly number[], slotOfId: Int32Array): IndustryScore[] {
    return scoresOfCounted(countFieldIds(fieldIds, weights, slotOfId));
  }

  function countFieldIds(fieldIds: readonly Int32Array[], weights: readonly number[], slotOfId: Int32Array): number {
    nextCall();
    let n = 0;
    for (let f = 0; f < fieldIds.length; f++) {
      const w = weights[f] as number;
      const ids = fieldIds[f] as Int32Array;
      for (let k = 0; k < ids.length; k++) {
        const i = slotOfId[ids[k] as number] as number;
        if (i >= 0) n = countSlot(i, w, n);
      }
    }
    return n;
  }

  function evidenceOfCounted(n: number, ev = new Float64Array(C)): Float64Array {
    // In order of first occurrence, as weightedCounts' map is iterated: the same sums.
    for (let j = 0; j < n; j++) {
      const i = seen[j] as number;
      addEvidence(ev, termWeights[i] as Float64Array, count[i] as number);
    }
    return ev;
  }

  // vectorOfFieldIds' result, reused from call to call.
  const vectorScratch = new Float64Array(C);

  function scoresOfCounted(n: number): IndustryScore[] {
    return fromEvidence(evidenceOfCounted(n));
  }

  /**
   * industryVector(fromEvidence(ev)) in place: the kept industries' shares of their total, then
   * scaled to unit length, summed in the same order (industry order) as those two do.
   */
  function vectorOfEvidence(ev: Float64Array): Float64Array {
    let best = 0;
    for (let c = 0; c < C; c++) best = Math.max(best, ev[c] as number);
    if (best < opts.minEvidence || best === 0) return ev.fill(0);
    const floor = opts.relative * best;
    let total = 0;
    for (let c = 0; c < C; c++) {
      const e = ev[c] as number;
      if (e > 0 && e >= floor) total += e;
    }
    let norm = 0;
    for (let c = 0; c < C; c++) {
      const e = ev[c] as number;
      const share = e > 0 && e >= floor ? e / total : 0;
      ev[c] = share;
      norm += share * share;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let c = 0; c < C; c++) ev[c] = (ev[c] as number) / norm;
    return ev;
  }

  function classifyCounts(counts: ReadonlyMap<string, number>): IndustryScore[] {
    return fromEvidence(evidence(counts));
  }

  function fromEvidence(ev: Float64Array): IndustryScore[] {
    let best = 0;
    for (let c = 0; c < C; c++) best = Math.max(best, ev[c] as number);
    if (best < opts.minEvidence || best === 0) return [];
    const kept: { code: IndustryCode; e: number; c: number }[] = [];
    for (let c = 0; c < C; c++) {
      const e = ev[c] as number;
      if (e > 0 && e >= opts.relative * best) kept.push({ code: INDUSTRY_CODES[c] as IndustryCode, e, c });
    }
    const total = kept.reduce((s, k) => s + k.e, 0);
    return kept
      .sort((a, b) => b.e - a.e || a.c - b.c)
      .map((k) => ({ code: k.code, score: k.e / total }));
  }

  return {
    evidence,
    classifyCounts,
    classifyFields,
    classifyFieldIds,
    vectorOfFieldIds: (fieldIds, weights, slotOfId) => vectorOfEvidence(evidenceOfCounted(countFieldIds(fieldIds, weights, slotOfId), vectorScratch.fill(0))),
    termSlot: (term) => slot.get(term) ?? -1,
    // One field of weight 1: each token counts once, as in a plain count map.
    classifyTokens: (tokens) => classifyFields([tokens], [1]),
  };
}
