/**
 * `npm run bench [-- flags]`: the benchmark suite (issue 3).
 *
 *   --quick            1k and 10k profiles, few queries, peers at 1k/10k: under a minute
 *   --max N            largest corpus size (default 100000; 1000000 adds the 1M point)
 *   --corpus PATH      take titles/abstracts/keywords from a JSONL corpus (read, never copied)
 *   --out FILE         report file (default benchmarks/RESULTS.md; the SVG goes beside it)
 *   --seed S           generator seed (default 42)
 *   --sizes a,b,c      explicit corpus sizes instead of the ladder
 *   --peer-max N       largest size at which natural runs (default: 10000 quick, 20000 full)
 *   --minisearch-max N largest size at which minisearch runs (default: 10000 quick, 100000 full;
 *                      building minisearch at 100k takes about two minutes)
 *   --no-peers         skip minisearch and natural
 *
 * Each measurement runs in a child process (benchmarks/child.ts) with --expose-gc and
 * --max-old-space-size=4096, sizes one after another (the machine has 2 cores).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SegmentPlan, SizePlan } from './child.js';
import { consoleTable, machineInfo, type RunInfo, renderMarkdown } from './report.js';
import type { PeerPlan } from './scenarios/peers.js';
import { log, now } from './stats.js';
import { scalingSvg } from './svg.js';
import type { ChildFailure, SegmentResult, SizeResult } from './types.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HEAP_MB = 4096;

interface Flags {
  quick: boolean;
  max: number;
  corpus?: string;
  out: string;
  seed: number;
  sizes?: number[];
  peerMax?: number;
  minisearchMax?: number;
  peers: boolean;
}

function parseFlags(argv: string[]): Flags {
  const flags: Flags = { quick: false, max: 100_000, out: join(ROOT, 'benchmarks/RESULTS.md'), seed: 42, peers: true };
  const num = (v: string | undefined, name: string): number => {
    const n = Number(String(v).replace(/_/g, ''));
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number, got ${String(v)}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string | undefined => argv[++i];
    switch (a) {
      case '--quick':
        flags.quick = true;
        break;
      case '--max':
        flags.max = num(next(), 'max');
        break;
      case '--corpus':
        flags.corpus = resolve(String(next()));
        break;
      case '--out':
        flags.out = resolve(String(next()));
        break;
      case '--seed':
        flags.seed = num(next(), 'seed');
        break;
      case '--sizes':
        flags.sizes = String(next())
          .split(',')
          .map((s) => num(s, 'sizes'));
        break;
      case '--peer-max':
        flags.peerMax = num(next(), 'peer-max');
        break;
      case '--minisearch-max':
        flags.minisearchMax = num(next(), 'minisearch-max');
        break;
      case '--no-peers':
        flags.peers = false;
        break;
      case '--help':
      case '-h':
        process.stdout.write(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0] + '*/\n');
        process.exit(0);
        break;
      default:
        throw new Error(`unknown flag ${String(a)} (see --help)`);
    }
  }
  return flags;
}

function sizesOf(f: Flags): number[] {
  if (f.sizes) return [...new Set(f.sizes)].sort((a, b) => a - b);
  const ladder = f.quick ? [1_000, 10_000] : [1_000, 10_000, 20_000, 100_000, 1_000_000];
  const sizes = ladder.filter((n) => n <= f.max);
  if (!f.quick && !ladder.includes(f.max) && f.max > (sizes.at(-1) ?? 0)) sizes.push(f.max);
  return sizes;
}

function sizePlan(f: Flags, n: number, batchAt: number, smallest: number): SizePlan {
  const q = f.quick;
  const peers: PeerPlan[] = [];
  const skipped: string[] = [];
  if (!f.peers) skipped.push('minisearch and natural: --no-peers');
  else {
    const naturalMax = f.peerMax ?? (q ? 10_000 : 20_000);
    const msMax = f.minisearchMax ?? (q ? 10_000 : 100_000);
    const budget = q ? 1_500 : n >= 100_000 ? 30_000 : 15_000;
    const count = q ? (n <= 1_000 ? 30 : 10) : n <= 1_000 ? 50 : n <= 20_000 ? 30 : 10;
    if (n <= msMax) peers.push({ name: 'minisearch', maxQueries: count, budgetMs: budget });
    else skipped.push(`minisearch above ${msMax} profiles (minutes to build; --minisearch-max)`);
    if (n <= naturalMax) peers.push({ name: 'natural', maxQueries: count, budgetMs: budget });
    else skipped.push(`natural above ${naturalMax} profiles (it scans every document for each query term; --peer-max)`);
  }
  return {
    n,
    buildRepeats: q ? 1 : n <= 1_000 ? 5 : n <= 10_000 ? 3 : n <= 20_000 ? 2 : 1,
    warmup: q ? 20 : n >= 1_000_000 ? 50 : 100,
    queries: q ? 200 : n >= 1_000_000 ? 200 : 500,
    passes: q || n >= 1_000_000 ? 2 : 3,
    // Quick mode loads snapshots at the smallest size only (a JSON load costs a rebuild).
    snapshot: n <= 100_000 && (!q || n === smallest),
    // On the snapshot-loaded matcher; two fresh builds check its results.
    incremental: n <= 100_000 && (!q || n === smallest) ? Math.min(1_000, Math.floor(n / 10)) : 0,
    batch: n === batchAt ? (q ? 100 : 1_000) : 0,
    batchWorkers: 2,
    batchRepeats: q ? 1 : 2,
    peers,
    peerSkipped: skipped,
    // From the size where `parallelSearch: true` splits searches (65,536 profiles).
    split: n >= 65_536,
  };
}

function runChild(task: string, plan: SegmentPlan | SizePlan, f: Flags, dir: string): { result?: unknown; failure?: ChildFailure } {
  const file = join(dir, `${task}-${'n' in plan ? plan.n : 'segment'}.json`);
  const args = [
    '--expose-gc',
    // Bytecode flushing frees code pages during later collections: noise in small heap deltas.
    '--no-flush-bytecode',
    `--max-old-space-size=${HEAP_MB}`,
    '--import',
    'tsx',
    join(ROOT, 'benchmarks/child.ts'),
    '--task',
    task,
    '--plan',
    JSON.stringify(plan),
    '--seed',
    String(f.seed),
    '--result',
    file,
    ...(f.corpus ? ['--corpus', f.corpus] : []),
    ...(f.quick ? ['--quick'] : []),
  ];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status === 0) {
    try {
      return { result: JSON.parse(readFileSync(file, 'utf8')) as unknown };
    } catch (err) {
      return { failure: { task, error: `no result file: ${String(err)}` } };
    }
  }
  const why = r.signal ? `killed by ${r.signal}` : `exit code ${String(r.status)}`;
  return { failure: { task, ...('n' in plan ? { n: plan.n } : {}), error: `${why}${r.error ? `: ${r.error.message}` : ''}` } };
}

function commandLine(argv: string[]): string {
  const quoted = argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
  if (process.env.npm_lifecycle_event === 'bench') return `npm run bench${quoted ? ` -- ${quoted}` : ''}`;
  return `npx tsx benchmarks/run.ts${quoted ? ` ${quoted}` : ''}`;
}

function main(): void {
  const argv = process.argv.slice(2);
  const f = parseFlags(argv);
  const sizes = sizesOf(f);
  const batchAt = [...sizes].reverse().find((n) => n <= 100_000) ?? 0;
  const started = new Date();
  const t0 = now();
  const dir = mkdtempSync(join(tmpdir(), 'innomatch-bench-'));
  log(`sizes ${sizes.join(', ')}${f.quick ? ' (quick)' : ''}; results in ${relative(process.cwd(), f.out)}`);
  const failures: ChildFailure[] = [];
  let segment: SegmentResult | undefined;
  const results: SizeResult[] = [];
  const plans: SizePlan[] = [];
  try {
    const seg = runChild('segment', { profiles: f.quick ? 1_500 : 20_000, repeats: f.quick ? 3 : 5 }, f, dir);
    if (seg.result) segment = seg.result as SegmentResult;
    if (seg.failure) failures.push(seg.failure);
    for (const n of sizes) {
      const plan = sizePlan(f, n, batchAt, sizes[0] ?? n);
      plans.push(plan);
      log(`size ${n}: ${plan.buildRepeats} build(s), ${plan.queries} queries × ${plan.passes}, peers: ${plan.peers.map((p) => p.name).join(', ') || 'none'}`);
      const r = runChild('size', plan, f, dir);
      if (r.result) results.push(r.result as SizeResult);
      if (r.failure) {
        failures.push(r.failure);
        log(`size ${n} failed: ${r.failure.error}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const info: RunInfo = {
    machine: machineInfo(),
    date: started.toISOString(),
    command: commandLine(argv),
    quick: f.quick,
    seed: f.seed,
    source: f.corpus ? `corpus ${relative(ROOT, f.corpus)}` : 'fixtures/xiangtan vocabulary',
    sizes,
    heapMb: HEAP_MB,
    wallSeconds: (now() - t0) / 1000,
    plans,
  };
  mkdirSync(dirname(f.out), { recursive: true });
  const svgPath = join(dirname(f.out), 'scaling.svg');
  writeFileSync(svgPath, scalingSvg(results));
  writeFileSync(f.out, renderMarkdown(info, segment, results, failures, relative(dirname(f.out), svgPath)));
  process.stdout.write(`${consoleTable(info, segment, results, failures)}\n`);
  log(`wrote ${relative(process.cwd(), f.out)} and ${relative(process.cwd(), svgPath)} in ${info.wallSeconds.toFixed(0)} s`);
  if (failures.length > 0) process.exitCode = 1;
}

main();
