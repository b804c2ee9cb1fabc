import { createRequire } from 'node:module';
import type { Segmenter } from '../segmenter.js';
import { dictionaryForm, domainWordFrequency } from './frequency.js';
import { JiebaCutter, RETAINED } from './jieba-js/cut.js';
import { HmmCutter, parseHmmModel } from './jieba-js/hmm.js';
import { JIEBA_HMM_MODEL } from './jieba-js/hmm-model.js';
import { DictTrie } from './jieba-js/trie.js';

const require = createRequire(import.meta.url);

/**
 * `js` backend: jieba's algorithm (dictionary DAG, maximum-probability route, HMM for unknown
 * words) in plain JavaScript over jieba's own dictionary (the dict.txt that @node-rs/jieba
 * ships) and HMM model, so its cuts are jieba's. It reports token offsets and the dictionary
 * word of each token (`cutEnds`: the word's trie node), so the analyzer makes no string for the
 * tokens it drops and reuses one string per dictionary word; it has no native code and no
 * per-call string conversion. Its dictionary is per instance, like @node-rs/jieba's.
 */
export function createJsSegmenter(words: readonly string[]): Segmenter {
  const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
  const trie = new DictTrie();
  trie.addDictionary(dict);
  for (const w of words) trie.add(dictionaryForm(w), domainWordFrequency(w));
  trie.finish();
  const cutter = new JiebaCutter(trie, new HmmCutter(parseHmmModel(JIEBA_HMM_MODEL)));
  let ends = new Int32Array(1024);
  let wordIds = new Int32Array(1024);
  const cut = (text: string, hmm: boolean): string[] => {
    if (ends.length < text.length) {
      ends = new Int32Array(2 * text.length);
      wordIds = new Int32Array(2 * text.length);
    }
    const n = cutter.cutEnds(text, ends, wordIds, hmm);
    const out = new Array<string>(n);
    for (let k = 0, s = 0; k < n; k++) {
      const e = ends[k] as number;
      out[k] = text.slice(s, e);
      s = e;
    }
    if (ends.length > RETAINED) {
      ends = new Int32Array(1024);
      wordIds = new Int32Array(1024);
    }
    return out;
  };
  return {
    backend: 'js',
    cut: (text) => cut(text, true),
    cutDict: (text) => cut(text, false),
    cutEnds: (text, into, intoWords) => cutter.cutEnds(text, into, intoWords, true),
    wordIdLimit: trie.size,
  };
}
