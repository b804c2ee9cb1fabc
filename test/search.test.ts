import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldIndex } from '../src/index/field-index.js';
import { buildQuery } from '../src/rank/query.js';
import { createScratch, MAX_TEXT, type QueryTerm, type SearchIndex, type SearchOptions, Selection, searchChunks, searchExhaustive, searchTopK } from '../src/rank/search.js';
import { chunkClaimer, createSplitControl } from '../src/rank/split.js';

const params = {
  k1: 1.2,
  fields: [
    { weight: 3, b: 0.3, refLength: 4 },
    { weight: 1, b: 0.75, refLength: 20 },
  ],
};

const vocab = Array.from({ length: 40 }, (_, i) => `t${i}`);
// Zipf-like token choice so that some lists are long and some short, as in real text.
const token = fc.integer({ min: 0, max: 39 * 39 }).map((x) => vocab[Math.floor(Math.sqrt(x))] as string);
const doc = fc.tuple(fc.array(token, { maxLength: 6 }), fc.array(token, { minLength: 1, maxLength: 30 }));

const scenario = fc.record({
  batches: fc.array(fc.array(doc, { minLength: 1, maxLength: 150 }), { minLength: 1, maxLength: 4 }),
  removals: fc.array(fc.nat(), { maxLength: 10 }),
  // Up to 15 terms of up to 2^19 units: Σ units × 255 stays within MAX_TEXT, as buildQuery ensures.
  query: fc.uniqueArray(fc.record({ term: fc.integer({ min: 0, max: 39 }), units: fc.integer({ min: 1, max: 1 << 19 }) }), {
    minLength: 1,
    maxLength: 15,
    selector: (q) => q.term,
  }),
  k: fc.integer({ min: 1, max: 12 }),
  boostBound: fc.constantFrom(0, 0.15, 1),
  minScore: fc.constantFrom(0, 0.05, 0.2),
  rejectEvery: fc.integer({ min: 0, max: 5 }),
  seed: fc.integer(),
  accumulate: fc.constantFrom(undefined, 'dense' as const, 'blocked' as const, 'sparse' as const),
  blockSize: fc.constantFrom(1, 7, 64),
  // Per-slot factors on the text (profiles of the centroid model), or none.
  scaled: fc.boolean(),
  smallCandidates: fc.boolean(),
  // A search split between two threads: chunk size, and how the chunks are shared out.
  split: fc.record({
    chunk: fc.constantFrom(1, 5, 33, 1000),
    // 'ends': one thread from the front, the other from the back (as the claimer hands them
    // out), the other taking `share` of them; 'shuffled': any order, each thread's share random.
    order: fc.constantFrom('ends' as const, 'shuffled' as const),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    perm: fc.array(fc.nat(), { maxLength: 200 }),
  }),
});

describe('pruned search', () => {
  it('returns exactly the exhaustive top-k on random corpora, queries, filters and removals', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const index = new FieldIndex(params);
        const slots: number[] = [];
        for (const batch of s.batches) {
          for (const [a, b] of batch) slots.push(index.add([a, b]));
          index.segments(); // each batch lands in the main or the tail segment
        }
        for (const r of s.removals) {
          const slot = slots[r % slots.length] as number;
          if (index.isLive(slot)) index.remove(slot);
        }
        const query: QueryTerm[] = s.query
          .map((q) => ({ termId: index.vocab.id(`t${q.term}`) ?? -1, units: q.units }))
          .filter((q) => q.termId >= 0);
        // Candidate buffers start small in real use and grow; here from one entry, or pre-sized.
        const scratch = s.smallCandidates
          ? { ...createScratch(index.slotCount + 3), candidates: new Int32Array(1), candidateText: new Float64Array(1) }
          : createScratch(index.slotCount + 3);
        const scale = s.scaled ? Float32Array.from({ length: index.slotCount }, (_, i) => (((i * 40503 + s.seed) >>> 0) % 97 + 1) / 97) : undefined;
        const view: SearchIndex = { segments: index.segments(), alive: index.aliveView(), scratch, ...(scale ? { scale } : {}) };
        // A deterministic pseudo-random boost per slot, within the bound.
        const boost = (slot: number): number => (((slot * 2654435761 + s.seed) >>> 0) % 1000) / 1000 * s.boostBound;
        const opts: SearchOptions = {
          k: s.k,
          textScale: 1e-7,
          boost,
          boostBound: s.boostBound,
          accept: (slot) => s.rejectEvery === 0 || slot % s.rejectEvery !== 0,
          tieKey: (slot) => `id${String(slot % 7).padStart(2, '0')}-${slot}`,
          minScore: s.minScore,
          ...(s.accumulate ? { accumulate: s.accumulate, blockSize: s.blockSize } : {}),
        };
        const expected = searchExhaustive(view, query, opts);
        expect(searchTopK(view, query, opts)).toEqual(expected);
        // The reused accumulator is left zeroed for the next query.
        expect(scratch.acc.every((x) => x === 0)).toBe(true);

        // Split: two selections over disjoint chunks, one absorbing the other's candidates.
        const { chunk, order, share, perm } = s.split;
        const n = Math.ceil(index.slotCount / chunk);
        let all = Array.from({ length: n }, (_, i) => i);
        if (order === 'shuffled') {
          for (let i = all.length - 1; i > 0; i--) {
            const j = (perm[i % Math.max(1, perm.length)] ?? 0) % (i + 1);
            [all[i], all[j]] = [all[j] as number, all[i] as number];
          }
        }
        const theirCount = Math.round(share * n);
        const mine = order === 'ends' ? all.slice(0, n - theirCount) : all.slice(theirCount);
        const theirs = order === 'ends' ? all.slice(n - theirCount).reverse() : all.slice(0, theirCount);
        all = [];
        const claims = (list: number[]): (() => number) => {
          let i = 0;
          return () => (i < list.length ? (list[i++] as number) : -1);
        };
        const scratchB = createScratch(index.slotCount + 3);
        const a = new Selection(view, opts, scratch);
        const b = new Selection(view, opts, scratchB);
        searchChunks(view, query, chunk, claims(mine), a);
        searchChunks(view, query, chunk, claims(theirs), b);
        const c = b.candidates();
        a.absorb(c.slots, c.text);
        expect(a.finish()).toEqual(expected);
        expect(scratch.acc.every((x) => x === 0) && scratchB.acc.every((x) => x === 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('accumulates text sums up to MAX_TEXT exactly, and refuses queries that could go beyond', () => {
    // 300 documents holding all 40 terms at the largest impact.
    const index = new FieldIndex(params);
    const ids = Int32Array.from(vocab, (t) => index.vocab.intern(t));
    for (let i = 0; i < 300; i++) index.addImpacts(ids, new Uint8Array(ids.length).fill(255));
    const view: SearchIndex = { segments: index.segments(), alive: index.aliveView(), scratch: createScratch(300) };
    expect([...view.segments[0]!.maxImp]).toEqual(vocab.map(() => 255));
    const opts: SearchOptions = { k: 3, textScale: 1, boost: () => 0, boostBound: 0, tieKey: (s) => String(s).padStart(4, '0'), minScore: 0 };
    // Units chosen so that every document's sum is exactly MAX_TEXT − r for a small r.
    const total = Math.floor(MAX_TEXT / 255);
    const query: QueryTerm[] = vocab.map((t, i) => ({ termId: index.vocab.id(t) as number, units: i === 0 ? total - 39 * 1000 : 1000 }));
    for (const mode of ['dense', 'sparse', 'blocked'] as const) {
      const hits = searchTopK(view, query, { ...opts, accumulate: mode, blockSize: 64 });
      expect(hits.map((h) => h.text)).toEqual([total * 255, total * 255, total * 255]);
      expect(hits).toEqual(searchExhaustive(view, query, opts));
    }
    const over = [...query.slice(1), { termId: query[0]!.termId, units: total - 39 * 1000 + 1 }];
    expect(() => searchTopK(view, over, opts)).toThrow(RangeError);
    const sel = new Selection(view, opts, createScratch(300));
    expect(() => searchChunks(view, over, 64, () => -1, sel)).toThrow(RangeError);
  });

  it('builds queries whose units stay within MAX_TEXT, at full resolution when they are small', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 50, noNaN: true }), { minLength: 1, maxLength: 300, size: 'max' }), (weights) => {
        const index = new FieldIndex(params);
        const counts = new Map<string, number>();
        weights.forEach((w, i) => {
          index.add([[`w${i}`], []]);
          counts.set(`w${i}`, w);
        });
        const q = buildQuery(counts, index, { get: () => 10 }, 0, new Map());
        const units = q.terms.reduce((s, t) => s + t.units, 0);
        expect(units * 255).toBeLessThanOrEqual(MAX_TEXT);
        const largest = Math.max(...q.terms.map((t) => t.units));
        if (q.terms.length <= 8) expect(largest).toBe(2 ** 20);
        else expect(largest).toBeLessThanOrEqual(2 ** 20);
        for (const t of q.terms) expect(t.weight).toBe(t.units * q.unit);
      }),
      { numRuns: 60, endOnFailure: true },
    );
  });

  it('breaks exact ties by key in both searches', () => {
    const index = new FieldIndex(params);
    for (let i = 0; i < 30; i++) index.add([['a'], ['b', 'c']]);
    const view: SearchIndex = { segments: index.segments(), alive: index.aliveView() };
    const query: QueryTerm[] = [{ termId: index.vocab.id('a') as number, units: 1 }];
    const opts: SearchOptions = {
      k: 5,
      textScale: 1,
      boost: () => 0,
      boostBound: 0,
      accept: () => true,
      tieKey: (slot) => String(1000 - slot).padStart(4, '0'),
      minScore: 0,
    };
    const slots = searchTopK(view, query, opts).map((h) => h.slot);
    expect(slots).toEqual([29, 28, 27, 26, 25]);
    expect(searchExhaustive(view, query, opts).map((h) => h.slot)).toEqual(slots);
  });

  it('hands out every chunk exactly once, from the front to one thread and from the back to the other', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.array(fc.boolean(), { maxLength: 120 }), (chunks, turns) => {
        const ctrl = createSplitControl();
        const job = 7;
        // A fresh job: nothing taken (what SplitSearch.run stores before claiming).
        Atomics.store(ctrl.claims, 0, BigInt(job) << 32n);
        const front = chunkClaimer(ctrl, job, chunks, false);
        const back = chunkClaimer(ctrl, job, chunks, true);
        const got: number[] = [];
        const fronts: number[] = [];
        const backs: number[] = [];
        for (const t of [...turns, ...Array<boolean>(chunks).fill(true), ...Array<boolean>(chunks).fill(false)]) {
          const c = t ? front() : back();
          if (c >= 0) (t ? fronts : backs).push(c);
          if (c >= 0) got.push(c);
        }
        expect([...got].sort((x, y) => x - y)).toEqual(Array.from({ length: chunks }, (_, i) => i));
        expect(fronts).toEqual(Array.from({ length: fronts.length }, (_, i) => i));
        expect(backs).toEqual(Array.from({ length: backs.length }, (_, i) => chunks - 1 - i));
        // A claimer of another job gets nothing, and neither does anyone once the job changes.
        expect(chunkClaimer(ctrl, job + 1, chunks, false)()).toBe(-1);
      }),
    );
    const ctrl = createSplitControl();
    Atomics.store(ctrl.claims, 0, 3n << 32n);
    const stale = chunkClaimer(ctrl, 3, 10, true);
    expect(stale()).toBe(9);
    Atomics.store(ctrl.claims, 0, 4n << 32n);
    expect(stale()).toBe(-1);
  });
});
