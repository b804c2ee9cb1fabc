import { LRUCache } from 'lru-cache';
import { type MatcherOptions, type ResolvedOptions, type RuntimeOptions, resolveOptions, resolveRuntimeOptions } from './config.js';
import { InnomatchError, SnapshotError, ValidationError } from './errors.js';
import { type BinaryState, readBinarySnapshot, writeBinarySnapshot } from './snapshot-binary.js';
import { assignEvent, scheduleEvent, suggestStations } from './event/index.js';
import type {
  AssignEventOptions,
  EventAssignment,
  EventSchedule,
  ScheduleEventOptions,
  StationSuggestion,
  SuggestStationsOptions,
} from './event/types.js';
import { type BackgroundIdf, flatBackgroundIdf, loadBackgroundIdf } from './index/background-idf.js';
import { CompoundTable } from './rank/compounds.js';
import { buildQuery, type WeightedQuery } from './rank/query.js';
import { rerankLatent } from './rank/latent.js';
import { impactOf, isSparse, postingCount, type ScoredSlot, type SearchIndex } from './rank/search.js';
import { type PlanIndex, type QueryPlan, runPlan } from './rank/plan.js';
import { MAX_CHUNKS, SplitSearch } from './rank/split.js';
import { centroidBuffers } from './index/centroid.js';
import { type PreparedChunk, prepareChunks, shareIndex, WorkerPool } from './rank/batch.js';
import type { WorkerIndexData } from './rank/search-worker.js';
import { availableParallelism } from 'node:os';
import { IMPACT_SCALE } from './rank/similarity.js';
import {
  EXPERT_FIELDS,
  type FieldSpec,
  expertFieldTokens,
  expertTexts,
  expertUnitTokens,
  NEED_FIELDS,
  needFieldTokens,
  needTexts,
  weightedCounts,
} from './records.js';
import { recordArray, recordAt, type RecordsBySlot, Side } from './side.js';
import type { Classifier } from './taxonomy/classify.js';
import { INDUSTRY_CODES, type IndustryCode } from './taxonomy/codes.js';
import { CONCEPTS } from './taxonomy/concepts.js';
import { type Discipline, DISCIPLINES } from './taxonomy/disciplines/index.js';
import { disciplineAgreement, disciplinesOfRow, INDUSTRY_DIM, ROW_DIM } from './taxonomy/row.js';
import { agreement } from './taxonomy/vector.js';
import type { Analyzer } from './text/analyzer.js';
import { createSegmenter, type SegmenterPool } from './text/backends/index.js';
import { buildExpansionTable, type ExpansionTable, glossaryLabels } from './text/expansion.js';
import type { ExpertInput, ExpertKind, Explanation, ExplanationTerm, IndustryScore, NeedInput, Recommendation } from './types.js';
import { EXPERT_KINDS } from './types.js';
import { checkEmbeddingDimensions, LIMITS, validateExperts, validateNeeds, validateOneExpert, validateOneNeed } from './validate.js';
import { buildSnapshot, type MatcherSnapshot, readSnapshot } from './snapshot.js';
import { type ParsedRecommendOptions, parseIds, parseRecommendOptions, parseSideKind, parseString, parseWorkers } from './query-options.js';
import { analysisFingerprint } from './text/fingerprint.js';
import { buildPipeline, centroidDoc, docScratch, industryVectorOf, type TextPipeline, taxonomyRowOfIds, unpackDocs, type VocabularySlots, vocabularySlots } from './prepare.js';

export interface RecommendExpertsOptions {
  topK?: number;
  kinds?: ExpertKind[];
  industries?: IndustryCode[];
  exclude?: string[];
  minScore?: number;
}

export interface RecommendNeedsOptions {
  topK?: number;
  industries?: IndustryCode[];
  exclude?: string[];
  minScore?: number;
}

/** Heavy read-only resources that several matchers may share (nothing in them is mutable). */
export interface MatcherResources {
  backgroundIdf?: BackgroundIdf;
  /** Segmenters shared between matchers with the same segmenter words (`createSegmenterPool()`). */
  segmenters?: SegmenterPool;
}

export interface Matcher {
  readonly options: ResolvedOptions;
  addExperts(experts: ExpertInput[]): void;
  addNeeds(needs: NeedInput[]): void;
  /**
   * `addExperts` with the text analysis shared between `workers − 1` worker threads and the
   * calling thread (which validates all records first, then indexes the analysed ones in order,
   * analysing chunks itself while it waits for the workers'): the same index as `addExperts`, in
   * less time on several cores. `workers: 1` runs on the calling thread alone. Nothing is added
   * if any record is invalid. Until it resolves, other adds and removes throw; queries see the
   * records added so far.
   */
  addExpertsParallel(experts: ExpertInput[], run?: BatchOptions): Promise<void>;
  addNeedsParallel(needs: NeedInput[], run?: BatchOptions): Promise<void>;
  removeExpert(id: string): boolean;
  removeNeed(id: string): boolean;
  /**
   * Removes many experts at once (ids not in the matcher, or repeated, are skipped) and returns
   * how many were removed. Faster than one call per id from a few dozen on.
   */
  removeExperts(ids: string[]): number;
  removeNeeds(ids: string[]): number;
  recommendExperts(need: NeedInput | string, opts?: RecommendExpertsOptions): Recommendation[];
  recommendNeeds(expert: ExpertInput | string, opts?: RecommendNeedsOptions): Recommendation[];
  /**
   * `recommendExperts` for many needs at once, on worker threads sharing the index in memory.
   * Results are identical to calling `recommendExperts` for each need.
   */
  recommendExpertsBatch(needs: (NeedInput | string)[], opts?: RecommendExpertsOptions, run?: BatchOptions): Promise<Recommendation[][]>;
  /**
   * Industries of a text, best first; [] when no industry fits. A need or expert record may be
   * given instead of text: its fields then count with their weights, as when it is added.
   */
  classify(input: string | NeedInput | ExpertInput): IndustryScore[];
  /** Index tokens of a text, as the matcher sees it. */
  analyze(text: string): string[];
  getExpert(id: string): ExpertInput | undefined;
  getNeed(id: string): NeedInput | undefined;
  expertIds(): string[];
  needIds(): string[];
  /** Industries of an added expert or need: declared, or inferred by `classify`. */
  industriesOf(kind: 'expert' | 'need', id: string): IndustryScore[];
  toJSON(): MatcherSnapshot;
  /**
   * A binary snapshot (typed-array sections, versioned and checksummed). `loadMatcher` reads it
   * without analysing any text again, so it loads much faster than the JSON snapshot.
   */
  toBinary(): Uint8Array;
  /** Sizes of the matcher: records, vocabulary and bytes held by the inverted indexes. */
  stats(): MatcherStats;
  /** Ends the worker threads kept by `recommendExpertsBatch` (idle ones never keep a process alive). */
  close(): Promise<void>;
  /** Who meets whom at a matchmaking event: an exact min-cost-flow assignment under capacities. */
  assign(opts?: AssignEventOptions): EventAssignment;
  /** Time slots for an assignment: nobody in two meetings at once, in the fewest slots. */
  schedule(assignment: EventAssignment, opts?: ScheduleEventOptions): EventSchedule;
  /** Enterprises that repeatedly match the same academician, society or overseas expert. */
  suggestStations(opts?: SuggestStationsOptions): StationSuggestion[];
}

export interface BatchOptions {
  /**
   * Threads to use (default: the machine's available parallelism); 1 runs on this thread. A
   * batch of queries runs on that many worker threads; a parallel add on one fewer, the calling
   * thread analysing records too.
   */
  workers?: number;
}

export interface MatcherStats {
  experts: number;
  needs: number;
  /** Distinct terms in the experts' index. */
  vocabulary: number;
  /** Bytes of postings, document frequencies and liveness, both indexes. */
  indexBytes: number;
  /** indexBytes of the experts' index divided by the number of experts. */
  bytesPerExpert: number;
  /** Searches so far in which the worker thread took a share (option `parallelSearch`). */
  splitSearches: number;
}

/** Profiles from which `parallelSearch: true` splits a search, and the most per chunk. */
const SPLIT_FROM = 65_536;
const SPLIT_CHUNK = 32_768;
/**
 * Chunks the calling thread of a parallel add analyses ahead of their turn while it waits for a
 * worker's. 100k generated profiles in 10 calls, 1 worker + this thread, the worker started by
 * the first call, against addExperts in the same process (this machine is noisy): 0.94 and 0.97
 * of its time with 2, 0.70 and 0.84 with 4, 0.80 and 0.86 with 8 (this thread waited 2.1–3.1 s,
 * 1.3–1.5 s and 1.2 s for the worker).
 */
const PREPARE_AHEAD = 4;
/** Queries on an unchanged expert side before its index is copied for parallel search. */
const SPLIT_AFTER = 3;

export function createMatcher(options?: MatcherOptions, resources: MatcherResources = {}): Matcher {
  const opts = resolveOptions(options);
  return new MatcherImpl(opts, resources);
}

class MatcherImpl implements Matcher {
  private readonly analyzer: Analyzer;
  private readonly classifier: Classifier;
  /** Classifier slots by term id, one pair per side (see addAnalysed). */
  private readonly expertSlots: VocabularySlots;
  private readonly needSlots: VocabularySlots;
  private readonly pipeline: TextPipeline;
  /** Whether a parallel add is in progress (other changes are refused meanwhile). */
  private busy = false;
  private readonly expansions: ExpansionTable;
  /** Index form → glossary word, for explanation labels (see ExplanationTerm.label). */
  private readonly labels: ReadonlyMap<string, string>;
  /** Each side's index terms by the words they are made of (compound expansion, rank/compounds.ts). */
  private readonly compounds: { experts: CompoundTable; needs: CompoundTable };
  private readonly background: BackgroundIdf;
  private readonly experts: Side<ExpertInput>;
  private readonly needs: Side<NeedInput>;
  private readonly queryCache: LRUCache<string, Recommendation[]> | undefined;
  private readonly pool = new WorkerPool();
  /** Scratch of the centroid model's weights (addCentroid). */
  private readonly centroidScratch = centroidBuffers();
  private readonly docScratch = docScratch();
  private shared?: { version: number; data: WorkerIndexData };
  private readonly split = new SplitSearch();
  /** Queries since the expert side last changed (parallel search waits for a few). */
  private splitSeen = { version: -1, queries: 0 };
  private fingerprint?: string;
  /** Length of every embedding in this matcher, set by the first one added. */
  private embeddingDim: number | undefined;

  constructor(
    readonly options: ResolvedOptions,
    resources: MatcherResources,
  ) {
    const pipeline = buildPipeline(options, (words) =>
      resources.segmenters ? resources.segmenters.get(options.segmenter, words) : createSegmenter(options.segmenter, words),
    );
    this.pipeline = pipeline;
    this.analyzer = pipeline.analyzer;
    this.classifier = pipeline.classifier;
    this.expertSlots = vocabularySlots(pipeline);
    this.needSlots = vocabularySlots(pipeline);
    this.expansions = buildExpansionTable(this.analyzer, pipeline.lexicon.synonymGroups, CONCEPTS, options.expansion);
    this.labels = glossaryLabels(this.analyzer, [...pipeline.lexicon.synonymGroups.flat(), ...CONCEPTS.flatMap((c) => [...c.symptoms, ...c.science])]);
    this.background =
      resources.backgroundIdf ?? (options.backgroundIdf === 'jieba' ? loadBackgroundIdf() : flatBackgroundIdf());
    this.experts = new Side<ExpertInput>(EXPERT_FIELDS, options.k1);
    this.needs = new Side<NeedInput>(NEED_FIELDS, options.k1);
    const partsOf = (terms: readonly string[]): string[][] => this.analyzer.parts(terms);
    this.compounds = { experts: new CompoundTable(partsOf), needs: new CompoundTable(partsOf) };
    this.queryCache =
      options.queryCacheSize > 0 ? new LRUCache<string, Recommendation[]>({ max: options.queryCacheSize }) : undefined;
  }

  // ---- adding and removing -------------------------------------------------------------------

  addExperts(experts: ExpertInput[]): void {
    this.idle();
    const valid = validateExperts(experts, (id) => this.experts.has(id));
    this.experts.reserve(valid.length, 'experts');
    this.addValidExperts(valid, checkEmbeddingDimensions(valid, this.embeddingDim, 'experts'));
  }

  /** Adds validated experts, analysed on this thread. */
  private addValidExperts(valid: ExpertInput[], dim: number | undefined): void {
    // Validation returns fresh objects, so the caller cannot change what the matcher holds.
    if (this.options.profileModel === 'centroid') {
      this.addCentroid(valid, valid.map((e) => expertUnitTokens(this.analyzer, e)));
    } else {
      this.addAnalysed(this.experts, this.expertSlots, valid, valid.map((e) => expertFieldTokens(this.analyzer, e)), EXPERT_FIELDS);
    }
    this.embeddingDim = dim;
    this.queryCache?.clear();
  }

  /**
   * Adds experts of the centroid model whose units' tokens are known (all analysed first, as in
   * addAnalysed): interned, weighted and classified from the term ids (`centroidDoc`).
   */
  private addCentroid(records: readonly ExpertInput[], units: readonly string[][][][]): void {
    const vocab = this.experts.index.vocab;
    records.forEach((e, i) => {
      const d = centroidDoc(this.pipeline, e, units[i] as string[][][], vocab, this.expertSlots, this.centroidScratch, this.docScratch);
      this.experts.addImpacts(e, d.termIds, d.imps, d.industry, d.scale);
    });
  }

  /**
   * Adds records whose field tokens are known (all analysed first, so nothing is added if the
   * analysis fails): each record's tokens are interned once, and its industry (declared, or
   * classified) is computed from the term ids (`taxonomyRowOfIds`, as the workers of
   * `addExpertsParallel` do), with one hash per token.
   */
  private addAnalysed<R extends ExpertInput | NeedInput>(
    side: Side<R>,
    slots: VocabularySlots,
    records: readonly R[],
    fields: readonly string[][][],
    specs: readonly FieldSpec[],
  ): void {
    const weights = specs.map((f) => f.queryWeight);
    const vocab = side.index.vocab;
    records.forEach((r, i) => {
      const ids = vocab.internFields(fields[i] as string[][]);
      side.addIds(r, ids, taxonomyRowOfIds(this.pipeline, r, ids, vocab, slots, weights, this.docScratch.row));
    });
  }

  addNeeds(needs: NeedInput[]): void {
    this.idle();
    const valid = validateNeeds(needs, (id) => this.needs.has(id));
    const dim = checkEmbeddingDimensions(valid, this.embeddingDim, 'needs');
    this.needs.reserve(valid.length, 'needs');
    this.addAnalysed(this.needs, this.needSlots, valid, valid.map((n) => needFieldTokens(this.analyzer, n)), NEED_FIELDS);
    this.embeddingDim = dim;
    this.queryCache?.clear();
  }

  removeExpert(id: string): boolean {
    return this.removeExperts([parseString(id, 'id')]) === 1;
  }

  removeNeed(id: string): boolean {
    return this.removeNeeds([parseString(id, 'id')]) === 1;
  }

  removeExperts(ids: string[]): number {
    return this.removeFrom(this.experts, ids);
  }

  removeNeeds(ids: string[]): number {
    return this.removeFrom(this.needs, ids);
  }

  async addExpertsParallel(experts: ExpertInput[], run: BatchOptions = {}): Promise<void> {
    this.idle();
    const valid = validateExperts(experts, (id) => this.experts.has(id));
    const dim = checkEmbeddingDimensions(valid, this.embeddingDim, 'experts');
    this.experts.reserve(valid.length, 'experts');
    if (this.options.profileModel === 'centroid') {
      await this.addPrepared(this.experts, 'experts', valid, run, {
        analyse: (records) => records.map((e) => expertUnitTokens(this.analyzer, e)),
        add: (records, units) => this.addCentroid(records, units),
      });
    } else {
      await this.addPrepared(this.experts, 'experts', valid, run, {
        analyse: (records) => records.map((e) => expertFieldTokens(this.analyzer, e)),
        add: (records, fields) => this.addAnalysed(this.experts, this.expertSlots, records, fields, EXPERT_FIELDS),
      });
    }
    this.embeddingDim = dim;
  }

  async addNeedsParallel(needs: NeedInput[], run: BatchOptions = {}): Promise<void> {
    this.idle();
    const valid = validateNeeds(needs, (id) => this.needs.has(id));
    const dim = checkEmbeddingDimensions(valid, this.embeddingDim, 'needs');
    this.needs.reserve(valid.length, 'needs');
    await this.addPrepared(this.needs, 'needs', valid, run, {
      analyse: (records) => records.map((n) => needFieldTokens(this.analyzer, n)),
      add: (records, fields) => this.addAnalysed(this.needs, this.needSlots, records, fields, NEED_FIELDS),
    });
    this.embeddingDim = dim;
  }

  /**
   * Adds validated records chunk by chunk, strictly in order (so slots and term ids are those of
   * `addExperts`), analysed on `workers − 1` worker threads and on this thread. Workers get
   * chunks once they have warmed up for these options (WorkerPool.ready), at most two in flight
   * each, and the chunks get smaller towards the end (prepareChunks); this thread takes
   * the chunk due when no worker has it, and up to PREPARE_AHEAD chunks ahead while it waits
   * for a worker's. A chunk whose worker fails is analysed here, and so is everything when one
   * thread would do the work. Other adds and removes are refused until it is done.
   */
  private async addPrepared<R extends ExpertInput | NeedInput, T>(
    side: Side<R>,
    kind: 'experts' | 'needs',
    valid: R[],
    run: BatchOptions,
    here: { analyse: (records: readonly R[]) => T[]; add: (records: readonly R[], analysed: readonly T[]) => void },
  ): Promise<void> {
    const workers = parseWorkers(run, availableParallelism()) - 1;
    const chunks = prepareChunks(valid, workers + 1);
    // The jieba backend of nodejieba is process-global native state: it stays on this thread.
    if (workers < 1 || chunks.length < 2 || this.options.segmenter === 'nodejieba') {
      here.add(valid, here.analyse(valid));
      this.queryCache?.clear();
      return;
    }
    this.busy = true;
    const n = chunks.length;
    /** Chunks sent to a worker, until added; `back` marks those whose reply has come. */
    const sent: (Promise<PreparedChunk | null> | undefined)[] = [];
    const back: boolean[] = [];
    /** Chunks analysed here ahead of their turn (while waiting for a worker's). */
    const ahead = new Map<number, T[]>();
    let next = 0;
    let inFlight = 0;
    let open = true; // nothing is sent once this call has ended
    const send = (): void => {
      const depth = 2 * (open ? this.pool.ready(workers, this.options) : 0);
      while (inFlight < depth && next < n) {
        const i = next++;
        inFlight++;
        const reply = this.pool.prepare(this.options, kind, chunks[i] as R[], workers).catch(() => null);
        sent[i] = reply;
        void reply.then(() => {
          back[i] = true;
          inFlight--;
          send();
        });
      }
    };
    const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve)); // lets replies in
    try {
      for (let i = 0; i < n; i++) {
        send();
        const chunk = chunks[i] as R[];
        const reply = sent[i];
        if (reply === undefined) {
          let fields = ahead.get(i);
          if (fields === undefined) {
            next = Math.max(next, i + 1);
            fields = here.analyse(chunk);
          }
          ahead.delete(i);
          here.add(chunk, fields);
          await breathe();
        } else {
          while (back[i] !== true && ahead.size < PREPARE_AHEAD && next < n) {
            const j = next++;
            ahead.set(j, here.analyse(chunks[j] as R[]));
            await breathe();
          }
          const got = await reply;
          delete sent[i];
          // Unpacked here, in chunk order: new terms get the ids addExperts would give them.
          if (got === null) here.add(chunk, here.analyse(chunk));
          else unpackDocs(got.packed, got.mirror, side.index.vocab).forEach((d, j) => side.addImpacts(chunk[j] as R, d.termIds, d.imps, d.industry, d.scale));
        }
        if (chunk.length > 0) this.queryCache?.clear();
      }
    } finally {
      open = false;
      this.busy = false;
    }
  }

  /** Refuses changes while a parallel add is in progress. */
  private idle(): void {
    if (this.busy) throw new InnomatchError('an addExpertsParallel / addNeedsParallel call is in progress: wait for it before changing the matcher');
  }

  private removeFrom<R extends { id: string }>(side: Side<R>, ids: unknown): number {
    this.idle();
    const removed = side.removeMany(parseIds(ids));
    if (removed > 0) this.queryCache?.clear();
    return removed;
  }

  // ---- queries -------------------------------------------------------------------------------

  recommendExperts(need: NeedInput | string, opts: RecommendExpertsOptions = {}): Recommendation[] {
    const o = parseRecommendOptions(opts, true);
    // Validated before the cache is asked, so an invalid record never gets a cached answer.
    const q = typeof need === 'string' ? need : validateOneNeed(need);
    const key = this.queryCache ? `e\u0000${JSON.stringify([q, o])}` : '';
    const hit = this.queryCache?.get(key);
    if (hit) return cloneRecs(hit);
    // A split search is likely: wake its worker now, while this thread analyses the text.
    if (this.shared?.version === this.experts.version && this.split.ready(this.shared.data)) this.split.wake();
    const { fields, industry, embedding, texts } = this.needQuery(q);
    const result = this.rank(this.experts, weightedCounts(fields, NEED_FIELDS), industry, o, embedding, texts);
    this.queryCache?.set(key, result);
    return cloneRecs(result);
  }

  recommendNeeds(expert: ExpertInput | string, opts: RecommendNeedsOptions = {}): Recommendation[] {
    const o = parseRecommendOptions(opts, false);
    const q = typeof expert === 'string' ? expert : validateOneExpert(expert);
    const key = this.queryCache ? `n\u0000${JSON.stringify([q, o])}` : '';
    const hit = this.queryCache?.get(key);
    if (hit) return cloneRecs(hit);
    let fields: string[][];
    let industry: Float64Array;
    let embedding: number[] | undefined;
    let record: ExpertInput;
    if (typeof q === 'string') {
      const slot = this.experts.slotOf(q);
      if (slot === undefined) throw new InnomatchError(`no expert with id "${q}" has been added`);
      const e = this.experts.record(slot);
      record = e;
      fields = expertFieldTokens(this.analyzer, e);
      industry = this.experts.industry(slot);
      embedding = e.embedding;
    } else {
      const e = q;
      record = e;
      checkEmbeddingDimensions([e], this.embeddingDim, 'expert');
      fields = expertFieldTokens(this.analyzer, e);
      industry = industryVectorOf(this.pipeline, e, fields, EXPERT_FIELDS);
      embedding = e.embedding;
    }
    const result = this.rank(this.needs, weightedCounts(fields, EXPERT_FIELDS), industry, o, embedding, () => expertTexts(record));
    this.queryCache?.set(key, result);
    return cloneRecs(result);
  }

  async recommendExpertsBatch(
    needs: (NeedInput | string)[],
    opts: RecommendExpertsOptions = {},
    run: BatchOptions = {},
  ): Promise<Recommendation[][]> {
    if (!Array.isArray(needs)) throw new InnomatchError('needs must be an array of needs or need ids');
    const o = parseRecommendOptions(opts, true);
    const workers = parseWorkers(run, availableParallelism());
    // Everything that can fail (validation, unknown ids) happens before any thread starts.
    const valid = needs.map((need, i) => (typeof need === 'string' ? need : atIndex(i, () => validateOneNeed(need))));
    const planned = valid.map((need) => {
      const { fields, industry, embedding, texts } = this.needQuery(need);
      return { industry, embedding, texts, planned: this.plan(this.experts, weightedCounts(fields, NEED_FIELDS), industry, this.searchOptions(o, embedding)) };
    });
    const plans = planned.flatMap((p) => (p.planned ? [p.planned.plan] : []));
    const side = this.experts;
    const ix = this.planIndex(side);
    let hits: ScoredSlot[][];
    if (workers <= 1 || plans.length < 2 * workers) {
      hits = plans.map((p) => runPlan(ix, p));
    } else {
      hits = await this.pool.run(this.sharedExperts(ix), plans, workers);
    }
    let h = 0;
    return planned.map((p) =>
      p.planned ? this.finish(side, ix, p.planned, p.industry, hits[h++] as ScoredSlot[], o, p.embedding, p.texts) : [],
    );
  }

  /**
   * The expert side's index in shared memory for the worker pool, copied once per change of the
   * side: repeated batches on an unchanged matcher send nothing to the workers.
   */
  private sharedExperts(ix: PlanIndex): WorkerIndexData {
    const side = this.experts;
    if (this.shared?.version === side.version) return this.shared.data;
    const slots = side.index.slotCount;
    const kindCodes = new Uint8Array(slots);
    const tieKeys: string[] = new Array<string>(slots).fill('');
    for (let s = 0; s < slots; s++) {
      if (!side.index.isLive(s)) continue;
      kindCodes[s] = ix.kindOf(s);
      tieKeys[s] = ix.tieKey(s);
    }
    const data = shareIndex({
      segments: [...ix.segments],
      alive: ix.alive,
      ...(ix.scale !== undefined ? { scale: ix.scale } : {}),
      industryRows: ix.industryRows.subarray(0, slots * ROW_DIM),
      kindCodes,
      tieKeys,
    });
    this.shared = { version: side.version, data };
    return data;
  }

  /** A need (added id, or a record already validated) as query fields and industry vector. */
  private needQuery(need: NeedInput | string): { fields: string[][]; industry: Float64Array; embedding: number[] | undefined; texts: () => string[] } {
    if (typeof need === 'string') {
      const slot = this.needs.slotOf(need);
      if (slot === undefined) throw new InnomatchError(`no need with id "${need}" has been added`);
      const n = this.needs.record(slot);
      return { fields: needFieldTokens(this.analyzer, n), industry: this.needs.industry(slot), embedding: n.embedding, texts: () => needTexts(n) };
    }
    const n = need;
    checkEmbeddingDimensions([n], this.embeddingDim, 'need');
    const fields = needFieldTokens(this.analyzer, n);
    return { fields, industry: industryVectorOf(this.pipeline, n, fields, NEED_FIELDS), embedding: n.embedding, texts: () => needTexts(n) };
  }

  classify(input: string | NeedInput | ExpertInput): IndustryScore[] {
    if (typeof input !== 'string') {
      // A record: its fields count with their weights (a title word more than a body word).
      if (input !== null && typeof input === 'object' && 'description' in input && !('name' in input)) {
        const n = validateOneNeed(input);
        return this.classifier.classifyFields(needFieldTokens(this.analyzer, n), NEED_FIELDS.map((f) => f.queryWeight));
      }
      const e = validateOneExpert(input);
      return this.classifier.classifyFields(expertFieldTokens(this.analyzer, e), EXPERT_FIELDS.map((f) => f.queryWeight));
    }
    if (input.length > LIMITS.longText * 10) {
      throw new ValidationError([{ index: 0, path: 'text', message: 'text is too long to classify' }], 'text');
    }
    return this.classifier.classifyTokens(this.analyzer.analyze(input));
  }

  analyze(text: string): string[] {
    return [...this.analyzer.analyze(parseString(text, 'text'))];
  }

  getExpert(id: string): ExpertInput | undefined {
    const slot = this.experts.slotOf(id);
    return slot === undefined ? undefined : structuredClone(this.experts.record(slot));
  }

  getNeed(id: string): NeedInput | undefined {
    const slot = this.needs.slotOf(id);
    return slot === undefined ? undefined : structuredClone(this.needs.record(slot));
  }

  expertIds(): string[] {
    return this.experts.liveIds();
  }

  needIds(): string[] {
    return this.needs.liveIds();
  }

  industriesOf(kind: 'expert' | 'need', id: string): IndustryScore[] {
    const side: Side<{ id: string }> = parseSideKind(kind) === 'expert' ? this.experts : this.needs;
    const slot = side.slotOf(parseString(id, 'id'));
    if (slot === undefined) throw new InnomatchError(`no ${kind} with id "${id}" has been added`);
    const v = side.industry(slot).subarray(0, INDUSTRY_DIM);
    let total = 0;
    for (const x of v) total += x;
    const out: IndustryScore[] = [];
    v.forEach((x, i) => {
      if (x > 0) out.push({ code: INDUSTRY_CODES[i] as IndustryCode, score: x / total });
    });
    return out.sort((a, b) => b.score - a.score);
  }

  toJSON(): MatcherSnapshot {
    return buildSnapshot(this.options, this.experts.liveRecords(), this.needs.liveRecords());
  }

  toBinary(): Uint8Array {
    return writeBinarySnapshot({
      options: this.options,
      analysis: this.analysisFingerprint(),
      experts: this.experts.exportState(),
      needs: this.needs.exportState(),
    });
  }

  /** See src/text/fingerprint.ts; computed once (it analyses every lexicon term). */
  analysisFingerprint(): string {
    this.fingerprint ??= analysisFingerprint(this.pipeline.lexicon, this.analyzer, this.options.charBigrams);
    return this.fingerprint;
  }

  /** Restores both sides from a binary snapshot (used by `loadMatcher`). */
  restore(state: BinaryState): void {
    // The records are validated like added ones (a checksum only proves the bytes are those
    // written, not who wrote them): each side's live records once, ids unique, one embedding
    // length. Nothing is imported unless all of it is valid.
    const expertDim = revalidate(state.experts.records, (r, existing) => validateExperts(r, existing, 'inputs'), undefined);
    const dim = revalidate(state.needs.records, (r, existing) => validateNeeds(r, existing, 'inputs'), expertDim);
    this.experts.importState(state.experts);
    this.needs.importState(state.needs);
    this.embeddingDim = dim;
    this.queryCache?.clear();
  }

  assign(opts?: AssignEventOptions): EventAssignment {
    return assignEvent(this, opts);
  }

  async close(): Promise<void> {
    this.shared = undefined;
    await Promise.all([this.pool.close(), this.split.close()]);
  }

  schedule(assignment: EventAssignment, opts?: ScheduleEventOptions): EventSchedule {
    return scheduleEvent(this, assignment, opts);
  }

  suggestStations(opts?: SuggestStationsOptions): StationSuggestion[] {
    return suggestStations(this, opts);
  }

  stats(): MatcherStats {
    const expertBytes = this.experts.index.indexBytes();
    return {
      experts: this.experts.size,
      needs: this.needs.size,
      vocabulary: this.experts.index.vocab.size,
      indexBytes: expertBytes + this.needs.index.indexBytes(),
      bytesPerExpert: this.experts.size > 0 ? expertBytes / this.experts.size : 0,
      splitSearches: this.split.splits,
    };
  }

  // ---- internals -----------------------------------------------------------------------------

  /** The query as plain data against one side (see rank/plan.ts), or null when nothing can match. */
  private plan<R extends { id: string }>(
    side: Side<R>,
    counts: Map<string, number>,
    industry: Float64Array,
    o: ParsedRecommendOptions,
  ): { plan: QueryPlan; query: WeightedQuery } | null {
    const compounds = (side as object) === this.experts ? this.compounds.experts : this.compounds.needs;
    const query: WeightedQuery = buildQuery(counts, side.index, this.background, this.options.idfPrior, this.expansions, {
      factor: this.options.expansion.compound,
      compoundsOf: (term) => compounds.compoundsOf(side.index.vocab, term),
      partsOf: (term) => this.analyzer.parts([term])[0] ?? [],
    });
    if (query.terms.length === 0 || query.norm <= 0) return null;
    const { text: wText, industry: wInd, discipline: wDisc } = this.options.weights;
    const plan: QueryPlan = {
      terms: query.terms.map((t) => ({ termId: t.termId, units: t.units })),
      textScale: ((wText / query.norm) * query.unit) / IMPACT_SCALE,
      industry: [...industry.subarray(0, INDUSTRY_DIM)],
      industryBoost: wInd / wText,
      disciplines: disciplinesOfRow(industry).flatMap((d) => [d.index, d.weight]),
      disciplineBoost: wDisc / wText,
      // No more results than records: the buffers of the top k are sized by it.
      k: Math.max(1, Math.min(o.topK, side.size)),
      minScore: o.minScore,
    };
    if (o.kinds) plan.kinds = o.kinds.map((k) => EXPERT_KINDS.indexOf(k));
    if (o.exclude) plan.excludeSlots = o.exclude.map((id) => side.slotOf(id)).filter((x): x is number => x !== undefined);
    if (o.industries) plan.industries = o.industries.map((c) => INDUSTRY_CODES.indexOf(c));
    return { plan, query };
  }

  /** The side's index as the plan runner reads it, on this thread. */
  private planIndex<R extends { id: string; kind?: string }>(side: Side<R>): PlanIndex {
    const scale = side.index.scaleView();
    return {
      segments: side.index.segments(),
      alive: side.index.aliveView(),
      ...(scale !== undefined ? { scale } : {}),
      scratch: side.scratch(),
      industryRows: side.industryMatrix(),
      kindOf: (slot) => EXPERT_KINDS.indexOf((side.record(slot).kind ?? 'expert') as ExpertKind),
      tieKey: (slot) => side.idOf(slot),
    };
  }

  private rank<R extends { id: string; kind?: string; embedding?: number[] }>(
    side: Side<R>,
    counts: Map<string, number>,
    industry: Float64Array,
    o: ParsedRecommendOptions,
    embedding: number[] | undefined,
    texts: () => readonly string[],
  ): Recommendation[] {
    const planned = this.plan(side, counts, industry, this.searchOptions(o, embedding));
    if (!planned) return [];
    const ix = this.planIndex(side);
    return this.finish(side, ix, planned, industry, this.search(side, ix, planned.plan), o, embedding, texts);
  }

  /**
   * One search: split with the worker thread (option `parallelSearch`) when it is on, the
   * search is on the expert side, large and dense, and the side has not changed for a few
   * queries (its shared copy is made once per change, so queries interleaved with adds do not
   * pay for copies); otherwise on this thread. The results are the same either way.
   */
  private search<R extends { id: string }>(side: Side<R>, ix: PlanIndex, plan: QueryPlan): ScoredSlot[] {
    const p = this.options.parallelSearch;
    if (p === false || (side as unknown) !== this.experts) return runPlan(ix, plan);
    const slots = ix.alive.length;
    if (slots < (p === true ? SPLIT_FROM : p.fromSlots) || isSparse(postingCount(ix, plan.terms), slots)) return runPlan(ix, plan);
    if (this.splitSeen.version !== side.version) this.splitSeen = { version: side.version, queries: 0 };
    if (++this.splitSeen.queries < SPLIT_AFTER && this.shared?.version !== side.version) return runPlan(ix, plan);
    const data = this.sharedExperts(ix);
    this.split.attach(data);
    if (!this.split.ready(data)) return runPlan(ix, plan);
    const chunk = p === true || p.chunk === undefined ? Math.min(SPLIT_CHUNK, Math.max(4096, Math.ceil(slots / 8))) : p.chunk;
    return this.split.run(ix, plan, Math.max(chunk, Math.ceil(slots / MAX_CHUNKS)));
  }

  /** Whether the latent part applies to a query with this embedding. */
  private latentOn(embedding: number[] | undefined): embedding is number[] {
    return embedding !== undefined && this.options.latent.weight > 0;
  }

  /**
   * What the search looks for: the request itself, or, when the latent part applies, the best
   * `latent.candidates` by text and industry (any score), re-ordered afterwards by `finish`.
   */
  private searchOptions(o: ParsedRecommendOptions, embedding: number[] | undefined): ParsedRecommendOptions {
    if (!this.latentOn(embedding)) return o;
    return { ...o, topK: Math.max(o.topK, this.options.latent.candidates), minScore: 0 };
  }

  /** Search hits as recommendations: the latent part added and re-ordered when it applies, then explained. */
  private finish<R extends { id: string; embedding?: number[] }>(
    side: Side<R>,
    ix: PlanIndex,
    planned: { plan: QueryPlan; query: WeightedQuery },
    industry: Float64Array,
    hits: readonly ScoredSlot[],
    o: ParsedRecommendOptions,
    embedding: number[] | undefined,
    texts: () => readonly string[],
  ): Recommendation[] {
    if (!this.latentOn(embedding)) return this.explain(side, ix, planned.query, planned.plan, industry, hits, texts);
    const ranked = rerankLatent(hits, {
      query: embedding,
      weight: this.options.latent.weight,
      embeddingOf: (slot) => side.record(slot).embedding,
      tieKey: (slot) => side.idOf(slot),
      k: o.topK,
      minScore: o.minScore,
    });
    const recs = this.explain(side, ix, planned.query, planned.plan, industry, ranked.map((r) => r.hit), texts);
    return recs.map((r, i) => {
      const { score, latent } = ranked[i] as { score: number; latent: number };
      return { id: r.id, score, explanation: { ...r.explanation, latent } };
    });
  }

  /**
   * Readable forms of the query's terms (ExplanationTerm.label), by position: the query's own
   * words first, then the glossary's. Only terms with Latin letters can differ from their words;
   * the query's texts are read only when there is one.
   */
  private termLabels(query: WeightedQuery, texts: () => readonly string[]): ({ term?: string; via?: string } | undefined)[] {
    let own: Map<string, string> | undefined;
    const labelOf = (term: string): string | undefined => {
      if (!LATIN.test(term)) return undefined;
      if (own === undefined) {
        own = new Map();
        for (const t of texts()) this.analyzer.surfaceForms(t, own);
      }
      const label = own.get(term) ?? this.labels.get(term);
      return label === term ? undefined : label;
    };
    return query.terms.map((q) => {
      const term = labelOf(q.term);
      const via = q.via !== undefined ? labelOf(q.via) : undefined;
      return term === undefined && via === undefined ? undefined : { ...(term !== undefined ? { term } : {}), ...(via !== undefined ? { via } : {}) };
    });
  }

  /** Recommendations with explanations from the same impacts and weights as the scores. */
  private explain<R extends { id: string }>(
    side: Side<R>,
    view: SearchIndex,
    query: WeightedQuery,
    plan: QueryPlan,
    industry: Float64Array,
    hits: readonly ScoredSlot[],
    texts: () => readonly string[],
  ): Recommendation[] {
    const textScale = plan.textScale / query.unit;
    const shown = this.termLabels(query, texts);
    return hits.map((h) => {
      const docScale = view.scale === undefined ? 1 : (view.scale[h.slot] as number);
      const terms: Recommendation['explanation']['terms'] = [];
      query.terms.forEach((q, i) => {
        const impact = impactOf(view, q.termId, h.slot);
        if (impact === 0) return;
        const t: ExplanationTerm = { term: q.term, weight: textScale * q.weight * docScale * impact };
        if (q.via !== undefined) t.via = q.via;
        const label = shown[i];
        if (label?.term !== undefined) t.label = label.term;
        if (label?.via !== undefined) t.viaLabel = label.via;
        terms.push(t);
      });
      terms.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
      // The industry part is the text score times the boost (industryBoost × cosine).
      const text = plan.textScale * h.text;
      const row = side.industry(h.slot);
      const ind = agreement(industry.subarray(0, INDUSTRY_DIM), row.subarray(0, INDUSTRY_DIM));
      const explanation: Explanation = {
        terms,
        industries: ind.parts
          .map((p) => ({ code: p.code, weight: text * plan.industryBoost * p.weight }))
          .sort((a, b) => b.weight - a.weight),
      };
      if (plan.disciplineBoost > 0) {
        explanation.disciplines = disciplineAgreement(industry, row)
          .parts.map((p) => {
            const d = DISCIPLINES[p.index] as Discipline;
            return { code: d.code, name: d.name, weight: text * plan.disciplineBoost * p.weight };
          })
          .sort((a, b) => b.weight - a.weight);
      }
      return { id: side.idOf(h.slot), score: h.score, explanation };
    });
  }
}

const LATIN = /[a-z]/;

/** Records validated per call of `revalidate`'s check (they are garbage once checked). */
const REVALIDATE_BLOCK = 1024;

/**
 * Validates a snapshot side's live records as added ones are (`validate` keeps the inputs, see
 * `Keep`), a block of them at a time, ids unique over the side, and returns the embedding
 * length of these and the records checked before (`dim`). Throws a ValidationError numbering
 * the live records from 0.
 */
function revalidate<R extends { id: string; embedding?: number[] }>(
  records: RecordsBySlot<R>,
  validate: (batch: R[], existing: (id: string) => boolean) => R[],
  dim: number | undefined,
): number | undefined {
  const seen = new Set<string>();
  for (let from = 0; from < records.length; from += REVALIDATE_BLOCK) {
    const batch: R[] = [];
    for (let slot = from; slot < Math.min(records.length, from + REVALIDATE_BLOCK); slot++) {
      const r = recordAt(records, slot);
      if (r !== null) batch.push(r);
    }
    const offset = seen.size;
    dim = withOffset(offset, () => {
      const valid = validate(batch, (id) => seen.has(id));
      for (const r of valid) seen.add(r.id);
      return checkEmbeddingDimensions(valid, dim, 'records');
    });
  }
  return dim;
}

/** Runs `f`, adding `offset` to the record numbers of a ValidationError it throws. */
function withOffset<T>(offset: number, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ValidationError && offset > 0) throw new ValidationError(e.issues.map((i) => ({ ...i, index: i.index < 0 ? i.index : i.index + offset })), 'records');
    throw e;
  }
}

/** Runs `f`, re-numbering the issues of a ValidationError it throws as those of record `index` of a batch. */
function atIndex<T>(index: number, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ValidationError) throw new ValidationError(e.issues.map((i) => ({ ...i, index })), 'needs');
    throw e;
  }
}

function cloneRecs(recs: Recommendation[]): Recommendation[] {
  return recs.map((r) => ({
    id: r.id,
    score: r.score,
    explanation: {
      terms: r.explanation.terms.map((t) => ({ ...t })),
      industries: r.explanation.industries.map((i) => ({ ...i })),
      ...(r.explanation.disciplines !== undefined ? { disciplines: r.explanation.disciplines.map((d) => ({ ...d })) } : {}),
      ...(r.explanation.latent !== undefined ? { latent: r.explanation.latent } : {}),
    },
  }));
}

export type { FieldSpec };

/**
 * Rebuilds a matcher from `toJSON()` output (an object or its JSON text) or from `toBinary()`
 * output (bytes).
 */
export function loadMatcher(snapshot: unknown, resources: MatcherResources = {}, runtime: RuntimeOptions = {}): Matcher {
  const overrides = resolveRuntimeOptions(runtime);
  if (snapshot instanceof Uint8Array) {
    const state = readBinarySnapshot(snapshot);
    const m = new MatcherImpl(resolveOptions({ ...(state.options as object), ...overrides }), resources);
    if (state.analysis !== m.analysisFingerprint()) {
      // Written by another analysis (another innomatch version, lexicon or segmenter dictionary,
      // or before version 4): its index holds other tokens. Re-analyse its records instead, as a
      // JSON snapshot is: slower, and the results of a fresh build.
      const live = <R>(records: RecordsBySlot<R>): R[] => recordArray(records).filter((r): r is R => r !== null);
      m.addExperts(live(state.experts.records));
      m.addNeeds(live(state.needs.records));
      return m;
    }
    try {
      m.restore(state);
    } catch (cause) {
      throw new SnapshotError(`binary snapshot is inconsistent: ${(cause as Error).message}`, { cause });
    }
    return m;
  }
  const s = readSnapshot(snapshot);
  const m = createMatcher({ ...(s.options as MatcherOptions), ...overrides }, resources);
  m.addExperts(s.experts as ExpertInput[]);
  m.addNeeds(s.needs as NeedInput[]);
  return m;
}
