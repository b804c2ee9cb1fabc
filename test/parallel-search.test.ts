import { describe, expect, it, vi } from 'vitest';
import { loadMatcher, type RecommendExpertsOptions, type RuntimeOptions, ValidationError } from '../src/index.js';
import { Selection } from '../src/rank/search.js';
import { backgroundIdf, fixtures, matcher } from './helpers.js';

const data = fixtures();

describe('parallelSearch', () => {
  it('gives exactly the single-thread results, with the worker taking part', async () => {
    // Absorbing the worker's candidates happens only when the worker took chunks.
    const merges = vi.spyOn(Selection.prototype, 'absorb');
    const single = matcher({ queryCacheSize: 0 });
    // Chunks of 16 profiles: the fixtures' experts make several per search.
    const par = matcher({ queryCacheSize: 0, parallelSearch: { fromSlots: 0, chunk: 16 } });
    for (const m of [single, par]) {
      m.addExperts(data.experts);
      m.addNeeds(data.needs);
      m.removeExpert('E003'); // a removed slot stays invisible to the worker too
    }
    const needs = [...data.needs.map((n) => n.id), { id: 'adhoc', description: '冬天电池续航掉得厉害，低温下容量衰减，想找电池材料专家' }];
    const variants: RecommendExpertsOptions[] = [
      { topK: 7 },
      { topK: 3, kinds: ['expert', 'society'], exclude: ['E010'], minScore: 0.05 },
      { topK: 5, industries: ['new-power'] },
    ];
    const same = (): void => {
      for (const o of variants) for (const n of needs) expect(par.recommendExperts(n, o)).toEqual(single.recommendExperts(n, o));
    };
    // The worker starts asynchronously; until it holds the index, searches run on this thread.
    const deadline = Date.now() + 60_000;
    while (merges.mock.calls.length === 0 && Date.now() < deadline) {
      same();
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(merges).toHaveBeenCalled();
    const before = par.stats().splitSearches;
    expect(before).toBeGreaterThan(0);
    expect(single.stats().splitSearches).toBe(0);
    // Whether the worker takes chunks of a search this small depends on timing (it has to wake
    // before this thread has claimed them all): search again until it has, as above.
    const more = Date.now() + 60_000;
    do {
      same();
      await new Promise((r) => setTimeout(r, 25));
    } while (par.stats().splitSearches <= before && Date.now() < more);
    expect(par.stats().splitSearches).toBeGreaterThan(before);
    // A change of the expert side: the worker gets the new index, results follow the change.
    const late = { id: 'LATE', name: '后加专家', fields: ['锂电池低温性能', '低温续航'], bio: '锂离子电池低温电化学性能与续航衰减。' };
    for (const m of [single, par]) {
      m.addExperts([late]);
      m.removeExpert('E001');
    }
    const changed = merges.mock.calls.length;
    const again = Date.now() + 60_000;
    while (merges.mock.calls.length === changed && Date.now() < again) {
      same();
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(merges.mock.calls.length).toBeGreaterThan(changed);
    same();
    expect(par.recommendExperts('N01', { topK: 50 }).some((r) => r.id === 'E001')).toBe(false);
    // A worker that dies: searches go on (on this thread until a new worker holds the index),
    // with the same results.
    const worker = (par as unknown as { split: { worker?: { terminate(): Promise<number> } } }).split.worker;
    expect(worker).toBeDefined();
    await worker?.terminate();
    same();
    await new Promise((r) => setTimeout(r, 50));
    same();
    await par.close();
    // Closed: searches run on this thread again, still the same.
    same();
    merges.mockRestore();
  }, 180_000);

  it('loads a snapshot with runtime options of its own, results unchanged', async () => {
    const m = matcher({ queryCacheSize: 0 });
    m.addExperts(data.experts);
    const loaded = loadMatcher(m.toBinary(), { backgroundIdf: backgroundIdf() }, { parallelSearch: { fromSlots: 0, chunk: 16 }, queryCacheSize: 10 });
    expect(loaded.options.parallelSearch).toEqual({ fromSlots: 0, chunk: 16 });
    expect(loaded.options.queryCacheSize).toBe(10);
    expect(loaded.options.k1).toBe(m.options.k1);
    for (const n of data.needs) expect(loaded.recommendExperts(n, { topK: 5 })).toEqual(m.recommendExperts(n, { topK: 5 }));
    const json = loadMatcher(JSON.stringify(m.toJSON()), { backgroundIdf: backgroundIdf() }, { parallelSearch: true });
    expect(json.options.parallelSearch).toBe(true);
    // Options not given keep the snapshot's values, not the defaults.
    expect(json.options.queryCacheSize).toBe(0);
    expect(loadMatcher(loaded.toBinary(), {}, { parallelSearch: false }).options.queryCacheSize).toBe(10);
    // Only options that cannot change a result may differ from the snapshot's.
    expect(() => loadMatcher(m.toBinary(), {}, { k1: 2 } as unknown as RuntimeOptions)).toThrow(ValidationError);
    expect(() => loadMatcher(m.toBinary(), {}, { queryCacheSize: -1 })).toThrow(/queryCacheSize/);
    await Promise.all([loaded.close(), json.close()]);
  });

  it('rejects bad settings', () => {
    expect(() => matcher({ parallelSearch: { fromSlots: -1 } })).toThrow(/parallelSearch/);
    expect(() => matcher({ parallelSearch: { chunk: 3 } })).toThrow(/parallelSearch/);
    expect(() => matcher({ parallelSearch: 'yes' as unknown as boolean })).toThrow(/parallelSearch/);
  });
});
