import { InnomatchError } from '../../errors.js';
import { SEGMENTER_BACKENDS, type Segmenter, type SegmenterBackend } from '../segmenter.js';
import { createJsSegmenter } from './js.js';
import { createNodejiebaSegmenter } from './nodejieba.js';
import { createNodeRsSegmenter } from './noders.js';

/** Creates a fresh segmenter of the given backend with `words` added to its dictionary. */
export function createSegmenter(backend: SegmenterBackend, words: readonly string[]): Segmenter {
  switch (backend) {
    case 'nodejieba':
      return createNodejiebaSegmenter(words);
    case 'js':
      return createJsSegmenter(words);
    default:
      return createNodeRsSegmenter(words);
  }
}

/**
 * Segmenters by backend and dictionary, for matchers that may share one: a segmenter keeps no
 * state between calls, so matchers built with the same words can use the same instance instead
 * of each loading jieba's dictionary (~45 MB of native memory for @node-rs/jieba). The pool is
 * an object the caller owns and passes to `createMatcher` (MatcherResources.segmenters); it
 * keeps every segmenter it made for as long as it is referenced.
 */
export interface SegmenterPool {
  get(backend: SegmenterBackend, words: readonly string[]): Segmenter;
}

export function createSegmenterPool(): SegmenterPool {
  const made = new Map<string, Segmenter>();
  return {
    get(backend, words) {
      if (!(SEGMENTER_BACKENDS as readonly unknown[]).includes(backend)) {
        throw new InnomatchError(`unknown segmenter backend "${String(backend)}" (expected ${SEGMENTER_BACKENDS.join(' or ')})`);
      }
      if (!Array.isArray(words) || !words.every((w) => typeof w === 'string')) throw new InnomatchError('segmenter words must be an array of strings');
      const key = `${backend}\u0000${words.join('\u0001')}`;
      let s = made.get(key);
      if (s === undefined) {
        s = createSegmenter(backend, words);
        made.set(key, s);
      }
      return s;
    },
  };
}
