/**
 * `npm run demo`: for each fixture need, the top 5 experts with score and the terms and
 * industries that explain it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createMatcher, type ExpertInput, INDUSTRIES, type NeedInput } from '../src/index.js';

const dir = fileURLToPath(new URL('../fixtures/xiangtan/', import.meta.url));
const experts = JSON.parse(readFileSync(dir + 'experts.json', 'utf8')) as ExpertInput[];
const needs = JSON.parse(readFileSync(dir + 'needs.json', 'utf8')) as NeedInput[];

const t0 = performance.now();
const m = createMatcher();
m.addExperts(experts);
m.addNeeds(needs);
const t1 = performance.now();

const names = new Map(experts.map((e) => [e.id, e]));
const zh = new Map(INDUSTRIES.map((i) => [i.code, i.nameZh]));
const width = (s: string): number => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)));
const cut = (s: string, n: number): string => {
  let out = '';
  for (const ch of s) {
    if (width(out + ch) > n - 1) return `${out}…`;
    out += ch;
  }
  return out;
};

console.log(`innomatch demo: ${experts.length} experts, ${needs.length} needs (indexed in ${(t1 - t0).toFixed(0)} ms)\n`);
for (const need of needs) {
  const industries = m
    .industriesOf('need', need.id)
    .map((s) => `${zh.get(s.code)} ${(s.score * 100).toFixed(0)}%`)
    .join(' · ');
  console.log(`■ ${need.id} ${need.title ?? ''}  [${need.enterprise?.name ?? ''}]  行业: ${industries || '—'}`);
  const recs = m.recommendExperts(need.id, { topK: 5 });
  if (recs.length === 0) console.log('   (no expert matches)');
  recs.forEach((r, i) => {
    const e = names.get(r.id);
    const who = cut(`${e?.name ?? r.id}${e?.organization ? ` · ${e.organization}` : ''}`, 34);
    const terms = r.explanation.terms
      .slice(0, 4)
      .map((t) => (t.via ? `${t.term}←${t.via}` : t.term))
      .join(', ');
    const ind = r.explanation.industries.map((x) => zh.get(x.code)).join('/');
    console.log(`   ${i + 1}. ${pad(r.id, 5)} ${pad(who, 36)} ${r.score.toFixed(3)}  ${cut(terms, 44)}${ind ? `  | ${ind}` : ''}`);
  });
  console.log('');
}
