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
  /** Evidence per industry (INDUSTRY_CODES order), before thresholds. */
  evidence(counts: ReadonlyMap<string, number>): Float64Array;
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
      if (!v || n <= 0) continue;
      const damp = n >= 1 ? 1 + Math.log(n) : n;
      for (let c = 0; c < C; c++) ev[c] = (ev[c] as number) + (v[c] as number) * damp;
    }
    return ev;
  }

  function classifyCounts(counts: ReadonlyMap<string, number>): IndustryScore[] {
    {
      const ev = evidence(counts);
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
  }

  return {
    evidence,
    classifyCounts,
    classifyTokens(tokens) {
      const counts = new Map<string, number>();
      for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
      return classifyCounts(counts);
    },
  };
}
