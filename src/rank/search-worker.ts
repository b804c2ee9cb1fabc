/**
 * Worker-thread entry: batch queries (receives a side's index, typed arrays on shared memory,
 * once, then runs query plans with the same code as the main thread), a share of split
 * searches, and the analysis of records for `addExpertsParallel` (the same text pipeline as the
 * matcher's, built from its options).
 */
import { type MessagePort, parentPort } from 'node:worker_threads';
import type { Segment } from '../index/segment.js';
import { type PlanIndex, type QueryPlan, runPlan } from './plan.js';
import { createScratch } from './search.js';
import { markAttached, type SplitAttach, serveSplit } from './split.js';
import type { ResolvedOptions } from '../config.js';
import { buildPipeline, ChunkPacker } from '../prepare.js';
import { createSegmenter } from '../text/backends/index.js';
import type { ExpertInput, NeedInput } from '../types.js';

export interface WorkerIndexData {
  segments: Segment[];
  alive: Uint8Array;
  scale?: Float32Array;
  industryRows: Float64Array;
  kindCodes: Uint8Array;
  tieKeys: string[];
}

export type WorkerRequest =
  | { type: 'init'; data: WorkerIndexData }
  | { type: 'run'; id: number; plans: QueryPlan[] }
  | { type: 'split-init'; attach: SplitAttach }
  /** `records` as JSON: one string clones far faster than the records as objects. */
  | { type: 'prepare'; id: number; options: ResolvedOptions; kind: 'experts' | 'needs'; records: string };

function planIndex(d: WorkerIndexData): PlanIndex {
  return {
    segments: d.segments,
    alive: d.alive,
    ...(d.scale !== undefined ? { scale: d.scale } : {}),
    scratch: createScratch(d.alive.length),
    industryRows: d.industryRows,
    kindOf: (slot) => d.kindCodes[slot] as number,
    tieKey: (slot) => d.tieKeys[slot] as string,
  };
}

function serve(port: MessagePort): void {
  let ix: PlanIndex | null = null;
  let split: SplitAttach | null = null;
  // The text pipeline of the last options seen (a matcher's; built once, ~0.3 s with jieba),
  // and per kind the packer whose vocabulary continues from chunk to chunk.
  let pipeline: { key: string; packers: Record<'experts' | 'needs', ChunkPacker> } | null = null;
  port.on('message', (msg: WorkerRequest) => {
    if (msg.type === 'prepare') {
      try {
        const key = JSON.stringify(msg.options);
        if (pipeline?.key !== key) {
          const p = buildPipeline(msg.options, (words) => createSegmenter(msg.options.segmenter, words));
          pipeline = { key, packers: { experts: new ChunkPacker(p, 'experts', msg.options.k1), needs: new ChunkPacker(p, 'needs', msg.options.k1) } };
        }
        const packed = pipeline.packers[msg.kind].pack(JSON.parse(msg.records) as (ExpertInput | NeedInput)[]);
        const transfer = [packed.lens.buffer, packed.termIds.buffer, packed.imps.buffer, packed.industry.buffer] as ArrayBuffer[];
        port.postMessage({ id: msg.id, packed }, transfer);
      } catch (err) {
        port.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) });
      }
      return;
    }
    if (msg.type === 'init') {
      ix = planIndex(msg.data);
      return;
    }
    if (msg.type === 'split-init') {
      split?.port.close();
      split = msg.attach;
      serveSplit(planIndex(split.data), split);
      markAttached(split.ctrl, split.attachId);
      return;
    }
    const index = ix;
    if (!index) throw new Error('search worker used before init');
    port.postMessage({ id: msg.id, results: msg.plans.map((p) => runPlan(index, p)) });
  });
}

if (parentPort) {
  serve(parentPort);
  // Its modules are loaded: work sent from now on starts at once (see WorkerPool.ready).
  parentPort.postMessage({ ready: true });
}
