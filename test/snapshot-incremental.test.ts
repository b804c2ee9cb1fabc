import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMatcher, SnapshotError } from '../src/index.js';
import { readBinarySnapshot, writeBinarySnapshot } from '../src/snapshot-binary.js';
import { recordArray, type SideState } from '../src/side.js';

/** A snapshot state with its records as arrays (a binary snapshot's are read on demand). */
function plainRecords<S extends { experts: SideState<object>; needs: SideState<object> }>(state: S): S {
  return { ...state, experts: { ...state.experts, records: recordArray(state.experts.records) }, needs: { ...state.needs, records: recordArray(state.needs.records) } };
}
import { backgroundIdf, fixtures, matcher } from './helpers.js';

const data = fixtures();

describe('incremental adds', () => {
  it('give the same results as a fresh build, whatever the batches and the queries between them', () => {
    const fresh = matcher();
    fresh.addExperts(data.experts);
    fresh.addNeeds(data.needs);
    const incremental = matcher();
    incremental.addNeeds(data.needs);
    // Batches of decreasing size: the first becomes the main segment, later ones the tail
    // segment (merged when it grows past a tenth of the main one).
    const cuts = [60, 70, 72, 80, 85, data.experts.length];
    let from = 0;
    for (const to of cuts) {
      incremental.addExperts(data.experts.slice(from, to));
      incremental.recommendExperts('N01'); // a query between batches compiles the segments
      from = to;
    }
    for (const n of data.needs) expect(incremental.recommendExperts(n.id)).toEqual(fresh.recommendExperts(n.id));
    for (const e of data.experts.slice(0, 15)) expect(incremental.recommendNeeds(e.id)).toEqual(fresh.recommendNeeds(e.id));
  });
});

describe('binary snapshots', () => {
  const m = matcher();
  m.addExperts(data.experts);
  m.addNeeds(data.needs);
  m.removeExpert('E002');
  m.removeNeed('N05');

  it('round-trip to identical results without analysing the records again', () => {
    const bytes = m.toBinary();
    const again = loadMatcher(bytes, { backgroundIdf: backgroundIdf() });
    expect(again.expertIds().sort()).toEqual(m.expertIds().sort());
    expect(again.stats()).toEqual(m.stats());
    for (const n of data.needs.filter((x) => x.id !== 'N05')) expect(again.recommendExperts(n.id)).toEqual(m.recommendExperts(n.id));
    expect(again.recommendNeeds('E010')).toEqual(m.recommendNeeds('E010'));
    expect(again.getExpert('E002')).toBeUndefined();
    // The restored matcher keeps working: adds and removes after loading.
    again.addExperts([{ id: 'NEW', name: '新专家', fields: ['北斗高精度定位', 'rtk'], bio: '北斗地基增强与RTK定位。' }]);
    expect(again.recommendExperts('N30', { topK: 50 }).some((r) => r.id === 'NEW')).toBe(true);
  });

  it('reads records only when asked for, and a loaded matcher changes as the original does', () => {
    const original = matcher();
    original.addExperts(data.experts);
    original.addNeeds(data.needs);
    original.removeExpert('E002');
    const loaded = loadMatcher(original.toBinary(), { backgroundIdf: backgroundIdf() });
    // Ids in slot order without reading a record; then the same edits on both.
    expect(loaded.expertIds()).toEqual(original.expertIds());
    const added = { id: 'E010', name: '重新登记', fields: ['北斗高精度定位'], bio: '北斗地基增强与RTK定位。' };
    for (const x of [original, loaded]) {
      x.removeExperts(['E010', 'E011']);
      x.removeNeed('N07');
      x.addExperts([added]);
    }
    expect(loaded.expertIds()).toEqual(original.expertIds());
    expect(loaded.needIds()).toEqual(original.needIds());
    for (const id of ['E001', 'E010', 'E050', 'E002']) expect(loaded.getExpert(id)).toEqual(original.getExpert(id));
    for (const n of data.needs.slice(0, 12).filter((x) => x.id !== 'N07')) expect(loaded.recommendExperts(n.id)).toEqual(original.recommendExperts(n.id));
    expect(Buffer.compare(Buffer.from(loaded.toBinary()), Buffer.from(original.toBinary()))).toBe(0);
    expect(JSON.stringify(loaded.toJSON())).toBe(JSON.stringify(original.toJSON()));
  });

  it('stores records in blocks (one JavaScript string cannot hold a million profiles) and still reads versions 1 to 4', () => {
    const bytes = m.toBinary();
    const state = readBinarySnapshot(bytes);
    // Blocks of 7 records: many blocks, the last one partial, same matcher after loading.
    const blocked = writeBinarySnapshot(state, 7);
    const again = loadMatcher(blocked, { backgroundIdf: backgroundIdf() });
    expect(again.stats()).toEqual(m.stats());
    expect(again.getExpert('E010')).toEqual(m.getExpert('E010'));
    for (const n of data.needs.slice(0, 10).filter((x) => x.id !== 'N05')) expect(again.recommendExperts(n.id)).toEqual(m.recommendExperts(n.id));
    expect(recordArray(readBinarySnapshot(blocked).experts.records)).toEqual(recordArray(state.experts.records));

    // Versions 1 to 4: records as JSON (UTF-8, in version 4 UTF-16); in versions 1 and 2 slots and impacts in two sections; version 1
    // also has each side's records as one JSON array, without block lengths.
    // They are read into the same state (indexes and records); they carry no analysis fingerprint,
    // so loadMatcher re-analyses their records: the results of a fresh build.
    const { analysis, ...current } = readBinarySnapshot(bytes);
    expect(analysis).toMatch(/^[0-9a-f]{64}$/);
    for (const version of [1, 2, 3, 4] as const) {
      const earlier = olderVersion(bytes, version);
      expect(new DataView(earlier.buffer).getUint32(8, true)).toBe(version);
      expect(plainRecords(readBinarySnapshot(earlier))).toEqual(plainRecords(current));
      const old = loadMatcher(earlier, { backgroundIdf: backgroundIdf() });
      expect(old.expertIds()).toEqual(m.expertIds());
      expect([old.stats().experts, old.stats().needs]).toEqual([m.stats().experts, m.stats().needs]);
      for (const n of data.needs.slice(0, 10).filter((x) => x.id !== 'N05')) expect(old.recommendExperts(n.id)).toEqual(m.recommendExperts(n.id));
    }
  });

  it('read a version 5 snapshot written before records could declare disciplines', () => {
    // Written by commit c99879b: fixture experts E001–E006 with E004 removed, needs N01–N03. The
    // disciplines field is last in the records' shape, so its bit is never set in these masks.
    const bytes = new Uint8Array(readFileSync(new URL('./data/snapshot-v5-before-disciplines.bin', import.meta.url)));
    expect(new DataView(bytes.buffer).getUint32(8, true)).toBe(5);
    const old = loadMatcher(bytes, { backgroundIdf: backgroundIdf() });
    expect(old.expertIds()).toEqual(['E001', 'E002', 'E003', 'E005', 'E006']);
    expect(old.needIds()).toEqual(['N01', 'N02', 'N03']);
    const fresh = matcher();
    fresh.addExperts(old.expertIds().map((id) => old.getExpert(id)!));
    fresh.addNeeds(old.needIds().map((id) => old.getNeed(id)!));
    for (const id of old.needIds()) expect(old.recommendExperts(id)).toEqual(fresh.recommendExperts(id));
    expect(old.recommendNeeds('E001')).toEqual(fresh.recommendNeeds('E001'));
    expect(old.expertIds().every((id) => old.getExpert(id)!.disciplines === undefined)).toBe(true);
  });

  it('are re-analysed when written by another analysis (another version, lexicon or dictionary)', () => {
    const state = readBinarySnapshot(m.toBinary());
    const fresh = matcher();
    fresh.addExperts(m.expertIds().map((id) => m.getExpert(id)!));
    fresh.addNeeds(m.needIds().map((id) => m.getNeed(id)!));
    // The same index under another fingerprint: restoring it would be wrong for this analysis.
    const stale = loadMatcher(writeBinarySnapshot({ ...state, analysis: 'f'.repeat(64) }), { backgroundIdf: backgroundIdf() });
    expect(stale.toBinary()).toEqual(fresh.toBinary());
    // A matcher with another dictionary has another fingerprint, so its snapshot is re-analysed too.
    const other = matcher({ dictionary: ['恒驰电机'] });
    other.addExperts(data.experts.slice(0, 5));
    const again = loadMatcher(other.toBinary(), { backgroundIdf: backgroundIdf() });
    expect(readBinarySnapshot(again.toBinary()).analysis).toBe(readBinarySnapshot(other.toBinary()).analysis);
    expect(readBinarySnapshot(other.toBinary()).analysis).not.toBe(state.analysis);
  });

  it('refuses corrupted bytes, other versions and other files', () => {
    const bytes = m.toBinary();
    const corrupted = bytes.slice();
    corrupted[corrupted.length - 3]! ^= 0xff;
    expect(() => loadMatcher(corrupted)).toThrow(/checksum/);
    const otherVersion = bytes.slice();
    new DataView(otherVersion.buffer).setUint32(8, 99, true);
    expect(() => loadMatcher(otherVersion)).toThrow(/version 99/);
    expect(() => loadMatcher(new Uint8Array([1, 2, 3]))).toThrow(SnapshotError);
  });

  it('load from a file read back as a Node Buffer, and from a view at any offset', () => {
    const bytes = m.toBinary();
    const dir = mkdtempSync(join(tmpdir(), 'innomatch-'));
    const file = join(dir, 'm.bin');
    writeFileSync(file, bytes);
    const fromFile = readFileSync(file); // a Buffer: slice() gives views, often into a shared pool
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    const ids = m.needIds().slice(0, 5);
    const want = ids.map((id) => m.recommendExperts(id));
    for (const b of [fromFile, Buffer.from(bytes), padded.subarray(3)]) {
      const l = loadMatcher(b, { backgroundIdf: backgroundIdf() });
      expect(ids.map((id) => l.recommendExperts(id))).toEqual(want);
    }
    rmSync(dir, { recursive: true });
  });

  it('validates the records of a well-formed file like added ones (its checksum proves no origin)', () => {
    const state = readBinarySnapshot(m.toBinary());
    const records = recordArray(state.experts.records);
    const first = records.find((r) => r !== null)!;
    const at = records.findIndex((r, i) => r !== null && i > records.indexOf(first));
    const load = (edit: (r: (typeof records)[number]) => unknown) => {
      const bad = { ...state, experts: { ...state.experts, records: records.map((r, i) => (i === at ? (edit(r) as typeof r) : r)) } };
      return () => loadMatcher(writeBinarySnapshot(bad), { backgroundIdf: backgroundIdf() });
    };
    expect(load((r) => r)).not.toThrow();
    expect(load((r) => ({ ...r, id: first.id }))).toThrow(/#\d+ \(E\d+\) id: duplicate id/);
    expect(load((r) => ({ ...r, kind: 'wizard' }))).toThrow(/kind/);
    expect(load((r) => ({ ...r, name: 42 }))).toThrow(/name/);
    expect(load((r) => ({ ...r, embedding: [1, 2] }))).not.toThrow();
    const twoLengths = { ...state, experts: { ...state.experts, records: records.map((r, i) => (r && i === at ? { ...r, embedding: [1, 2] } : r && i === records.indexOf(first) ? { ...r, embedding: [1] } : r)) } };
    expect(() => loadMatcher(writeBinarySnapshot(twoLengths))).toThrow(/embedding/);
  });
});

describe('memory', () => {
  it('reports the bytes of the index', () => {
    const s = matcher();
    s.addExperts(data.experts);
    const stats = s.stats();
    expect(stats.experts).toBe(data.experts.length);
    expect(stats.bytesPerExpert).toBeGreaterThan(0);
  });
});

/**
 * A version 1 to 4 binary snapshot from a version-5 one: records as JSON instead of columns (one
 * block of UTF-8 in versions 2 and 3, of UTF-16LE in version 4; in version 1 one JSON array, no
 * block lengths); in versions 1 and 2 also each segment's postings as two sections (`docs`:
 * slots, `imps`: impacts).
 */
function olderVersion(v3: Uint8Array, version: 1 | 2 | 3 | 4): Uint8Array {
  const view = new DataView(v3.buffer, v3.byteOffset, v3.byteLength);
  const headerLength = view.getUint32(12, true);
  const header = JSON.parse(new TextDecoder().decode(v3.subarray(48, 48 + headerLength))) as {
    options: unknown;
    sections: { name: string; type: string; offset: number; length: number }[];
  };
  const pad8 = (n: number): number => (n + 7) & ~7;
  const start = pad8(48 + headerLength);
  const state = readBinarySnapshot(v3);
  const parts: [string, string, Uint8Array][] = [];
  for (const s of header.sections) {
    const data = v3.slice(start + s.offset, start + s.offset + s.length);
    const side = s.name.startsWith('experts') ? state.experts : state.needs;
    const json = JSON.stringify(recordArray<object>(side.records));
    const utf8 = version === 4 ? new Uint8Array(Buffer.from(json, 'utf16le')) : new TextEncoder().encode(json);
    const prefix = s.name.slice(0, s.name.indexOf('.'));
    if (/\.record(Layout|TextBlocks|Text)$/.test(s.name)) continue;
    if (s.name.endsWith('.recordTape')) {
      if (version >= 2) parts.push([`${prefix}.recordBlocks`, 'f64', new Uint8Array(Float64Array.of(utf8.byteLength).buffer)]);
      parts.push([`${prefix}.records`, version === 1 ? 'json' : version === 4 ? 'jsonBlocks16' : 'jsonBlocks', utf8]);
    } else if (version <= 2 && s.name.endsWith('.postings')) {
      const postings = new Int32Array(data.buffer, 0, data.byteLength / 4);
      const owner = s.name.slice(0, -'.postings'.length);
      const docs = Int32Array.from(postings, (p) => p >> 8);
      parts.push([`${owner}.docs`, 'i32', new Uint8Array(docs.buffer)]);
      parts.push([`${owner}.imps`, 'u8', Uint8Array.from(postings, (p) => p & 255)]);
    } else parts.push([s.name, s.type, data]);
  }
  let offset = 0;
  const sections = parts.map(([name, type, data]) => {
    const entry = { name, type, offset, length: data.byteLength };
    offset = pad8(offset + data.byteLength);
    return entry;
  });
  const head = new TextEncoder().encode(JSON.stringify({ options: header.options, sections }));
  const dataStart = pad8(48 + head.byteLength);
  const out = new Uint8Array(dataStart + offset);
  out.set(v3.subarray(0, 8), 0);
  const dv = new DataView(out.buffer);
  dv.setUint32(8, version, true);
  dv.setUint32(12, head.byteLength, true);
  out.set(head, 48);
  parts.forEach(([, , data], i) => out.set(data, dataStart + (sections[i] as { offset: number }).offset));
  out.set(createHash('sha256').update(out.subarray(48)).digest(), 16);
  return out;
}
