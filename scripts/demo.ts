/**
 * `npm run demo`: for each fixture need, the top 5 experts with score and the terms and
 * industries that explain it; then a matchmaking event on the fixtures (assignment, schedule,
 * station suggestions) and its report in out/report.html.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assignEvent, enterpriseOf, scheduleEvent, STATION_NAMES_ZH, suggestStations } from '../src/event/index.js';
import { createMatcher, type ExpertInput, INDUSTRIES, type NeedInput } from '../src/index.js';
import { writeFileAtomic } from '../src/io/write.js';
import { buildReportData, renderReport } from '../src/report/index.js';

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

// ---- the matchmaking event (对接会): assignment, schedule, stations, report -------------------
const t2 = performance.now();
const assignment = assignEvent(m, { expertsPerNeed: 2, alternates: 2 });
const schedule = scheduleEvent(m, assignment, { start: '09:00', slotMinutes: 20 });
const stations = suggestStations(m);
const t3 = performance.now();
const enterprisesServed = new Set(assignment.pairs.map((p) => enterpriseOf(m.getNeed(p.needId)!).key)).size;
console.log('■ 对接会 (2 experts per need, capacities from the profiles or 3)');
console.log(
  `   ${assignment.pairs.length} meetings for ${needs.length} needs of ${enterprisesServed} enterprises, ` +
    `total score ${assignment.totalScore.toFixed(3)}, ${assignment.unfilled.length} needs short of experts ` +
    `(assigned in ${(t3 - t2).toFixed(0)} ms with schedule and stations)`,
);
for (const u of assignment.unfilled.slice(0, 3)) console.log(`   ! ${u.needId} missing ${u.missing}: ${u.reason}`);
const last = schedule.slots[schedule.slots.length - 1];
console.log(
  `   schedule: ${schedule.slots.length} slots of ${schedule.slotMinutes} min (${schedule.slots[0]?.start ?? '—'}–${last?.end ?? '—'}), ` +
    `${schedule.meetings.length} meetings placed, ${schedule.unscheduled.length} not`,
);
for (const s of stations.slice(0, 5)) {
  console.log(`   ${STATION_NAMES_ZH[s.station]}: ${s.enterprise} × ${names.get(s.expertId)?.name ?? s.expertId} (${s.needIds.join(', ')}, mean ${s.meanScore.toFixed(3)})`);
}
const reportFile = fileURLToPath(new URL('../out/report.html', import.meta.url));
mkdirSync(dirname(reportFile), { recursive: true });
writeFileAtomic(reportFile, renderReport(buildReportData(m, { assignment, schedule, stations, subtitle: '湘潭 · 示例数据（虚构）' })));
console.log(`\nReport (one HTML file, opens offline): ${reportFile}`);
