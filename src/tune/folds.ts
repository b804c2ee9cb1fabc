import { mulberry32 } from '../util/random.js';

/** Seeded k-fold assignment: shuffles the ids (mulberry32 + Fisher–Yates) and deals them round-robin. */
export function assignFolds(ids: readonly string[], folds: number, seed: number): string[][] {
  const order = [...ids];
  const random = mulberry32(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as string, order[i] as string];
  }
  const out: string[][] = Array.from({ length: folds }, () => []);
  order.forEach((id, i) => (out[i % folds] as string[]).push(id));
  return out;
}

