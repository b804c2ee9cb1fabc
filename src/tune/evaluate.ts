import type { MatcherOptions } from '../config.js';
import { ndcgAt, reciprocalRank } from '../eval/metrics.js';
import { createMatcher, type Matcher, type MatcherResources } from '../matcher.js';
import type { ExpertInput, NeedInput } from '../types.js';

/** Metrics of one need's top 10. */
export interface NeedScore {
  ndcg10: number;
  /** Reciprocal rank of the first expert graded at least the MRR grade (0 when none in the top 10). */
  rr: number;
}

export interface Metrics {
  ndcg10: number;
  mrr: number;
}

/** What every candidate configuration is scored on. */
export interface TuneData {
  experts: readonly ExpertInput[];
  /** Needs with at least one positive judgment, the only ones scored. */
  needs: readonly NeedInput[];
  judged: ReadonlyMap<string, ReadonlyMap<string, number>>;
  mrrGrade: number;
}

/** Scores each judged need of a matcher that holds the experts and those needs. */
export function scoreMatcher(m: Matcher, data: TuneData): Map<string, NeedScore> {
  const out = new Map<string, NeedScore>();
  for (const n of data.needs) {
    const ranking = m.recommendExperts(n.id, { topK: 10 }).map((r) => r.id);
    const j = data.judged.get(n.id) ?? new Map<string, number>();
    out.set(n.id, { ndcg10: ndcgAt(ranking, j, 10), rr: reciprocalRank(ranking, j, data.mrrGrade) });
  }
  return out;
}

/** Builds a matcher with `options` (the costly part: every profile is analysed again) and scores it. */
export function scoreOptions(options: MatcherOptions, data: TuneData, resources: MatcherResources): Map<string, NeedScore> {
  const m = createMatcher(options, resources);
  m.addExperts([...data.experts]);
  m.addNeeds([...data.needs]);
  return scoreMatcher(m, data);
}

/** Mean metrics over some needs. */
export function meanOver(scores: ReadonlyMap<string, NeedScore>, ids: readonly string[]): Metrics {
  let ndcg10 = 0;
  let mrr = 0;
  for (const id of ids) {
    const s = scores.get(id);
    if (!s) throw new Error(`internal: no score for need ${id}`);
    ndcg10 += s.ndcg10;
    mrr += s.rr;
  }
  return ids.length === 0 ? { ndcg10: 0, mrr: 0 } : { ndcg10: ndcg10 / ids.length, mrr: mrr / ids.length };
}
