import { createRequire } from 'node:module';
import { InnomatchError } from '../../errors.js';
import type { Segmenter } from '../segmenter.js';
import { buildTermTrie } from './trie.js';

const require = createRequire(import.meta.url);

interface NodejiebaModule {
  cut(sentence: string, hmm?: boolean): string[];
}

/**
 * `nodejieba` backend (optional dependency). Its dictionary is process-global, so instead of
 * `insertWord` (which would change every other caller) this backend protects the matcher's own
 * dictionary terms: they are found by longest match first and only the text between them is
 * handed to nodejieba.
 */
export function createNodejiebaSegmenter(words: readonly string[]): Segmenter {
  let mod: NodejiebaModule;
  try {
    mod = require('nodejieba') as NodejiebaModule;
  } catch (cause) {
    throw new InnomatchError(
      'segmenter "nodejieba" is not installed (it is an optional dependency that compiles from source); ' +
        'install it with `npm install nodejieba` or use the default segmenter "node-rs"',
      { cause },
    );
  }
  const trie = buildTermTrie(words);
  const cut = (text: string, hmm: boolean): string[] => {
    const out: string[] = [];
    for (const run of trie.split(text)) {
      if (run.term) out.push(run.text);
      else for (const w of mod.cut(run.text, hmm)) out.push(w);
    }
    return out;
  };
  return {
    backend: 'nodejieba',
    cut: (text) => cut(text, true),
    cutDict: (text) => cut(text, false),
  };
}
