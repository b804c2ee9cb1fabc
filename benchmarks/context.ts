/** What every scenario of one child process shares: generator, background IDF, matcher options. */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { type BackgroundIdf, createMatcher, loadBackgroundIdf, type Matcher, type MatcherOptions } from '../src/index.js';
import { createSegmenter } from '../src/text/backends/index.js';
import { ProfileGenerator } from './generate.js';

/**
 * Matcher options of the benchmark. The query-result cache is off so repeated passes measure
 * real work, and the analysis cache is off so the build segments every text, as the raw
 * segmenter it is compared with does (and the memory figures do not include a cache).
 */
export const BENCH_OPTIONS: MatcherOptions = { queryCacheSize: 0, cacheChars: 0 };

export interface BenchContext {
  gen: ProfileGenerator;
  background: BackgroundIdf;
  options: MatcherOptions;
  /** Profiles generated and added per addExperts call (keeps 1M runs streaming). */
  chunk: number;
  quick: boolean;
}

export function makeContext(opts: { seed: number; corpus?: string; quick: boolean }): BenchContext {
  return {
    gen: new ProfileGenerator({ seed: opts.seed, ...(opts.corpus ? { corpus: opts.corpus } : {}) }),
    background: loadBackgroundIdf(),
    options: BENCH_OPTIONS,
    chunk: 10_000,
    quick: opts.quick,
  };
}

export function newMatcher(ctx: BenchContext): Matcher {
  return createMatcher(ctx.options, { backgroundIdf: ctx.background });
}

/** The raw backend, as innomatch's default uses it: `Jieba.withDict(dict).cut(text, true)`. */
export function rawJieba(): { cut(text: string): string[] } {
  const j = Jieba.withDict(dict);
  return { cut: (text) => j.cut(text, true) };
}

/**
 * innomatch's own 'js' backend alone (jieba in JavaScript, the default): its `cut(text)`, making
 * a string per token as @node-rs/jieba does, with jieba's dictionary only (no domain words).
 */
export function rawJsJieba(): { cut(text: string): string[] } {
  return createSegmenter('js', []);
}

/** Top-10 options used by every query scenario. */
export const TOP10 = { topK: 10 } as const;

/** Need indexes: warm-up first, then measured queries, then the batch. Disjoint ranges. */
export const NEED_RANGES = {
  warmup: 0,
  measured: 1_000,
  batch: 10_000,
} as const;
