import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Segment } from '../index/segment.js';
import type { QueryPlan } from './plan.js';
import type { ScoredSlot } from './search.js';
import type { WorkerIndexData, WorkerRequest } from './search-worker.js';

function shared<T extends Int32Array | Uint8Array | Float64Array>(a: T): T {
  const copy = new (a.constructor as new (b: SharedArrayBuffer) => T)(new SharedArrayBuffer(a.byteLength));
  copy.set(a);
  return copy;
}

/** Copies an index into shared memory once per batch; workers read it without copying. */
export function shareIndex(d: WorkerIndexData): WorkerIndexData {
  return {
    segments: d.segments.map(
      (s): Segment => ({ offsets: shared(s.offsets), docs: shared(s.docs), imps: shared(s.imps), maxImp: shared(s.maxImp) }),
    ),
    alive: shared(d.alive),
    industryRows: shared(d.industryRows),
    kindCodes: shared(d.kindCodes),
    tieKeys: d.tieKeys,
  };
}

function spawn(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./search-worker.js', here));
  // From the TypeScript sources (tests, scripts): register tsx in the worker, then load the entry.
  const tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./search-worker.ts', here).href;
  const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true });
}

/** Runs plans on `workers` threads, in contiguous chunks, and returns results in plan order. */
export async function runPlansInWorkers(data: WorkerIndexData, plans: readonly QueryPlan[], workers: number): Promise<ScoredSlot[][]> {
  const n = Math.max(1, Math.min(workers, plans.length));
  const chunk = Math.ceil(plans.length / n);
  const pool = Array.from({ length: n }, spawn);
  try {
    const parts = await Promise.all(
      pool.map(
        (w, i) =>
          new Promise<ScoredSlot[][]>((resolve, reject) => {
            w.once('error', reject);
            w.once('exit', (code) => {
              if (code !== 0) reject(new Error(`search worker exited with code ${code}`));
            });
            w.once('message', (msg: { id: number; results: ScoredSlot[][] }) => resolve(msg.results));
            w.postMessage({ type: 'init', data } satisfies WorkerRequest);
            w.postMessage({ type: 'run', id: i, plans: plans.slice(i * chunk, (i + 1) * chunk) } satisfies WorkerRequest);
          }),
      ),
    );
    return parts.flat();
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
