import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The approach a user would write in an afternoon, kept as the yardstick: jieba tokens of each
 * profile's concatenated text, TF-IDF (raw tf × ln(N/df)), cosine similarity. No field weights,
 * no stopwords beyond punctuation, no taxonomy, no synonyms.
 */
export interface Baseline {
  rank(query: string, k: number): { id: string; score: number }[];
}

export function buildBaseline(docs: readonly { id: string; text: string }[]): Baseline {
  const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): { cut(s: string, hmm?: boolean): string[] } } };
  const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
  const jieba = Jieba.withDict(dict);
  const tokenize = (s: string): string[] =>
    jieba.cut(s.toLowerCase(), true).filter((t) => /[\p{L}\p{N}]/u.test(t));
  const tfs = docs.map((d) => countOf(tokenize(d.text)));
  const df = new Map<string, number>();
  for (const tf of tfs) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const N = docs.length;
  const idf = (t: string): number => Math.log(N / (df.get(t) ?? N));
  const vectors = tfs.map((tf) => normalise(new Map([...tf].map(([t, n]) => [t, n * idf(t)]))));
  return {
    rank(query, k) {
      const q = normalise(new Map([...countOf(tokenize(query))].map(([t, n]) => [t, n * (df.has(t) ? idf(t) : 0)])));
      const scored = vectors.map((v, i) => {
        let s = 0;
        for (const [t, w] of q) s += w * (v.get(t) ?? 0);
        return { id: (docs[i] as { id: string }).id, score: s };
      });
      return scored
        .filter((x) => x.score > 0)
        .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
        .slice(0, k);
    },
  };
}

function countOf(tokens: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

function normalise(v: Map<string, number>): Map<string, number> {
  let n = 0;
  for (const x of v.values()) n += x * x;
  n = Math.sqrt(n);
  if (n > 0) for (const [k, x] of v) v.set(k, x / n);
  return v;
}
