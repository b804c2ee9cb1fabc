/**
 * Greedy longest-match of multi-word phrases over a sequence of word keys
 * (e.g. ['machin', 'vision'] → 'machine vision').
 */
export interface PhraseMatcher {
  /** Length of the longest phrase starting at `start`, and the phrase's token, or null. */
  match(words: readonly string[], start: number): { length: number; token: string } | null;
}

interface Node {
  next: Map<string, Node>;
  token?: string;
}

export function buildPhraseMatcher(phrases: ReadonlyMap<string, readonly string[]>): PhraseMatcher {
  const root: Node = { next: new Map() };
  for (const [token, words] of phrases) {
    if (words.length < 2) continue;
    let node = root;
    for (const w of words) {
      let child = node.next.get(w);
      if (!child) {
        child = { next: new Map() };
        node.next.set(w, child);
      }
      node = child;
    }
    node.token ??= token;
  }
  return {
    match(words, start) {
      let node: Node | undefined = root;
      let best: { length: number; token: string } | null = null;
      for (let i = start; i < words.length; i++) {
        node = node.next.get(words[i] as string);
        if (!node) break;
        if (node.token !== undefined) best = { length: i - start + 1, token: node.token };
      }
      return best;
    },
  };
}
