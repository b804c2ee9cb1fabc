import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Background IDF values of a large general corpus (jieba's idf.txt, shipped by @node-rs/jieba). */
export interface BackgroundIdf {
  get(term: string): number;
}

const require = createRequire(import.meta.url);

/**
 * Reads jieba's IDF table. Terms it does not know get its median, as jieba itself does. Only the
 * terms a matcher actually meets are looked up, and snapshots store the values they used.
 */
export function loadBackgroundIdf(): BackgroundIdf {
  const text = readFileSync(require.resolve('@node-rs/jieba/idf.txt'), 'utf8');
  const table = new Map<string, number>();
  const values: number[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const space = text.lastIndexOf(' ', end);
    if (space > start) {
      const v = Number(text.slice(space + 1, end));
      if (Number.isFinite(v)) {
        table.set(text.slice(start, space), v);
        values.push(v);
      }
    }
    start = end + 1;
  }
  values.sort((a, b) => a - b);
  const median = values[values.length >> 1] ?? 10;
  return { get: (term) => table.get(term) ?? median };
}

/** A flat background (every term equal): for tests and for corpora where no prior is wanted. */
export function flatBackgroundIdf(value = 10): BackgroundIdf {
  return { get: () => value };
}
