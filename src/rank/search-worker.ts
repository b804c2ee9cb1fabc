/**
 * Worker-thread entry for batch queries: receives a side's index (typed arrays on shared
 * memory, no copy) once, then runs query plans with the same code as the main thread.
 */
import { type MessagePort, parentPort } from 'node:worker_threads';
import type { Segment } from '../index/segment.js';
import { type PlanIndex, type QueryPlan, runPlan } from './plan.js';
import { createScratch } from './search.js';
import { markAttached, type SplitAttach, serveSplit } from './split.js';

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
  | { type: 'split-init'; attach: SplitAttach };

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
  port.on('message', (msg: WorkerRequest) => {
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

if (parentPort) serve(parentPort);
