import { readFileSync } from 'node:fs';
import type { Matcher } from '../matcher.js';
import type { IndustryCode } from '../taxonomy/codes.js';
import { disciplineCodes } from '../taxonomy/disciplines/index.js';
import type { ExpertInput } from '../types.js';
import { buildBaseline } from './baseline.js';
import { expertPlainText } from './fixtures.js';
import { mean } from './metrics.js';

/** One CSL record (Chinese Scientific Literature dataset). */
export interface CslPaper {
  id: string;
  title: string;
  abstract: string;
  keywords: string[];
  discipline: string;
  category: string;
}

export function readCsl(path: string): CslPaper[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as CslPaper);
}

/** Disciplines that clearly belong to one industry (issue 5, task 2). */
export const CSL_INDUSTRY_OF: Readonly<Record<string, IndustryCode>> = {
  材料科学与工程: 'new-materials',
  冶金工程: 'new-materials',
  食品科学与工程: 'food-pharma',
  药学: 'food-pharma',
  计算机科学与技术: 'next-gen-it',
  信息与通信工程: 'next-gen-it',
  电子科学与技术: 'next-gen-it',
  机械工程: 'intelligent-equipment',
  测绘科学与技术: 'beidou',
};

/** Humanities and social-science categories: `classify` should abstain on their papers. */
export const CSL_HUMANITIES: ReadonlySet<string> = new Set(['哲学', '经济学', '法学', '教育学', '文学', '历史学', '艺术学', '管理学']);

export interface ExpertFindingResult {
  acc1: number;
  mrr: number;
  recall3: number;
  queries: number;
}

/**
 * Task 1, expert finding: each discipline is one "expert" whose publications are its papers; the
 * queries are the abstracts of the papers of one fold, the profiles are built from the other
 * folds, so a query's own paper is never in any profile.
 */
export function cslExpertFinding(
  papers: readonly CslPaper[],
  folds: number,
  makeMatcher: () => Matcher,
): { innomatch: ExpertFindingResult; baseline: ExpertFindingResult } {
  const ranksA: number[] = [];
  const ranksB: number[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const test = papers.filter((_, i) => i % folds === fold);
    const train = papers.filter((_, i) => i % folds !== fold);
    const experts = disciplineProfiles(train);
    const m = makeMatcher();
    m.addExperts(experts);
    const baseline = buildBaseline(experts.map((e) => ({ id: e.id, text: expertPlainText(e) })));
    for (const p of test) {
      const recs = m.recommendExperts({ id: `q-${p.id}`, description: p.abstract }, { topK: experts.length });
      ranksA.push(rankOf(recs.map((r) => r.id), p.discipline));
      ranksB.push(rankOf(baseline.rank(p.abstract, experts.length).map((r) => r.id), p.discipline));
    }
  }
  return { innomatch: summarise(ranksA), baseline: summarise(ranksB) };
}

export function disciplineProfiles(papers: readonly CslPaper[]): ExpertInput[] {
  const by = new Map<string, CslPaper[]>();
  for (const p of papers) {
    const list = by.get(p.discipline) ?? [];
    list.push(p);
    by.set(p.discipline, list);
  }
  return [...by].map(([discipline, list]) => {
    // Declared, as an expert registers their 学科 (all 67 of CSL dev are names of DISCIPLINES; a
    // combined name such as 畜牧学/兽医学 declares both).
    const codes = disciplineCodes(discipline);
    return {
      id: discipline,
      name: discipline,
      kind: 'expert' as const,
      publications: list.map((p) => ({ title: p.title, abstract: p.abstract, keywords: p.keywords })),
      ...(codes.length > 0 ? { disciplines: codes } : {}),
    };
  });
}

function rankOf(ranking: readonly string[], id: string): number {
  const i = ranking.indexOf(id);
  return i < 0 ? Infinity : i + 1;
}

function summarise(ranks: readonly number[]): ExpertFindingResult {
  return {
    acc1: mean(ranks.map((r) => (r === 1 ? 1 : 0))),
    mrr: mean(ranks.map((r) => (Number.isFinite(r) ? 1 / r : 0))),
    recall3: mean(ranks.map((r) => (r <= 3 ? 1 : 0))),
    queries: ranks.length,
  };
}

/** Task 2, industry mapping: accuracy of classify's first code, and abstain rate on humanities. */
export function cslIndustryMapping(
  papers: readonly CslPaper[],
  m: Matcher,
): { accuracy: number; mapped: number; abstainRate: number; humanities: number; confusions: Record<string, number> } {
  let correct = 0;
  let mapped = 0;
  let abstained = 0;
  let humanities = 0;
  const confusions: Record<string, number> = {};
  for (const p of papers) {
    const text = `${p.title}。${p.keywords.join('，')}。${p.abstract}`;
    const expected = CSL_INDUSTRY_OF[p.discipline];
    if (expected) {
      mapped++;
      const got = m.classify(text)[0]?.code ?? 'none';
      if (got === expected) correct++;
      else confusions[`${expected}→${got}`] = (confusions[`${expected}→${got}`] ?? 0) + 1;
    } else if (CSL_HUMANITIES.has(p.category)) {
      humanities++;
      if (m.classify(text).length === 0) abstained++;
    }
  }
  return { accuracy: correct / mapped, mapped, abstainRate: abstained / humanities, humanities, confusions };
}
