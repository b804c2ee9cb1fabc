/**
 * Build and memory: addExperts over N generated profiles (streamed in chunks, generation not
 * timed), plus the first query, which compiles the postings when the index does that lazily.
 * Compared with the raw segmenter alone over exactly the same texts. The last build is kept for
 * the other scenarios, and the heap is measured around it.
 */
import type { ExpertInput, Matcher } from '../../src/index.js';
import { type BenchContext, NEED_RANGES, newMatcher, rawJieba, rawJsJieba, TOP10 } from '../context.js';
import { expertTexts } from '../generate.js';
import { hasGc, heapBytes, log, median, now, settleHeap } from '../stats.js';
import type { BuildResult, MemoryResult, ParallelBuildResult } from '../types.js';
import { getHeapStatistics } from 'node:v8';

const WARM_TEXT = '電機溫升過高，绕组发黑；永磁同步电机 machine vision 5G 304不锈钢';

interface Stats {
  indexBytes?: unknown;
  bytesPerExpert?: unknown;
}

export async function runBuild(
  ctx: BenchContext,
  n: number,
  repeats: number,
): Promise<{ m: Matcher; build: BuildResult; memory: MemoryResult }> {
  const firstNeed = ctx.gen.needs(NEED_RANGES.warmup, 1)[0]!;
  const createTimes: number[] = [];
  const addTimes: number[] = [];
  const firstTimes: number[] = [];
  const segTimes: number[] = [];
  const segJsTimes: number[] = [];
  let kept: Matcher | undefined;
  let memory: MemoryResult | undefined;
  let chars = 0;

  // A throwaway build first, so JIT-compiled code and feedback (which live on the heap too) exist
  // before the measured builds: they are not per profile, and the first timed build is not cold.
  {
    const w = newMatcher(ctx);
    w.addExperts(ctx.gen.experts(0, Math.min(n, 2_000)));
    for (const q of ctx.gen.needs(NEED_RANGES.warmup, 20)) w.recommendExperts(q, TOP10);
  }

  const raw = rawJieba();
  for (let r = 0; r < repeats; r++) {
    const last = r === repeats - 1;
    kept = undefined;
    await settleHeap();
    let t0 = now();
    const m = newMatcher(ctx);
    createTimes.push(now() - t0);
    // Anything the matcher initialises lazily (normaliser tables, segmenter) is not per profile.
    m.analyze(WARM_TEXT);
    m.classify(WARM_TEXT);
    await settleHeap();
    const h0 = heapBytes();
    let peak = process.memoryUsage().heapUsed;
    const { addMs, segMs, segJsMs, chars: c } = await addInChunks(ctx, n, raw, (batch) => m.addExperts(batch), (added, ms) => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      if (n >= 200_000 && (added / ctx.chunk) % 10 === 0) log(`  build ${n}: ${added} added, ${(ms / 1000).toFixed(1)} s`);
    });
    t0 = now();
    m.recommendExperts(firstNeed, TOP10);
    firstTimes.push(now() - t0);
    addTimes.push(addMs);
    segTimes.push(segMs);
    segJsTimes.push(segJsMs);
    chars = c;
    if (last) {
      await settleHeap();
      const h1 = heapBytes();
      memory = await measureMemory(ctx, m, n, h1 - h0, Math.max(peak, process.memoryUsage().heapUsed));
      kept = m;
    }
  }
  if (!kept || !memory) throw new Error('build: no repeat ran');
  const build: BuildResult = {
    repeats,
    createMs: median(createTimes),
    addMs: median(addTimes),
    firstQueryMs: median(firstTimes),
    buildMs: median(addTimes.map((a, i) => a + (firstTimes[i] as number))),
    segmentOnlyMs: median(segTimes),
    ratio: 0,
    segmentJsMs: median(segJsTimes),
    chars,
  };
  build.ratio = build.buildMs / build.segmentOnlyMs;
  if (n <= PARALLEL_MAX) build.parallel = await parallelBuild(ctx, n, kept, firstNeed);
  log(
    `build ${n}: ${(build.buildMs / 1000).toFixed(2)} s (add ${(build.addMs / 1000).toFixed(2)} s + first query ${build.firstQueryMs.toFixed(0)} ms), ` +
      `segmenter alone ${(build.segmentOnlyMs / 1000).toFixed(2)} s → ${build.ratio.toFixed(2)}x (js segmenter alone ${(build.segmentJsMs / 1000).toFixed(2)} s); ` +
      (memory.statsIndexPerProfile !== undefined ? `m.stats index ${memory.statsIndexPerProfile.toFixed(0)} B/profile` : 'no m.stats'),
  );
  return { m: kept, build, memory };
}

/** Largest size at which the parallel build is also measured (it holds a second matcher). */
const PARALLEL_MAX = 100_000;
const PARALLEL_WORKERS = 2;

/**
 * The same profiles added with addExpertsParallel (`workers: 2`: one worker thread, started by the
 * first call as in a fresh process, and the calling thread), each chunk alternating with the raw segmenter over its texts, as above. The
 * result must be the same index: its binary snapshot is compared byte for byte.
 */
async function parallelBuild(ctx: BenchContext, n: number, reference: Matcher, firstNeed: ReturnType<BenchContext['gen']['needs']>[number]): Promise<ParallelBuildResult> {
  const raw = rawJieba();
  await settleHeap();
  const m = newMatcher(ctx);
  m.analyze(WARM_TEXT);
  const { addMs, segMs } = await addInChunks(ctx, n, raw, (batch) => m.addExpertsParallel(batch, { workers: PARALLEL_WORKERS }));
  const t0 = now();
  m.recommendExperts(firstNeed, TOP10);
  const firstQueryMs = now() - t0;
  const identical = Buffer.compare(Buffer.from(m.toBinary()), Buffer.from(reference.toBinary())) === 0;
  await m.close();
  // The worker's end and the release of this build's memory go on in the background for a few
  // seconds after close(): queries timed right after took p50 1.18–1.26 ms at 100k, against
  // 0.80–0.84 ms after 5 s (and 0.85–1.07 ms before the parallel build), so the next scenario
  // waits for them.
  await settleHeap();
  await new Promise<void>((resolve) => setTimeout(resolve, 5000));
  const buildMs = addMs + firstQueryMs;
  const out: ParallelBuildResult = { workers: PARALLEL_WORKERS, addMs, firstQueryMs, buildMs, segmentOnlyMs: segMs, ratio: buildMs / segMs, identical };
  log(
    `parallel build ${n}: ${(buildMs / 1000).toFixed(2)} s on ${PARALLEL_WORKERS} threads, segmenter alone ${(segMs / 1000).toFixed(2)} s → ${out.ratio.toFixed(2)}x; identical index: ${identical}`,
  );
  return out;
}

/**
 * Adds n generated profiles in chunks (generation not timed) with `add`; each chunk's texts are
 * segmented by the raw backend right before or after the chunk is added (alternately), so that
 * the load of a shared machine weighs on both alike.
 */
async function addInChunks(
  ctx: BenchContext,
  n: number,
  raw: { cut(text: string): string[] },
  add: (batch: ExpertInput[]) => void | Promise<void>,
  after?: (added: number, addMs: number) => void,
): Promise<{ addMs: number; segMs: number; segJsMs: number; chars: number }> {
  const js = rawJsJieba();
  let addMs = 0;
  let segMs = 0;
  let segJsMs = 0;
  let chars = 0;
  let sink = 0;
  for (let from = 0, k = 0; from < n; from += ctx.chunk, k++) {
    const batch = ctx.gen.experts(from, Math.min(ctx.chunk, n - from));
    const texts = batch.flatMap(expertTexts);
    for (const t of texts) chars += t.length;
    const segment = (): void => {
      let s0 = now();
      for (const t of texts) sink += raw.cut(t).length;
      segMs += now() - s0;
      s0 = now();
      for (const t of texts) sink += js.cut(t).length;
      segJsMs += now() - s0;
    };
    if (k % 2 === 1) segment();
    const t0 = now();
    await add(batch);
    addMs += now() - t0;
    if (k % 2 === 0) segment();
    after?.(from + batch.length, addMs);
  }
  if (sink < 0) log('impossible');
  return { addMs, segMs, segJsMs, chars };
}

async function measureMemory(ctx: BenchContext, m: Matcher, n: number, delta: number, peak: number): Promise<MemoryResult> {
  // What the stored records alone weigh: a sample of the same profiles as parsed from JSON (the
  // matcher keeps validated copies of the records, whose strings are those of the input).
  const s = Math.min(n, 20_000);
  await settleHeap();
  const a = heapBytes();
  let sample: unknown[] | undefined = ctx.gen.experts(0, s);
  await settleHeap();
  const b = heapBytes();
  const recordBytes = (b - a) / s;
  if (sample.length !== s) throw new Error('unreachable');
  sample = undefined;

  const mem = process.memoryUsage();
  const out: MemoryResult = {
    method: hasGc()
      ? 'heapUsed + arrayBuffers freed by releasing the matcher, less what an empty matcher frees, after forced gc (--expose-gc); index = that − size of the records as parsed from JSON'
      : 'heap delta WITHOUT forced gc (node was not started with --expose-gc): unreliable',
    heapDeltaBytes: delta,
    buildDeltaPerProfile: delta / n,
    totalPerProfile: delta / n,
    recordBytesPerProfile: recordBytes,
    indexPerProfileEstimate: delta / n - recordBytes,
    heapUsedAfter: mem.heapUsed,
    peakHeapUsed: peak,
    rss: mem.rss,
    heapLimit: getHeapStatistics().heap_size_limit,
  };
  const statsFn = (m as unknown as { stats?: () => Stats }).stats;
  if (typeof statsFn === 'function') {
    const st = statsFn.call(m);
    out.stats = st;
    if (st && typeof st.indexBytes === 'number') {
      out.statsIndexBytes = st.indexBytes;
      // bytesPerExpert (the experts' index only) when the matcher reports it; no needs are added.
      const perExpert = typeof st.bytesPerExpert === 'number';
      out.statsIndexPerProfile = perExpert ? (st.bytesPerExpert as number) : st.indexBytes / n;
      out.method = `${perExpert ? 'm.stats().bytesPerExpert' : 'm.stats().indexBytes / profiles'}; cross-check: ${out.method}`;
    }
  }
  return out;
}

/** Heap an empty matcher holds (lexicon, analyser, classifier, expansion tables): not per profile. */
export async function emptyMatcherBytes(ctx: BenchContext): Promise<number> {
  const sizes: number[] = [];
  for (let r = 0; r < 3; r++) {
    let m: Matcher | undefined = newMatcher(ctx);
    m.analyze(WARM_TEXT);
    m.classify(WARM_TEXT);
    await settleHeap();
    const a = heapBytes();
    m = undefined;
    await settleHeap();
    sizes.push(a - heapBytes());
  }
  return median(sizes);
}

/**
 * Replaces the build-time heap delta by what releasing the matcher freed, less an empty
 * matcher's fixed size (see child.ts).
 */
export function finishMemory(memory: MemoryResult, released: number, fixed: number, n: number): void {
  memory.emptyMatcherBytes = fixed;
  memory.heapDeltaBytes = released - fixed;
  memory.totalPerProfile = memory.heapDeltaBytes / n;
  memory.indexPerProfileEstimate = memory.totalPerProfile - memory.recordBytesPerProfile;
  log(
    `memory ${n}: releasing the matcher frees ${(released / 2 ** 20).toFixed(1)} MiB, an empty one ${(fixed / 2 ** 20).toFixed(1)} MiB → ` +
      `${memory.totalPerProfile.toFixed(0)} B/profile (records ${memory.recordBytesPerProfile.toFixed(0)} B, index and the rest ${memory.indexPerProfileEstimate.toFixed(0)} B)`,
  );
}
