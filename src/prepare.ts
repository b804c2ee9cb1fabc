/**
 * Records → what the index takes: field tokens and industry vector (and, for the centroid
 * model, term weights). The same functions run in `addExperts` on the calling thread and in the
 * worker threads of `addExpertsParallel`, on an analyser and classifier built from the same
 * options, so both give the same index.
 */
import type { ResolvedOptions } from './config.js';
import { type CentroidBuffers, centroidBuffers, centroidImpactsOfIds } from './index/centroid.js';
import { documentImpactsOfIds, impactBuffers } from './index/field-index.js';
import { Vocabulary } from './index/vocabulary.js';
import type { Bm25fParams } from './rank/similarity.js';
import { EXPERT_FIELDS, expertFieldTokens, expertUnitTokens, type FieldSpec, NEED_FIELDS, needFieldTokens } from './records.js';
import { buildClassifier, type Classifier } from './taxonomy/classify.js';
import type { IndustryCode } from './taxonomy/codes.js';
import { INDUSTRY_TERMS } from './taxonomy/lexicon.js';
import { buildDisciplineClassifier, type DisciplineClassifier, NO_DISCIPLINES } from './taxonomy/disciplines/classify.js';
import { DISCIPLINE_CODES, DISCIPLINES } from './taxonomy/disciplines/index.js';
import { type DisciplineEvidence, evidenceOf, NO_EVIDENCE, ROW_DIM, taxonomyRow } from './taxonomy/row.js';
import { TermSlots } from './taxonomy/term-slots.js';
import { declaredScores, industryVector } from './taxonomy/vector.js';
import { type Analyzer, createAnalyzer } from './text/analyzer.js';
import { createNormalizer } from './text/normalize.js';
import { buildLexicon, type Lexicon, MEANINGFUL_SINGLE_CHARS } from './text/resources.js';
import type { Segmenter } from './text/segmenter.js';
import { Arena } from './util/typed.js';
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

/** Field weights inside a centroid unit (EXPERT_FIELDS order: keywords, titles, bio, abstracts). */
const CENTROID_FIELD_WEIGHTS = EXPERT_FIELDS.map((f) => f.weight);

/** What a record declares of its place in the taxonomy (validated codes). */
export interface Declared {
  industries?: readonly IndustryCode[];
  disciplines?: readonly string[];
}

/** Discipline number (DISCIPLINE_CODES order) of each code. */
const DISCIPLINE_NUMBER: ReadonlyMap<string, number> = new Map(DISCIPLINE_CODES.map((c, i) => [c, i]));

/** Equal evidence for each declared discipline (validated codes). */
function declaredEvidence(codes: readonly string[]): DisciplineEvidence {
  const values = new Float64Array(DISCIPLINE_CODES.length);
  for (const c of codes) values[DISCIPLINE_NUMBER.get(c) as number] = 1;
  return evidenceOf(values);
}

/**
 * A record's taxonomy row: its declared industries when it has any, else what `classify` finds;
 * its declared disciplines when it has any, else those its vocabulary points to.
 */
export function industryVectorFrom(declared: Declared, classify: () => Float64Array, disciplineEvidence: () => DisciplineEvidence, row?: Float64Array): Float64Array {
  const ind = declared.industries;
  const disc = declared.disciplines;
  return taxonomyRow(
    ind && ind.length > 0 ? industryVector(declaredScores(ind)) : classify(),
    disc && disc.length > 0 ? declaredEvidence(disc) : disciplineEvidence(),
    row,
  );
}

export function industryVectorOf(p: TextPipeline, declared: Declared, fields: readonly (readonly string[])[], specs: readonly FieldSpec[]): Float64Array {
  const weights = specs.map((f) => f.queryWeight);
  return industryVectorFrom(
    declared,
    () => industryVector(p.classifier.classifyFields(fields, weights)),
    () => p.disciplines.evidenceOfFields(fields),
  );
}

/**
 * What a record's preparation writes and reads back before the index copies it: term ids of
 * joined fields, and its taxonomy row. One per thread that adds records (the row is overwritten
 * by the next record).
 */
export interface DocScratch {
  ids: Arena<Int32Array>;
  row: Float64Array;
}

export function docScratch(): DocScratch {
  return { ids: new Arena(Int32Array), row: new Float64Array(ROW_DIM) };
}

/** A document as the index takes it (`Side.addImpacts`): term ids of its vocabulary, impacts, scale and taxonomy row. */
export interface IndexDoc {
  termIds: Int32Array;
  imps: Uint8Array;
  /** Factor on the document's text score (the centroid model's; 1 for BM25F). */
  scale: number;
  industry: Float64Array;
}

const EXPERT_QUERY_WEIGHTS = EXPERT_FIELDS.map((f) => f.queryWeight);

/**
 * An expert of the centroid model (index/centroid.ts) from its units' tokens (`expertUnitTokens`):
 * the tokens are interned in `vocab` unit by unit, field by field, and the taxonomy row is that
 * of its fields' tokens, all units together. Its `industry` is `scratch.row` (copy it to keep it).
 */
export function centroidDoc(
  p: TextPipeline,
  e: ExpertInput,
  units: readonly (readonly string[])[][],
  vocab: Vocabulary,
  slots: VocabularySlots,
  b: CentroidBuffers,
  scratch: DocScratch,
): IndexDoc {
  const unitIds = units.map((u) => vocab.internFields(u));
  const { termIds, imps, scale } = centroidImpactsOfIds(unitIds, CENTROID_FIELD_WEIGHTS, b);
  const fieldIds = EXPERT_FIELDS.map((_, f) => concatIds(unitIds.map((u) => u[f] ?? EMPTY_IDS), scratch.ids));
  return { termIds, imps, scale, industry: taxonomyRowOfIds(p, e, fieldIds, vocab, slots, EXPERT_QUERY_WEIGHTS, scratch.row) };
}

const EMPTY_IDS = new Int32Array(0);

function concatIds(parts: readonly Int32Array[], arena: Arena<Int32Array>): Int32Array {
  if (parts.length === 1) return parts[0] as Int32Array;
  let n = 0;
  for (const a of parts) n += a.length;
  const out = arena.alloc(n);
  let at = 0;
  for (const a of parts) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

/** Classifier slots by term id of one vocabulary: industries, then disciplines (see TermSlots). */
export type VocabularySlots = readonly [TermSlots, TermSlots];

export function vocabularySlots(p: TextPipeline): VocabularySlots {
  // The discipline classifier is built on first use (see buildPipeline).
  return [new TermSlots(p.classifier), new TermSlots({ termSlot: (token: string): number => p.disciplines.termSlot(token) })];
}

/**
 * A record's taxonomy row from its tokens as term ids of `vocab` (`vocab.internFields`): the
 * same row as `industryVectorOf` on its tokens, with no token hashed again. Written to `row`
 * when given (a scratch row: the index copies it).
 */
export function taxonomyRowOfIds(
  p: TextPipeline,
  declared: Declared,
  ids: readonly Int32Array[],
  vocab: Vocabulary,
  [slots, disciplineSlots]: VocabularySlots,
  weights: readonly number[],
  row?: Float64Array,
): Float64Array {
  const d = p.disciplines;
  return industryVectorFrom(
    declared,
    () => p.classifier.vectorOfFieldIds(ids, weights, slots.of(vocab)),
    () => (d === NO_DISCIPLINES ? NO_EVIDENCE : d.evidenceOfIds(ids, disciplineSlots.of(vocab), vocab.all())),
    row,
  );
}

/**
 * Analysed records in a form that crosses threads cheaply: each document's terms as ids of the
 * sending thread's vocabulary, which lives from chunk to chunk (`ChunkPacker`), with their
 * BM25F impacts (they depend on the document alone) and one array of taxonomy rows. A chunk
 * carries only the terms that are new to that vocabulary, so the receiving thread interns each
 * term once per sender (`TermMirror`) instead of every token of every record.
 */
export interface PackedDocs {
  /** The sender's vocabulary size before this chunk: the id of the first of `terms`. */
  base: number;
  /** The terms this chunk added to the sender's vocabulary, in id order, joined by NUL. */
  terms: string;
  /** How many terms `terms` holds. */
  added: number;
  /** Distinct terms per document. */
  lens: Int32Array;
  /** Per document, ids of the sender's vocabulary. */
  termIds: Int32Array;
  imps: Uint8Array;
  industry: Float64Array;
  /** Per document, the factor on its text score (centroid-model experts only; else all 1). */
  scales?: Float64Array;
}

const SEP = '\u0000';

/**
 * Analyses records into `PackedDocs` (on a worker thread): tokens, taxonomy rows and impacts as
 * `addExperts` computes them, against a vocabulary of its own that persists between chunks.
 */
export class ChunkPacker {
  private readonly vocab = new Vocabulary();
  private readonly slots: VocabularySlots;
  private readonly buffers = impactBuffers();
  private readonly scratch = docScratch();
  private readonly params: Bm25fParams;
  private readonly specs: readonly FieldSpec[];
  private readonly weights: readonly number[];
  /** Scratch of the centroid model, for experts when the options choose it. */
  private readonly centroid: CentroidBuffers | null;

  constructor(
    private readonly p: TextPipeline,
    private readonly kind: 'experts' | 'needs',
    options: Pick<ResolvedOptions, 'k1' | 'profileModel'>,
  ) {
    this.slots = vocabularySlots(p);
    this.specs = kind === 'experts' ? EXPERT_FIELDS : NEED_FIELDS;
    this.params = { k1: options.k1, fields: this.specs };
    this.weights = this.specs.map((f) => f.queryWeight);
    this.centroid = kind === 'experts' && options.profileModel === 'centroid' ? centroidBuffers() : null;
  }

  /** Packs a chunk; when it fails, the vocabulary is as it was before (the next chunk continues it). */
  pack(records: readonly (ExpertInput | NeedInput)[]): PackedDocs {
    const base = this.vocab.size;
    try {
      return this.packFrom(records, base);
    } catch (err) {
      this.vocab.truncate(base);
      for (const s of this.slots) s.forget(base);
      throw err;
    }
  }

  private packFrom(records: readonly (ExpertInput | NeedInput)[], base: number): PackedDocs {
    const dim = ROW_DIM;
    const lens = new Int32Array(records.length);
    const industry = new Float64Array(records.length * dim);
    const centroid = this.centroid;
    if (centroid !== null) {
      const scales = new Float64Array(records.length);
      const docs = records.map((r, i) => {
        const d = centroidDoc(this.p, r as ExpertInput, expertUnitTokens(this.p.analyzer, r as ExpertInput), this.vocab, this.slots, centroid, this.scratch);
        industry.set(d.industry, i * dim);
        lens[i] = d.termIds.length;
        scales[i] = d.scale;
        return d;
      });
      return { ...this.finish(docs, lens, industry, base), scales };
    }
    const docs = records.map((r, i) => {
      const fields = this.kind === 'experts' ? expertFieldTokens(this.p.analyzer, r as ExpertInput) : needFieldTokens(this.p.analyzer, r as NeedInput);
      const ids = this.vocab.internFields(fields);
      industry.set(taxonomyRowOfIds(this.p, r, ids, this.vocab, this.slots, this.weights, this.scratch.row), i * dim);
      const d = documentImpactsOfIds(ids, this.params, this.buffers);
      lens[i] = d.termIds.length;
      return d;
    });
    return this.finish(docs, lens, industry, base);
  }

  private finish(docs: readonly { termIds: Int32Array; imps: Uint8Array }[], lens: Int32Array, industry: Float64Array, base: number): PackedDocs {
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
    const added = this.vocab.all().slice(base);
    if (added.some((t) => t.includes(SEP))) throw new Error('a token holds NUL');
    return { base, terms: added.join(SEP), added: added.length, lens, termIds, imps, industry };
  }
}

/**
 * The receiving side of one `ChunkPacker`: its vocabulary as far as its chunks have arrived, and
 * those terms' ids in the receiving index's vocabulary.
 */
export class TermMirror {
  private readonly terms: string[] = [];
  private global = new Int32Array(0);
  private vocab: Vocabulary | null = null;
  private filled = 0;

  /** The sender's vocabulary size as known here. */
  get size(): number {
    return this.terms.length;
  }

  /**
   * Takes a chunk's new terms, in the order the sender packed its chunks. False, and nothing
   * taken, when they do not continue what is known here (the sender's state is then unknown).
   */
  extend(p: PackedDocs): boolean {
    if (p.base !== this.terms.length) return false;
    const added = p.terms.length === 0 ? [] : p.terms.split(SEP);
    if (added.length !== p.added) return false;
    for (const t of added) this.terms.push(t);
    return true;
  }

  /**
   * Ids in `vocab` of the sender's first `upTo` terms, interning those it lacks in the sender's
   * order (which, chunks being applied in order, is the order `addExperts` would intern them).
   */
  ids(vocab: Vocabulary, upTo: number): Int32Array {
    if (upTo > this.terms.length) throw new Error('packed documents are inconsistent');
    if (vocab !== this.vocab) {
      this.vocab = vocab;
      this.filled = 0;
    }
    if (this.global.length < upTo) {
      const grown = new Int32Array(Math.max(upTo, 2 * this.global.length, 1024));
      grown.set(this.global.subarray(0, this.filled));
      this.global = grown;
    }
    for (let i = this.filled; i < upTo; i++) this.global[i] = vocab.intern(this.terms[i] as string);
    this.filled = Math.max(this.filled, upTo);
    return this.global;
  }
}

/**
 * The documents of a packed chunk with term ids of `vocab` (the receiving index's), through the
 * sender's `mirror` (already extended with this chunk), in the chunk's order (the index takes a
 * document's terms in any order), with their impacts and taxonomy rows.
 */
export function unpackDocs(p: PackedDocs, mirror: TermMirror, vocab: Vocabulary): IndexDoc[] {
  const dim = ROW_DIM;
  const n = p.lens.length;
  const known = p.base + p.added;
  const global = mirror.ids(vocab, known);
  let total = 0;
  for (const x of p.lens) total += x;
  if (total !== p.termIds.length || total !== p.imps.length || p.industry.length !== n * dim || (p.scales !== undefined && p.scales.length !== n)) {
    throw new Error('packed documents are inconsistent');
  }
  const out = new Array<IndexDoc>(n);
  // One array for the chunk: each document's are views of it.
  const ids = new Int32Array(total);
  for (let j = 0; j < total; j++) {
    const local = p.termIds[j] as number;
    if (!(local >= 0 && local < known)) throw new Error('packed documents are inconsistent');
    ids[j] = global[local] as number;
  }
  let at = 0;
  for (let i = 0; i < n; i++) {
    const len = p.lens[i] as number;
    if (!(len >= 0)) throw new Error('packed documents are inconsistent');
    out[i] = { termIds: ids.subarray(at, at + len), imps: p.imps.subarray(at, at + len), scale: p.scales?.[i] ?? 1, industry: p.industry.subarray(i * dim, (i + 1) * dim) };
    at += len;
  }
  return out;
}
