import * as OpenCC from 'opencc-js';

/** A pure text normaliser: full-width to half-width, Traditional to Simplified, case folding. */
export type Normalizer = (text: string) => string;

/**
 * Builds a normaliser. Each call creates its own OpenCC converter, so nothing is shared between
 * matchers. The conversion is character-level Traditional → Simplified ('tw' → 'cn'): OpenCC's
 * phrase mode ('twp') also rewrites mainland vocabulary (程序→进程, 向量→矢量), so Taiwan-only
 * words (軟體 软体, 晶片, 雷射) are handled as synonyms in the glossary instead.
 */
export function createNormalizer(): Normalizer {
  const t2s = OpenCC.Converter({ from: 'tw', to: 'cn' });
  return (text: string): string => {
    // NFKC folds full-width ASCII (ＡＢＣ１２３), the ideographic space and full-width punctuation.
    const folded = text.normalize('NFKC');
    return t2s(folded).toLowerCase();
  };
}
