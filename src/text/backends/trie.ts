/** A character trie for greedy longest-match of dictionary terms inside a string. */
export interface TermTrie {
  /** Splits `text` into runs: matched dictionary terms (`term: true`) and the text between them. */
  split(text: string): { text: string; term: boolean }[];
}

interface Node {
  next: Map<string, Node>;
  end: boolean;
}

export function buildTermTrie(words: readonly string[]): TermTrie {
  const root: Node = { next: new Map(), end: false };
  for (const word of words) {
    let node = root;
    for (const ch of word) {
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map(), end: false };
        node.next.set(ch, child);
      }
      node = child;
    }
    if (node !== root) node.end = true;
  }
  return {
    split(text) {
      const chars = [...text];
      const out: { text: string; term: boolean }[] = [];
      let gapStart = 0;
      let i = 0;
      while (i < chars.length) {
        let node: Node | undefined = root;
        let matchEnd = -1;
        for (let j = i; j < chars.length; j++) {
          node = node.next.get(chars[j] as string);
          if (!node) break;
          if (node.end) matchEnd = j + 1;
        }
        // Only multi-character matches are protected; single characters stay with the backend.
        if (matchEnd > i + 1) {
          if (gapStart < i) out.push({ text: chars.slice(gapStart, i).join(''), term: false });
          out.push({ text: chars.slice(i, matchEnd).join(''), term: true });
          i = matchEnd;
          gapStart = i;
        } else {
          i++;
        }
      }
      if (gapStart < chars.length) out.push({ text: chars.slice(gapStart).join(''), term: false });
      return out;
    },
  };
}
