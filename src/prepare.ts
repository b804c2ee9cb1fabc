/**
 * Records → what the index takes: field tokens and industry vector (and, for the centroid
 * model, term weights). The same functions run in `addExperts` on the calling thread and in the
 * worker threads of `addExpertsParallel`, on an analyser and classifier built from the same
 * options, so both give the same index.
 */
import type { ResolvedOptions } from './config.js';
import { type CentroidWeights, centroidWeights } from './index/centroid.js';
import { documentImpacts, impactBuffers } from './index/field-index.js';
import { Vocabulary } from './index/vocabulary.js';
import type { Bm25fParams } from './rank/similarity.js';
import { concatUnits, EXPERT_FIELDS, expertFieldTokens, expertUnitTokens, type FieldSpec, NEED_FIELDS, needFieldTokens } from './records.js';
import { buildClassifier, type Classifier } from './taxonomy/classify.js';
import type { IndustryCode } from './taxonomy/codes.js';
import { INDUSTRY_TERMS } from './taxonomy/lexicon.js';
import { buildDisciplineClassifier, type DisciplineClassifier, NO_DISCIPLINES } from './taxonomy/disciplines/classify.js';
import { DISCIPLINES } from './taxonomy/disciplines/index.js';
import { type DisciplineEvidence, ROW_DIM, taxonomyRow } from './taxonomy/row.js';
import { declaredScores, industryVector } from './taxonomy/vector.js';
import { type Analyzer, createAnalyzer } from './text/analyzer.js';
import { createNormalizer } from './text/normalize.js';
import { buildLexicon, type Lexicon, MEANINGFUL_SINGLE_CHARS } from './text/resources.js';
import type { Segmenter } from './text/segmenter.js';
import { synonymClasses } from './text/expansion.js';
import type { ExpertInput, IndustryScore, NeedInput } from './types.js';

/** The analyser and classifiers of a matcher's options. */
export interface TextPipeline {
  lexicon: Lexicon;
  analyzer: Analyzer;
  classifier: Classifier;
  readonly disciplines: DisciplineClassifier;
}

/** Builds the pipeline of `options`; `segmenter` is made from the lexicon's words by the caller. */
export function buildPipeline(options: ResolvedOptions, segmenterFor: (words: readonly string[]) => Segmenter): TextPipeline {
  const lexicon = buildLexicon(options);
  const analyzer = createAnalyzer({
    segmenter: segmenterFor(lexicon.segmenterWords),
    normalize: createNormalizer(),
    stopwords: lexicon.stopwords,
    phrases: lexicon.phrases,
    mixedTerms: lexicon.mixedTerms,
    asciiTerms: lexicon.asciiTerms,
    keepSingle: MEANINGFUL_SINGLE_CHARS,
    cacheChars: options.cacheChars,
    charBigrams: options.charBigrams,
  });
  const synonyms = synonymClasses(analyzer, lexicon.synonymGroups);
  const classifier = buildClassifier(analyzer, INDUSTRY_TERMS, synonyms, {
    relative: options.classifyRelative,
    minEvidence: options.classifyMinEvidence,
  });
  // Built on first use (~30 ms: it analyses every vocabulary term); none when the score has no
  // discipline part, so that such a matcher pays nothing for it.
  let disciplines: DisciplineClassifier | undefined;
  return {
    lexicon,
    analyzer,
    classifier,
    get disciplines(): DisciplineClassifier {
      disciplines ??= options.weights.discipline > 0 ? buildDisciplineClassifier(analyzer, DISCIPLINES, synonyms) : NO_DISCIPLINES;
      return disciplines;
    },
  };
}

/** A record ready for the index. */
export interface Prepared {
  fields: string[][];
  /** Its taxonomy row (src/taxonomy/row.ts): industries, then its main disciplines. */
  industry: Float64Array;
  /** Centroid-model term weights (experts with `profileModel: 'centroid'` only). */
  weights?: CentroidWeights;
}

/** Field weights inside a centroid unit (EXPERT_FIELDS order: keywords, titles, bio, abstracts). */
const CENTROID_FIELD_WEIGHTS = EXPERT_FIELDS.map((f) => f.weight);

/**
 * A record's taxonomy row: its declared industries when it has any, else what `classify` finds;
 * and the disciplines its vocabulary points to.
 */
export function industryVectorFrom(
  declared: readonly IndustryCode[] | undefined,
  classify: () => IndustryScore[],
  disciplineEvidence: DisciplineEvidence,
): Float64Array {
  return taxonomyRow(industryVector(declared && declared.length > 0 ? declaredScores(declared) : classify()), disciplineEvidence);
}

export function industryVectorOf(
  p: TextPipeline,
  declared: readonly IndustryCode[] | undefined,
  fields: readonly (readonly string[])[],
  specs: readonly FieldSpec[],
): Float64Array {
  const weights = specs.map((f) => f.queryWeight);
  return industryVectorFrom(declared, () => p.classifier.classifyFields(fields, weights), p.disciplines.evidenceOfFields(fields));
}

export function prepareExpert(p: TextPipeline, e: ExpertInput, centroid: boolean): Prepared {
  if (!centroid) {
    const fields = expertFieldTokens(p.analyzer, e);
    return { fields, industry: industryVectorOf(p, e.industries, fields, EXPERT_FIELDS) };
  }
  const units = expertUnitTokens(p.analyzer, e);
  const fields = concatUnits(units, EXPERT_FIELDS.length);
  const weights = centroidWeights(units, CENTROID_FIELD_WEIGHTS);
  return { fields, weights, industry: industryVectorOf(p, e.industries, fields, EXPERT_FIELDS) };
}

export function prepareNeed(p: TextPipeline, n: NeedInput): Prepared {
  const fields = needFieldTokens(p.analyzer, n);
  return { fields, industry: industryVectorOf(p, n.industries, fields, NEED_FIELDS) };
}

/**
 * Prepared records reduced to what the index stores, in a form that crosses threads cheaply:
 * each document's terms as ids into the chunk's own term list (one string), with their BM25F
 * impacts (they depend on the document alone), and one array of industry rows. The receiving
 * thread interns each distinct term of the chunk once instead of every token of every record.
 */
export interface PackedDocs {
  /** The chunk's distinct terms, joined by NUL. */
  terms: string;
  /** Distinct terms per document. */
  lens: Int32Array;
  /** Per document, ids into `terms`. */
  termIds: Int32Array;
  imps: Uint8Array;
  industry: Float64Array;
}

const SEP = '\u0000';

export function packDocs(list: readonly Prepared[], params: Bm25fParams): PackedDocs {
  const dim = ROW_DIM;
  const local = new Vocabulary();
  const buffers = impactBuffers();
  const lens = new Int32Array(list.length);
  const industry = new Float64Array(list.length * dim);
  const docs = list.map((r, i) => {
    const d = documentImpacts(r.fields, params, (t) => local.intern(t), buffers);
    lens[i] = d.termIds.length;
    industry.set(r.industry, i * dim);
    return d;
  });
  let total = 0;
  for (const n of lens) total += n;
  const termIds = new Int32Array(total);
  const imps = new Uint8Array(total);
  let at = 0;
  for (const d of docs) {
    termIds.set(d.termIds, at);
    imps.set(d.imps, at);
    at += d.termIds.length;
  }
  const terms = local.all();
  if (terms.some((t) => t.includes(SEP))) throw new Error('a token holds NUL');
  return { terms: terms.join(SEP), lens, termIds, imps, industry };
}

/**
 * The documents of a packed chunk with term ids of `intern` (the receiving index's vocabulary),
 * in the chunk's order (the index takes a document's terms in any order), with their impacts;
 * and their industry rows.
 */
export function unpackDocs(p: PackedDocs, intern: (term: string) => number): { termIds: Int32Array; imps: Uint8Array; industry: Float64Array }[] {
  const dim = ROW_DIM;
  const n = p.lens.length;
  const terms = p.terms.length === 0 ? [] : p.terms.split(SEP);
  const global = Int32Array.from(terms, intern);
  let total = 0;
  for (const x of p.lens) total += x;
  if (total !== p.termIds.length || total !== p.imps.length || p.industry.length !== n * dim) throw new Error('packed documents are inconsistent');
  const out = new Array<{ termIds: Int32Array; imps: Uint8Array; industry: Float64Array }>(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const len = p.lens[i] as number;
    const termIds = new Int32Array(len);
    for (let j = 0; j < len; j++) {
      const local = p.termIds[at + j] as number;
      if (local < 0 || local >= global.length) throw new Error('packed documents are inconsistent');
      termIds[j] = global[local] as number;
    }
    out[i] = { termIds, imps: p.imps.slice(at, at + len), industry: p.industry.slice(i * dim, (i + 1) * dim) };
    at += len;
  }
  return out;
}
