import { describe, expect, it } from 'vitest';
import { InnomatchError, ValidationError } from '../src/index.js';
import { fixtures, matcher } from './helpers.js';

const data = fixtures();

describe('recommendExpertsBatch', () => {
  const m = matcher();
  m.addExperts(data.experts);
  m.addNeeds(data.needs);
  m.removeExpert('E003'); // a removed slot must stay invisible to the workers too
  const needs = [...data.needs.map((n) => n.id), { id: 'adhoc', description: '冬天电池续航掉得厉害，低温下容量衰减' }];

  it('gives exactly the single-query results on worker threads', async () => {
    const single = needs.map((n) => m.recommendExperts(n, { topK: 7 }));
    expect(await m.recommendExpertsBatch(needs, { topK: 7 }, { workers: 2 })).toEqual(single);
    expect(await m.recommendExpertsBatch(needs, { topK: 7 }, { workers: 1 })).toEqual(single);
    // The pool is kept: a second batch reuses the threads, and sees adds made in between.
    m.addExperts([{ id: 'LATE', name: '后加专家', fields: ['锂电池低温性能', '低温续航'], bio: '锂离子电池低温电化学性能与续航衰减。' }]);
    const again = needs.map((n) => m.recommendExperts(n, { topK: 7 }));
    expect(await m.recommendExpertsBatch(needs, { topK: 7 }, { workers: 2 })).toEqual(again);
    await m.close();
  });

  it('applies the same filters as single queries', async () => {
    const opts = { topK: 5, kinds: ['expert' as const, 'society' as const], exclude: ['E010'], industries: ['new-power' as const], minScore: 0.05 };
    const single = needs.map((n) => m.recommendExperts(n, opts));
    expect(await m.recommendExpertsBatch(needs, opts, { workers: 2 })).toEqual(single);
  });

  it('rejects bad input before starting any thread', async () => {
    await expect(m.recommendExpertsBatch(['N01', 'N404'], {}, { workers: 2 })).rejects.toThrow(InnomatchError);
    await expect(m.recommendExpertsBatch([{ id: 'x', description: '' }], {}, { workers: 2 })).rejects.toThrow(ValidationError);
    await expect(m.recommendExpertsBatch(['N01'], {}, { workers: 0 })).rejects.toThrow(/workers/);
  });
});
