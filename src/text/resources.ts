import { CONCEPTS } from '../taxonomy/concepts.js';
import { INDUSTRY_TERMS } from '../taxonomy/lexicon.js';
import { DOMAIN_WORDS } from './dictionary.js';
import { SYNONYM_GROUPS } from './glossary.js';
import { STOPWORDS } from './stopwords.js';

/** Single Chinese characters that name a material or element and are kept as tokens. */
export const MEANINGFUL_SINGLE_CHARS: readonly string[] = [
  ...'钢铁铝铜锂氢硅钛镁锌镍钴碳锡钨钼钒铬锰铅金银铂钯稀硼氮磷硫氧锆铌钽铟镓锗砷锑铋钾钙钠酶菌茶酒醋药肽',
];

export interface LexiconInput {
  dictionary: readonly string[];
  stopwords: readonly string[];
  synonyms: readonly (readonly string[])[];
}

/** The word lists a matcher's analyzer is built from: the shipped ones plus the user's. */
export interface Lexicon {
  /** Every Chinese term the segmenter must keep whole. */
  segmenterWords: string[];
  stopwords: string[];
  synonymGroups: (readonly string[])[];
  /** Multi-word English terms (machine vision). */
  phrases: string[];
  /** Terms mixing ASCII and Chinese (304不锈钢). */
  mixedTerms: string[];
  /** Single ASCII words of the lexicons, kept exactly as written (5g, igbt, lidar). */
  asciiTerms: string[];
}

const HAS_CJK = /[\u3400-\u9fff]/;
const HAS_ASCII = /[a-z0-9]/i;

export function buildLexicon(user: LexiconInput): Lexicon {
  const all = new Set<string>();
  const add = (t: string): void => {
    all.add(t.trim());
  };
  DOMAIN_WORDS.forEach(add);
  user.dictionary.forEach(add);
  const synonymGroups = [...SYNONYM_GROUPS, ...user.synonyms];
  for (const g of synonymGroups) g.forEach(add);
  for (const terms of Object.values(INDUSTRY_TERMS)) Object.keys(terms).forEach(add);
  for (const c of CONCEPTS) {
    c.symptoms.forEach(add);
    c.science.forEach(add);
  }
  const segmenterWords: string[] = [];
  const phrases: string[] = [];
  const mixedTerms: string[] = [];
  const asciiTerms: string[] = [];
  for (const t of all) {
    if (t.length === 0) continue;
    const cjk = HAS_CJK.test(t);
    const ascii = HAS_ASCII.test(t);
    if (cjk && ascii) mixedTerms.push(t);
    else if (cjk) segmenterWords.push(t);
    else if (/\s|-/.test(t)) phrases.push(t);
    else asciiTerms.push(t);
  }
  return {
    segmenterWords,
    stopwords: [...STOPWORDS, ...user.stopwords],
    synonymGroups,
    phrases,
    mixedTerms,
    asciiTerms,
  };
}
