import { describe, expect, it } from 'vitest';
import { loadMatcher, SnapshotError } from '../src/index.js';
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
