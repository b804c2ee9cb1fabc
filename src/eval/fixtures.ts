import type { Matcher } from '../matcher.js';
import type { ExpertInput, IndustryCode, NeedInput } from '../types.js';
import { buildBaseline } from './baseline.js';
import { mean, ndcgAt, reciprocalRank } from './metrics.js';

export interface JudgedSet {
  experts: readonly ExpertInput[];
  needs: readonly NeedInput[];
  qrels: readonly { needId: string; expertId: string; grade: number }[];
  labels: {
    needs: Readonly<Record<string, { industry: IndustryCode; style: string }>>;
    experts: Readonly<Record<string, { language: string }>>;
  };
}

export interface RankingReport {
  ndcg10: number;
  mrr: number;
  /** nDCG@10 over needs written in plant-floor language. */
  ndcg10PlantFloor: number;
  /** Relevant (grade 2) non-Simplified overseas profiles found in the top 10, over all such pairs. */
  crossLanguage: { found: number; total: number };
  perNeed: { id: string; ndcg10: number; rr: number }[];
}

/** Concatenated profile text, as the naive baseline sees it. */
export function expertPlainText(e: ExpertInput): string {
  const parts = [e.name, e.title, e.organization, ...(e.fields ?? []), ...(e.keywords ?? []), e.bio];
  for (const p of e.publications ?? []) parts.push(p.title, p.abstract, ...(p.keywords ?? []));
  return parts.filter(Boolean).join(' ');
}

export function needPlainText(n: NeedInput): string {
  return [n.title, ...(n.keywords ?? []), n.description].filter(Boolean).join(' ');
}

function judgments(set: JudgedSet): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const q of set.qrels) {
    let m = out.get(q.needId);
    if (!m) out.set(q.needId, (m = new Map()));
    m.set(q.expertId, q.grade);
  }
  return out;
}

function report(set: JudgedSet, rankingOf: (n: NeedInput) => string[]): RankingReport {
  const judged = judgments(set);
  const perNeed = set.needs.map((n) => {
    const ranking = rankingOf(n);
    const j = judged.get(n.id) ?? new Map<string, number>();
    return { id: n.id, ndcg10: ndcgAt(ranking, j, 10), rr: reciprocalRank(ranking, j, 2), ranking };
  });
  const plant = perNeed.filter((p) => set.labels.needs[p.id]?.style === 'plant-floor');
  let found = 0;
  let total = 0;
  for (const p of perNeed) {
    const top = new Set(p.ranking.slice(0, 10));
    for (const [expertId, grade] of judged.get(p.id) ?? []) {
      const lang = set.labels.experts[expertId]?.language;
      if (grade < 2 || lang === undefined || lang === 'zh') continue;
      total++;
      if (top.has(expertId)) found++;
    }
  }
  return {
    ndcg10: mean(perNeed.map((p) => p.ndcg10)),
    mrr: mean(perNeed.map((p) => p.rr)),
    ndcg10PlantFloor: mean(plant.map((p) => p.ndcg10)),
    crossLanguage: { found, total },
    perNeed: perNeed.map(({ id, ndcg10, rr }) => ({ id, ndcg10, rr })),
  };
}

/** Rankings of the matcher (experts and needs already added) against the judgments. */
export function evaluateMatcher(m: Matcher, set: JudgedSet): RankingReport {
  return report(set, (n) => m.recommendExperts(n.id, { topK: 10 }).map((r) => r.id));
}

/** The same report for the naive TF-IDF cosine baseline. */
export function evaluateBaseline(set: JudgedSet): RankingReport {
  const b = buildBaseline(set.experts.map((e) => ({ id: e.id, text: expertPlainText(e) })));
  return report(set, (n) => b.rank(needPlainText(n), 10).map((r) => r.id));
}

/** Share of needs whose true industry `classify` puts first, and the needs it missed. */
export function evaluateClassify(m: Matcher, set: JudgedSet): { accuracy: number; abstained: number; misses: { id: string; expected: string; got: string[] }[] } {
  const misses: { id: string; expected: string; got: string[] }[] = [];
  let abstained = 0;
  for (const n of set.needs) {
    const expected = set.labels.needs[n.id]?.industry;
    if (!expected) continue;
    const got = m.classify(n).map((s) => s.code);
    if (got.length === 0) abstained++;
    if (got[0] !== expected) misses.push({ id: n.id, expected, got });
  }
  return { accuracy: 1 - misses.length / set.needs.length, abstained, misses };
}
