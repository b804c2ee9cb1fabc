/**
 * The peers, fed the tokens innomatch produces (`m.analyze`), so only indexing and scoring are
 * compared, not segmentation.
 *
 * - minisearch 7.2 (BM25+): one field holding the tokens joined by U+0001, a tokenizer that
 *   splits on it and an identity `processTerm`; queries are OR-combined, no prefix or fuzzy.
 * - natural 8 `TfIdf`: documents added as token arrays (natural then skips its own tokenizer and
 *   stopwords); a query is `tfidfs(distinct query tokens)`, then the top 10 are selected.
 *   Only the TfIdf module file is loaded, never the `natural` root, which reads .env, pulls in
 *   database drivers and more.
 */
import { createRequire } from 'node:module';
import MiniSearch from 'minisearch';
import { packageVersion } from './stats.js';

const require = createRequire(import.meta.url);
const SEP = '\u0001';

export interface Peer {
  readonly name: string;
  readonly version: string;
  /** Indexes the documents (token lists); the id of document i is i. */
  build(docs: readonly (readonly string[])[]): void;
  /** Ids of the top k documents for the query tokens. */
  query(tokens: readonly string[], k: number): number[];
}

export type PeerName = 'minisearch' | 'natural';

export function createPeer(name: PeerName): Peer {
  return name === 'minisearch' ? new MiniSearchPeer() : new NaturalPeer();
}

class MiniSearchPeer implements Peer {
  readonly name = 'minisearch';
  readonly version = packageVersion('minisearch');
  private ms: MiniSearch<{ id: number; t: string }> | undefined;

  build(docs: readonly (readonly string[])[]): void {
    const ms = new MiniSearch<{ id: number; t: string }>({
      fields: ['t'],
      idField: 'id',
      tokenize: (s) => (s.length === 0 ? [] : s.split(SEP)),
      processTerm: (t) => t,
      searchOptions: { combineWith: 'OR', prefix: false, fuzzy: false },
    });
    for (let i = 0; i < docs.length; i++) ms.add({ id: i, t: (docs[i] as readonly string[]).join(SEP) });
    this.ms = ms;
  }

  query(tokens: readonly string[], k: number): number[] {
    if (!this.ms) throw new Error('minisearch: build first');
    const distinct = [...new Set(tokens)];
    return this.ms
      .search(distinct.join(SEP))
      .slice(0, k)
      .map((r) => r.id as number);
  }
}

interface TfIdfInstance {
  documents: unknown[];
  addDocument(document: string[], key?: unknown): void;
  tfidfs(terms: string[]): number[];
}
type TfIdfClass = new () => TfIdfInstance;

class NaturalPeer implements Peer {
  readonly name = 'natural';
  readonly version = packageVersion('natural');
  private tfidf: TfIdfInstance | undefined;

  build(docs: readonly (readonly string[])[]): void {
    // The module file only: see the header comment.
    const TfIdf = require('natural/lib/natural/tfidf/tfidf.js') as TfIdfClass;
    const t = new TfIdf();
    for (let i = 0; i < docs.length; i++) t.addDocument([...(docs[i] as readonly string[])], i);
    this.tfidf = t;
  }

  query(tokens: readonly string[], k: number): number[] {
    if (!this.tfidf) throw new Error('natural: build first');
    const scores = this.tfidf.tfidfs([...new Set(tokens)]);
    return topK(scores, k);
  }
}

/** Indexes of the k largest positive scores, best first (ties by index). */
export function topK(scores: readonly number[], k: number): number[] {
  const best: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i] as number;
    if (!(s > 0)) continue;
    if (best.length === k && s <= (scores[best[k - 1] as number] as number)) continue;
    let j = best.length < k ? best.length : k - 1;
    if (best.length < k) best.push(i);
    while (j > 0 && (scores[best[j - 1] as number] as number) < s) {
      best[j] = best[j - 1] as number;
      j--;
    }
    best[j] = i;
  }
  return best;
}
