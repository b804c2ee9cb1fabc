import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Segment } from '../index/segment.js';
import type { QueryPlan } from './plan.js';
import type { ScoredSlot } from './search.js';
import type { WorkerIndexData, WorkerRequest } from './search-worker.js';
import type { ResolvedOptions } from '../config.js';
import { type PackedDocs, TermMirror } from '../prepare.js';
import type { ExpertInput, NeedInput } from '../types.js';

function shared<T extends Int32Array | Uint8Array | Float32Array | Float64Array>(a: T): T {
  const copy = new (a.constructor as new (b: SharedArrayBuffer) => T)(new SharedArrayBuffer(a.byteLength));
  copy.set(a);
  return copy;
}

/** Copies an index into shared memory once per batch; workers read it without copying. */
export function shareIndex(d: WorkerIndexData): WorkerIndexData {
  return {
    segments: d.segments.map(
      (s): Segment => ({ offsets: shared(s.offsets), postings: shared(s.postings), maxImp: shared(s.maxImp) }),
    ),
    alive: shared(d.alive),
    ...(d.scale !== undefined ? { scale: shared(d.scale) } : {}),
    industryRows: shared(d.industryRows),
    kindCodes: shared(d.kindCodes),
    tieKeys: d.tieKeys,
  };
}

export function spawnSearchWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./search-worker.js', here), { resourceLimits: WORKER_LIMITS });
  // From the TypeScript sources (tests, scripts): register tsx in the worker, then load the entry.
  const tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./search-worker.ts', here).href;
  const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, resourceLimits: WORKER_LIMITS });
}

/**
 * A larger young generation than V8's default: analysing records allocates many short-lived
 * token arrays, and with 64 MB fewer of them survive into the old generation. Measured on 20k
 * generated profiles with 2 workers, alternating runs in one session: addExpertsParallel 1.66–1.72 s
 * against 1.87–2.15 s with the default (32 MB: no gain; 128 MB: 1.67–2.01 s).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 64 };

/** Records per message of a parallel add, at most and (but for the last) at least. */
const PREPARE_CHUNK = 500;
const PREPARE_MIN_CHUNK = 50;

/**
 * The chunks of a parallel add on `threads` threads: PREPARE_CHUNK records each, then smaller
 * towards the end (a share of what remains), so that when the calling thread has nothing left to
 * analyse, the chunks still on a worker are short. 100k generated profiles in 10 calls, one
 * worker and this thread: this thread waited 0.43–0.57 s at the ends of calls with chunks of
 * 500 throughout, 0.03–0.04 s with these.
 */
export function prepareChunks<R>(records: readonly R[], threads: number): R[][] {
  const chunks: R[][] = [];
  for (let i = 0; i < records.length; ) {
    const size = Math.min(PREPARE_CHUNK, Math.max(PREPARE_MIN_CHUNK, Math.ceil((records.length - i) / (2 * threads))));
    chunks.push(records.slice(i, i + size));
    i += size;
  }
  return chunks;
}

/** A chunk analysed on a worker, and the mirror of that worker's vocabulary to read it with. */
export interface PreparedChunk {
  packed: PackedDocs;
  mirror: TermMirror;
}

/**
 * Worker threads kept between batches (a matcher owns one), so only the first batch pays for
 * starting them. They are unref'd: an idle pool never keeps the process alive; `close()` ends it.
 */
export class WorkerPool {
  private workers: Worker[] = [];
  private next = 0;
  private turn = 0;
  /** The index each worker holds, so that an unchanged index is not sent again. */
  private readonly holds = new WeakMap<Worker, WorkerIndexData>();
  /** Each worker's vocabularies as its `prepare` replies have told them (see ChunkPacker). */
  private readonly mirrors = new WeakMap<Worker, Record<'experts' | 'needs', TermMirror>>();
  /** Per worker, the options (as JSON) its text pipeline has warmed up for, and is warming up for. */
  private readonly warm = new WeakMap<Worker, string>();
  private readonly warming = new WeakMap<Worker, string>();
  /** Options as JSON, by object (a matcher passes the same one with every chunk). */
  private readonly keys = new WeakMap<ResolvedOptions, string>();

  async run(data: WorkerIndexData, plans: readonly QueryPlan[], size: number): Promise<ScoredSlot[][]> {
    const n = Math.max(1, Math.min(size, plans.length));
    const workers = this.ensure(n);
    const chunk = Math.ceil(plans.length / n);
    const parts = await Promise.all(
      workers.map((w, i) => {
        if (this.holds.get(w) !== data) {
          w.postMessage({ type: 'init', data } satisfies WorkerRequest);
          this.holds.set(w, data);
        }
        const id = this.next++;
        return this.request<{ results: ScoredSlot[][] }>(w, id, { type: 'run', id, plans: plans.slice(i * chunk, (i + 1) * chunk) });
      }),
    );
    return parts.flatMap((p) => p.results);
  }

  /**
   * Analyses records on a worker (the pool's workers in turn, `size` of them at most): the
   * worker builds the text pipeline of `options` once and keeps it, with a vocabulary per kind
   * that grows from chunk to chunk; the reply comes with this thread's mirror of that
   * vocabulary, extended with the chunk's new terms. Rejects if the worker fails, and drops a
   * worker whose vocabulary does not continue its mirror.
   */
  prepare(options: ResolvedOptions, kind: 'experts' | 'needs', records: readonly (ExpertInput | NeedInput)[], size: number): Promise<PreparedChunk> {
    const all = this.ensure(Math.max(1, size));
    const key = this.keyOf(options);
    const ready = all.filter((w) => this.warm.get(w) === key);
    const workers = ready.length > 0 ? ready : all;
    const w = workers[this.turn++ % workers.length] as Worker;
    const id = this.next++;
    // As one JSON string: cloning it costs far less than cloning the records as objects.
    return this.request<{ packed: PackedDocs }>(w, id, { type: 'prepare', id, options, kind, records: JSON.stringify(records) }).then(({ packed }) => {
      let mirrors = this.mirrors.get(w);
      if (mirrors === undefined) {
        mirrors = { experts: new TermMirror(), needs: new TermMirror() };
        this.mirrors.set(w, mirrors);
      }
      const mirror = mirrors[kind];
      if (!mirror.extend(packed)) {
        this.drop(w);
        throw new Error('a worker\'s vocabulary does not continue the chunks received from it');
      }
      return { packed, mirror };
    });
  }

  /**
   * How many of the first `n` workers (started now if need be) are warm for `options`: their
   * text pipeline is built and has run once, so that a chunk sent to them starts at once. The
   * others are asked to warm up (once per options). A worker starting from the TypeScript
   * sources takes about 2 s to load them, and any worker ~0.7 s more to build the pipeline and
   * run its first chunk cold.
   */
  ready(n: number, options: ResolvedOptions): number {
    const key = this.keyOf(options);
    let k = 0;
    for (const w of this.ensure(n)) {
      if (this.warm.get(w) === key) k++;
      else if (this.warming.get(w) !== key) {
        this.warming.set(w, key);
        const id = this.next++;
        this.request(w, id, { type: 'warm', id, options }).then(
          () => {
            if (this.warming.get(w) === key) this.warm.set(w, key);
          },
          () => {
            if (this.warming.get(w) === key) this.warming.delete(w);
          },
        );
      }
    }
    return k;
  }

  private keyOf(options: ResolvedOptions): string {
    let key = this.keys.get(options);
    if (key === undefined) {
      key = JSON.stringify(options);
      this.keys.set(options, key);
    }
    return key;
  }

  /** The first `n` workers, started if need be. */
  private ensure(n: number): Worker[] {
    while (this.workers.length < n) {
      const w = spawnSearchWorker();
      w.unref();
      this.workers.push(w);
    }
    return this.workers.slice(0, n);
  }

  /** Posts `msg` to `w` and resolves with its reply of the same id (rejects on `error`). */
  private request<T>(w: Worker, id: number, msg: WorkerRequest): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onMessage = (reply: { id: number; error?: string } & T): void => {
        if (reply.id !== id) return;
        cleanup();
        if (reply.error !== undefined) reject(new Error(reply.error));
        else resolve(reply);
      };
      const onError = (err: Error): void => {
        cleanup();
        this.drop(w);
        reject(err);
      };
      const onExit = (code: number): void => {
        cleanup();
        this.drop(w);
        reject(new Error(`worker exited with code ${code}`));
      };
      const cleanup = (): void => {
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
      };
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage(msg);
    });
  }

  async close(): Promise<void> {
    const ws = this.workers;
    this.workers = [];
    await Promise.all(ws.map((w) => w.terminate()));
  }

  private drop(w: Worker): void {
    this.workers = this.workers.filter((x) => x !== w);
    void w.terminate();
  }
}
