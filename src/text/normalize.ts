import * as OpenCC from 'opencc-js';

/** A pure text normaliser: full-width to half-width, Traditional to Simplified, case folding. */
export type Normalizer = (text: string) => string;

/**
 * Builds a normaliser. Each call creates its own OpenCC converter (Taiwan phrases to mainland
 * Simplified: 軟體→软件, 雷射→激光), so nothing is shared between matchers.
 */
export function createNormalizer(): Normalizer {
  const t2s = OpenCC.Converter({ from: 'twp', to: 'cn' });
  return (text: string): string => {
    // NFKC folds full-width ASCII (ＡＢＣ１２３), the ideographic space and full-width punctuation.
    const folded = text.normalize('NFKC');
    return t2s(folded).toLowerCase();
  };
}
