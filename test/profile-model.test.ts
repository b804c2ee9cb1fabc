import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centroidBuffers, centroidImpactsOfIds, centroidWeights } from '../src/index/centroid.js';
import { type ExpertInput, loadMatcher, PUBLICATION_PROFILES } from '../src/index.js';
import { FieldIndex } from '../src/index/field-index.js';
import { buildQuery } from '../src/rank/query.js';
import { concatUnits, EXPERT_FIELDS, expertFieldTokens, expertUnitTokens } from '../src/records.js';
import { backgroundIdf, fixtures, matcher } from './helpers.js';

const data = fixtures();

describe('centroid weights', () => {
  const word = fc.constantFrom('涂层', '附着力', '电池', '低温', '续航', '焊接', '裂纹', '发酵');
  const unit = fc.array(fc.array(word, { maxLength: 12 }), { minLength: 4, maxLength: 4 });
  const weights = [3, 2, 1.5, 1];

  it('are in (0, 1] with the largest 1, and scale × weight is a unit vector', () => {
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 6 }), (units) => {
        const { weights: w, scale } = centroidWeights(units, weights);
        if (w.size === 0) return;
        const values = [...w.values()];
        expect(Math.max(...values)).toBe(1);
        for (const v of values) expect(v).toBeGreaterThan(0);
        expect(values.reduce((s, v) => s + (v * scale) ** 2, 0)).toBeCloseTo(1, 12);
      }),
    );
  });

  it('give every publication one voice: order does not matter, and a profile of one text repeated equals that text', () => {
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 6 }), (units) => {
        const a = centroidWeights(units, weights);
        const b = centroidWeights([...units].reverse(), weights);
        expect(b.scale).toBeCloseTo(a.scale, 12);
        for (const [t, v] of a.weights) expect(b.weights.get(t)).toBeCloseTo(v, 12);
        const one = centroidWeights([units[0]!], weights);
        const thrice = centroidWeights([units[0]!, units[0]!, units[0]!], weights);
        expect(thrice.scale).toBeCloseTo(one.scale, 12);
        for (const [t, v] of one.weights) expect(thrice.weights.get(t)).toBeCloseTo(v, 12);
      }),
    );
  });
});

describe('centroid impacts from term ids', () => {
  const word = fc.constantFrom('涂层', '附着力', '电池', '低温', '续航', '焊接', '裂纹', '发酵', '#涂层', 'coating');
  const unit = fc.array(fc.array(word, { maxLength: 12 }), { minLength: 4, maxLength: 4 });
  const weights = [3, 2, 1.5, 1];
  const params = { k1: 1.2, fields: EXPERT_FIELDS };

  it('index exactly what centroidWeights + addWeighted index: same term ids, impacts and scale, profile after profile', () => {
    fc.assert(
      fc.property(fc.array(fc.array(unit, { maxLength: 5 }), { minLength: 1, maxLength: 6 }), (profiles) => {
        const byWeights = new FieldIndex(params);
        const byIds = new FieldIndex(params);
        // One scratch for all the profiles, as a matcher keeps one.
        const scratch = centroidBuffers();
        for (const units of profiles) {
          const ref = centroidWeights(units, weights);
          byWeights.addWeighted(ref.weights, ref.scale);
          const d = centroidImpactsOfIds(
            units.map((u) => byIds.vocab.internFields(u)),
            weights,
            scratch,
          );
          // Exactly: the index keeps scales as float32, which would hide a difference.
          expect(d.scale).toBe(ref.scale);
          byIds.addImpacts(d.termIds, d.imps, d.scale);
        }
        byWeights.compact();
        byIds.compact();
        expect(byIds.exportState()).toEqual(byWeights.exportState());
      }),
    );
  });
});

describe('character pairs', () => {
  const m = matcher({ charBigrams: true });

  it('are added as #-prefixed tokens for every pair of adjacent Chinese characters', () => {
    const tokens = m.analyze('电机温升过高，IGBT模块发热');
    for (const pair of ['#电机', '#机温', '#温升', '#升过', '#过高', '#模块', '#块发', '#发热']) expect(tokens).toContain(pair);
    // Pairs never cross punctuation or ASCII.
    expect(tokens).not.toContain('#高，');
    expect(tokens.filter((t) => t.startsWith('#'))).toHaveLength(8);
  });

  it('leave dictionary terms, classification and the default analysis alone', () => {
    const plain = matcher();
    const text = '新能源汽车动力电池低温续航衰减，需要电池热管理方案';
    expect(m.classify(text)).toEqual(plain.classify(text));
    expect(m.analyze(text).filter((t) => !t.startsWith('#'))).toEqual(plain.analyze(text));
  });
});

describe('character pairs in queries', () => {
  it('take their IDF from the corpus alone (the background table knows no pairs)', () => {
    const index = new FieldIndex({ k1: 1.2, fields: [{ weight: 1, b: 0.5, refLength: 10 }] });
    index.add([['温升', '#温升']]);
    index.add([['电机', '#电机']]);
    index.add([['温升', '电机', '#温升', '#电机']]);
    const counts = new Map([
      ['温升', 1],
      ['#温升', 1],
    ]);
    const weightOf = (bg: number, term: string): number => {
      const q = buildQuery(counts, index, { get: () => bg }, 200, new Map());
      return (q.terms.find((t) => t.term === term)?.weight ?? NaN) / q.unit;
    };
    const ratio = (bg: number): number => weightOf(bg, '#温升') / weightOf(bg, '温升');
    // The word's weight follows the background, the pair's does not: their ratio moves.
    expect(ratio(1)).not.toBeCloseTo(ratio(20), 3);
    const pairOnly = new Map([['#温升', 1]]);
    const normOf = (bg: number): number => buildQuery(pairOnly, index, { get: () => bg }, 200, new Map()).norm;
    expect(normOf(1)).toBeCloseTo(normOf(20), 12);
  });
});

describe('expert units', () => {
  it('concatenated field by field give the tokens of the fields', () => {
    for (const charBigrams of [false, true]) {
      const m = matcher({ charBigrams });
      // The analyzer behind m.analyze, reached through the same options.
      const analyzer = { analyze: (t: string) => m.analyze(t) } as unknown as Parameters<typeof expertFieldTokens>[0];
      for (const e of data.experts) {
        // The same tokens; with character pairs in another order (pairs follow each text's words).
        const sorted = (fields: string[][]): string[][] => fields.map((f) => [...f].sort());
        expect(sorted(concatUnits(expertUnitTokens(analyzer, e), EXPERT_FIELDS.length))).toEqual(sorted(expertFieldTokens(analyzer, e)));
      }
    }
  });
});

describe('the publication-profiles preset', () => {
  const prolific: ExpertInput = {
    id: 'P-MANY',
    name: '王涂层',
    fields: ['涂层', '表面工程'],
    publications: [
      ...Array.from({ length: 12 }, (_, i) => ({
        title: `耐蚀涂层的制备与性能研究${i + 1}`,
        abstract: '采用等离子喷涂制备陶瓷涂层，研究涂层的显微组织、结合强度与耐腐蚀性能。',
      })),
      { title: '锂电池低温性能初探', abstract: '测试了锂电池在低温下的放电容量。' },
    ],
  };
  const specialist: ExpertInput = {
    id: 'P-ONE',
    name: '李低温',
    fields: ['锂离子电池'],
    publications: [{ title: '锂电池低温放电容量衰减机理', abstract: '研究锂电池低温下放电容量衰减与电解液电导率、界面阻抗的关系。' }],
  };
  const need = { id: 'q', description: '锂电池低温放电容量衰减严重，冬天续航短' };

  it('ranks the specialist above an expert whose many papers are about something else', () => {
    const m = matcher(PUBLICATION_PROFILES);
    m.addExperts([prolific, specialist]);
    expect(m.recommendExperts(need).map((r) => r.id)).toEqual(['P-ONE', 'P-MANY']);
  });

  it('explains scores term by term (the terms sum to the text part)', () => {
    const m = matcher(PUBLICATION_PROFILES);
    m.addExperts([prolific, specialist, ...data.experts]);
    for (const r of m.recommendExperts(need, { topK: 5 })) {
      const terms = r.explanation.terms.reduce((s, t) => s + t.weight, 0);
      const industries = r.explanation.industries.reduce((s, t) => s + t.weight, 0);
      const disciplines = (r.explanation.disciplines ?? []).reduce((s, t) => s + t.weight, 0);
      expect(terms + industries + disciplines).toBeCloseTo(r.score, 9);
    }
  });

  it('survives binary and JSON snapshots, incremental adds and worker threads unchanged', async () => {
    const m = matcher(PUBLICATION_PROFILES);
    m.addExperts(data.experts);
    m.addNeeds(data.needs);
    const expected = data.needs.map((n) => m.recommendExperts(n.id));
    const binary = loadMatcher(m.toBinary(), { backgroundIdf: backgroundIdf() });
    const json = loadMatcher(m.toJSON(), { backgroundIdf: backgroundIdf() });
    const incremental = matcher(PUBLICATION_PROFILES);
    incremental.addNeeds(data.needs);
    for (const cut of [50, 70, 80, data.experts.length]) {
      incremental.addExperts(data.experts.slice(incremental.stats().experts, cut));
      incremental.recommendExperts('N01');
    }
    for (const [i, n] of data.needs.entries()) {
      expect(binary.recommendExperts(n.id)).toEqual(expected[i]);
      expect(json.recommendExperts(n.id)).toEqual(expected[i]);
      expect(incremental.recommendExperts(n.id)).toEqual(expected[i]);
    }
    expect(await m.recommendExpertsBatch(data.needs.map((n) => n.id), {}, { workers: 2 })).toEqual(expected);
    await m.close();
  });
});

