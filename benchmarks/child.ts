/**
 * One measurement in its own process (started by run.ts with --expose-gc and a 4 GB heap), so
 * each corpus size starts from a clean heap and a crash or an out-of-memory stays contained.
 *
 *   node --expose-gc --max-old-space-size=4096 --import tsx benchmarks/child.ts \
 *     --task segment|size --plan '<json>' --seed 42 [--corpus PATH] --result FILE
 */
import { writeFileSync } from 'node:fs';
import type { Matcher } from '../src/index.js';
import { makeContext, NEED_RANGES, TOP10 } from './context.js';
import { runBatch } from './scenarios/batch.js';
import { runIncremental } from './scenarios/incremental.js';
import { emptyMatcherBytes, finishMemory, runBuild } from './scenarios/build.js';
import type { PeerPlan } from './scenarios/peers.js';
import { runPeers } from './scenarios/peers.js';
import { runQuery } from './scenarios/query.js';
import { runSplit } from './scenarios/split.js';
import { runSegment } from './scenarios/segment.js';
import { loadSnapshot, serializeSnapshot } from './scenarios/snapshot.js';
import { fullGc, hasGc, heapBytes, log, now, settleHeap } from './stats.js';
import type { SizeResult } from './types.js';

export interface SegmentPlan {
  profiles: number;
  repeats: number;
}

export interface SizePlan {
  n: number;
  buildRepeats: number;
  warmup: number;
  queries: number;
  passes: number;
  snapshot: boolean;
  /** Profiles added and removed by the incremental scenario (on the snapshot-loaded matcher); 0 skips it. */
  incremental: number;
  /** Needs in the batch scenario; 0 skips it. */
  batch: number;
  batchWorkers: number;
  /** Warm batch calls after the cold one. */
  batchRepeats: number;
  peers: PeerPlan[];
  peerSkipped: string[];
  /** Whether to measure parallel search (sizes where `parallelSearch: true` splits searches). */
  split: boolean;
}

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const task = arg(args, 'task');
  const resultFile = arg(args, 'result');
  const plan = JSON.parse(arg(args, 'plan') ?? '{}') as unknown;
  if (!resultFile) throw new Error('--result FILE is required');
  if (!hasGc()) log('warning: gc is not exposed (run node with --expose-gc): memory figures are unreliable');
  const corpus = arg(args, 'corpus');
  const ctx = makeContext({ seed: Number(arg(args, 'seed') ?? 42), quick: args.includes('--quick'), ...(corpus ? { corpus } : {}) });

  if (task === 'segment') {
    const p = plan as SegmentPlan;
    writeFileSync(resultFile, JSON.stringify(runSegment(ctx, p.profiles, p.repeats)));
    return;
  }
  if (task !== 'size') throw new Error(`unknown task ${String(task)}`);
  const p = plan as SizePlan;
  const t0 = now();
  // The matcher stays only in `built` (no other variable), so the snapshot scenario can release it.
  const built: { m?: Matcher } & Omit<Awaited<ReturnType<typeof runBuild>>, 'm'> = await runBuild(ctx, p.n, p.buildRepeats);
  const { build, memory } = built;
  const matcher = (): Matcher => {
    if (!built.m) throw new Error('matcher released');
    return built.m;
  };
  // Queries are timed in a settled heap: the build scenario leaves garbage (its repeats' and the
  // parallel build's matchers) whose collection would otherwise fall into the timed queries.
  await settleHeap();
  const query = runQuery(ctx, matcher(), p.n, p.warmup, p.queries, p.passes);
  const result: SizeResult = { n: p.n, build, memory, query, peers: [], peerSkipped: p.peerSkipped, wallMs: 0 };
  // Parallel search: beside the built matcher when both fit in the heap, else after releasing it.
  const splitInput = p.split ? { bytes: matcher().toBinary(), expected: ctx.gen.needs(NEED_RANGES.measured, 50).map((q) => matcher().recommendExperts(q, TOP10)) } : undefined;
  const splitBeside = p.n <= 100_000;
  if (splitInput && splitBeside) result.split = await runSplit(ctx, splitInput.bytes, splitInput.expected, p.n, p, matcher());
  if (p.batch > 0) result.batch = await runBatch(ctx, matcher(), p.n, p.batch, p.batchWorkers, p.batchRepeats);
  fullGc();
  result.peers = await runPeers(ctx, matcher(), p.n, p.peers, query);
  const serialized = p.snapshot ? await serializeSnapshot(ctx, matcher()) : undefined;
  // Memory: what releasing the matcher frees (heap after − heap before dropping it). Unlike the
  // delta around the build, this ignores whatever else grew meanwhile (JIT code, caches).
  await settleHeap();
  const withMatcher = heapBytes();
  built.m = undefined;
  await settleHeap();
  const released = withMatcher - heapBytes();
  finishMemory(memory, released, await emptyMatcherBytes(ctx), p.n);
  if (splitInput && !splitBeside) result.split = await runSplit(ctx, splitInput.bytes, splitInput.expected, p.n, p);
  // Last, in a heap without the original matcher, as the build had.
  if (serialized) {
    const { result: snap, loaded } = await loadSnapshot(ctx, serialized, p.n, build);
    result.snapshot = snap;
    if (p.incremental > 0 && loaded) result.incremental = await runIncremental(ctx, loaded, p.n, p.incremental);
  }
  result.wallMs = now() - t0;
  writeFileSync(resultFile, JSON.stringify(result));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    log(`child failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
