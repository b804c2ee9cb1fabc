import type { FieldParams } from './rank/similarity.js';
import type { Analyzer } from './text/analyzer.js';
import type { ExpertInput, NeedInput } from './types.js';

/**
 * How records become fields. Each field has a document-side boost and length normalisation (the
 * record as a candidate in the index) and a query-side boost (the record as a query).
 */
export interface FieldSpec extends FieldParams {
  name: string;
  queryWeight: number;
}

export const EXPERT_FIELDS: readonly FieldSpec[] = [
  { name: 'keywords', weight: 3, b: 0.3, refLength: 12, queryWeight: 2 }, // fields, keywords, publication keywords
  { name: 'pubTitles', weight: 2, b: 0.5, refLength: 25, queryWeight: 1.5 },
  { name: 'bio', weight: 1.5, b: 0.5, refLength: 50, queryWeight: 1 }, // bio, organisation; name of a society or team
  { name: 'abstracts', weight: 1, b: 0.75, refLength: 250, queryWeight: 0.5 },
];

export const NEED_FIELDS: readonly FieldSpec[] = [
  { name: 'title', weight: 2.5, b: 0.3, refLength: 6, queryWeight: 2 },
  { name: 'keywords', weight: 2.5, b: 0.3, refLength: 6, queryWeight: 2 },
  { name: 'description', weight: 1, b: 0.6, refLength: 70, queryWeight: 1 },
];

/**
 * Tokens of several texts of one field. They are analysed as one text joined by '。' (which no
 * token or English phrase crosses): one segmenter call per field instead of one per keyword.
 */
function analyzeAll(analyzer: Analyzer, texts: readonly (string | undefined)[]): string[] {
  const parts = texts.filter((t): t is string => t !== undefined && t.length > 0);
  if (parts.length === 0) return [];
  const tokens = analyzer.analyze(parts.length === 1 ? (parts[0] as string) : parts.join('。'));
  // A cached result is frozen and shared: only then is a copy needed.
  return Object.isFrozen(tokens) ? [...tokens] : (tokens as string[]);
}

/** The texts of an expert profile, field by field (EXPERT_FIELDS order). */
function expertFieldTexts(e: ExpertInput): (string | undefined)[][] {
  const pubs = e.publications ?? [];
  const named = e.kind === 'society' || e.kind === 'team';
  return [
    [...(e.fields ?? []), ...(e.keywords ?? []), ...pubs.flatMap((p) => p.keywords ?? [])],
    pubs.map((p) => p.title),
    [named ? e.name : undefined, e.organization, e.bio],
    pubs.map((p) => p.abstract),
  ];
}

export function expertFieldTokens(analyzer: Analyzer, e: ExpertInput): string[][] {
  return expertFieldTexts(e).map((texts) => analyzeAll(analyzer, texts));
}

/**
 * The texts of an expert profile as units of the centroid model (index/centroid.ts), each in
 * the EXPERT_FIELDS layout: first the profile's own statement (fields, keywords; name,
 * organisation, bio), then one unit per publication (keywords, title, abstract). Concatenated
 * field by field they give the same tokens as `expertFieldTokens` (character pairs, when on,
 * in another order).
 */
export function expertUnitTokens(analyzer: Analyzer, e: ExpertInput): string[][][] {
  const named = e.kind === 'society' || e.kind === 'team';
  const own = [
    analyzeAll(analyzer, [...(e.fields ?? []), ...(e.keywords ?? [])]),
    [],
    analyzeAll(analyzer, [named ? e.name : undefined, e.organization, e.bio]),
    [],
  ];
  const pubs = (e.publications ?? []).map((p) => [
    analyzeAll(analyzer, p.keywords ?? []),
    analyzeAll(analyzer, [p.title]),
    [],
    analyzeAll(analyzer, [p.abstract]),
  ]);
  return [own, ...pubs];
}

/** Field tokens of a record from its units (field by field, in unit order). */
export function concatUnits(units: readonly (readonly (readonly string[])[])[], fieldCount: number): string[][] {
  return Array.from({ length: fieldCount }, (_, f) => units.flatMap((u) => [...(u[f] ?? [])]));
}

const present = (texts: (string | undefined)[][]): string[] => texts.flat().filter((t): t is string => t !== undefined && t.length > 0);

/** Every text of an expert profile, in field order (for the readable forms of explanation terms). */
export function expertTexts(e: ExpertInput): string[] {
  return present(expertFieldTexts(e));
}

/** Every text of a need, in field order. */
export function needTexts(n: NeedInput): string[] {
  return present(needFieldTexts(n));
}

/** The texts of a need, field by field (NEED_FIELDS order). */
function needFieldTexts(n: NeedInput): (string | undefined)[][] {
  return [[n.title], n.keywords ?? [], [n.description]];
}

export function needFieldTokens(analyzer: Analyzer, n: NeedInput): string[][] {
  return needFieldTexts(n).map((texts) => analyzeAll(analyzer, texts));
}

/** Field-weighted term counts of a record used as a query, in first-occurrence order. */
export function weightedCounts(fields: readonly (readonly string[])[], specs: readonly FieldSpec[]): Map<string, number> {
  const out = new Map<string, number>();
  fields.forEach((tokens, f) => {
    const w = (specs[f] as FieldSpec).queryWeight;
    for (const t of tokens) out.set(t, (out.get(t) ?? 0) + w);
  });
  return out;
}
