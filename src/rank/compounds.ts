import type { Vocabulary } from '../index/vocabulary.js';

/**
 * The index terms of one vocabulary by the words inside them (电机 → 永磁同步电机, 异步电机), so
 * that a query term also finds the longer words that contain it: jieba keeps 永磁同步电机 whole,
 * and a need that says only 电机 would otherwise share no term with that profile.
 *
 * Derived data: brought up to date with the terms added since the last query (a vocabulary only
 * grows), rebuilt when the index gets another vocabulary (a snapshot loaded). Nothing is
 * indexed for it, so it changes no posting and costs the build nothing.
 */
export class CompoundTable {
  private vocab: Vocabulary | undefined;
  private done = 0;
  private byPart = new Map<string, number[]>();

  /** `partsOf(term)`: the words inside an index term (Analyzer.parts). */
  constructor(private readonly partsOf: (term: string) => readonly string[]) {}

  /** The ids of the vocabulary's terms that contain `part` as a word of their own. */
  compoundsOf(vocab: Vocabulary, part: string): readonly number[] | undefined {
    this.sync(vocab);
    return this.byPart.get(part);
  }

  private sync(vocab: Vocabulary): void {
    if (vocab !== this.vocab) {
      this.vocab = vocab;
      this.done = 0;
      this.byPart = new Map();
    }
    const all = vocab.all();
    for (let id = this.done; id < all.length; id++) {
      for (const part of this.partsOf(all[id] as string)) {
        const list = this.byPart.get(part);
        if (list === undefined) this.byPart.set(part, [id]);
        else list.push(id);
      }
    }
    this.done = all.length;
  }
}
