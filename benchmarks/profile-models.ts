/**
 * Cost of the profile models side by side on the same generated profiles and needs:
 * build time, query p50/p99 (top-10) and index bytes per profile, for the defaults,
 * PUBLICATION_PROFILES and the centroid model alone.
 *
 *   npx tsx benchmarks/profile-models.ts [profiles=50000]
 */
import { createMatcher, type MatcherOptions, PUBLICATION_PROFILES } from '../src/index.js';
import { makeContext } from './context.js';

const N = Number(process.argv[2] ?? 50000);
if (!Number.isInteger(N) || N < 1000) throw new Error(`profiles must be an integer >= 1000, got ${process.argv[2]}`);
const ctx = makeContext({ seed: 42, quick: false });
const experts = ctx.gen.experts(0, N);
const needs = Array.from({ length: 300 }, (_, j) => ctx.gen.need(1000 + j));
const models: [string, MatcherOptions][] = [
  ['defaults', {}],
  ['PUBLICATION_PROFILES', { ...PUBLICATION_PROFILES }],
  ['centroid alone', { profileModel: 'centroid', idfPrior: 0 }],
];
console.log(`${N} generated profiles, 300 needs, top-10; ${new Date().toISOString()}, Node ${process.version}`);
for (const [name, options] of models) {
  const m = createMatcher({ ...options, queryCacheSize: 0 }, { backgroundIdf: ctx.background });
  const t0 = performance.now();
  for (let c = 0; c < N; c += 10000) m.addExperts(experts.slice(c, c + 10000));
  m.recommendExperts(needs[0]!, { topK: 10 });
  const build = performance.now() - t0;
  for (const q of needs) m.recommendExperts(q, { topK: 10 }); // warm-up
  const times: number[] = [];
  for (const q of needs) {
    const t = performance.now();
    m.recommendExperts(q, { topK: 10 });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (p: number): string => (times[Math.min(times.length - 1, Math.floor(p * times.length))] as number).toFixed(2);
  console.log(
    `${name.padEnd(22)} build ${(build / 1000).toFixed(1)} s, query p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, ` +
      `index ${m.stats().bytesPerExpert.toFixed(0)} B/profile`,
  );
}
