/** Public data types of innomatch. Runtime validation lives in `src/validate.ts`. */
import type { IndustryCode } from './taxonomy/codes.js';

export type { IndustryCode };

export const EXPERT_KINDS = Object.freeze(['academician', 'expert', 'society', 'overseas', 'team'] as const);
export type ExpertKind = (typeof EXPERT_KINDS)[number];

export interface PublicationInput {
  title: string;
  abstract?: string;
  keywords?: string[];
  year?: number;
}

export interface ExpertInput {
  id: string;
  name: string;
  kind?: ExpertKind;
  /** Job title, e.g. 教授 / 研究员 / Professor. */
  title?: string;
  organization?: string;
  region?: string;
  /** Research fields / 研究方向. */
  fields?: string[];
  keywords?: string[];
  bio?: string;
  publications?: PublicationInput[];
  /** Declared industries; when absent they are inferred with `classify`. */
  industries?: IndustryCode[];
  /**
   * How many needs this expert can take at one event (a society: its delegates, one need each).
   * Counted per need, not per enterprise: an expert assigned two needs of one enterprise uses 2,
   * although the schedule has them meet once.
   */
  capacity?: number;
  /**
   * The profile's vector from the user's own sentence-embedding model, for the latent part of
   * the score (option `latent`). Every embedding in a matcher has the same length.
   */
  embedding?: number[];
  /**
   * Declared first-level disciplines (一级学科), at most three, as codes of `DISCIPLINE_CODES`
   * ('0805' for 材料科学与工程); when absent they are inferred from the text. Equal weights.
   */
  disciplines?: string[];
}

export interface EnterpriseInput {
  id?: string;
  name: string;
  park?: string;
  region?: string;
}

export interface NeedInput {
  id: string;
  title?: string;
  description: string;
  keywords?: string[];
  enterprise?: EnterpriseInput;
  industries?: IndustryCode[];
  /** The need's vector from the same embedding model as the profiles' (see ExpertInput). */
  embedding?: number[];
  /** Declared disciplines, as on ExpertInput. */
  disciplines?: string[];
}

export interface ExplanationTerm {
  /** The term as indexed in the candidate's profile. */
  term: string;
  /** Share of the score this term contributed. */
  weight: number;
  /**
   * When the match came through query expansion: the query's own term (a synonym, a plant-floor
   * symptom, or a word inside the matched compound: term 永磁同步电机 via 电机).
   */
  via?: string;
  /**
   * `term` as a reader would write it, when its index form differs: English words are indexed
   * stemmed (nois, coat, lubric), so the word comes from the query's own text (noise) or, for a
   * synonym, from the glossary (lubrication). Absent when the index form is the word itself.
   */
  label?: string;
  /** The same for `via`. */
  viaLabel?: string;
}

export interface ExplanationIndustry {
  code: IndustryCode;
  weight: number;
}

export interface ExplanationDiscipline {
  /** Code of the 一级学科 in 学位授予和人才培养学科目录 (2022), e.g. '0805'. */
  code: string;
  /** Its name, e.g. 材料科学与工程. */
  name: string;
  weight: number;
}

export interface Explanation {
  /** Contribution of each matched term; sums to the text part of the score. */
  terms: ExplanationTerm[];
  /** Contribution of each shared industry; sums to the industry part of the score. */
  industries: ExplanationIndustry[];
  /**
   * Contribution of each discipline (学科) both sides' vocabulary points to; sums to the
   * discipline part of the score. Present when the discipline weight is above 0 (the default).
   */
  disciplines?: ExplanationDiscipline[];
  /**
   * The latent part of the score: latent weight × max(0, cosine of the two embeddings), 0 when
   * the candidate has none. Present only when the latent part is on and the query has an
   * embedding; terms + industries + disciplines + latent = score.
   */
  latent?: number;
}

export interface Recommendation {
  id: string;
  score: number;
  explanation: Explanation;
}

export interface IndustryScore {
  code: IndustryCode;
  score: number;
}
