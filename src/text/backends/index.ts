import type { Segmenter, SegmenterBackend } from '../segmenter.js';
import { createNodejiebaSegmenter } from './nodejieba.js';
import { createNodeRsSegmenter } from './noders.js';

/** Creates a fresh segmenter of the given backend with `words` added to its dictionary. */
export function createSegmenter(backend: SegmenterBackend, words: readonly string[]): Segmenter {
  return backend === 'nodejieba' ? createNodejiebaSegmenter(words) : createNodeRsSegmenter(words);
}
