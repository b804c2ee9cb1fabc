import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matcherOptionsSchema, resolveOptions } from '../src/config.js';
import { evaluateMatcher } from '../src/eval/fixtures.js';
import { InnomatchError, ValidationError } from '../src/errors.js';
import { InputFileError } from '../src/io/read.js';
import { assignFolds } from '../src/tune/folds.js';
import { type GridInput, readQrels, type TuneResult, tuneWeights, validateQrels } from '../src/tune/index.js';
import { DEFAULT_GRID, type TunedParams } from '../src/tune/params.js';
import { coordinateSearch } from '../src/tune/search.js';
import { backgroundIdf, fixtures, matcher } from './helpers.js';

const f = fixtures();
const resources = { backgroundIdf: backgroundIdf() };
/** A small grid: a handful of matcher builds, so the test stays fast. */
const SMALL: GridInput = { industryShare: [0.05, 0.15, 0.4], disciplineRatio: [0, 0.5], synonym: [0.8], concept: [0.5], k1: [1.2, 2.2], idfPrior: [200] };

function evaluated(options: Parameters<typeof matcher>[0]) {
  const m = matcher(options);
  m.addExperts(f.experts);
  m.addNeeds(f.needs);
  return evaluateMatcher(m, f);
}

describe('tuneWeights on the fixtures (small grid)', () => {
  let result: TuneResult;
  const tuned = async (): Promise<TuneResult> =>
    (result ??= await tuneWeights({ experts: f.experts, needs: f.needs, qrels: f.qrels, folds: 3, seed: 7, grid: SMALL, passes: 2 }, resources));

  it('writes a config that parses, loads, and reproduces the reported in-sample score', async () => {
    const r = await tuned();
    const file = join(mkdtempSync(join(tmpdir(), 'innomatch-tune-')), 'innomatch.config.json');
    writeFileSync(file, JSON.stringify(r.options));
    const loaded: unknown = JSON.parse(readFileSync(file, 'utf8'));
    expect(matcherOptionsSchema.safeParse(loaded).success).toBe(true);
    const again = evaluated(loaded as Parameters<typeof matcher>[0]); // createMatcher accepts it
    // Every fixture need is judged, so the harness's mean over all needs is the tuner's.
    expect(r.trace.judgedNeeds).toHaveLength(f.needs.length);
    expect(again.ndcg10).toBeCloseTo(r.fitted.ndcg10, 12);
    expect(again.mrr).toBeCloseTo(r.fitted.mrr, 12);
    // The tuned parameters are the ones written, weights normalised to sum 1.
    const p = r.trace.final.params;
    expect(r.options).toEqual({
      weights: {
        text: Number((1 - p.industryShare).toPrecision(12)),
        industry: p.industryShare,
        discipline: Number((p.disciplineRatio * (1 - p.industryShare)).toPrecision(12)),
      },
      expansion: { synonym: p.synonym, concept: p.concept },
      k1: p.k1,
      idfPrior: p.idfPrior,
    });
  });

  it('scores "before" exactly as the evaluation harness scores the default matcher', async () => {
    const r = await tuned();
    const defaults = evaluated(undefined);
    expect(r.before.ndcg10).toBeCloseTo(defaults.ndcg10, 12);
    expect(r.before.mrr).toBeCloseTo(defaults.mrr, 12);
    const d = resolveOptions({});
    expect(r.trace.final.start).toEqual({
      industryShare: d.weights.industry / (d.weights.text + d.weights.industry),
      disciplineRatio: d.weights.discipline / d.weights.text,
      synonym: d.expansion.synonym,
      concept: d.expansion.concept,
      k1: d.k1,
      idfPrior: d.idfPrior,
    });
  });

  it('keeps a consistent trace: folds partition the needs, searches only climb, "after" is the held-out mean', async () => {
    const r = await tuned();
    const t = r.trace;
    const all = [...t.judgedNeeds].sort();
    expect(t.folds.flatMap((x) => x.testNeeds).sort()).toEqual(all);
    for (const fold of t.folds) {
      expect([...fold.trainNeeds, ...fold.testNeeds].sort()).toEqual(all);
      expect(Math.abs(fold.testNeeds.length - all.length / t.folds.length)).toBeLessThan(1);
    }
    for (const search of [...t.folds.map((x) => x.search), t.final]) {
      let previous = search.startNdcg10;
      for (const step of search.steps) {
        const chosen = step.candidates.find((c) => c.value === step.chosen);
        expect(chosen?.ndcg10).toBe(step.ndcg10);
        expect(step.ndcg10).toBe(Math.max(...step.candidates.map((c) => c.ndcg10)));
        expect(step.ndcg10).toBeGreaterThanOrEqual(previous);
        previous = step.ndcg10;
      }
      expect(search.ndcg10).toBe(previous);
      for (const name of Object.keys(search.params) as (keyof TunedParams)[]) {
        expect([...(SMALL[name] ?? []), search.start[name]]).toContain(search.params[name]);
      }
    }
    const pooled = t.folds.reduce((s, x) => s + x.heldOut.after.ndcg10 * x.testNeeds.length, 0) / all.length;
    expect(r.after.ndcg10).toBeCloseTo(pooled, 12);
    const pooledBefore = t.folds.reduce((s, x) => s + x.heldOut.before.ndcg10 * x.testNeeds.length, 0) / all.length;
    expect(r.before.ndcg10).toBeCloseTo(pooledBefore, 12);
    expect(r.fitted.ndcg10).toBe(t.final.ndcg10);
    expect(r.before.ndcg10).toBe(t.final.startNdcg10);
    expect(r.fitted.ndcg10).toBeGreaterThanOrEqual(r.before.ndcg10); // the start is a candidate
    // Each distinct configuration is built once: at most the size of the grid (plus the start).
    expect(t.configurations).toBeLessThanOrEqual(3 * 2 * 2 + 1);
  });
});

describe('tuning inputs', () => {
  const experts = new Set(f.experts.map((e) => e.id));
  const needs = new Set(f.needs.map((n) => n.id));

  it('names the record and field of every bad judgment', () => {
    const bad = [
      { needId: 'N01', expertId: 'E001', grade: 2 },
      { needId: 'N99', expertId: 'E001', grade: 1 },
      { needId: 'N01', expertId: 'X404', grade: 1 },
      { needId: 'N02', expertId: 'E001', grade: 4 },
      { needId: 'N03', expertId: 'E001', grade: -1 },
      { needId: 'N04', expertId: 'E001', grade: 1.5 },
      { needId: 'N05', expertId: 'E001', grade: '2' },
      { needId: 'N06', expertId: 'E001' },
      { needId: 'N01', expertId: 'E001', grade: 0 },
      { grade: 1 },
    ];
    let error: unknown;
    try {
      validateQrels(bad, experts, needs);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues.map((i) => [i.index, i.id, i.path]);
    expect(issues).toEqual([
      [1, 'N99/E001', 'needId'],
      [2, 'N01/X404', 'expertId'],
      [3, 'N02/E001', 'grade'],
      [4, 'N03/E001', 'grade'],
      [5, 'N04/E001', 'grade'],
      [6, 'N05/E001', 'grade'],
      [7, 'N06/E001', 'grade'],
      [8, 'N01/E001', 'expertId'],
      [9, undefined, 'needId'],
      [9, undefined, 'expertId'],
    ]);
    expect((error as ValidationError).message).toContain('#1 (N99/E001) needId: unknown need "N99"');
    expect(validateQrels(bad.slice(0, 1), experts, needs)).toEqual([{ needId: 'N01', expertId: 'E001', grade: 2 }]);
  });

  it('tuneWeights rejects bad judgments and settings before tuning', async () => {
    const qrels = [...f.qrels, { needId: 'N01', expertId: 'E001', grade: 7 }];
    await expect(tuneWeights({ experts: f.experts, needs: f.needs, qrels }, resources)).rejects.toThrow(/#189 \(N01\/E001\) grade/);
    await expect(tuneWeights({ experts: f.experts, needs: f.needs, qrels: f.qrels, folds: 1 }, resources)).rejects.toThrow(ValidationError);
    await expect(
      tuneWeights({ experts: f.experts, needs: f.needs, qrels: f.qrels, grid: { industryShare: [1] } }, resources),
    ).rejects.toThrow(/grid\.industryShare\.0/);
    const twoNeeds = f.qrels.filter((q) => q.needId === 'N01' || q.needId === 'N02');
    await expect(tuneWeights({ experts: f.experts, needs: f.needs, qrels: twoNeeds, folds: 3 }, resources)).rejects.toThrow(InnomatchError);
  });

  it('reads judgments from CSV with English or Chinese headers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'innomatch-qrels-'));
    writeFileSync(join(dir, 'a.csv'), 'needId,expertId,grade\nN01,E001,2\nN02,E002,x\n');
    const a = readQrels(join(dir, 'a.csv'));
    expect(a.records).toEqual([
      { needId: 'N01', expertId: 'E001', grade: 2 },
      { needId: 'N02', expertId: 'E002', grade: 'x' },
    ]);
    expect(a.lines).toEqual([2, 3]);
    writeFileSync(join(dir, 'b.csv'), '需求编号,专家编号,相关度\nN01,E001,1\n');
    expect(readQrels(join(dir, 'b.csv')).records).toEqual([{ needId: 'N01', expertId: 'E001', grade: 1 }]);
    writeFileSync(join(dir, 'c.csv'), 'needId,grade\nN01,1\n');
    expect(() => readQrels(join(dir, 'c.csv'))).toThrow(InputFileError);
    writeFileSync(join(dir, 'd.json'), JSON.stringify(f.qrels.slice(0, 2), null, 2));
    expect(readQrels(join(dir, 'd.json')).records).toEqual(f.qrels.slice(0, 2));
  });
});

describe('search mechanics', () => {
  it('folds are seeded, balanced and a partition', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 2, maxLength: 60 }), fc.integer({ min: 2, max: 10 }), fc.nat(), (ids, k, seed) => {
        const folds = assignFolds(ids, k, seed);
        expect(folds).toHaveLength(k);
        expect(folds.flat().sort()).toEqual([...ids].sort());
        const sizes = folds.map((x) => x.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(assignFolds(ids, k, seed)).toEqual(folds);
      }),
    );
    const ids = f.needs.map((n) => n.id);
    expect(assignFolds(ids, 5, 1)).not.toEqual(assignFolds(ids, 5, 2));
  });

  it('coordinate search climbs to the best grid point of a separable objective and keeps ties', async () => {
    const target: TunedParams = { industryShare: 0.7, disciplineRatio: 1, synonym: 0.6, concept: 0.25, k1: 1.6, idfPrior: 400 };
    const scale: TunedParams = { industryShare: 1, disciplineRatio: 1, synonym: 1, concept: 1, k1: 1, idfPrior: 1000 };
    const objective = async (p: TunedParams): Promise<number> =>
      0 - (Object.keys(p) as (keyof TunedParams)[]).reduce((s, n) => s + ((p[n] - target[n]) / scale[n]) ** 2, 0);
    const start: TunedParams = { industryShare: 0.15, disciplineRatio: 0.5, synonym: 0.8, concept: 0.5, k1: 1.2, idfPrior: 200 };
    const trace = await coordinateSearch(start, DEFAULT_GRID, objective, 3);
    expect(trace.params).toEqual(target);
    expect(trace.ndcg10).toBe(0);
    expect(trace.steps.at(-1)?.pass).toBe(2); // the second pass changes nothing and stops the search
    const flat = await coordinateSearch(start, DEFAULT_GRID, async () => 0.5, 3);
    expect(flat.params).toEqual(start);
    expect(flat.steps).toHaveLength(6);
  });
});
