/** Timing, percentiles and heap helpers shared by the scenarios. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';

export const now = (): number => performance.now();

/** Percentile by nearest rank (p in [0, 100]) of an unsorted list; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** Element-wise median of several equally long lists (per-query median over passes). */
export function medianOfPasses(passes: readonly (readonly number[])[]): number[] {
  const n = passes[0]?.length ?? 0;
  const out: number[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = median(passes.map((p) => p[i] as number));
  return out;
}

export interface Percentiles {
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  max: number;
  count: number;
}

export function summarize(values: readonly number[]): Percentiles {
  return {
    p50: percentile(values, 50),
    p90: percentile(values, 90),
    p99: percentile(values, 99),
    mean: mean(values),
    max: values.length ? Math.max(...values) : Number.NaN,
    count: values.length,
  };
}

const gcFn = (globalThis as { gc?: () => void }).gc;

export const hasGc = (): boolean => typeof gcFn === 'function';

/** Full collections until the heap stops shrinking (weak refs and finalizers need a few). */
export function fullGc(): void {
  if (!gcFn) return;
  let last = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 6; i++) {
    gcFn();
    const used = process.memoryUsage().heapUsed;
    if (used >= last - 1024) break;
    last = used;
  }
}

/**
 * Like fullGc, but lets pending finalizers and weak callbacks run between collections (native
 * wrappers, e.g. a dropped segmenter, release their JS objects only then). Use before heap
 * measurements.
 */
export async function settleHeap(): Promise<void> {
  if (!gcFn) return;
  let last = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 8; i++) {
    gcFn();
    await new Promise<void>((resolve) => setImmediate(resolve));
    const used = process.memoryUsage().heapUsed;
    if (i >= 2 && used >= last - 1024) break;
    last = used;
  }
}

/** JS heap plus ArrayBuffer backing stores (typed-array postings live there). */
export function heapBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Version of an installed package, read from its package.json. */
export function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  try {
    let dir = dirname(require.resolve(name));
    for (let i = 0; i < 6; i++) {
      const file = join(dir, 'package.json');
      if (existsSync(file)) {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name) return pkg.version ?? '?';
      }
      dir = dirname(dir);
    }
  } catch {
    // not installed
  }
  return '?';
}

export function log(msg: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}
