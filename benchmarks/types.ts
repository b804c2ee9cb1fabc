/** Result shapes written by the child processes and read by the report. */
import type { Percentiles } from './stats.js';

export interface SegmentResult {
  profiles: number;
  texts: number;
  chars: number;
  repeats: number;
  rawMs: number;
  pipelineMs: number;
  rawCharsPerSec: number;
  pipelineCharsPerSec: number;
  /** pipeline throughput / raw throughput (1 = as fast as the raw backend). */
  ratio: number;
  /** innomatch's 'js' segmenter alone (`cut`, strings), interleaved with the two above. */
  rawJsMs: number;
  rawJsCharsPerSec: number;
  /** pipeline throughput / the js segmenter's own throughput. */
  ratioJs: number;
  meanProfileChars: number;
  meanNeedChars: number;
  meanNeedTerms: number;
  meanNeedRawTokens: number;
  meanProfileTerms: number;
  vocabulary: number;
  /** Mean over needs of Σ df(term) / profiles over the need's distinct terms. */
  queryPostingsPerProfile: number;
  /** Mean share of profiles that contain at least one of a need's terms. */
  queryMatchFraction: number;
  /** df of the most frequent term / profiles. */
  maxDfFraction: number;
}

export interface BuildResult {
  repeats: number;
  createMs: number;
  addMs: number;
  firstQueryMs: number;
  /** addExperts + first query (which compiles the postings when that is lazy). */
  buildMs: number;
  segmentOnlyMs: number;
  /** buildMs / segmentOnlyMs. */
  ratio: number;
  /** The 'js' segmenter alone over the same texts, timed beside the raw backend. */
  segmentJsMs: number;
  chars: number;
  /** The same profiles through addExpertsParallel (up to 100k), timed the same way. */
  parallel?: ParallelBuildResult;
}

export interface ParallelBuildResult {
  workers: number;
  /** addExpertsParallel over all chunks, worker start-up included (a fresh process's first call). */
  addMs: number;
  firstQueryMs: number;
  buildMs: number;
  /** The raw segmenter over the same texts, alternating with the chunks as in the main build. */
  segmentOnlyMs: number;
  ratio: number;
  /** Binary snapshot byte for byte equal to the addExperts build's. */
  identical: boolean;
}

export interface MemoryResult {
  method: string;
  /** Heap freed by releasing the matcher, less an empty matcher's (after forced gc). */
  heapDeltaBytes: number;
  /** Heap an empty matcher holds (not per profile). */
  emptyMatcherBytes?: number;
  /** Heap delta around the build (cross-check; includes JIT code and anything else that grew). */
  buildDeltaPerProfile: number;
  totalPerProfile: number;
  recordBytesPerProfile: number;
  /** Heap delta per profile minus the size of the records as parsed from JSON. */
  indexPerProfileEstimate: number;
  /** From `m.stats().indexBytes` when the matcher has it. */
  statsIndexBytes?: number;
  statsIndexPerProfile?: number;
  stats?: unknown;
  heapUsedAfter: number;
  peakHeapUsed: number;
  rss: number;
  heapLimit: number;
}

export interface QueryResult {
  warmup: number;
  queries: number;
  passes: number;
  /** Median over passes of each pass's percentiles (ms). */
  summary: Percentiles;
  /** Per-query median over passes (ms), in query order. */
  perQuery: number[];
  meanResults: number;
  meanDistinctTerms: number;
}

/** Parallel search (`parallelSearch: true`) on a matcher loaded from the built one's binary snapshot. */
export interface SplitResult {
  loadMs: number;
  /** From the first query until the worker took part in a search (index copy + worker start). */
  readyMs: number;
  queries: number;
  passes: number;
  p50: number;
  p99: number;
  /** Whether the single-threaded matcher was timed need by need beside it (singleP50/99). */
  interleaved: boolean;
  singleP50?: number;
  singleP99?: number;
  /** Share of the measured searches in which the worker took part. */
  splitShare: number;
  identical: boolean;
  checked: number;
}

export interface SnapshotResult {
  toJsonMs: number;
  stringifyMs: number;
  bytes: number;
  /** loadMatcher(JSON text) + first query. */
  loadMs: number;
  /** createMatcher + addExperts + first query, from the build scenario. */
  rebuildMs: number;
  speedup: number;
  identical: boolean;
  checked: number;
  binary?: {
    toBinaryMs: number;
    bytes: number;
    loadMs: number;
    speedup: number;
    identical: boolean;
  };
  binaryNote: string;
}

export interface IncrementalResult {
  /** Profiles added, then removed; as many originals removed after. */
  count: number;
  addMs: number;
  /** First query after the adds (brings the postings up to date). */
  addFirstQueryMs: number;
  /** A fresh build of the same profiles (create + addExperts + first query). */
  rebuildMs: number;
  identicalAfterAdd: boolean;
  removeAddedMs: number;
  removeAddedFirstQueryMs: number;
  /** Same results as before the adds. */
  identicalAfterRemoveAdded: boolean;
  /** Originals removed with one removeExperts call (else one removeExpert call each). */
  bulkRemove: boolean;
  removeOriginalMs: number;
  removeOriginalFirstQueryMs: number;
  /** Same results as a fresh build without those profiles. */
  identicalAfterRemoveOriginal: boolean;
  checked: number;
}

export interface BatchResult {
  needs: number;
  available: boolean;
  workers: number;
  sequentialMs: number;
  batchColdMs?: number;
  batchMs?: number;
  identical?: boolean;
  note: string;
}

export interface PeerResult {
  name: string;
  version: string;
  buildMs: number;
  heapPerProfile: number;
  queries: number;
  summary: Percentiles;
  /** innomatch's median over the same queries (ms). */
  innomatchP50: number;
  /** peer p50 / innomatch p50 on the same queries. */
  ratio: number;
  /** innomatch's median on other needs answered right after each peer query (caches cold). */
  innomatchColdP50?: number;
  note?: string;
}

export interface SizeResult {
  n: number;
  build: BuildResult;
  memory: MemoryResult;
  query: QueryResult;
  snapshot?: SnapshotResult;
  incremental?: IncrementalResult;
  split?: SplitResult;
  batch?: BatchResult;
  peers: PeerResult[];
  peerSkipped: string[];
  wallMs: number;
}

export interface ChildFailure {
  task: string;
  n?: number;
  error: string;
}
