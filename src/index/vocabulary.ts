import { Arena } from '../util/typed.js';

/** Term ↔ dense id, append-only. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  /** Where internFields' arrays come from (they are read and dropped, record by record). */
  private readonly scratch = new Arena(Int32Array);

  get size(): number {
    return this.terms.length;
  }

  id(term: string): number | undefined {
    return this.ids.get(term);
  }

  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
    }
    return id;
  }

  /**
   * A document's tokens as term ids, field by field (new terms are added, in token order). The
   * arrays are views of shared blocks: copy them to keep them long.
   */
  internFields(fields: readonly (readonly string[])[]): Int32Array[] {
    return fields.map((toks) => {
      const ids = this.scratch.alloc(toks.length);
      for (let k = 0; k < toks.length; k++) ids[k] = this.intern(toks[k] as string);
      return ids;
    });
  }

  /** Forgets the terms of id `size` and above (those added since the vocabulary had `size` terms). */
  truncate(size: number): void {
    if (!Number.isInteger(size) || size < 0) throw new RangeError(`bad vocabulary size ${size}`);
    while (this.terms.length > size) this.ids.delete(this.terms.pop() as string);
  }

  /** All terms by id. */
  all(): readonly string[] {
    return this.terms;
  }

  static from(terms: readonly string[]): Vocabulary {
    const v = new Vocabulary();
    for (const t of terms) v.intern(t);
    if (v.size !== terms.length) throw new RangeError('duplicate terms in vocabulary');
    return v;
  }

  term(id: number): string {
    const t = this.terms[id];
    if (t === undefined) throw new RangeError(`unknown term id ${id}`);
    return t;
  }
}
