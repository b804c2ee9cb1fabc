import type { Vocabulary } from '../index/vocabulary.js';

/**
 * A classifier's `termSlot` of every term of a vocabulary, by term id, filled as the vocabulary
 * grows (it only grows) and started again for another vocabulary object (a loaded snapshot's).
 * With it a record's industry is classified from the term ids its tokens were interned to,
 * without hashing each token a second time.
 */
export class TermSlots {
  private table = new Int32Array(0);
  private filled = 0;
  private vocab: Vocabulary | null = null;

  constructor(private readonly classifier: { termSlot(term: string): number }) {}

  /** Forgets the slots of term ids `from` and above (their vocabulary was truncated to `from` terms). */
  forget(from: number): void {
    this.filled = Math.min(this.filled, from);
  }

  /** Slots by term id for every term of `vocab` (valid until its next new term). */
  of(vocab: Vocabulary): Int32Array {
    if (vocab !== this.vocab) {
      this.vocab = vocab;
      this.filled = 0;
    }
    const size = vocab.size;
    if (this.table.length < size) {
      const grown = new Int32Array(Math.max(size, 2 * this.table.length, 1024));
      grown.set(this.table.subarray(0, this.filled));
      this.table = grown;
    }
    const terms = vocab.all();
    for (let id = this.filled; id < size; id++) this.table[id] = this.classifier.termSlot(terms[id] as string);
    this.filled = size;
    return this.table;
  }
}
