import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/config.js';
import { buildPipeline } from '../src/prepare.js';
import { EXPERT_FIELDS, expertFieldTokens, NEED_FIELDS, needFieldTokens, weightedCounts } from '../src/records.js';
import { INDUSTRY_TERMS } from '../src/taxonomy/lexicon.js';
import { TermSlots } from '../src/taxonomy/term-slots.js';
import { industryVector } from '../src/taxonomy/vector.js';
import { Vocabulary } from '../src/index/vocabulary.js';
import { createSegmenter } from '../src/text/backends/index.js';
import { fixtures } from './helpers.js';

const pipeline = buildPipeline(resolveOptions({}), (words) => createSegmenter('node-rs', words));
const { classifier, analyzer } = pipeline;
const data = fixtures();

describe('classifier', () => {
  it('classifies field tokens exactly as their weighted counts (fixture records)', () => {
    const expertWeights = EXPERT_FIELDS.map((f) => f.queryWeight);
    const needWeights = NEED_FIELDS.map((f) => f.queryWeight);
    let named = 0;
    for (const e of data.experts) {
      const fields = expertFieldTokens(analyzer, e);
      const got = classifier.classifyFields(fields, expertWeights);
      expect(got).toEqual(classifier.classifyCounts(weightedCounts(fields, EXPERT_FIELDS)));
      if (got.length > 0) named++;
    }
    for (const n of data.needs) {
      const fields = needFieldTokens(analyzer, n);
      expect(classifier.classifyFields(fields, needWeights)).toEqual(classifier.classifyCounts(weightedCounts(fields, NEED_FIELDS)));
    }
    expect(named).toBeGreaterThan(data.experts.length / 2);
  });

  it('classifies term ids (TermSlots) exactly as the tokens they were interned from', () => {
    const vocab = new Vocabulary();
    const slots = new TermSlots(classifier);
    const expertWeights = EXPERT_FIELDS.map((f) => f.queryWeight);
    let vectors = 0;
    for (const e of data.experts) {
      const fields = expertFieldTokens(analyzer, e);
      const ids = fields.map((toks) => Int32Array.from(toks, (t) => vocab.intern(t)));
      expect(classifier.classifyFieldIds(ids, expertWeights, slots.of(vocab))).toEqual(classifier.classifyFields(fields, expertWeights));
      // The vector addExperts stores, straight from the counts: bit for bit industryVector's.
      const vector = classifier.vectorOfFieldIds(ids, expertWeights, slots.of(vocab));
      expect([...vector]).toEqual([...industryVector(classifier.classifyFields(fields, expertWeights))]);
      if (vector.some((x) => x > 0)) vectors++;
    }
    expect(vectors).toBeGreaterThan(data.experts.length / 2);
    // Another vocabulary object (a loaded snapshot's): the table starts again.
    const other = Vocabulary.from(['伺服电机', '问卷']);
    const table = slots.of(other);
    expect(table[0]).toBe(classifier.termSlot('伺服电机'));
    expect(table[0]).toBeGreaterThanOrEqual(0);
    expect(table[1]).toBe(-1);
  });

  it('classifies any fields and weights exactly as their weighted counts, call after call', () => {
    // Industry terms of every industry (as index tokens), mixed with words that are none.
    const terms = Object.values(INDUSTRY_TERMS)
      .flatMap((t) => Object.keys(t).slice(0, 12))
      .map((t) => analyzer.termKey(t))
      .filter((t): t is string => t !== null);
    const token = fc.oneof(fc.constantFrom(...terms), fc.constantFrom('方法', '结果', 'foo', '显著'));
    const field = fc.array(token, { maxLength: 25 });
    const weight = fc.constantFrom(0.1, 0.3, 0.5, 1, 1.5, 2, 0.7);
    fc.assert(
      fc.property(fc.array(fc.tuple(field, weight), { minLength: 1, maxLength: 4 }), (spec) => {
        const fields = spec.map(([f]) => f);
        const weights = spec.map(([, w]) => w);
        const specs = weights.map((w, i) => ({ ...EXPERT_FIELDS[0]!, name: `f${i}`, queryWeight: w }));
        expect(classifier.classifyFields(fields, weights)).toEqual(classifier.classifyCounts(weightedCounts(fields, specs)));
        // Plain tokens: each one counts once.
        const tokens = fields.flat();
        const counts = new Map<string, number>();
        for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
        expect(classifier.classifyTokens(tokens)).toEqual(classifier.classifyCounts(counts));
      }),
      { numRuns: 500 },
    );
  });
});
