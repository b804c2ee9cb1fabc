/**
 * Seeded randomness for the benchmark generator: mulberry32 plus a string/number hash to derive
 * one independent stream per record, so record i is the same whatever else was generated.
 * No Math.random anywhere in benchmarks/.
 */

import { mulberry32 as seedRandom } from '../src/util/random.js';

export type Rng = () => number;

/** mulberry32 (shared with the library): 32-bit state, period 2^32, plenty for picking phrases. Returns [0, 1). */
export const mulberry32: (seed: number) => Rng = seedRandom;

/** 32-bit hash of a seed and some parts (FNV-1a over their text, then an avalanche). */
export function hashSeed(seed: number, ...parts: (string | number)[]): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (const p of parts) {
    const s = String(p);
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

export function rngFor(seed: number, ...parts: (string | number)[]): Rng {
  return mulberry32(hashSeed(seed, ...parts));
}

export function intBetween(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[Math.floor(rng() * items.length)] as T;
}

/** Picks an index by weight. */
export function pickWeighted(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let r = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] as number;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** Seeded Fisher–Yates shuffle (a copy). */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = out[i] as T;
    out[i] = out[j] as T;
    out[j] = t;
  }
  return out;
}

/**
 * Zipf-distributed ranks over n items (P(rank r) ∝ 1/(r+1)^s) by inverse CDF on a precomputed
 * table: O(log n) per draw.
 */
export class Zipf {
  private readonly cdf: Float64Array;
  constructor(
    readonly n: number,
    readonly s = 1,
  ) {
    if (n <= 0) throw new Error('Zipf over an empty range');
    this.cdf = new Float64Array(n);
    let acc = 0;
    for (let r = 0; r < n; r++) {
      acc += 1 / Math.pow(r + 1, s);
      this.cdf[r] = acc;
    }
    for (let r = 0; r < n; r++) this.cdf[r] = (this.cdf[r] as number) / acc;
  }
  draw(rng: Rng): number {
    const u = rng();
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cdf[mid] as number) < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * Zipf over a huge range without a table (approximate, continuous inverse for s = 1):
 * rank = floor(n^u) - 1. Used for the long tail of rare codes.
 */
export function zipfHuge(rng: Rng, n: number): number {
  return Math.min(n - 1, Math.floor(Math.pow(n, rng())) - 1);
}
