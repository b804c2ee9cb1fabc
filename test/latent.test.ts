import { describe, expect, it } from 'vitest';
import { cosine, rerankLatent } from '../src/rank/latent.js';
import { type ExpertInput, loadMatcher, type Matcher, type NeedInput, type Recommendation, ValidationError } from '../src/index.js';
import { assignEvent } from '../src/event/index.js';
import { buildReportData, renderReport } from '../src/report/index.js';
import { fixtures, matcher } from './helpers.js';

/**
 * A deterministic stand-in for a sentence-embedding model (never downloaded): character pairs
 * hashed into 32 signed dimensions. It knows nothing of meaning; it only gives every record a
 * vector, so that the mechanics of the latent part can be checked exactly.
 */
function standIn(text: string): number[] {
  const v = new Array<number>(32).fill(0);
  const chars = [...text.replace(/\s+/g, '')];
  for (let i = 0; i + 1 < chars.length; i++) {
    let h = 2166136261;
    for (const c of chars[i]! + chars[i + 1]!) h = Math.imul(h ^ (c.codePointAt(0) as number), 16777619);
    v[(h >>> 0) % 32]! += h & 1 ? 1 : -1;
  }
  return v;
}

const f = fixtures();
const experts: ExpertInput[] = f.experts.map((e) => ({ ...e, embedding: standIn(`${e.name} ${e.bio ?? ''} ${(e.fields ?? []).join(' ')}`) }));
const needs: NeedInput[] = f.needs.map((n) => ({ ...n, embedding: standIn(`${n.title ?? ''} ${n.description}`) }));
const LATENT = { weight: 0.5, candidates: 40 };

function build(options: Parameters<typeof matcher>[0], e: ExpertInput[] = experts, n: NeedInput[] = needs): Matcher {
  const m = matcher(options);
  m.addExperts(e);
  m.addNeeds(n);
  return m;
}

const partsSum = (r: Recommendation): number =>
  r.explanation.terms.reduce((s, t) => s + t.weight, 0) + r.explanation.industries.reduce((s, i) => s + i.weight, 0) + (r.explanation.disciplines ?? []).reduce((s, i) => s + i.weight, 0) + (r.explanation.latent ?? 0);

describe('rerankLatent', () => {
  it('adds weight × max(0, cosine), never a negative part, re-orders with ties by key, then cuts', () => {
    const vectors: Record<number, number[] | undefined> = { 0: [1, 0], 1: [-1, 0], 2: [0, 0], 3: undefined, 4: [3, 4], 5: [2, 0], 6: undefined };
    const hits = [0.5, 0.45, 0.4, 0.35, 0.3, 0.05, 0.01].map((score, slot) => ({ slot, text: 1, score }));
    const out = rerankLatent(hits, {
      query: [2, 0],
      weight: 0.1,
      embeddingOf: (slot) => vectors[slot],
      tieKey: (slot) => ['e', 'd', 'c', 'b', 'a', 'f', 'g'][slot]!,
      k: 6,
      minScore: 0.12,
    });
    // Slot 0: 0.5 + 0.1; slot 4: 0.3 + 0.1 × 0.6; opposite, zero and missing vectors add 0;
    // slot 5 (0.05 + 0.1) reaches minScore thanks to its latent part, slot 6 (0.01) does not.
    expect(out.map((x) => [x.hit.slot, Number(x.latent.toFixed(12)), Number(x.score.toFixed(12))])).toEqual([
      [0, 0.1, 0.6],
      [1, 0, 0.45],
      [2, 0, 0.4],
      [4, 0.06, 0.36],
      [3, 0, 0.35],
      [5, 0.1, 0.15],
    ]);
    expect(rerankLatent(hits, { query: [2, 0], weight: 0.1, embeddingOf: (slot) => vectors[slot], tieKey: String, k: 3, minScore: 0 }).map((x) => x.hit.slot)).toEqual([0, 1, 2]);
    expect(cosine([0, 0], [1, 1])).toBe(0);
    // Equal final scores are ordered by key.
    const tied = rerankLatent(
      [
        { slot: 0, text: 1, score: 0.2 },
        { slot: 1, text: 1, score: 0.2 },
      ],
      { query: [1], weight: 1, embeddingOf: () => [1], tieKey: (s) => (s === 0 ? 'z' : 'a'), k: 2, minScore: 0 },
    );
    expect(tied.map((x) => x.hit.slot)).toEqual([1, 0]);
  });
});

describe('latent part of the score (user embeddings)', () => {
  it('changes nothing while its weight is 0 (the default), whatever the records carry', () => {
    const plain = build(undefined, f.experts, f.needs);
    const withVectors = build(undefined);
    for (const n of f.needs) expect(withVectors.recommendExperts(n.id)).toEqual(plain.recommendExperts(n.id));
    expect(withVectors.recommendExperts(needs[0]!)[0]!.explanation).not.toHaveProperty('latent');
  });

  it('adds weight × max(0, cosine) to the best candidates by text and industry and re-orders them', () => {
    const base = build(undefined);
    const m = build({ latent: LATENT });
    const byId = new Map(experts.map((e) => [e.id, e]));
    let reordered = 0;
    for (const n of needs) {
      // Independently: the 40 best without the latent part, plus it, sorted, best 10.
      const expected = base
        .recommendExperts(n.id, { topK: 40 })
        .map((r) => {
          const latent = 0.5 * Math.max(0, cosine(n.embedding!, byId.get(r.id)!.embedding!));
          return { id: r.id, latent, score: r.score + latent };
        })
        .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
        .slice(0, 10);
      const got = m.recommendExperts(n.id);
      expect(got.map((r) => [r.id, r.score, r.explanation.latent])).toEqual(expected.map((x) => [x.id, x.score, x.latent]));
      for (const r of got) expect(partsSum(r)).toBeCloseTo(r.score, 10);
      const plainIds = base.recommendExperts(n.id).map((r) => r.id);
      if (got.map((r) => r.id).join() !== plainIds.join()) reordered++;
    }
    // The stand-in is noise to the text score: it must move some rankings, or this test proves nothing.
    expect(reordered).toBeGreaterThan(5);
  });

  it('works the other way round (needs for an expert), and reports 0 for candidates without an embedding', () => {
    const m = build({ latent: LATENT }, experts, [...needs.slice(0, 20), ...f.needs.slice(20)]);
    const recs = m.recommendNeeds(experts[0]!.id, { topK: 40 });
    expect(recs.length).toBeGreaterThan(0);
    const withVector = new Set(needs.slice(0, 20).map((n) => n.id));
    for (const r of recs) {
      if (!withVector.has(r.id)) expect(r.explanation.latent).toBe(0);
      expect(partsSum(r)).toBeCloseTo(r.score, 10);
    }
    // A query without an embedding gets no latent part at all.
    const { embedding: _drop, ...bare } = needs[0]!;
    expect(m.recommendExperts({ ...bare, id: 'bare' })[0]!.explanation).not.toHaveProperty('latent');
  });

  it('applies minScore to the final score', () => {
    const m = build({ latent: LATENT });
    const all = m.recommendExperts('N01', { topK: 40 });
    const cut = all[5]!.score;
    expect(m.recommendExperts('N01', { topK: 40, minScore: cut })).toEqual(all.filter((r) => r.score >= cut));
  });

  it('gives the same results after JSON and binary snapshots and in batches', async () => {
    const m = build({ latent: LATENT });
    const expected = needs.map((n) => m.recommendExperts(n.id));
    const fromJson = loadMatcher(JSON.stringify(m.toJSON()));
    const fromBinary = loadMatcher(m.toBinary());
    for (const [i, n] of needs.entries()) {
      expect(fromJson.recommendExperts(n.id)).toEqual(expected[i]);
      expect(fromBinary.recommendExperts(n.id)).toEqual(expected[i]);
    }
    expect(await m.recommendExpertsBatch(needs, {}, { workers: 2 })).toEqual(needs.map((n) => m.recommendExperts(n)));
    // The restored matcher still knows the embeddings' length.
    expect(() => fromBinary.recommendExperts({ ...needs[0]!, id: 'q', embedding: [1, 2, 3] })).toThrow(ValidationError);
    await m.close();
  });

  it('shows the latent part of each assigned pair in the event report, and nothing of it when off', () => {
    const m = build({ latent: LATENT });
    const assignment = assignEvent(m, { expertsPerNeed: 2 });
    const data = buildReportData(m, { assignment });
    expect(data.assignment.rows.length).toBeGreaterThan(50);
    for (const row of data.assignment.rows) {
      const rec = m.recommendExperts(row.needId, { topK: 100 }).find((r) => r.id === row.expertId)!;
      expect(row.latent).toBe(rec.explanation.latent);
    }
    const html = renderReport(data);
    expect(html).toContain(`语义相似（嵌入）${data.assignment.rows[0]!.latent!.toFixed(3)}`);
    const off = build(undefined);
    const plain = buildReportData(off, { assignment: assignEvent(off, { expertsPerNeed: 2 }) });
    expect(plain.assignment.rows.every((r) => r.latent === undefined)).toBe(true);
    expect(renderReport(plain)).not.toContain('语义相似');
  });

  it('rejects bad embeddings, naming the record and the field, and adds nothing', () => {
    const m = build({ latent: LATENT });
    const before = m.expertIds();
    const bad = (embedding: number[], id = 'X1'): ExpertInput => ({ id, name: '某专家', fields: ['电机'], embedding });
    const issue = (fn: () => void): { id?: string; path: string; message: string } => {
      try {
        fn();
      } catch (err) {
        expect(err).toBeInstanceOf(ValidationError);
        return (err as ValidationError).issues[0]!;
      }
      throw new Error('expected a ValidationError');
    };
    const nan = issue(() => m.addExperts([bad([...standIn('电机'), Number.NaN].slice(1))]));
    expect(nan).toMatchObject({ id: 'X1', path: 'embedding.31' });
    expect(issue(() => m.addExperts([bad([])]))).toMatchObject({ id: 'X1', path: 'embedding' });
    const short = issue(() => m.addExperts([bad(standIn('电机')), bad([1, 2, 3], 'X2')]));
    expect(short).toMatchObject({ id: 'X2', path: 'embedding' });
    expect(short.message).toContain('3 dimensions');
    expect(m.expertIds()).toEqual(before);
    // A fresh matcher takes its length from the first embedding of the batch.
    const fresh = matcher({ latent: LATENT });
    expect(issue(() => fresh.addNeeds([{ id: 'a', description: '电机温升', embedding: [1, 0] }, { id: 'b', description: '电机', embedding: [1] }]))).toMatchObject({
      id: 'b',
      path: 'embedding',
    });
    expect(fresh.needIds()).toEqual([]);
    expect(() => matcher({ latent: { weight: -1 } })).toThrow();
  });
});
