import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { resolveOptions } from '../src/config.js';
import { buildPipeline, ChunkPacker, type PackedDocs, TermMirror, unpackDocs } from '../src/prepare.js';
import { createSegmenter } from '../src/text/backends/index.js';
import { Vocabulary } from '../src/index/vocabulary.js';
import { type PreparedChunk, prepareChunks, WorkerPool } from '../src/rank/batch.js';
import { INDUSTRY_TERMS } from '../src/taxonomy/lexicon.js';
import { type ExpertInput, InnomatchError, type NeedInput, PUBLICATION_PROFILES, ValidationError } from '../src/index.js';
import { fixtures, matcher } from './helpers.js';

const data = fixtures();
// Enough records for several chunks of a parallel add (500 per message).
const experts: ExpertInput[] = Array.from({ length: 14 }, (_, r) => data.experts.map((e) => ({ ...e, id: `${e.id}-${r}` }))).flat();
const needs: NeedInput[] = Array.from({ length: 30 }, (_, r) => data.needs.map((n) => ({ ...n, id: `${n.id}-${r}` }))).flat();

const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

/**
 * Workers as if warm, so that chunks go to them from the start (else this thread may do all), and
 * a count of the chunks they packed (a failed one would be analysed on this thread, unseen);
 * `check` sees each reply.
 */
function countWorkerChunks(check?: (r: PreparedChunk) => void): { readonly remote: number; restore(): void } {
  const prepare = WorkerPool.prototype.prepare;
  const ready = vi.spyOn(WorkerPool.prototype, 'ready').mockImplementation((n) => n);
  let remote = 0;
  const spy = vi.spyOn(WorkerPool.prototype, 'prepare').mockImplementation(function (this: WorkerPool, ...args) {
    return prepare.apply(this, args).then((r) => {
      remote++;
      check?.(r);
      return r;
    });
  });
  return {
    get remote() {
      return remote;
    },
    restore() {
      spy.mockRestore();
      ready.mockRestore();
    },
  };
}

describe('addExpertsParallel / addNeedsParallel', () => {
  it('builds exactly the index addExperts builds, on a worker thread and this one', async () => {
    expect(experts.length).toBeGreaterThan(1000);
    const workers = countWorkerChunks();
    const a = matcher();
    a.addExperts(experts);
    a.addNeeds(needs);
    const b = matcher();
    await b.addExpertsParallel(experts, { workers: 2 });
    await b.addNeedsParallel(needs, { workers: 2 });
    expect(same(a.toBinary(), b.toBinary())).toBe(true);
    expect(b.recommendExperts('N01-3', { topK: 10 })).toEqual(a.recommendExperts('N01-3', { topK: 10 }));
    // Later adds on either path continue the same slots.
    const late = data.experts.map((e) => ({ ...e, id: `${e.id}-late` }));
    a.addExperts(late);
    await b.addExpertsParallel(late, { workers: 2 });
    expect(same(a.toBinary(), b.toBinary())).toBe(true);
    // Both threads analysed chunks: the worker at least the two sent to it at the start of each
    // call, this thread at least the third, taken while the first was still on the worker (a
    // single-chunk add, as the late one, stays on this thread).
    expect(workers.remote).toBeGreaterThanOrEqual(4);
    expect(workers.remote).toBeLessThanOrEqual(prepareChunks(experts, 2).length + prepareChunks(needs, 2).length - 2);
    workers.restore();
    await b.close();
  }, 120_000);

  it('analyses a chunk on the calling thread when its worker fails', async () => {
    const ready = vi.spyOn(WorkerPool.prototype, 'ready').mockImplementation((n) => n);
    const spy = vi.spyOn(WorkerPool.prototype, 'prepare').mockRejectedValue(new Error('worker died'));
    const a = matcher();
    a.addExperts(experts);
    const b = matcher();
    await b.addExpertsParallel(experts, { workers: 2 });
    expect(spy).toHaveBeenCalled();
    expect(same(a.toBinary(), b.toBinary())).toBe(true);
    spy.mockRestore();
    ready.mockRestore();
    await b.close();
  });

  it('gives the same index with the centroid model (packed on the worker too) and on one worker', async () => {
    const workers = countWorkerChunks((r) => expect(r.packed.scales?.length).toBe(r.packed.lens.length));
    const a = matcher({ ...PUBLICATION_PROFILES });
    a.addExperts(experts);
    const b = matcher({ ...PUBLICATION_PROFILES });
    await b.addExpertsParallel(experts, { workers: 2 });
    workers.restore();
    expect(workers.remote).toBeGreaterThanOrEqual(2);
    expect(same(a.toBinary(), b.toBinary())).toBe(true);
    const need = { id: 'q', description: '电机温升过高，绕组绝缘老化' };
    expect(b.recommendExperts(need, { topK: 10 })).toEqual(a.recommendExperts(need, { topK: 10 }));
    await b.close();
    const c = matcher();
    await c.addExpertsParallel(experts.slice(0, 600), { workers: 1 });
    const d = matcher();
    d.addExperts(experts.slice(0, 600));
    expect(same(c.toBinary(), d.toBinary())).toBe(true);
  });

  it('adds nothing when a record is invalid, and refuses other changes while it runs', async () => {
    const m = matcher();
    const bad = [...experts.slice(0, 700), { id: 'E-bad', name: '' } as ExpertInput];
    await expect(m.addExpertsParallel(bad, { workers: 2 })).rejects.toThrow(ValidationError);
    expect(m.stats().experts).toBe(0);
    await expect(m.addExpertsParallel(experts.slice(0, 10), { workers: 0 })).rejects.toThrow(/workers/);
    expect(m.stats().experts).toBe(0);

    const running = m.addExpertsParallel(experts, { workers: 2 });
    expect(() => m.addExperts([{ id: 'X', name: '某专家', bio: '电机' }])).toThrow(InnomatchError);
    expect(() => m.removeExpert(experts[0]!.id)).toThrow(/in progress/);
    await expect(m.addNeedsParallel(needs.slice(0, 5))).rejects.toThrow(/in progress/);
    await running;
    expect(m.stats().experts).toBe(experts.length);
    // Done: changes are accepted again, duplicates still refused.
    m.addExperts([{ id: 'X', name: '某专家', bio: '电机' }]);
    await expect(m.addExpertsParallel([experts[0]!])).rejects.toThrow(ValidationError);
    await m.close();
  }, 120_000);

  it('continues each worker\'s vocabulary from call to call, and drops a worker whose replies stop continuing it', async () => {
    // Several multi-chunk calls in a row on the same two workers and this thread, with new words in every chunk:
    // the same index as addExperts.
    const words = Object.values(INDUSTRY_TERMS).flatMap((t) => Object.keys(t));
    const varied = experts.map((e, i) => ({ ...e, keywords: [...(e.keywords ?? []), words[i % words.length] as string] }));
    const a = matcher();
    const b = matcher();
    const ready = vi.spyOn(WorkerPool.prototype, 'ready').mockImplementation((n) => n);
    for (const part of [varied.slice(0, 1200), varied.slice(1200, 1201), varied.slice(1201)]) {
      a.addExperts(part);
      await b.addExpertsParallel(part, { workers: 3 });
    }
    ready.mockRestore();
    expect(same(a.toBinary(), b.toBinary())).toBe(true);
    await b.close();

    const pool = new WorkerPool();
    const options = resolveOptions({});
    // A worker counts as ready once it has loaded its modules and warmed up for these options,
    // not when it is started; for other options it warms up again.
    expect(pool.ready(1, options)).toBe(0);
    await vi.waitFor(() => expect(pool.ready(1, options)).toBe(1), { timeout: 60_000, interval: 20 });
    const other = resolveOptions({ k1: 1.5 });
    expect(pool.ready(1, other)).toBe(0);
    await vi.waitFor(() => expect(pool.ready(1, other)).toBe(1), { timeout: 60_000, interval: 20 });
    expect(pool.ready(1, options)).toBe(0);
    const first = await pool.prepare(options, 'experts', experts.slice(0, 50), 1);
    expect(first.packed.base).toBe(0);
    const known = first.mirror.size;
    expect(known).toBeGreaterThan(100);
    const second = await pool.prepare(options, 'experts', experts.slice(50, 100), 1);
    expect(second.packed.base).toBe(known);
    expect(second.mirror.size).toBeGreaterThan(known);
    expect(second.mirror).toBe(first.mirror);
    // Other options: the worker starts a new vocabulary, which its mirror cannot continue.
    await expect(pool.prepare(resolveOptions({ k1: 1.5 }), 'experts', experts.slice(0, 50), 1)).rejects.toThrow(/does not continue/);
    // That worker was dropped: a new one starts from nothing.
    const fresh = await pool.prepare(options, 'experts', experts.slice(0, 50), 1);
    expect(fresh.packed.base).toBe(0);
    expect(fresh.mirror).not.toBe(first.mirror);
    await pool.close();
  }, 120_000);

  it('cuts a parallel add into chunks of 500 that get shorter towards the end, in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 2, max: 8 }), (n, threads) => {
        const records = Array.from({ length: n }, (_, i) => i);
        const chunks = prepareChunks(records, threads);
        expect(chunks.flat()).toEqual(records);
        for (const [i, c] of chunks.entries()) {
          expect(c.length).toBeGreaterThan(0);
          expect(c.length).toBeLessThanOrEqual(500);
          if (i < chunks.length - 1) expect(c.length).toBeGreaterThanOrEqual(50);
          if (i > 0) expect(c.length).toBeLessThanOrEqual(chunks[i - 1]!.length);
        }
      }),
    );
    // 10,000 records on two threads: 500s, then a quarter of what remains, down to 50.
    expect(prepareChunks(Array.from({ length: 10_000 }), 2).map((c) => c.length)).toEqual([
      ...Array<number>(17).fill(500), 375, 282, 211, 158, 119, 89, 67, 50, 50, 50, 49,
    ]);
  });

  it('reads a packed chunk through its sender\'s mirror, interning new terms in the sender\'s order', () => {
    const pack = (base: number, terms: string[], ids: number[]): PackedDocs => ({
      base,
      terms: terms.join('\u0000'),
      added: terms.length,
      lens: Int32Array.of(ids.length),
      termIds: Int32Array.from(ids),
      imps: new Uint8Array(ids.length).fill(7),
      industry: new Float64Array(15),
    });
    const mirror = new TermMirror();
    const vocab = new Vocabulary();
    vocab.intern('电机');
    const one = pack(0, ['温升', '电机'], [1, 0]);
    const two = pack(2, ['涂层'], [2, 1]);
    expect(mirror.extend(one)).toBe(true);
    // The second chunk's reply may arrive before the first is applied.
    expect(mirror.extend(two)).toBe(true);
    expect(mirror.extend(pack(2, ['x'], [0]))).toBe(false);
    expect(mirror.size).toBe(3);
    const first = unpackDocs(one, mirror, vocab);
    // Only the first chunk's new term was interned, after what the vocabulary had.
    expect(vocab.all()).toEqual(['电机', '温升']);
    expect([...first[0]!.termIds]).toEqual([0, 1]);
    const second = unpackDocs(two, mirror, vocab);
    expect(vocab.all()).toEqual(['电机', '温升', '涂层']);
    expect([...second[0]!.termIds]).toEqual([2, 0]);
    // Ids past what the chunk knows are refused.
    expect(() => unpackDocs(pack(0, [], [2]), mirror, vocab)).toThrow(/inconsistent/);
    // Another vocabulary (a loaded snapshot's) is mapped afresh.
    const other = Vocabulary.from(['涂层']);
    expect([...unpackDocs(two, mirror, other)[0]!.termIds]).toEqual([0, 2]);
    expect(other.all()).toEqual(['涂层', '温升', '电机']);
  });

  it('leaves a worker\'s vocabulary as it was when a chunk fails, so the next chunk continues it', () => {
    const options = resolveOptions({});
    const pipeline = buildPipeline(options, (words) => createSegmenter(options.segmenter, words));
    const words = Object.values(INDUSTRY_TERMS).flatMap((t) => Object.keys(t));
    const distinct = experts.slice(0, 60).map((e, i) => ({ ...e, keywords: [words[i] as string] }));
    // Not validated on purpose: the packer fails on it after analysing the records before it.
    const bad = { id: 'bad', name: '坏记录', keywords: 5 } as unknown as ExpertInput;
    const a = new ChunkPacker(pipeline, 'experts', options);
    const first = a.pack(distinct.slice(0, 20));
    expect(() => a.pack([...distinct.slice(20, 40), bad])).toThrow();
    const after = a.pack(distinct.slice(40, 60));
    // As if the failed chunk had never been sent.
    const b = new ChunkPacker(pipeline, 'experts', options);
    b.pack(distinct.slice(0, 20));
    const fresh = b.pack(distinct.slice(40, 60));
    expect(after.base).toBe(first.added);
    expect(after).toEqual(fresh);
  });
});
