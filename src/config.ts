import { z } from 'zod';
import { parseOrThrow } from './parse.js';
import { SEGMENTER_BACKENDS } from './text/segmenter.js';

const term = z.string().min(1).max(100);

/** Options that never change a result (see `runtimeOptionsSchema`), without their defaults. */
const runtime = {
  parallelSearch: z.union([
    z.boolean(),
    z.strictObject({
      fromSlots: z.number().int().min(0).max(1e9).default(65_536),
      chunk: z.number().int().min(16).max(1 << 24).optional(),
    }),
  ]),
  cacheChars: z.number().int().min(0).max(1e9),
  queryCacheSize: z.number().int().min(0).max(1e6),
};

/** Matcher options: everything here is plain data, stored in snapshots. */
export const matcherOptionsSchema = z.strictObject({
  /**
   * Segmentation backend: 'js' (default; jieba's algorithm, dictionary and HMM in plain
   * JavaScript, the same cuts as @node-rs/jieba at about twice its speed), 'node-rs'
   * (@node-rs/jieba's native code) or 'nodejieba' (optional dependency).
   */
  segmenter: z.enum(SEGMENTER_BACKENDS).default('js'),
  /** Extra words the segmenter must keep whole. */
  dictionary: z.array(term).max(100_000).default([]),
  /** Extra stopwords. */
  stopwords: z.array(term).max(100_000).default([]),
  /** Extra synonym groups, e.g. [['湘莲', 'xianglian lotus seed']]. */
  synonyms: z.array(z.array(term).min(2).max(50)).max(100_000).default([]),
  /**
   * The score is textScore × (text + industry × agreement + discipline × disciplineAgreement),
   * textScore ∈ [0, 1) being the normalised BM25F match and each agreement ∈ [0, 1] the
   * cosine of the two sides' industry (discipline) distributions: a perfect industry match adds
   * `industry / text` to the text score, relatively. Disciplines (学科) are found from their
   * vocabularies (src/taxonomy/disciplines), on both sides, for every record.
   */
  weights: z
    .strictObject({
      text: z.number().positive().max(100).default(0.6),
      industry: z.number().min(0).max(100).default(0.4),
      discipline: z.number().min(0).max(100).default(0.3),
    })
    .prefault({}),
  /** Query expansion factors (0 disables). */
  expansion: z
    .strictObject({
      synonym: z.number().min(0).max(1).default(0.8),
      concept: z.number().min(0).max(1).default(0.5),
      /**
       * A query term also finds the longer index words that contain it as a word of their own
       * (电机 → 永磁同步电机), at this factor.
       */
      compound: z.number().min(0).max(1).default(0.2),
    })
    .prefault({}),
  /** BM25 saturation constant. */
  k1: z.number().positive().max(100).default(1.2),
  /** Pseudo-count of background documents in the IDF (see DESIGN.md); 0 uses the corpus alone. */
  idfPrior: z.number().min(0).max(1e7).default(200),
  /** 'jieba' smooths the corpus IDF with jieba's general-corpus IDF; 'none' uses a flat prior. */
  backgroundIdf: z.enum(['jieba', 'none']).default('jieba'),
  /** Minimum share of the best industry's evidence for another industry to be reported. */
  classifyRelative: z.number().min(0).max(1).default(0.3),
  /** Minimum evidence (sum of lexicon weights) for `classify` to name any industry. */
  classifyMinEvidence: z.number().min(0).max(1000).default(2),
  /**
   * How an expert profile's term weights are computed. 'bm25f' (default): saturated term
   * frequencies over the profile's fields, keywords counting most. 'centroid': the profile's
   * own statement and each publication are weighted separately (1 + ln tf, unit length) and
   * averaged, then scaled to unit length, so that every publication has one voice; suits
   * profiles made of many publications (see README, "Profile models").
   */
  profileModel: z.enum(['bm25f', 'centroid']).default('bm25f'),
  /**
   * Also index and search overlapping pairs of Chinese characters (tokens "#温升"), on both
   * sides: robust to words the segmenter splits, at about twice the postings. Pairs take their
   * IDF from the corpus alone (the background table knows no pairs).
   */
  charBigrams: z.boolean().default(false),
  /**
   * The latent part of the score, from embeddings that come with the records (`embedding` on
   * experts and needs, computed by the user's own sentence-embedding model): the best
   * `candidates` matches by text and industry get `weight` × max(0, cosine) added to their
   * score and are re-ordered. The explanation reports it apart (`latent`). 0 (default) is off.
   */
  latent: z
    .strictObject({
      weight: z.number().min(0).max(10).default(0),
      candidates: z.number().int().min(1).max(10_000).default(100),
    })
    .prefault({}),
  /**
   * Split each dense search on the expert side with one worker thread (a laptop's second core):
   * both threads take chunks of the profiles from a shared counter and the results are those of
   * a single thread. `true` does so from 65,536 profiles; `{ fromSlots, chunk }` sets the size
   * from which searches split and the profiles per chunk. Off by default: it starts a thread and
   * keeps a copy of the expert index in shared memory (see README, "Parallel search").
   */
  parallelSearch: runtime.parallelSearch.default(false),
  /** Characters of analysed text kept in the LRU cache; 0 disables. */
  cacheChars: runtime.cacheChars.default(2_000_000),
  /** Query results kept in the LRU cache; 0 disables. */
  queryCacheSize: runtime.queryCacheSize.default(1000),
});

export type MatcherOptions = z.input<typeof matcherOptionsSchema>;

/**
 * Options that never change a result, only how it is computed and cached: a snapshot built
 * elsewhere can be loaded with other values (`loadMatcher(snapshot, resources, runtime)`).
 */
export const runtimeOptionsSchema = z.strictObject({
  parallelSearch: runtime.parallelSearch.optional(),
  cacheChars: runtime.cacheChars.optional(),
  queryCacheSize: runtime.queryCacheSize.optional(),
});
export type RuntimeOptions = z.input<typeof runtimeOptionsSchema>;

/**
 * Options for profiles made of many publications (a team's or a discipline's papers): the
 * centroid profile model, character pairs, and IDF from the corpus alone for words too. On CSL
 * expert finding (dev, 5 folds) it measures Acc@1 0.548 against 0.484 for the defaults, while
 * the fixtures stay level; at 50k generated profiles it costs ~4x the index bytes
 * and ~2–2.5x the build and query time of the defaults (see README, "Profile models").
 */
export const PUBLICATION_PROFILES = Object.freeze({
  profileModel: 'centroid',
  charBigrams: true,
  idfPrior: 0,
  weights: Object.freeze({ discipline: 0.6 }),
} as const satisfies MatcherOptions);
export type ResolvedOptions = z.output<typeof matcherOptionsSchema>;

export function resolveOptions(options: unknown): ResolvedOptions {
  return parseOrThrow(matcherOptionsSchema, options ?? {}, 'matcher options');
}

/** Runtime options (see `runtimeOptionsSchema`), validated. */
export function resolveRuntimeOptions(options: unknown): RuntimeOptions {
  const parsed = parseOrThrow(runtimeOptionsSchema, options ?? {}, 'runtime options');
  // zod keeps absent optional keys absent, but drop undefined values too: they must not
  // override a snapshot's values when spread over them.
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) as RuntimeOptions;
}
