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
   * Splits text by the dictionary alone (the matcher's words included), without the HMM that
   * joins unknown characters: a string comes back as one token only if it is a dictionary word.
   */
  cutDict(text: string): string[];
  /**
   * Optional: the end offsets of `cut(text)`'s tokens written to `ends`, and for each token to
   * `words` either the id of the dictionary word it is (an integer ≥ 0 that always denotes the
   * same string on this segmenter) or -1; both hold at least `text.length` entries. Returns the
   * number of tokens. A backend that has it spares the analyzer a string for every token it
   * drops (punctuation, spaces, single characters), and a new string and hash for every
   * dictionary word it has met before.
   */
  cutEnds?(text: string, ends: Int32Array, words: Int32Array): number;
  /** With `cutEnds`: the word ids it reports are below this number. */
  readonly wordIdLimit?: number;
}

export const SEGMENTER_BACKENDS = ['node-rs', 'nodejieba', 'js'] as const;
export type SegmenterBackend = (typeof SEGMENTER_BACKENDS)[number];
