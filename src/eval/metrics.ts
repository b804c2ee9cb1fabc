/** Ranking metrics over graded judgments (grade 0 = not relevant). */

export function dcg(grades: readonly number[], k: number): number {
  let s = 0;
  for (let i = 0; i < Math.min(k, grades.length); i++) s += ((2 ** (grades[i] as number)) - 1) / Math.log2(i + 2);
  return s;
}

/** nDCG@k of a ranking given the graded judgments of the query (ids absent from `judged` are 0). */
export function ndcgAt(ranking: readonly string[], judged: ReadonlyMap<string, number>, k: number): number {
  const ideal = dcg([...judged.values()].sort((a, b) => b - a), k);
  if (ideal === 0) return 0;
  return dcg(ranking.map((id) => judged.get(id) ?? 0), k) / ideal;
}

/** Reciprocal rank of the first item with grade >= minGrade (0 when none in the ranking). */
export function reciprocalRank(ranking: readonly string[], judged: ReadonlyMap<string, number>, minGrade = 1): number {
  const i = ranking.findIndex((id) => (judged.get(id) ?? 0) >= minGrade);
  return i < 0 ? 0 : 1 / (i + 1);
}

export function recallAt(ranking: readonly string[], judged: ReadonlyMap<string, number>, k: number, minGrade = 1): number {
  const relevant = [...judged.entries()].filter(([, g]) => g >= minGrade).map(([id]) => id);
  if (relevant.length === 0) return 0;
  const top = new Set(ranking.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}
