import { createRequire } from 'node:module';
import type { Segmenter } from '../segmenter.js';
import { dictionaryForm, domainWordFrequency } from './frequency.js';

const require = createRequire(import.meta.url);

interface NodeRsJieba {
  cut(sentence: string, hmm?: boolean): string[];
  loadDict(dict: Uint8Array): void;
}
interface NodeRsModule {
  Jieba: { withDict(dict: Uint8Array): NodeRsJieba };
}

/**
 * `@node-rs/jieba` backend: prebuilt binaries, per-instance dictionary. Extra words are loaded
 * into this instance only, with a high frequency so the segmenter prefers them.
 */
export function createNodeRsSegmenter(words: readonly string[]): Segmenter {
  const mod = require('@node-rs/jieba') as NodeRsModule;
  const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
  const jieba = mod.Jieba.withDict(dict);
  if (words.length > 0) {
    const lines = words.map((w) => `${dictionaryForm(w)} ${domainWordFrequency(w)} n`).join('\n');
    jieba.loadDict(Buffer.from(`${lines}\n`, 'utf8'));
  }
  return {
    backend: 'node-rs',
    cut: (text) => jieba.cut(text, true),
    cutDict: (text) => jieba.cut(text, false),
  };
}
