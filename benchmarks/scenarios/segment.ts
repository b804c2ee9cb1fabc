/**
 * Segment: raw @node-rs/jieba (`Jieba.withDict(dict).cut(text, true)`) against innomatch's whole
 * analysis pipeline (`m.analyze`: normalisation, OpenCC, segmentation with the domain words,
 * stopwords, English handling) over the same profile texts, in characters per second; and, beside
 * them, innomatch's own 'js' segmenter alone (the pipeline's default backend), so that what the
 * pipeline adds to its own segmenter shows too. The three are interleaved and repeated; medians
 * are reported.
 */
import { type BenchContext, NEED_RANGES, newMatcher, rawJieba, rawJsJieba } from '../context.js';
import { expertTexts, needTexts, profileChars } from '../generate.js';
import { log, median, now } from '../stats.js';
import type { SegmentResult } from '../types.js';

export function runSegment(ctx: BenchContext, profiles: number, repeats: number): SegmentResult {
  const experts = ctx.gen.experts(0, profiles);
  const texts = experts.flatMap(expertTexts);
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const raw = rawJieba();
  const js = rawJsJieba();
  const m = newMatcher(ctx);

  // Warm-up: JIT, dictionary pages, OpenCC tables.
  for (const t of texts.slice(0, 2000)) {
    raw.cut(t);
    js.cut(t);
    m.analyze(t);
  }
  const runs: Record<'raw' | 'js' | 'pipe', { f: (t: string) => number; times: number[] }> = {
    raw: { f: (t) => raw.cut(t).length, times: [] },
    js: { f: (t) => js.cut(t).length, times: [] },
    pipe: { f: (t) => m.analyze(t).length, times: [] },
  };
  let sink = 0;
  for (let r = 0; r < repeats; r++) {
    const order = (['raw', 'js', 'pipe'] as const).slice();
    if (r % 2 === 1) order.reverse();
    for (const which of order) {
      const t0 = now();
      for (const t of texts) sink += runs[which].f(t);
      runs[which].times.push(now() - t0);
    }
  }
  if (sink < 0) log('impossible');
  const rawMs = median(runs.raw.times);
  const rawJsMs = median(runs.js.times);
  const pipelineMs = median(runs.pipe.times);

  // Corpus statistics (outside the timings).
  const vocab = new Map<string, number>(); // term → document frequency
  const termSets: Set<string>[] = [];
  let profileTerms = 0;
  for (const e of experts) {
    const toks = expertTexts(e).flatMap((t) => m.analyze(t));
    profileTerms += toks.length;
    const set = new Set(toks);
    termSets.push(set);
    for (const t of set) vocab.set(t, (vocab.get(t) ?? 0) + 1);
  }
  const needs = ctx.gen.needs(NEED_RANGES.measured, 300);
  const needSets = needs.map((n) => new Set(needTexts(n).flatMap((t) => m.analyze(t))));
  const needTerms = needSets.map((s) => s.size);
  const needRaw = needs.map((n) => new Set(needTexts(n).flatMap((t) => raw.cut(t)).filter((w) => w.trim() !== '')).size);
  const postings = needSets.map((s) => [...s].reduce((acc, t) => acc + (vocab.get(t) ?? 0), 0) / profiles);
  const matchShare = needSets.slice(0, 50).map((q) => termSets.filter((d) => [...q].some((t) => d.has(t))).length / profiles);
  let maxDf = 0;
  for (const df of vocab.values()) maxDf = Math.max(maxDf, df);
  const result: SegmentResult = {
    profiles,
    texts: texts.length,
    chars,
    repeats,
    rawMs,
    pipelineMs,
    rawCharsPerSec: chars / (rawMs / 1000),
    pipelineCharsPerSec: chars / (pipelineMs / 1000),
    ratio: rawMs / pipelineMs,
    rawJsMs,
    rawJsCharsPerSec: chars / (rawJsMs / 1000),
    ratioJs: rawJsMs / pipelineMs,
    meanProfileChars: experts.reduce((n, e) => n + profileChars(e), 0) / experts.length,
    meanNeedChars: needs.reduce((n, q) => n + (q.title?.length ?? 0) + q.description.length, 0) / needs.length,
    meanNeedTerms: needTerms.reduce((a, b) => a + b, 0) / needTerms.length,
    meanNeedRawTokens: needRaw.reduce((a, b) => a + b, 0) / needRaw.length,
    meanProfileTerms: profileTerms / experts.length,
    vocabulary: vocab.size,
    queryPostingsPerProfile: postings.reduce((a, b) => a + b, 0) / postings.length,
    queryMatchFraction: matchShare.reduce((a, b) => a + b, 0) / matchShare.length,
    maxDfFraction: maxDf / profiles,
  };
  log(
    `segment: ${profiles} profiles, ${(chars / 1e6).toFixed(2)}M chars: raw ${(result.rawCharsPerSec / 1e6).toFixed(2)}M chars/s, ` +
      `pipeline ${(result.pipelineCharsPerSec / 1e6).toFixed(2)}M chars/s (${(result.ratio * 100).toFixed(0)}%); ` +
      `js segmenter alone ${(result.rawJsCharsPerSec / 1e6).toFixed(2)}M chars/s (pipeline ${(result.ratioJs * 100).toFixed(0)}% of it)`,
  );
  return result;
}
