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
import { buildPipeline, ChunkPacker, type TextPipeline } from '../prepare.js';
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
  | { type: 'prepare'; id: number; options: ResolvedOptions; kind: 'experts' | 'needs'; records: string }
  /** Builds the text pipeline of `options` and runs it once, so that the first chunk starts warm. */
  | { type: 'warm'; id: number; options: ResolvedOptions };

/**
 * What a warm-up analyses (through packers of its own, so the vocabularies that continue from
 * chunk to chunk are untouched): every field, Chinese and English, so that the segmenter's
 * dictionary, the industry and discipline classifiers and the code that runs per record are
 * built before the first chunk instead of during it.
 */
const WARM_EXPERT: ExpertInput = {
  id: 'warm-up',
  name: '示例专家',
  title: '教授',
  organization: '湘潭大学',
  fields: ['机械工程', '材料科学与工程'],
  keywords: ['永磁同步电机', '温升', '涂层附着力'],
  bio: '长期从事电机控制与新材料研究，主持多项国家自然科学基金项目。Research on motor control and coatings.',
  publications: [{ title: '永磁同步电机温升预测方法', abstract: '提出一种基于有限元的温升预测方法，实验验证了模型的准确性。', keywords: ['温升', '有限元'] }],
};
const WARM_NEED: NeedInput = { id: 'warm-up', title: '电机过热', description: '我公司生产的电机运行一段时间后温度过高，油漆起泡掉漆，希望找到专家解决。' };

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
  let pipeline: { key: string; p: TextPipeline; packers: Record<'experts' | 'needs', ChunkPacker> } | null = null;
  const pipelineFor = (options: ResolvedOptions): NonNullable<typeof pipeline> => {
    const key = JSON.stringify(options);
    if (pipeline?.key !== key) {
      const p = buildPipeline(options, (words) => createSegmenter(options.segmenter, words));
      pipeline = { key, p, packers: { experts: new ChunkPacker(p, 'experts', options), needs: new ChunkPacker(p, 'needs', options) } };
    }
    return pipeline;
  };
  port.on('message', (msg: WorkerRequest) => {
    if (msg.type === 'warm') {
      try {
        const { p } = pipelineFor(msg.options);
        new ChunkPacker(p, 'experts', msg.options).pack([WARM_EXPERT]);
        new ChunkPacker(p, 'needs', msg.options).pack([WARM_NEED]);
        port.postMessage({ id: msg.id });
      } catch (err) {
        port.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) });
      }
      return;
    }
    if (msg.type === 'prepare') {
      try {
        const packed = pipelineFor(msg.options).packers[msg.kind].pack(JSON.parse(msg.records) as (ExpertInput | NeedInput)[]);
        const transfer = [packed.lens.buffer, packed.termIds.buffer, packed.imps.buffer, packed.industry.buffer] as ArrayBuffer[];
        if (packed.scales !== undefined) transfer.push(packed.scales.buffer as ArrayBuffer);
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

if (parentPort) serve(parentPort);
