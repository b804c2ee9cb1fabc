/**
 * Snapshot: `loadMatcher(JSON text)` + first query against rebuilding (createMatcher +
 * addExperts + first query, from the build scenario). `m.toBinary()` is feature-detected; its
 * bytes are loaded with `loadMatcherBinary(buf)` when that is exported, else with
 * `loadMatcher(buf)`, and measured the same way. Loaded matchers must answer exactly as the
 * original on a sample of needs.
 *
 * Two phases, so that the original matcher can be released in between and loading happens in a
 * heap as empty as the build's was: `serializeSnapshot` (needs the matcher), `loadSnapshot`.
 */
import * as api from '../../src/index.js';
import type { Matcher, MatcherResources, Recommendation } from '../../src/index.js';
import * as matcherModule from '../../src/matcher.js';
import { type BenchContext, NEED_RANGES, TOP10 } from '../context.js';
import { log, now, settleHeap } from '../stats.js';
import type { BuildResult, SnapshotResult } from '../types.js';
import { sameResults } from './batch.js';

type LoadBinary = (buf: Uint8Array, resources?: MatcherResources) => Matcher | Promise<Matcher>;

export interface SerializedSnapshot {
  expected: Recommendation[][];
  toJsonMs: number;
  stringifyMs: number;
  text?: string;
  toBinaryMs: number;
  binary?: Uint8Array;
  binaryNote: string;
}

export async function serializeSnapshot(ctx: BenchContext, m: Matcher): Promise<SerializedSnapshot> {
  const expected = ctx.gen.needs(NEED_RANGES.measured, 20).map((q) => m.recommendExperts(q, TOP10));
  let t0 = now();
  let snap: unknown = m.toJSON();
  const toJsonMs = now() - t0;
  t0 = now();
  const text = JSON.stringify(snap);
  const stringifyMs = now() - t0;
  snap = undefined;
  const out: SerializedSnapshot = { expected, toJsonMs, stringifyMs, text, toBinaryMs: 0, binaryNote: 'm.toBinary is not present' };
  const toBinary = (m as unknown as { toBinary?: () => Uint8Array | Promise<Uint8Array> }).toBinary;
  if (typeof toBinary === 'function') {
    t0 = now();
    out.binary = await toBinary.call(m);
    out.toBinaryMs = now() - t0;
  }
  return out;
}

/**
 * Consumes `s` (its text and bytes are dropped as soon as they are loaded). Returns the last
 * matcher it loaded (binary if available, else JSON; none when the binary load failed) for the scenarios that follow.
 */
export async function loadSnapshot(
  ctx: BenchContext,
  s: SerializedSnapshot,
  n: number,
  build: BuildResult,
): Promise<{ result: SnapshotResult; loaded?: Matcher }> {
  const check = ctx.gen.needs(NEED_RANGES.measured, s.expected.length);
  const resources = { backgroundIdf: ctx.background };
  const text = s.text ?? '';
  s.text = undefined;
  const bytes = Buffer.byteLength(text);
  await settleHeap();
  let t0 = now();
  let loaded: Matcher | undefined = api.loadMatcher(text, resources);
  loaded.recommendExperts(check[0]!, TOP10);
  const loadMs = now() - t0;
  const identical = sameResults(
    s.expected,
    check.map((q) => (loaded as Matcher).recommendExperts(q, TOP10)),
  );
  let last: Matcher | undefined = loaded;
  loaded = undefined;
  const rebuildMs = build.createMs + build.buildMs;
  const result: SnapshotResult = {
    toJsonMs: s.toJsonMs,
    stringifyMs: s.stringifyMs,
    bytes,
    loadMs,
    rebuildMs,
    speedup: rebuildMs / loadMs,
    identical,
    checked: check.length,
    binaryNote: s.binaryNote,
  };

  const buf = s.binary;
  s.binary = undefined;
  if (buf) {
    const dedicated = ((api as Record<string, unknown>).loadMatcherBinary ??
      (matcherModule as Record<string, unknown>).loadMatcherBinary) as LoadBinary | undefined;
    const loadBinary: LoadBinary = dedicated ?? ((b, res) => api.loadMatcher(b, res));
    const loaderName = dedicated ? 'loadMatcherBinary(bytes, resources)' : 'loadMatcher(bytes, resources)';
    last = undefined;
    await settleHeap();
    try {
      t0 = now();
      let bin: Matcher | undefined = await loadBinary(buf, resources);
      bin.recommendExperts(check[0]!, TOP10);
      const binLoadMs = now() - t0;
      const same = sameResults(
        s.expected,
        check.map((q) => (bin as Matcher).recommendExperts(q, TOP10)),
      );
      last = bin;
      bin = undefined;
      result.binary = { toBinaryMs: s.toBinaryMs, bytes: buf.byteLength, loadMs: binLoadMs, speedup: rebuildMs / binLoadMs, identical: same };
      result.binaryNote = `m.toBinary() + ${loaderName}`;
    } catch (err) {
      result.binaryNote = `m.toBinary() is present but ${loaderName} failed: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  log(
    `snapshot ${n}: JSON ${(bytes / 1e6).toFixed(1)} MB, load ${(loadMs / 1000).toFixed(2)} s vs rebuild ${(rebuildMs / 1000).toFixed(2)} s ` +
      `→ ${result.speedup.toFixed(2)}x, identical: ${identical}` +
      (result.binary ? `; binary ${(result.binary.bytes / 1e6).toFixed(1)} MB, load ${(result.binary.loadMs / 1000).toFixed(2)} s → ${result.binary.speedup.toFixed(2)}x` : ''),
  );
  return { result, ...(last ? { loaded: last } : {}) };
}
