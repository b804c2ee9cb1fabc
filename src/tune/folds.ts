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

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
