import type { Concept } from '../taxonomy/concepts.js';
import type { Analyzer } from './analyzer.js';

/** A query-side expansion: `term` may also be searched as `to`, with weight × `factor`. */
export interface Expansion {
  to: string;
  factor: number;
  kind: 'synonym' | 'concept';
}

/** Term → its expansions. Built once per matcher from the glossary and the concept layer. */
export type ExpansionTable = ReadonlyMap<string, readonly Expansion[]>;

export interface ExpansionFactors {
  synonym: number;
  concept: number;
}

/** Index tokens of a list of dictionary terms (terms that do not analyse to one token are dropped). */
export function termKeys(analyzer: Analyzer, terms: readonly string[]): string[] {
  const out = new Set<string>();
  for (const t of terms) {
    const k = analyzer.termKey(t);
    if (k !== null) out.add(k);
  }
  return [...out];
}

export function buildExpansionTable(
  analyzer: Analyzer,
  synonymGroups: readonly (readonly string[])[],
  concepts: readonly Concept[],
  factors: ExpansionFactors,
): ExpansionTable {
  const table = new Map<string, Map<string, Expansion>>();
  const put = (from: string, e: Expansion): void => {
    if (from === e.to || e.factor <= 0) return;
    let m = table.get(from);
    if (!m) {
      m = new Map();
      table.set(from, m);
    }
    const prev = m.get(e.to);
    if (!prev || prev.factor < e.factor) m.set(e.to, e);
  };
  for (const group of synonymGroups) {
    const keys = termKeys(analyzer, group);
    for (const a of keys) for (const b of keys) put(a, { to: b, factor: factors.synonym, kind: 'synonym' });
  }
  for (const c of concepts) {
    const science = termKeys(analyzer, c.science);
    for (const s of termKeys(analyzer, c.symptoms)) {
      for (const t of science) put(s, { to: t, factor: factors.concept, kind: 'concept' });
    }
  }
  const out = new Map<string, readonly Expansion[]>();
  for (const [k, m] of table) out.set(k, [...m.values()]);
  return out;
}

/** Synonym classes for exact lookups (classification): token → every token of its group. */
export function synonymClasses(analyzer: Analyzer, synonymGroups: readonly (readonly string[])[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const group of synonymGroups) {
    const keys = termKeys(analyzer, group);
    for (const k of keys) {
      const prev = out.get(k) ?? [];
      out.set(k, [...new Set([...prev, ...keys])]);
    }
  }
  return out;
}

/**
 * Index form → the glossary's own word, for glossary words whose index form differs (English
 * words are stemmed: lubrication → lubric): how an expansion target reads in an explanation.
 * The first entry wins, in lexicon order.
 */
export function glossaryLabels(analyzer: Analyzer, terms: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of terms) analyzer.surfaceForms(t, out);
  return out;
}
