import { z } from 'zod';
import { type MatcherOptions, resolveOptions } from '../config.js';
import { InnomatchError, ValidationError } from '../errors.js';
import { loadBackgroundIdf } from '../index/background-idf.js';
import { createMatcher, type MatcherResources } from '../matcher.js';
import { createSegmenterPool } from '../text/backends/index.js';
import type { ExpertInput, NeedInput } from '../types.js';
import { type Metrics, meanOver, type NeedScore, scoreMatcher, scoreOptions, type TuneData } from './evaluate.js';
import { assignFolds } from './folds.js';
import { DEFAULT_GRID, gridSchema, type GridInput, PARAM_NAMES, paramsKey, paramsOf, type TuneGrid, type TunedParams, withParams } from './params.js';
import { type Qrel, validateQrels } from './qrels.js';
import { coordinateSearch, type SearchTrace } from './search.js';

export type { Metrics, NeedScore } from './evaluate.js';
export type { GridInput, ParamName, TuneGrid, TunedParams } from './params.js';
export { DEFAULT_GRID, PARAM_NAMES } from './params.js';
export type { Qrel } from './qrels.js';
export { readQrels, validateQrels, QREL_COLUMNS } from './qrels.js';
export type { SearchStep, SearchTrace } from './search.js';

export interface TuneInput {
  experts: readonly ExpertInput[];
  needs: readonly NeedInput[];
  /** Judgments `{ needId, expertId, grade }`, grade an integer 0–3; checked like any input. */
  qrels: readonly Qrel[];
  /** Cross-validation folds over the judged needs (default 5). */
  folds?: number;
  /** Seed of the fold assignment (default 1). */
  seed?: number;
  /** Values to try per parameter; parameters left out use `DEFAULT_GRID`. */
  grid?: GridInput;
  /** Maximum passes of the coordinate search (default 3; it stops when a pass changes nothing). */
  passes?: number;
  /** Options to start from (the "before"); the tuned parameters are replaced in the result. */
  base?: MatcherOptions;
  /** Grade that counts as relevant for MRR (default 2, as in `npm run eval`). */
  mrrGrade?: number;
  /**
   * Called after each matcher build with the number of configurations scored so far.
   * `tuneWeights` yields an event-loop turn after each call.
   */
  onProgress?: (configurations: number) => void;
}

export interface FoldTrace {
  fold: number;
  trainNeeds: string[];
  testNeeds: string[];
  /** The search on the training needs. */
  search: SearchTrace;
  heldOut: { before: Metrics; after: Metrics };
}

export interface TuneTrace {
  grid: TuneGrid;
  seed: number;
  /** Needs with at least one positive judgment: the needs scored. */
  judgedNeeds: string[];
  folds: FoldTrace[];
  /** The search on all judged needs, which gives `options`. */
  final: SearchTrace;
  /** Distinct configurations built and scored (each once, whatever the folds). */
  configurations: number;
}

export interface TuneResult {
  /** `base` (default options when absent) on all judged needs. Nothing is fitted, so this is held-out too. */
  before: Metrics;
  /** Held-out: each need scored with the parameters tuned on the folds that do not contain it. */
  after: Metrics;
  /** `options` on all judged needs (in-sample: they were tuned on these needs). */
  fitted: Metrics;
  /** `base` with the tuned parameters: valid for `createMatcher`. */
  options: MatcherOptions;
  trace: TuneTrace;
}

const settingsSchema = z.strictObject({
  folds: z.number().int().min(2).max(100).default(5),
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
  passes: z.number().int().min(1).max(10).default(3),
  mrrGrade: z.number().int().min(1).max(3).default(2),
  grid: gridSchema.optional(),
});

/**
 * Fits the score weights (`weights`, `expansion.synonym`, `expansion.concept`, `k1`, `idfPrior`) to
 * a user's judgments by coordinate-wise grid search maximising mean nDCG@10, and measures the gain
 * by k-fold cross-validation over needs. Each configuration's matcher is built once and scores every
 * need; each fold only averages over its own needs, so no fold sees its held-out judgments.
 * `resources.backgroundIdf` (shared with every matcher built) is used when the base options keep
 * `backgroundIdf: 'jieba'`; it is loaded once here when not given. All matchers built share one
 * segmenter (`resources.segmenters`, or a pool made here).
 */
export async function tuneWeights(input: TuneInput, resources: MatcherResources = {}): Promise<TuneResult> {
  const s = parseSettings(input);
  const baseInput: MatcherOptions = input.base ?? {};
  const base = resolveOptions(baseInput);
  // Every matcher built here has the same segmenter words (only scoring parameters vary): one
  // segmenter serves them all.
  const shared: MatcherResources = {
    segmenters: resources.segmenters ?? createSegmenterPool(),
    ...(base.backgroundIdf === 'jieba' ? { backgroundIdf: resources.backgroundIdf ?? loadBackgroundIdf() } : {}),
  };
  const grid: TuneGrid = { ...DEFAULT_GRID, ...definedOnly(s.grid ?? {}) };
  const start = paramsOf(base);

  const { data, startScores } = prepare(input, withParams(baseInput, start), shared, s.mrrGrade);
  const ids = data.needs.map((n) => n.id).sort();
  if (ids.length < s.folds) {
    throw new InnomatchError(`tuning needs at least ${s.folds} needs with a positive grade (one per fold), got ${ids.length}`);
  }

  const memo = new Map<string, Map<string, NeedScore>>([[paramsKey(start), startScores]]);
  input.onProgress?.(memo.size);
  await nextTurn();
  const scoresOf = async (p: TunedParams): Promise<Map<string, NeedScore>> => {
    const key = paramsKey(p);
    let hit = memo.get(key);
    if (!hit) {
      hit = scoreOptions(withParams(baseInput, p), data, shared);
      memo.set(key, hit);
      input.onProgress?.(memo.size);
      await nextTurn();
    }
    return hit;
  };
  const searchOn = (needs: readonly string[]): Promise<SearchTrace> =>
    coordinateSearch(start, grid, async (p) => meanOver(await scoresOf(p), needs).ndcg10, s.passes);

  const before = await scoresOf(start);
  const heldOut = new Map<string, NeedScore>();
  const folds: FoldTrace[] = [];
  for (const [fold, testNeeds] of assignFolds(ids, s.folds, s.seed).entries()) {
    const test = new Set(testNeeds);
    const trainNeeds = ids.filter((id) => !test.has(id));
    const search = await searchOn(trainNeeds);
    const tuned = await scoresOf(search.params);
    for (const id of testNeeds) heldOut.set(id, tuned.get(id) as NeedScore);
    folds.push({ fold, trainNeeds, testNeeds, search, heldOut: { before: meanOver(before, testNeeds), after: meanOver(tuned, testNeeds) } });
  }
  const final = await searchOn(ids);
  const options = withParams(baseInput, final.params);
  resolveOptions(options); // grid values lie within the options' bounds; this only guards that
  return {
    before: meanOver(before, ids),
    after: meanOver(heldOut, ids),
    fitted: meanOver(await scoresOf(final.params), ids),
    options,
    trace: { grid, seed: s.seed, judgedNeeds: ids, folds, final, configurations: memo.size },
  };
}

/** The first matcher validates the records; the judgments are checked against what it holds. */
function prepare(
  input: TuneInput,
  options: MatcherOptions,
  resources: MatcherResources,
  mrrGrade: number,
): { data: TuneData; startScores: Map<string, NeedScore> } {
  const m = createMatcher(options, resources);
  m.addExperts([...input.experts]);
  m.addNeeds([...input.needs]);
  const qrels = validateQrels(input.qrels, new Set(m.expertIds()), new Set(m.needIds()));
  const data = tuneData(input, qrels, mrrGrade);
  return { data, startScores: scoreMatcher(m, data) };
}

/** Yields an event-loop turn between builds (finalizers and other work run). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function parseSettings(input: TuneInput): z.output<typeof settingsSchema> {
  if (input === null || typeof input !== 'object') {
    throw new ValidationError([{ index: 0, path: '(settings)', message: 'the tuning input must be an object' }], 'tuning settings');
  }
  const picked = { folds: input.folds, seed: input.seed, passes: input.passes, mrrGrade: input.mrrGrade, grid: input.grid };
  const parsed = settingsSchema.safeParse(Object.fromEntries(Object.entries(picked).filter(([, v]) => v !== undefined)));
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((i) => ({ index: 0, path: i.path.map(String).join('.') || '(settings)', message: i.message })),
      'tuning settings',
    );
  }
  return parsed.data;
}

function definedOnly(g: GridInput): Partial<TuneGrid> {
  return Object.fromEntries(PARAM_NAMES.filter((n) => g[n] !== undefined).map((n) => [n, g[n]]));
}

function tuneData(input: TuneInput, qrels: readonly Qrel[], mrrGrade: number): TuneData {
  const judged = new Map<string, Map<string, number>>();
  for (const q of qrels) {
    let m = judged.get(q.needId);
    if (!m) judged.set(q.needId, (m = new Map()));
    m.set(q.expertId, q.grade);
  }
  const positive = (id: string): boolean => [...(judged.get(id)?.values() ?? [])].some((g) => g > 0);
  return { experts: input.experts, needs: input.needs.filter((n) => positive(n.id)), judged, mrrGrade };
}
