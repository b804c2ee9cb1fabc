import { describe, expect, it, vi } from 'vitest';
import { WorkerPool } from '../src/rank/batch.js';
import { type ExpertInput, InnomatchError, type NeedInput, PUBLICATION_PROFILES, ValidationError } from '../src/index.js';
import { fixtures, matcher } from './helpers.js';

const data = fixtures();
// Enough records for several chunks of a parallel add (500 per message).
const experts: ExpertInput[] = Array.from({ length: 14 }, (_, r) => data.experts.map((e) => ({ ...e, id: `${e.id}-${r}` }))).flat();
const needs: NeedInput[] = Array.from({ length: 30 }, (_, r) => data.needs.map((n) => ({ ...n, id: `${n.id}-${r}` }))).flat();

const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

describe('addExpertsParallel / addNeedsParallel', () => {
  it('builds exactly the index addExperts builds, on worker threads', async () => {
    expect(experts.length).toBeGreaterThan(1000);
    // Chunks the workers analysed (a failed one would be analysed on this thread, unseen).
    const prepare = WorkerPool.prototype.prepare;
    let remote = 0;
    const spy = vi.spyOn(WorkerPool.prototype, 'prepare').mockImplementation(function (this: WorkerPool, ...args) {
      return prepare.apply(this, args).then((r) => {
        remote++;
        return r;
      });
    });
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
    // Every chunk went to a worker (a single-chunk add, as the late one, stays on this thread).
    expect(remote).toBe(Math.ceil(experts.length / 500) + Math.ceil(needs.length / 500));
    spy.mockRestore();
    await b.close();
  }, 120_000);

  it('analyses a chunk on the calling thread when its worker fails', async () => {
    const spy = vi.spyOn(WorkerPool.prototype, 'prepare').mockRejectedValue(new Error('worker died'));
    const a = matcher();
    a.addExperts(experts);
    const b = matcher();
    await b.addExpertsParallel(experts, { workers: 2 });
    expect(spy).toHaveBeenCalled();
    expect(same(a.toBinary(), b.toBinary())).toBe(true);
    spy.mockRestore();
    await b.close();
  });

  it('gives the same index with the centroid model and on one worker', async () => {
    const a = matcher({ ...PUBLICATION_PROFILES });
    a.addExperts(experts.slice(0, 600));
    const b = matcher({ ...PUBLICATION_PROFILES });
    await b.addExpertsParallel(experts.slice(0, 600), { workers: 2 });
    expect(same(a.toBinary(), b.toBinary())).toBe(true);
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
});
