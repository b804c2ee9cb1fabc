/**
 * A fingerprint of how a matcher analyses text: the word lists it is built from and what its
 * analyser makes of every one of them and of a few probe sentences (normalisation, Traditional
 * characters, English stemming). A binary snapshot stores its index as analysed tokens, so it is
 * only valid for a matcher whose analysis gives the same tokens: another innomatch version, another
 * lexicon, segmenter dictionary, industry or discipline vocabulary or taxonomy row layout changes the fingerprint, and `loadMatcher` then re-analyses the
 * snapshot's records instead of restoring its index.
 */
import { createHash } from 'node:crypto';
import type { Analyzer } from './analyzer.js';
import type { Lexicon } from './resources.js';
import { DISCIPLINES } from '../taxonomy/disciplines/index.js';
import { INDUSTRY_TERMS } from '../taxonomy/lexicon.js';
import { ROW_DIM } from '../taxonomy/row.js';

const PROBES = [
  '电机带载跑一会儿机壳就烫手，温升过高，需要优化永磁同步电机的热管理与冷却结构。',
  '軟體定義車輛與半導體封裝可靠度；ＩＧＢＴ模块　结温估计，304不锈钢焊接热输入。',
  'Machine vision and defect detection for lithium-ion battery separators; generators, positioning, hardness.',
  'The general manager of a new generation of positive, separate, hard-to-cut products in 5G 工业互联网.',
];

/**
 * The rules by which the classifiers find their vocabularies' terms in tokens, numbered: a
 * change that gives other taxonomy rows from the same tokens and vocabularies must change it.
 * 2 (2026-11-27): character pairs are no discipline evidence, and a discipline term that
 * analyses to one word shorter than itself (社会支持 → 社会) is left out.
 */
const TAXONOMY_RULES = 2;

export function analysisFingerprint(lexicon: Lexicon, analyzer: Analyzer, charBigrams: boolean): string {
  // The parts are hashed as one string: the same bytes in the same order as one update per part
  // (the digest is unchanged), without ~30k calls into the hash.
  const parts: string[] = [];
  const put = (x: unknown): void => {
    parts.push(JSON.stringify(x), '\n');
  };
  put([analyzer.segmenter.backend, charBigrams]);
  const lists = [lexicon.segmenterWords, lexicon.stopwords, lexicon.phrases, lexicon.mixedTerms, lexicon.asciiTerms, lexicon.synonymGroups.flat()];
  for (const list of lists) {
    put(list);
    for (const term of list) put(analyzer.analyze(term));
  }
  for (const p of PROBES) put(analyzer.analyze(p));
  // The taxonomy rows stored beside the index: their layout and the vocabularies they come from.
  put(['rows', ROW_DIM, 'rules', TAXONOMY_RULES]);
  put(INDUSTRY_TERMS);
  // Their terms' tokens follow from the analysis fingerprinted above.
  put(DISCIPLINES.map((d) => [d.code, d.terms]));
  return createHash('sha256').update(parts.join('')).digest('hex');
}
