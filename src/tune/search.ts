import { PARAM_NAMES, type ParamName, type TuneGrid, type TunedParams } from './params.js';

/** One coordinate step: every value tried for one parameter, the others fixed. */
export interface SearchStep {
  pass: number;
  param: ParamName;
  candidates: { value: number; ndcg10: number }[];
  chosen: number;
  /** The objective after the step (the chosen candidate's). */
  ndcg10: number;
}

export interface SearchTrace {
  start: TunedParams;
  startNdcg10: number;
  steps: SearchStep[];
  params: TunedParams;
  ndcg10: number;
}

/** Improvements smaller than this are ties (means of identical rankings can differ in the last bit). */
const EPS = 1e-12;

/**
 * Coordinate-wise grid search maximising `objective`: for each parameter in turn, try every grid
 * value (and the current one) with the others fixed and keep the best; a tie keeps the current
 * value, so the objective never decreases. Passes repeat until one changes nothing.
 */
export async function coordinateSearch(
  start: TunedParams,
  grid: TuneGrid,
  objective: (p: TunedParams) => Promise<number>,
  maxPasses: number,
): Promise<SearchTrace> {
  let current = { ...start };
  let best = await objective(current);
  const startNdcg10 = best;
  const steps: SearchStep[] = [];
  for (let pass = 1; pass <= maxPasses; pass++) {
    let changed = false;
    for (const param of PARAM_NAMES) {
      const values = [...new Set([...grid[param], current[param]])].sort((a, b) => a - b);
      const candidates: { value: number; ndcg10: number }[] = [];
      for (const value of values) candidates.push({ value, ndcg10: await objective({ ...current, [param]: value }) });
      let chosen = current[param];
      for (const c of candidates) {
        if (c.ndcg10 > best + EPS) {
          best = c.ndcg10;
          chosen = c.value;
        }
      }
      if (chosen !== current[param]) changed = true;
      current = { ...current, [param]: chosen };
      steps.push({ pass, param, candidates, chosen, ndcg10: best });
    }
    if (!changed) break;
  }
  return { start: { ...start }, startNdcg10, steps, params: current, ndcg10: best };
}
