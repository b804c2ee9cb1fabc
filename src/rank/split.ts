import { MessageChannel, type MessagePort, receiveMessageOnPort, type Worker } from 'node:worker_threads';
import { spawnSearchWorker } from './batch.js';
import { type PlanIndex, type QueryPlan, runPlan, runPlanChunks } from './plan.js';
import type { ScoredSlot, Selection } from './search.js';
import type { WorkerIndexData, WorkerRequest } from './search-worker.js';

/**
 * Memory shared with the worker. `claims` (one 64-bit word) holds the current job (high 32
 * bits), the chunks taken from the front (bits 0–15, by the calling thread) and from the back
 * (bits 16–31, by the worker), changed only by compare-and-swap. `words` holds DONE, the last
 * job the worker finished, and READY, the last index the worker has attached.
 */
export interface SplitControl {
  claims: BigInt64Array;
  words: Int32Array;
}
const DONE = 0;
const READY = 1;
/** Chunks per search at most. */
export const MAX_CHUNKS = 0xffff;
const JOB_MASK = 0x7fffffff;
/** How long the calling thread waits for the worker's part before giving up on it. */
const WORKER_TIMEOUT_MS = 10_000;
/** How long a woken worker polls for the job it was woken for. */
const SPIN_MS = 2;

export function createSplitControl(): SplitControl {
  const sab = new SharedArrayBuffer(16);
  return { claims: new BigInt64Array(sab, 0, 1), words: new Int32Array(sab, 8, 2) };
}

/** Opens `job` with `chunks` chunks, none taken. */
function openJob(ctrl: SplitControl, job: number): void {
  Atomics.store(ctrl.claims, 0, BigInt(job) << 32n);
}

/**
 * Hands out the chunks of `job`: the calling thread takes them upwards from the first, the
 * worker downwards from the last, until they meet; -1 when none is left or the job is over.
 * Each thread's chunks are consecutive, so it walks every posting list in one direction, and a
 * worker that starts late (or never) simply takes fewer: the search never waits for it to start.
 */
export function chunkClaimer(ctrl: SplitControl, job: number, chunks: number, fromBack: boolean): () => number {
  const want = BigInt(job);
  const step = fromBack ? 0x10000n : 1n;
  return () => {
    for (;;) {
      const w = Atomics.load(ctrl.claims, 0);
      if (w >> 32n !== want) return -1;
      const front = Number(w & 0xffffn);
      const back = Number((w >> 16n) & 0xffffn);
      if (front + back >= chunks) return -1;
      if (Atomics.compareExchange(ctrl.claims, 0, w, w + step) === w) return fromBack ? chunks - 1 - back : front;
    }
  };
}

/** One thread's share of a split search: the chunks `claim` hands it, and how many it took. */
function runClaimed(ix: PlanIndex, plan: QueryPlan, chunk: number, claim: () => number): { sel: Selection; taken: number } {
  let taken = 0;
  const sel = runPlanChunks(ix, plan, chunk, () => {
    const c = claim();
    if (c >= 0) taken++;
    return c;
  });
  return { sel, taken };
}

/** The worker's side: it holds the index of attachment `attachId` from now on. */
export function markAttached(ctrl: SplitControl, attachId: number): void {
  Atomics.store(ctrl.words, READY, attachId);
}

/** A worker's part of a split search: the candidates its selection kept. */
export interface SplitResult {
  job: number;
  slots: Int32Array;
  text: Float64Array;
}

/** What the worker needs to take part in split searches; jobs come through `port`. */
export interface SplitAttach {
  data: WorkerIndexData;
  ctrl: SplitControl;
  port: MessagePort;
  attachId: number;
}

/** A message on the split port: a job, or a wake-up ahead of one. */
export type SplitMessage =
  | { type: 'wake' }
  | {
      type: 'job';
      job: number;
      /** The plan without its terms, which travel as two typed arrays (cloned ~10x faster than objects). */
      plan: Omit<QueryPlan, 'terms'>;
      termIds: Int32Array;
      units: Float64Array;
      chunks: number;
      chunk: number;
    };

/**
 * The worker's side of the split port. A job: take chunks from the back while any are left and,
 * if it took any, post its candidates and mark the job done. A wake-up (sent when a query
 * starts, before its text is analysed): poll the port for the job for a moment, so that the
 * job does not wait for the thread to wake from sleep (~0.1 ms measured on a 2-core VM).
 */
export function serveSplit(ix: PlanIndex, a: SplitAttach): void {
  const run = (job: Extract<SplitMessage, { type: 'job' }>): void => {
    const terms = Array.from(job.termIds, (termId, i) => ({ termId, units: job.units[i] as number }));
    const { sel, taken } = runClaimed(ix, { ...job.plan, terms }, job.chunk, chunkClaimer(a.ctrl, job.job, job.chunks, true));
    if (taken === 0) return;
    const { slots, text } = sel.candidates();
    a.port.postMessage({ job: job.job, slots, text } satisfies SplitResult);
    Atomics.store(a.ctrl.words, DONE, job.job);
    Atomics.notify(a.ctrl.words, DONE);
  };
  a.port.on('message', (msg: SplitMessage) => {
    if (msg.type === 'job') return run(msg);
    const until = performance.now() + SPIN_MS;
    while (performance.now() < until) {
      const m = receiveMessageOnPort(a.port);
      if (m === undefined) continue;
      const next = m.message as SplitMessage;
      if (next.type === 'job') return run(next);
    }
  });
}

/**
 * One search split between the calling thread and one worker thread, synchronously: the slots
 * are cut into chunks, the calling thread takes them from the front and the worker from the
 * back, each accumulates and selects its own, and the calling thread merges the worker's
 * candidates and finishes. The results are those of `runPlan` (the selection merge loses
 * nothing; tested). The worker reads the index from shared memory, attached once per change.
 */
export class SplitSearch {
  private worker: Worker | undefined;
  private port: MessagePort | undefined;
  private readonly ctrl = createSplitControl();
  private attached: WorkerIndexData | undefined;
  private attachId = 0;
  private job = 0;
  /** Searches in which the worker took a share. */
  splits = 0;

  /** Makes `data` the index of the coming searches (the worker picks it up asynchronously). */
  attach(data: WorkerIndexData): void {
    if (this.attached === data) return;
    if (!this.worker) {
      const w = spawnSearchWorker();
      w.unref();
      w.on('error', () => this.drop());
      w.on('exit', () => this.drop());
      this.worker = w;
    }
    const { port1, port2 } = new MessageChannel();
    port1.unref();
    this.port?.close();
    this.port = port1;
    this.attached = data;
    this.attachId = (this.attachId % JOB_MASK) + 1;
    // The worker sees no tie keys: it only accumulates and selects, the calling thread finishes.
    const attach: SplitAttach = { data: { ...data, tieKeys: [] }, ctrl: this.ctrl, port: port2, attachId: this.attachId };
    this.worker.postMessage({ type: 'split-init', attach } satisfies WorkerRequest, [port2]);
  }

  /** Whether the worker holds `data` and can take part in a search now. */
  ready(data: WorkerIndexData): boolean {
    return this.worker !== undefined && this.attached === data && Atomics.load(this.ctrl.words, READY) === this.attachId;
  }

  /** Tells the worker a job is coming (see `serveSplit`). */
  wake(): void {
    this.port?.postMessage({ type: 'wake' } satisfies SplitMessage);
  }

  /** Runs `plan` split with the worker (call only when `ready`); `chunk` documents per chunk. */
  run(ix: PlanIndex, plan: QueryPlan, chunk: number): ScoredSlot[] {
    const port = this.port;
    if (!this.worker || !port) return runPlan(ix, plan);
    const chunks = Math.ceil(ix.alive.length / chunk);
    if (chunks > MAX_CHUNKS) throw new RangeError(`a split search has at most ${MAX_CHUNKS} chunks, got ${chunks}`);
    this.job = (this.job % JOB_MASK) + 1;
    const job = this.job;
    openJob(this.ctrl, job);
    const { terms, ...rest } = plan;
    const termIds = Int32Array.from(terms, (t) => t.termId);
    const units = Float64Array.from(terms, (t) => t.units);
    port.postMessage({ type: 'job', job, plan: rest, termIds, units, chunks, chunk } satisfies SplitMessage);
    const { sel, taken } = runClaimed(ix, plan, chunk, chunkClaimer(this.ctrl, job, chunks, false));
    if (taken < chunks) {
      const theirs = this.await(job, port);
      if (!theirs) {
        this.drop();
        return runPlan(ix, plan);
      }
      sel.absorb(theirs.slots, theirs.text);
      this.splits++;
    }
    return sel.finish();
  }

  /** Waits for the worker's part of `job`; undefined if it does not come in time. */
  private await(job: number, port: MessagePort): SplitResult | undefined {
    // Spin first: the worker usually finishes within a chunk's time, and waking from a futex
    // wait costs more than that on a VM.
    const spinUntil = performance.now() + SPIN_MS;
    while (Atomics.load(this.ctrl.words, DONE) !== job && performance.now() < spinUntil);
    const deadline = Date.now() + WORKER_TIMEOUT_MS;
    for (;;) {
      const done = Atomics.load(this.ctrl.words, DONE);
      if (done === job) break;
      if (Date.now() > deadline) return undefined;
      Atomics.wait(this.ctrl.words, DONE, done, 50);
    }
    for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) {
      const r = m.message as SplitResult;
      if (r.job === job) return r;
    }
    return undefined;
  }

  private drop(): void {
    void this.detach()?.terminate();
  }

  async close(): Promise<void> {
    await this.detach()?.terminate();
  }

  /** Forgets the worker, its port and its index; returns the worker to end. */
  private detach(): Worker | undefined {
    const w = this.worker;
    this.worker = undefined;
    this.attached = undefined;
    this.port?.close();
    this.port = undefined;
    return w;
  }
}
