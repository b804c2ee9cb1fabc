/** The printed table and benchmarks/RESULTS.md: machine, targets, scaling, scenarios, method. */
import { cpus, loadavg, platform, release, totalmem, arch } from 'node:os';
import type { SizePlan } from './child.js';
import { BENCH_OPTIONS } from './context.js';
import type { ChildFailure, PeerResult, SegmentResult, SizeResult } from './types.js';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  v8: string;
  loadAverage: string;
}

export interface RunInfo {
  machine: MachineInfo;
  date: string;
  command: string;
  quick: boolean;
  seed: number;
  source: string;
  sizes: number[];
  heapMb: number;
  wallSeconds: number;
  plans: SizePlan[];
}

export function machineInfo(): MachineInfo {
  const c = cpus();
  return {
    cpu: c[0]?.model.trim() ?? 'unknown',
    cores: c.length,
    memoryGiB: totalmem() / 2 ** 30,
    os: `${platform()} ${release()} ${arch()}`,
    node: process.version,
    v8: process.versions.v8,
    loadAverage: loadavg()
      .map((x) => x.toFixed(2))
      .join(' / '),
  };
}

// ---- formatting ----------------------------------------------------------------------------------

export function ms(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '–';
  if (v < 1) return `${v.toFixed(3)} ms`;
  if (v < 10) return `${v.toFixed(2)} ms`;
  if (v < 1000) return `${v.toFixed(1)} ms`;
  return `${(v / 1000).toFixed(2)} s`;
}

function num(v: number | undefined, digits = 0): string {
  if (v === undefined || !Number.isFinite(v)) return '–';
  return v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function size(n: number): string {
  return n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n);
}

function ratio(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '–';
  return v >= 100 ? `${v.toFixed(0)}x` : v >= 10 ? `${v.toFixed(1)}x` : `${v.toFixed(2)}x`;
}

function bytes(v: number): string {
  return v >= 2 ** 30 ? `${(v / 2 ** 30).toFixed(2)} GiB` : v >= 2 ** 20 ? `${(v / 2 ** 20).toFixed(1)} MiB` : `${(v / 1024).toFixed(1)} KiB`;
}

function mdTable(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

// ---- targets -------------------------------------------------------------------------------------

export type Status = 'met' | 'NOT met' | 'not measured';

export interface TargetRow {
  target: string;
  at: string;
  measured: string;
  status: Status;
}

const indexPerProfile = (r: SizeResult): number => r.memory.statsIndexPerProfile ?? r.memory.indexPerProfileEstimate;

function peerBest(results: readonly SizeResult[], name: string): { r: SizeResult; p: PeerResult } | undefined {
  let best: { r: SizeResult; p: PeerResult } | undefined;
  for (const r of results) for (const p of r.peers) if (p.name === name && (!best || r.n > best.r.n)) best = { r, p };
  return best;
}

export function evaluateTargets(
  info: RunInfo,
  segment: SegmentResult | undefined,
  results: readonly SizeResult[],
  failures: readonly ChildFailure[],
): TargetRow[] {
  const at = (n: number): SizeResult | undefined => results.find((r) => r.n === n);
  const largest = [...results].sort((a, b) => b.n - a.n)[0];
  const r100k = at(100_000);
  const r1m = at(1_000_000);
  const notAt = (n: number, what: (r: SizeResult) => string): Pick<TargetRow, 'at' | 'measured' | 'status'> => ({
    at: size(n),
    measured: largest ? `not run at ${size(n)}${info.quick ? ' (--quick)' : ''}; ${size(largest.n)}: ${what(largest)}` : 'no size completed',
    status: 'not measured',
  });
  const check = (ok: boolean): Status => (ok ? 'met' : 'NOT met');
  const rows: TargetRow[] = [];

  const p50 = (r: SizeResult): string => `p50 ${ms(r.query.summary.p50)}`;
  const p99 = (r: SizeResult): string => `p99 ${ms(r.query.summary.p99)}`;
  rows.push({
    target: 'query top-10, 150-char need: p50 ≤ 1 ms at 100k',
    ...(r100k ? { at: '100k', measured: p50(r100k), status: check(r100k.query.summary.p50 <= 1) } : notAt(100_000, p50)),
  });
  rows.push({
    target: 'query top-10: p99 ≤ 5 ms at 100k',
    ...(r100k ? { at: '100k', measured: p99(r100k), status: check(r100k.query.summary.p99 <= 5) } : notAt(100_000, p99)),
  });
  rows.push({
    target: 'query top-10: p50 ≤ 10 ms at 1M',
    ...(r1m
      ? { at: '1M', measured: p50(r1m), status: check(r1m.query.summary.p50 <= 10) }
      : { ...notAt(1_000_000, p50), measured: `opt-in (--max 1000000)${largest ? `; ${size(largest.n)}: ${p50(largest)}` : ''}` }),
  });
  // The same two p50 targets with `parallelSearch: true` (each search shared with one worker thread).
  for (const [r, label, limit] of [
    [r100k, '100k', 1],
    [r1m, '1M', 10],
  ] as const) {
    const sp = r?.split;
    rows.push({
      target: `query p50 ≤ ${limit} ms at ${label}, with \`parallelSearch: true\` (2 threads)`,
      at: label,
      measured: sp
        ? `p50 ${ms(sp.p50)}, p99 ${ms(sp.p99)}; single-threaded ${sp.interleaved ? 'beside it' : 'in the query scenario'}: p50 ${ms(sp.singleP50 ?? r!.query.summary.p50)}`
        : 'not run',
      status: sp ? check(sp.p50 <= limit && sp.identical) : 'not measured',
    });
  }
  for (const peer of ['minisearch', 'natural']) {
    const b = peerBest(results, peer);
    rows.push({
      target: `≥ 100x faster than ${peer} (same corpus, same tokens, same run)`,
      at: b ? size(b.r.n) : '–',
      measured: b ? `${ratio(b.p.ratio)} (p50 ${ms(b.p.summary.p50)} vs ${ms(b.p.innomatchP50)})` : 'peer not run',
      status: b ? check(b.p.ratio >= 100) : 'not measured',
    });
  }
  rows.push({
    target: 'index build ≤ 1.5x the segmenter alone on the same text, 100k',
    ...(r100k
      ? {
          at: '100k',
          measured: `${ratio(r100k.build.ratio)} (${ms(r100k.build.buildMs)} vs ${ms(r100k.build.segmentOnlyMs)})`,
          status: check(r100k.build.ratio <= 1.5),
        }
      : notAt(100_000, (r) => ratio(r.build.ratio))),
  });
  const pb = r100k?.build.parallel;
  rows.push({
    target: 'index build ≤ 1.5x the segmenter alone, 100k, with `addExpertsParallel` (2 threads: a worker and the calling thread; the segmenter on 1 thread)',
    at: '100k',
    measured: pb ? `${ratio(pb.ratio)} (${ms(pb.buildMs)} vs ${ms(pb.segmentOnlyMs)}, worker start-up included); same index: ${pb.identical ? 'yes' : 'NO'}` : 'not run',
    status: pb ? check(pb.ratio <= 1.5 && pb.identical) : 'not measured',
  });
  rows.push({
    target: "segmentation through innomatch's pipeline within 10% of raw @node-rs/jieba",
    at: segment ? `${size(segment.profiles)} profiles` : '–',
    measured: segment
      ? `${(segment.ratio * 100).toFixed(0)}% of raw (${num(segment.pipelineCharsPerSec / 1e6, 2)} vs ${num(segment.rawCharsPerSec / 1e6, 2)} M chars/s); ` +
        `${(segment.ratioJs * 100).toFixed(0)}% of innomatch's own js segmenter alone (${num(segment.rawJsCharsPerSec / 1e6, 2)} M chars/s)`
      : 'segment scenario failed',
    status: segment ? check(segment.ratio >= 0.9) : 'not measured',
  });
  const memText = (r: SizeResult): string =>
    `${num(indexPerProfile(r))} B/profile index${r.memory.statsIndexPerProfile !== undefined ? ' (m.stats)' : ' (estimate)'}, ${num(r.memory.totalPerProfile)} B/profile whole heap`;
  rows.push({
    target: 'memory ≤ 600 bytes of index per profile at 100k',
    ...(r100k ? { at: '100k', measured: memText(r100k), status: check(indexPerProfile(r100k) <= 600) } : notAt(100_000, memText)),
  });
  const fail1m = failures.find((f) => f.n === 1_000_000);
  rows.push({
    target: `1M profiles fit in a ${info.heapMb / 1024} GB heap`,
    at: '1M',
    measured: r1m
      ? `completed with --max-old-space-size=${info.heapMb}; peak heapUsed ${bytes(r1m.memory.peakHeapUsed)}`
      : fail1m
        ? `failed: ${fail1m.error}`
        : 'opt-in (--max 1000000)',
    status: r1m ? 'met' : fail1m ? 'NOT met' : 'not measured',
  });
  const batchR = results.find((r) => r.batch);
  const b = batchR?.batch;
  rows.push({
    target: 'batch: 1,000 needs × 100k profiles ≤ 2 s on 2 cores, identical to single-threaded',
    at: batchR && b ? `${num(b.needs)} needs × ${size(batchR.n)}` : '–',
    measured: !b
      ? 'not run'
      : b.available
        ? `${ms(b.batchMs)} (cold ${ms(b.batchColdMs)}; sequential ${ms(b.sequentialMs)}), identical: ${b.identical ? 'yes' : 'NO'}`
        : `no recommendExpertsBatch; sequential loop ${ms(b.sequentialMs)}`,
    status:
      !b || !batchR || batchR.n !== 100_000 || b.needs !== 1000
        ? 'not measured'
        : b.available
          ? check((b.batchMs ?? Infinity) <= 2000 && b.identical === true)
          : check(b.sequentialMs <= 2000),
  });
  const snapText = (r: SizeResult): string => {
    const s = r.snapshot;
    if (!s) return 'not run';
    const parts = [`JSON ${ratio(s.speedup)} (load ${ms(s.loadMs)} vs rebuild ${ms(s.rebuildMs)})`];
    if (s.binary) parts.push(`binary ${ratio(s.binary.speedup)} (load ${ms(s.binary.loadMs)})`);
    return parts.join('; ');
  };
  const bestSnap = (r: SizeResult): number => Math.max(r.snapshot?.speedup ?? 0, r.snapshot?.binary?.speedup ?? 0);
  const snapOk = (r: SizeResult): boolean =>
    bestSnap(r) >= 5 && (r.snapshot?.binary ? r.snapshot.binary.identical || r.snapshot.identical : r.snapshot?.identical === true);
  // Scenarios that run up to 100k only: measured there, else the largest size that ran them.
  const at100k = (ran: (r: SizeResult) => boolean, text: (r: SizeResult) => string, ok: (r: SizeResult) => boolean): Pick<TargetRow, 'at' | 'measured' | 'status'> => {
    if (r100k && ran(r100k)) return { at: '100k', measured: text(r100k), status: check(ok(r100k)) };
    const largestRun = [...results].filter(ran).sort((a, b) => b.n - a.n)[0];
    return {
      at: '100k',
      measured: `not run at 100k${info.quick ? ' (--quick)' : ''}${largestRun ? `; ${size(largestRun.n)}: ${text(largestRun)}` : ''}`,
      status: 'not measured',
    };
  };
  rows.push({
    target: 'snapshot: loading 100k profiles ≥ 5x faster than rebuilding',
    ...at100k((r) => r.snapshot !== undefined, snapText, snapOk),
  });
  const incText = (r: SizeResult): string => {
    const i = r.incremental;
    if (!i) return 'not run';
    const same = (ok: boolean): string => (ok ? 'yes' : 'NO');
    return (
      `add ${num(i.count)}: ${ms(i.addMs)} + first query ${ms(i.addFirstQueryMs)} vs rebuild ${ms(i.rebuildMs)}; ` +
      `remove ${num(i.count)} added ${ms(i.removeAddedMs)}, ${num(i.count)} originals ${ms(i.removeOriginalMs)}${i.bulkRemove ? ' (one call)' : ''}; ` +
      `same as a fresh build: ${same(i.identicalAfterAdd)} / ${same(i.identicalAfterRemoveAdded)} / ${same(i.identicalAfterRemoveOriginal)}`
    );
  };
  const incOk = (r: SizeResult): boolean => {
    const i = r.incremental;
    return (
      i !== undefined &&
      i.count === 1000 &&
      i.identicalAfterAdd &&
      i.identicalAfterRemoveAdded &&
      i.identicalAfterRemoveOriginal &&
      i.addMs + i.addFirstQueryMs <= 0.1 * i.rebuildMs
    );
  };
  rows.push({
    target: 'incremental: adding 1,000 profiles to 100k costs ≤ 10% of a rebuild; results after adds and removes equal a fresh build',
    ...at100k((r) => r.incremental !== undefined, incText, incOk),
  });
  return rows;
}

// ---- markdown ------------------------------------------------------------------------------------

export function renderMarkdown(
  info: RunInfo,
  segment: SegmentResult | undefined,
  results: readonly SizeResult[],
  failures: readonly ChildFailure[],
  svgRelPath: string,
): string {
  const rs = [...results].sort((a, b) => a.n - b.n);
  const m = info.machine;
  const out: string[] = [];
  out.push('# innomatch benchmarks', '');
  out.push(
    `Written by \`benchmarks/run.ts\`${info.quick ? ' in **quick** mode (indicative only: the targets are defined at 100k and 1M)' : ''}. ` +
      'Every figure is a measurement of this run; the machine is shared, so figures vary by ±20% between runs. ' +
      'Peers were measured in the same run, on the same profiles and the same tokens.',
    '',
  );
  out.push('## Run', '');
  out.push(
    mdTable(
      ['', ''],
      [
        ['command', `\`${info.command}\``],
        ['date', info.date],
        ['machine', `${m.cpu}, ${m.cores} cores, ${m.memoryGiB.toFixed(1)} GiB RAM, ${m.os}`],
        ['Node', `${m.node} (V8 ${m.v8}); children run with \`--expose-gc --no-flush-bytecode --max-old-space-size=${info.heapMb}\``],
        ['load average at start', `${m.loadAverage} (1 / 5 / 15 min)`],
        ['data', `${info.source}, seed ${info.seed}; sizes ${info.sizes.map(size).join(', ')}`],
        ['wall time', `${info.wallSeconds.toFixed(0)} s`],
      ],
    ),
    '',
  );

  out.push('## Targets', '');
  out.push(
    mdTable(
      ['target', 'measured at', 'measured', 'status'],
      evaluateTargets(info, segment, results, failures).map((t) => [
        t.target,
        t.at,
        t.measured,
        t.status === 'met' ? '✅ met' : t.status === 'NOT met' ? '❌ NOT met' : '– not measured',
      ]),
    ),
    '',
  );

  out.push('## Scaling', '');
  out.push(
    mdTable(
      ['profiles', 'build', 'build / segmenter', 'query p50', 'query p90', 'query p99', 'index B/profile', 'heap B/profile', 'snapshot load vs rebuild'],
      rs.map((r) => [
        num(r.n),
        ms(r.build.buildMs),
        ratio(r.build.ratio),
        ms(r.query.summary.p50),
        ms(r.query.summary.p90),
        ms(r.query.summary.p99),
        num(indexPerProfile(r)),
        num(r.memory.totalPerProfile),
        r.snapshot ? ratio(Math.max(r.snapshot.speedup, r.snapshot.binary?.speedup ?? 0)) : '–',
      ]),
    ),
    '',
    `![Query latency and memory per profile against corpus size](${svgRelPath})`,
    '',
  );

  out.push('## Segmentation', '');
  if (segment) {
    out.push(
      mdTable(
        ['', 'raw @node-rs/jieba `cut(text, true)`', "innomatch's js segmenter alone `cut(text)`", 'innomatch `m.analyze`'],
        [
          ['time (median)', ms(segment.rawMs), ms(segment.rawJsMs), ms(segment.pipelineMs)],
          [
            'throughput',
            `${num(segment.rawCharsPerSec / 1e6, 2)} M chars/s`,
            `${num(segment.rawJsCharsPerSec / 1e6, 2)} M chars/s`,
            `${num(segment.pipelineCharsPerSec / 1e6, 2)} M chars/s`,
          ],
          ['relative to @node-rs/jieba', '100%', `${((segment.rawMs / segment.rawJsMs) * 100).toFixed(1)}%`, `${(segment.ratio * 100).toFixed(1)}%`],
        ],
      ),
      '',
      `${num(segment.profiles)} profiles, ${num(segment.texts)} texts, ${num(segment.chars)} characters, ${segment.repeats} interleaved repeats. ` +
        `The pipeline includes NFKC and OpenCC normalisation, the matcher's domain dictionary, stopwords and English handling; its analysis cache is off. ` +
        `Its segmenter is innomatch's default 'js' backend (jieba's algorithm, dictionary and HMM in JavaScript, the same cuts as @node-rs/jieba), which reports token offsets; ` +
        `the middle column is that segmenter alone, making a string per token as @node-rs/jieba does. ` +
        `Generated data: ${num(segment.meanProfileChars)} characters per profile on average, ${num(segment.meanProfileTerms)} index tokens per profile, ` +
        `a vocabulary of ${num(segment.vocabulary)} terms over these profiles; needs average ${num(segment.meanNeedChars)} characters, ` +
        `${num(segment.meanNeedTerms, 1)} distinct index terms (${num(segment.meanNeedRawTokens, 1)} distinct raw jieba tokens, punctuation and stopwords included). ` +
        `Density: the document frequencies of a need's distinct terms add up to ${num(segment.queryPostingsPerProfile, 2)} postings per profile on average ` +
        `(${num(segment.queryMatchFraction * 100, 0)}% of the profiles share at least one term with a need); the most frequent term is in ${num(segment.maxDfFraction * 100, 0)}% of the profiles.`,
      '',
    );
  } else out.push('The segment scenario failed (see Failures).', '');

  out.push('## Build', '');
  out.push(
    mdTable(
      ['profiles', 'repeats', 'createMatcher', 'addExperts', 'first query (compiles postings)', 'build', 'segmenter alone, same text', 'ratio', 'js segmenter alone', 'ratio to it', 'profiles/s'],
      rs.map((r) => [
        num(r.n),
        String(r.build.repeats),
        ms(r.build.createMs),
        ms(r.build.addMs),
        ms(r.build.firstQueryMs),
        ms(r.build.buildMs),
        ms(r.build.segmentOnlyMs),
        ratio(r.build.ratio),
        ms(r.build.segmentJsMs),
        ratio(r.build.buildMs / r.build.segmentJsMs),
        num(r.n / (r.build.buildMs / 1000)),
      ]),
    ),
    '',
    'Profiles are generated in chunks of 10,000 outside the timer and added with one `addExperts` call per chunk. ' +
      'build = addExperts + the first query. The segmenter alone is `Jieba.withDict(dict).cut(text, true)` over exactly the texts innomatch analyses for those profiles, ' +
      'timed chunk by chunk right before or after the chunk is added (alternately), so that the load of the shared machine weighs on both alike; ' +
      "the js segmenter alone (innomatch's default backend, `cut(text)`) is timed right after it on the same texts. Medians over the repeats.",
    '',
  );
  const parRows = rs.filter((r) => r.build.parallel);
  if (parRows.length > 0) {
    out.push(
      mdTable(
        ['profiles', 'threads', 'addExpertsParallel', 'first query', 'build', 'segmenter alone, same text', 'ratio', 'vs addExperts', 'same index'],
        parRows.map((r) => {
          const p = r.build.parallel!;
          return [num(r.n), String(p.workers), ms(p.addMs), ms(p.firstQueryMs), ms(p.buildMs), ms(p.segmentOnlyMs), ratio(p.ratio), ratio(r.build.buildMs / p.buildMs), p.identical ? 'yes (binary snapshot, byte for byte)' : 'NO'];
        }),
      ),
      '',
      '`addExpertsParallel(chunk, { workers: 2 })` per chunk of 10,000 in a fresh matcher after the builds above (one build; the first call starts the worker, which builds its own analyser, included). ' +
        'The calling thread validates each chunk, analyses chunks itself while the worker starts and while it waits for the worker\'s, and indexes the records in order. The segmenter alone runs on one thread, alternating with the chunks as above.',
      '',
    );
  }

  out.push('## Query', '');
  out.push(
    mdTable(
      ['profiles', 'queries × passes', 'p50', 'p90', 'p99', 'mean', 'max', 'results / query', 'distinct terms / need'],
      rs.map((r) => [
        num(r.n),
        `${r.query.queries} × ${r.query.passes}`,
        ms(r.query.summary.p50),
        ms(r.query.summary.p90),
        ms(r.query.summary.p99),
        ms(r.query.summary.mean),
        ms(r.query.summary.max),
        num(r.query.meanResults, 1),
        num(r.query.meanDistinctTerms, 1),
      ]),
    ),
    '',
    '`m.recommendExperts(need, { topK: 10 })` with a generated `NeedInput` (title, description, keywords in half of them; ~150 characters), ' +
      `after ${rs[0]?.query.warmup ?? '?'} warm-up queries on other needs. Each pass asks every query once; the percentiles of each pass are computed and their median over passes is reported. ` +
      'The query-result cache is off, so every pass does the full work (analysis, classification, scoring, explanation).',
    '',
  );

  out.push('## Parallel search', '');
  const splitRows = rs.filter((r) => r.split);
  if (splitRows.length === 0) out.push('Not run (from 65,536 profiles).', '');
  else {
    out.push(
      mdTable(
        ['profiles', 'split p50', 'split p99', 'single-threaded p50', 'single-threaded p99', 'p50 ratio', 'timed', 'searches split', 'worker ready after', 'identical'],
        splitRows.map((r) => {
          const sp = r.split!;
          const b50 = sp.singleP50 ?? r.query.summary.p50;
          const b99 = sp.singleP99 ?? r.query.summary.p99;
          return [
            num(r.n),
            ms(sp.p50),
            ms(sp.p99),
            ms(b50),
            ms(b99),
            `${(b50 / sp.p50).toFixed(2)}x`,
            sp.interleaved ? 'need by need, alternating' : 'apart (query scenario)',
            `${(sp.splitShare * 100).toFixed(0)}%`,
            ms(sp.readyMs),
            sp.identical ? `yes (${sp.checked} needs)` : 'NO',
          ];
        }),
      ),
      '',
      'A matcher loaded from the built one\'s binary snapshot with `{ parallelSearch: true }` (a runtime option) shares each dense search with one worker thread: ' +
        'both take chunks of the profiles from a shared counter (this thread from the front, the worker from the back), and this thread merges the worker\'s candidates. ' +
        'Up to 100k the single-threaded matcher is timed beside it, need by need; at 1M both do not fit in the heap, so the split matcher runs after the built one is released and is compared with the query scenario, minutes earlier. ' +
        '"worker ready after": from the first query until the worker took part (the index is copied to shared memory after three queries on an unchanged side, then the worker attaches it).',
      '',
    );
  }

  out.push('## Batch', '');
  const batchRows = rs.filter((r) => r.batch);
  if (batchRows.length === 0) out.push('Not run.', '');
  for (const r of batchRows) {
    const b = r.batch!;
    out.push(
      mdTable(
        ['profiles', 'needs', 'sequential loop', 'recommendExpertsBatch (warm)', 'cold (worker start-up)', 'workers', 'identical'],
        [[num(r.n), num(b.needs), ms(b.sequentialMs), ms(b.batchMs), ms(b.batchColdMs), String(b.workers), b.identical === undefined ? '–' : b.identical ? 'yes' : 'NO']],
      ),
      '',
      `${b.note}. Identical means the same ids with bit-identical scores in the same order for every need.`,
      '',
    );
  }

  out.push('## Snapshot', '');
  const snapRows = rs.filter((r) => r.snapshot);
  if (snapRows.length === 0) out.push('Not run.', '');
  else {
    out.push(
      mdTable(
        ['profiles', 'toJSON', 'stringify', 'JSON size', 'loadMatcher(text) + first query', 'rebuild', 'speedup', 'identical', 'binary size', 'binary load', 'binary speedup'],
        snapRows.map((r) => {
          const s = r.snapshot!;
          return [
            num(r.n),
            ms(s.toJsonMs),
            ms(s.stringifyMs),
            bytes(s.bytes),
            ms(s.loadMs),
            ms(s.rebuildMs),
            ratio(s.speedup),
            s.identical ? 'yes' : 'NO',
            s.binary ? bytes(s.binary.bytes) : '–',
            s.binary ? ms(s.binary.loadMs) : '–',
            s.binary ? `${ratio(s.binary.speedup)}${s.binary.identical ? '' : ' (NOT identical)'}` : '–',
          ];
        }),
      ),
      '',
      `rebuild = createMatcher + addExperts + first query. Results of the loaded matcher are compared with the original on ${snapRows[0]?.snapshot?.checked ?? 0} needs. ` +
        `Binary: ${snapRows[0]?.snapshot?.binaryNote ?? ''}. Snapshots are measured up to 100k profiles.`,
      '',
    );
  }

  out.push('## Incremental changes', '');
  const incRows = rs.filter((r) => r.incremental);
  if (incRows.length === 0) out.push('Not run.', '');
  else {
    const same = (ok: boolean): string => (ok ? 'yes' : 'NO');
    out.push(
      mdTable(
        ['profiles', 'added', 'addExperts', 'first query after', 'rebuild', 'add / rebuild', 'same as fresh build', 'remove the added', 'first query after', 'same as before', 'remove as many originals', 'first query after', 'same as fresh build'],
        incRows.map((r) => {
          const i = r.incremental!;
          return [
            num(r.n),
            num(i.count),
            ms(i.addMs),
            ms(i.addFirstQueryMs),
            ms(i.rebuildMs),
            `${(((i.addMs + i.addFirstQueryMs) / i.rebuildMs) * 100).toFixed(1)}%`,
            same(i.identicalAfterAdd),
            ms(i.removeAddedMs),
            ms(i.removeAddedFirstQueryMs),
            same(i.identicalAfterRemoveAdded),
            ms(i.removeOriginalMs),
            ms(i.removeOriginalFirstQueryMs),
            same(i.identicalAfterRemoveOriginal),
          ];
        }),
      ),
      '',
      `On the matcher loaded from the binary snapshot: new profiles are added with one addExperts call, then removed one by one with removeExpert, then as many of the original profiles are removed${incRows[0]?.incremental?.bulkRemove ? ' with one removeExperts call' : ', one by one'}. ` +
        'The first query after each step brings the postings up to date (new documents go to a small tail segment; IDF comes from live document frequencies at query time, so old documents are never re-weighted). ' +
        `rebuild = createMatcher + addExperts of all the profiles + first query. Results are compared on ${incRows[0]?.incremental?.checked ?? 0} needs with a matcher built from scratch on the same live profiles (ids, order and bit-identical scores).`,
      '',
    );
  }

  out.push('## Memory', '');
  out.push(
    mdTable(
      ['profiles', 'heap delta', 'whole heap / profile', 'stored records / profile', 'index / profile', 'peak heapUsed', 'rss after'],
      rs.map((r) => [
        num(r.n),
        bytes(r.memory.heapDeltaBytes),
        `${num(r.memory.totalPerProfile)} B`,
        `${num(r.memory.recordBytesPerProfile)} B`,
        `${num(indexPerProfile(r))} B${r.memory.statsIndexPerProfile !== undefined ? ` (m.stats; estimate ${num(r.memory.indexPerProfileEstimate)} B)` : ''}`,
        bytes(r.memory.peakHeapUsed),
        bytes(r.memory.rss),
      ]),
    ),
    '',
    `Method: ${rs[0]?.memory.method ?? '–'}. The stored records are what the matcher keeps of each \`ExpertInput\`; ` +
      "the index estimate is everything else the build added (postings, term tables, field lengths, industry vectors, id maps). jieba's native memory is outside the V8 heap and not counted.",
    '',
  );

  out.push('## Peers', '');
  const peerRows: string[][] = [];
  for (const r of rs) {
    for (const p of r.peers) {
      peerRows.push([
        num(r.n),
        `${p.name} ${p.version}`,
        ms(p.buildMs),
        ratio(p.buildMs / r.build.buildMs),
        `${num(p.heapPerProfile)} B`,
        String(p.queries),
        ms(p.summary.p50),
        ms(p.summary.p99),
        ms(p.innomatchP50),
        `**${ratio(p.ratio)}**`,
        p.innomatchColdP50 === undefined ? '–' : `${ms(p.innomatchColdP50)} (${ratio(p.summary.p50 / p.innomatchColdP50)})`,
      ]);
    }
  }
  if (peerRows.length === 0) out.push('No peer was run.', '');
  else {
    out.push(
      mdTable(
        ['profiles', 'peer', 'build', 'build vs innomatch', 'peer heap / profile', 'queries', 'peer p50', 'peer p99', 'innomatch p50, same queries', 'innomatch speedup', 'innomatch right after the peer (speedup)'],
        peerRows,
      ),
      '',
      'Both peers get the tokens innomatch produces (`m.analyze` of the same texts; not timed): minisearch (BM25+) through a tokenizer that returns them and an identity `processTerm`, ' +
        'OR-combined queries without prefix or fuzzy matching; natural through `TfIdf.addDocument(tokens)` and `tfidfs(distinct query tokens)` plus a top-10 selection, loaded from ' +
        '`natural/lib/natural/tfidf/tfidf.js` only (the package root reads .env and pulls in database drivers). Peer queries are the first queries of the query scenario, after one warm-up query, ' +
        "up to a count and a time budget. After each peer query innomatch answers two needs: another one first, right after the peer has evicted innomatch's index from the CPU caches (last column: its median and the speedup it would give), then the peer's need, as a matcher answering one query after another would; the speedup compares the medians of the peer and of innomatch on the same needs. Interleaving query by query makes both see the same load. " +
        'innomatch also classifies the need and explains every hit; the peers only score.',
      '',
    );
  }
  const skipped = [...new Set(rs.flatMap((r) => r.peerSkipped.map((s) => `${s} (skipped at ${size(r.n)})`)))];
  const notes = rs.flatMap((r) => r.peers.filter((p) => p.note).map((p) => `${p.name} at ${size(r.n)}: ${p.note}`));
  if (skipped.length + notes.length > 0) out.push(...[...skipped, ...notes].map((s) => `- ${s}`), '');

  out.push('## Method', '');
  out.push(
    [
      `- Data: \`benchmarks/generate.ts\`, seeded (mulberry32), ${info.source}. Profiles of ~250 characters (fields, keywords, bio, 1–3 publication titles, one abstract) and needs of ~150 characters, ` +
        'drawn Zipf-like from phrase pools grouped by topic, with 15% off-topic material and a long tail of rare alphanumeric codes. Each record comes from its own seeded stream, so sizes are generated in chunks and never held whole.',
      `- Matcher options: \`${JSON.stringify(BENCH_OPTIONS)}\` (otherwise defaults, jieba background IDF loaded once per process and passed as a shared resource).`,
      '- Each corpus size runs in a fresh child process (`benchmarks/child.ts`), one after another.',
      '- Feature-detected: `m.recommendExpertsBatch` (batch), `m.toBinary()` loaded with `loadMatcherBinary(bytes)` if exported, else `loadMatcher(bytes)` (binary snapshot), `m.stats()` with `bytesPerExpert` / `indexBytes` (memory). Absent ones are reported as such.',
      '- Timings never appear in tests; this file is the only place they are asserted against targets.',
    ].join('\n'),
    '',
  );
  if (failures.length > 0) {
    out.push('## Failures', '');
    out.push(...failures.map((f) => `- ${f.task}${f.n ? ` at ${size(f.n)}` : ''}: ${f.error}`), '');
  }
  return out.join('\n');
}

// ---- console -------------------------------------------------------------------------------------

function textTable(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function consoleTable(
  info: RunInfo,
  segment: SegmentResult | undefined,
  results: readonly SizeResult[],
  failures: readonly ChildFailure[],
): string {
  const rs = [...results].sort((a, b) => a.n - b.n);
  const peerCell = (r: SizeResult, name: string): string => {
    const p = r.peers.find((x) => x.name === name);
    return p ? `${ms(p.summary.p50)} (${ratio(p.ratio)})` : '–';
  };
  const parts: string[] = [];
  parts.push(
    `innomatch benchmarks — ${info.machine.cpu}, ${info.machine.cores} cores, Node ${info.machine.node}, ${info.date}${info.quick ? ' (quick)' : ''}`,
  );
  parts.push('');
  parts.push(
    textTable(
      ['profiles', 'build', 'build/seg', 'p50', 'p99', 'index B/prof', 'heap B/prof', 'snap load', 'minisearch p50 (x)', 'natural p50 (x)'],
      rs.map((r) => [
        num(r.n),
        ms(r.build.buildMs),
        ratio(r.build.ratio),
        ms(r.query.summary.p50),
        ms(r.query.summary.p99),
        num(indexPerProfile(r)),
        num(r.memory.totalPerProfile),
        r.snapshot ? ratio(Math.max(r.snapshot.speedup, r.snapshot.binary?.speedup ?? 0)) : '–',
        peerCell(r, 'minisearch'),
        peerCell(r, 'natural'),
      ]),
    ),
  );
  if (segment) {
    parts.push('');
    parts.push(
      `segmentation: raw jieba ${num(segment.rawCharsPerSec / 1e6, 2)} M chars/s, innomatch pipeline ${num(segment.pipelineCharsPerSec / 1e6, 2)} M chars/s (${(segment.ratio * 100).toFixed(0)}%)`,
    );
  }
  const batch = rs.find((r) => r.batch);
  if (batch?.batch) {
    const b = batch.batch;
    parts.push(
      `batch: ${b.needs} needs × ${size(batch.n)}: sequential ${ms(b.sequentialMs)}` +
        (b.available ? `, recommendExpertsBatch ${ms(b.batchMs)} (identical: ${b.identical ? 'yes' : 'NO'})` : ' (recommendExpertsBatch not present)'),
    );
  }
  parts.push('');
  parts.push(
    textTable(
      ['target', 'measured', 'status'],
      evaluateTargets(info, segment, results, failures).map((t) => [t.target, `${t.at}: ${t.measured}`, t.status]),
    ),
  );
  if (failures.length > 0) parts.push('', ...failures.map((f) => `FAILED ${f.task}${f.n ? ` ${size(f.n)}` : ''}: ${f.error}`));
  return parts.join('\n');
}
