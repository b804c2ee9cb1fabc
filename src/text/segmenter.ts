/**
 * The segmentation seam: one `Segmenter` instance per matcher, so two matchers with different
 * dictionaries coexist. A segmenter only splits Chinese text into words; normalisation,
 * stopwords and stemming happen around it in the analyzer.
 */
export interface Segmenter {
  /** Backend name, recorded in snapshots. */
  readonly backend: SegmenterBackend;
  /** Splits normalised text into words, in order. Whitespace-only tokens may be returned. */
  cut(text: string): string[];
  /**
   * The dictionary words inside one word, as jieba's search mode finds them (its two- and
   * three-character substrings that are dictionary words, and for backends that cut the word
   * further, its parts): 永磁同步电机 → 永磁, 同步, 电机. The word itself is not included.
   */
  subwords(word: string): string[];
}

export const SEGMENTER_BACKENDS = ['node-rs', 'nodejieba'] as const;
export type SegmenterBackend = (typeof SEGMENTER_BACKENDS)[number];
