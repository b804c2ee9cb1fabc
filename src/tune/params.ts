import { z } from 'zod';
import type { MatcherOptions, ResolvedOptions } from '../config.js';
import { deepFreeze } from '../util/freeze.js';

/**
 * The score parameters that tuning fits, all existing matcher options. Only the ratio of the two
 * score weights matters to a ranking, so they are one parameter: the industry share
 * s = industry / (text + industry) in [0, 1), written back as `weights: { text: 1 − s, industry: s }`;
 * the discipline weight is tuned as its ratio r to the text weight (discipline = r × text).
 */
export interface TunedParams {
  industryShare: number;
  disciplineRatio: number;
  synonym: number;
  concept: number;
  k1: number;
  idfPrior: number;
}

export type ParamName = keyof TunedParams;

/** The order in which coordinate-wise search visits the parameters. */
export const PARAM_NAMES: readonly ParamName[] = ['industryShare', 'disciplineRatio', 'synonym', 'concept', 'k1', 'idfPrior'];

export type TuneGrid = Record<ParamName, readonly number[]>;

export const DEFAULT_GRID: Readonly<TuneGrid> = deepFreeze({
  industryShare: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8],
  disciplineRatio: [0, 0.25, 0.5, 1, 2],
  synonym: [0, 0.2, 0.4, 0.6, 0.8, 1],
  concept: [0, 0.25, 0.5, 0.75, 1],
  k1: [0.6, 0.9, 1.2, 1.6, 2.2, 3],
  idfPrior: [0, 50, 100, 200, 400, 1000],
});

const values = (min: number, max: number) => z.array(z.number().min(min).max(max)).min(1).max(50);

/** A user's grid: any subset of the parameters; the others keep the default grid. */
export const gridSchema = z.strictObject({
  // Below 1: the text weight must stay positive.
  industryShare: z.array(z.number().min(0).max(0.99)).min(1).max(50).optional(),
  disciplineRatio: values(0, 100).optional(),
  synonym: values(0, 1).optional(),
  concept: values(0, 1).optional(),
  k1: z.array(z.number().positive().max(100)).min(1).max(50).optional(),
  idfPrior: values(0, 1e7).optional(),
});

export type GridInput = z.input<typeof gridSchema>;

/** The tuned parameters of resolved options. */
export function paramsOf(o: ResolvedOptions): TunedParams {
  const sum = o.weights.text + o.weights.industry;
  return {
    industryShare: sum > 0 ? round(o.weights.industry / sum) : 0,
    disciplineRatio: round(o.weights.discipline / o.weights.text),
    synonym: o.expansion.synonym,
    concept: o.expansion.concept,
    k1: o.k1,
    idfPrior: o.idfPrior,
  };
}

/** `base` with the tuned parameters replaced (weights normalised to sum to 1). */
export function withParams(base: MatcherOptions, p: TunedParams): MatcherOptions {
  return {
    ...base,
    weights: { text: round(1 - p.industryShare), industry: round(p.industryShare), discipline: round(p.disciplineRatio * (1 - p.industryShare)) },
    expansion: { synonym: p.synonym, concept: p.concept },
    k1: p.k1,
    idfPrior: p.idfPrior,
  };
}

export function paramsKey(p: TunedParams): string {
  return PARAM_NAMES.map((n) => p[n]).join('|');
}

/** Twelve significant digits: keeps 1 − 0.15 = 0.85 and friends readable in a config file. */
function round(x: number): number {
  return Number(x.toPrecision(12));
}
