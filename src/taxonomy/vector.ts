import type { IndustryScore } from '../types.js';
import { INDUSTRY_CODES, type IndustryCode } from './codes.js';

/** An industry distribution as a unit-length vector over INDUSTRY_CODES (all zero when unknown). */
export function industryVector(scores: readonly IndustryScore[]): Float64Array {
  const v = new Float64Array(INDUSTRY_CODES.length);
  for (const s of scores) v[INDUSTRY_CODES.indexOf(s.code)] = s.score;
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) / norm;
  return v;
}

export function declaredScores(codes: readonly IndustryCode[]): IndustryScore[] {
  const unique = [...new Set(codes)];
  return unique.map((code) => ({ code, score: 1 / unique.length }));
}

/** Cosine agreement of two unit vectors, and each industry's share of it. */
export function agreement(a: Float64Array, b: Float64Array): { total: number; parts: { code: IndustryCode; weight: number }[] } {
  let total = 0;
  const parts: { code: IndustryCode; weight: number }[] = [];
  for (let i = 0; i < a.length; i++) {
    const p = (a[i] as number) * (b[i] as number);
    if (p > 0) {
      total += p;
      parts.push({ code: INDUSTRY_CODES[i] as IndustryCode, weight: p });
    }
  }
  return { total, parts };
}
