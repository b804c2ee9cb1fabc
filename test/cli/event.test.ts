import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignEvent, type EventAssignment, type EventSchedule } from '../../src/event/index.js';
import type { ExpertInput, NeedInput } from '../../src/index.js';
import { fixtures, matcher } from '../helpers.js';
import { expertsCsv, jsonl, needsCsv, run, tmpFile, writeGbk } from './helpers.js';

const F = 'fixtures/xiangtan';
const EXPERTS = `${F}/experts.json`;
const NEEDS = `${F}/needs.json`;
let dir: string;
let experts: ExpertInput[];
let needs: NeedInput[];
/** The fixtures as JSONL and as UTF-8 CSV. */
const files = { expertsJsonl: '', needsJsonl: '', expertsCsv: '', needsCsv: '' };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'innomatch-cli-'));
  ({ experts, needs } = fixtures());
  files.expertsJsonl = tmpFile(dir, 'experts.jsonl', jsonl(experts));
  files.needsJsonl = tmpFile(dir, 'needs.jsonl', jsonl(needs));
  files.expertsCsv = tmpFile(dir, 'experts.csv', expertsCsv(experts));
  files.needsCsv = tmpFile(dir, 'needs.csv', needsCsv(needs));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const json = <T>(s: string): T => JSON.parse(s) as T;
const pairKeys = (a: EventAssignment): string[] => a.pairs.map((p) => `${p.needId}|${p.expertId}|${p.score}`);

describe('innomatch assign / schedule / report', () => {
  it('assign gives the library result, from JSON and from JSONL', async () => {
    const r = await run(['assign', '--experts', EXPERTS, '--needs', NEEDS, '--per-need', '2', '--alternates', '1', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const a = json<EventAssignment>(r.stdout);
    const m = matcher();
    m.addExperts(experts);
    m.addNeeds(needs);
    expect(a).toEqual(assignEvent(m, { expertsPerNeed: 2, alternates: 1 }));
    const r2 = await run(['assign', '--experts', files.expertsJsonl, '--needs', files.needsJsonl, '--per-need', '2', '--alternates', '1', '--format', 'json']);
    expect(r2.code).toBe(0);
    expect(pairKeys(json<EventAssignment>(r2.stdout))).toEqual(pairKeys(a));
  });

  it('assign reads CSV and writes CSV and tables', async () => {
    const [e, n] = [files.expertsCsv, files.needsCsv];
    const out = join(dir, 'pairs.csv');
    const r = await run(['assign', '--experts', e, '--needs', n, '--per-need', '2', '--format', 'csv', '--out', out]);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('need,enterprise,expert,name,score,note');
    expect(lines.length).toBeGreaterThan(80);
    const j = await run(['assign', '--experts', e, '--needs', n, '--per-need', '2', '--format', 'json']);
    const a = json<EventAssignment>(j.stdout);
    expect(lines.length - 1).toBe(a.pairs.length + a.unfilled.length);
    const t = await run(['assign', '--experts', e, '--needs', n]);
    expect(t.stdout).toMatch(/^need\s+enterprise\s+expert\s+name\s+score/);
    expect(t.stdout).toMatch(/47 meetings, total score/);
  });

  it('reads GBK-encoded CSV with Chinese headers (需求名称, 需求描述, 专家姓名, 研究方向)', async () => {
    const someExperts = experts.filter((x) => /^E0[0-4]\d$/.test(x.id));
    const someNeeds = needs.slice(0, 20);
    const e = join(dir, 'experts-gbk.csv');
    const n = join(dir, 'needs-gbk.csv');
    writeGbk(e, expertsCsv(someExperts, 'zh'));
    writeGbk(n, needsCsv(someNeeds, 'zh'));
    expect(readFileSync(e).includes(Buffer.from('专家姓名'))).toBe(false); // really not UTF-8
    const r = await run(['assign', '--experts', e, '--needs', n, '--format', 'json']);
    expect(r.stderr).toBe('');
    const a = json<EventAssignment>(r.stdout);
    expect(a.pairs.length).toBeGreaterThan(15);
    const t = await run(['assign', '--experts', e, '--needs', n]);
    expect(t.stdout).toContain(someExperts.find((x) => x.id === a.pairs[0]!.expertId)!.name);
    expect(t.stdout).toContain('湘潭恒驰电机有限公司');
  });

  it('schedule takes an assignment file or computes one', async () => {
    const assignment = join(dir, 'assignment.json');
    expect((await run(['assign', '--experts', EXPERTS, '--needs', NEEDS, '--per-need', '2', '--format', 'json', '--out', assignment])).code).toBe(0);
    const a = json<EventAssignment>(readFileSync(assignment, 'utf8'));
    const r = await run(['schedule', '--experts', EXPERTS, '--needs', NEEDS, '--assignment', assignment, '--start', '14:00', '--format', 'json']);
    expect(r.code).toBe(0);
    const s = json<EventSchedule>(r.stdout);
    expect(s.meetings.length).toBe(a.pairs.length);
    expect(s.slots[0]!.start).toBe('14:00');
    // The same records as JSONL, the assignment computed by the command itself.
    const self = await run(['schedule', '--experts', files.expertsJsonl, '--needs', files.needsJsonl, '--per-need', '2', '--start', '14:00', '--format', 'json']);
    expect(json<EventSchedule>(self.stdout)).toEqual(s);
    const availability = tmpFile(dir, 'availability.json', JSON.stringify({ [a.pairs[0]!.expertId]: [] }));
    const t = await run(['schedule', '--experts', EXPERTS, '--needs', NEEDS, '--assignment', assignment, '--availability', availability]);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/unscheduled: expert \S+ is not available/);
    const summary = /(\d+) meetings \((\d+) need–expert pairs\) in \d+ slots of 20 minutes, [1-9]\d* pairs unscheduled/.exec(t.stdout);
    expect(summary).not.toBeNull();
    // An expert meets an enterprise once for all its needs: meetings are counted apart from pairs.
    const scheduled = json<EventSchedule>((await run(['schedule', '--experts', EXPERTS, '--needs', NEEDS, '--assignment', assignment, '--availability', availability, '--format', 'json'])).stdout);
    const meetings = new Set(scheduled.meetings.map((mt) => `${mt.slot} ${mt.expertId} ${mt.enterprise}`)).size;
    expect([Number(summary![1]), Number(summary![2])]).toEqual([meetings, scheduled.meetings.length]);
    expect(meetings).toBeLessThan(scheduled.meetings.length);
  });

  it('report writes one HTML file (from CSV)', async () => {
    const out = join(dir, 'report.html');
    const r = await run(['report', '--experts', files.expertsCsv, '--needs', files.needsCsv, '--per-need', '2', '--out', out, '--target-societies', '10', '--title', '湘潭对接会']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(out);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<title>湘潭对接会</title>');
    const pairs = Number(/共 (\d+) 组/.exec(html)![1]);
    expect(pairs).toBeGreaterThan(80);
    expect(html.match(/<table class="assignment">[\s\S]*?<\/table>/)![0].match(/<tr>/g)!.length).toBe(pairs + 1);
    expect(html).toContain('<table class="schedule">');
  });

  it('reports a bad row with file:line:field and writes nothing', async () => {
    const rows = expertsCsv(experts.slice(0, 5)).split('\r\n');
    rows[2] = rows[2]!.replace(/,(\d*)$/, ',lots'); // line 3: capacity
    const bad = tmpFile(dir, 'experts-bad.csv', rows.join('\r\n'));
    const before = readdirSync(dir).length;
    for (const cmd of ['assign', 'schedule', 'report']) {
      const out = join(dir, `${cmd}-out.txt`);
      const r = await run([cmd, '--experts', bad, '--needs', NEEDS, '--out', out]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/experts-bad\.csv:3: capacity: /);
      expect(r.stderr).toContain('nothing was written');
      expect(existsSync(out)).toBe(false);
    }
    expect(readdirSync(dir).length).toBe(before); // no temporary file left either
  });

  it('locates problems in assignment, conflict and availability files', async () => {
    const good = await run(['assign', '--experts', EXPERTS, '--needs', NEEDS, '--format', 'json']);
    const a = json<EventAssignment>(good.stdout);
    a.pairs[1]!.expertId = 'E999';
    const text = JSON.stringify(a, null, 2);
    const line = text.split('\n').findIndex((l) => l.includes('"E999"')) + 1;
    const file = tmpFile(dir, 'bad-assignment.json', text);
    const out = join(dir, 'sched.csv');
    const r = await run(['schedule', '--experts', EXPERTS, '--needs', NEEDS, '--assignment', file, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`bad-assignment.json:${line}: pairs.1.expertId: unknown expert id "E999"`);
    expect(existsSync(out)).toBe(false);

    const conflicts = tmpFile(dir, 'conflicts.csv', '需求编号,专家编号\nN01,E009\nN02,E777\n');
    const c = await run(['assign', '--experts', EXPERTS, '--needs', NEEDS, '--conflicts', conflicts, '--out', out]);
    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(/conflicts\.csv:3: expertId: unknown expert id "E777"/);
    expect(existsSync(out)).toBe(false);
    const ok = tmpFile(dir, 'conflicts.json', JSON.stringify([{ needId: 'N01', expertId: 'E009' }]));
    const c2 = await run(['assign', '--experts', EXPERTS, '--needs', NEEDS, '--conflicts', ok, '--format', 'json']);
    expect(json<EventAssignment>(c2.stdout).pairs.some((p) => p.needId === 'N01' && p.expertId === 'E009')).toBe(false);

    const avail = tmpFile(dir, 'availability-bad.json', '{\n  "E001": [\n    {"from": "9h00", "to": "10:00"}\n  ]\n}\n');
    const v = await run(['schedule', '--experts', EXPERTS, '--needs', NEEDS, '--availability', avail, '--out', out]);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/availability-bad\.json:3: E001\.0\.from: must be 'HH:MM' or an ISO datetime/);
    expect(existsSync(out)).toBe(false);
  });

  it('has --help with examples, usage errors, and a progress bar on a terminal', async () => {
    for (const cmd of ['assign', 'schedule', 'report']) {
      const h = await run([cmd, '--help']);
      expect(h.code).toBe(0);
      expect(h.stdout).toContain(`innomatch ${cmd} --experts`);
      expect(h.stdout).toMatch(/Examples:\n {2}innomatch /);
    }
    const top = await run(['--help']);
    for (const cmd of ['match', 'classify', 'assign', 'schedule', 'report']) expect(top.stdout).toMatch(new RegExp(`^ {2}${cmd} `, 'm'));
    expect((await run(['assign', '--experts', EXPERTS, '--needs', NEEDS, '--objective', 'best'])).code).toBe(2);
    expect((await run(['assign', '--experts', EXPERTS, '--needs', NEEDS, '--per-need', '-1'])).code).toBe(2);
    expect((await run(['schedule', '--experts', EXPERTS])).code).toBe(2);
    const tty = await run(['assign', '--experts', EXPERTS, '--needs', NEEDS], true);
    expect(tty.stderr).toMatch(/assigning \[#+\] 100% \(47\/47\)/);
    const pipe = await run(['assign', '--experts', EXPERTS, '--needs', NEEDS]);
    expect(pipe.stderr).toBe('');
  });

  it('takes matcher options from --config (e.g. a tuned config), and shows the latent part when it is on', async () => {
    const vec = (i: number): number[] => [1, (i % 5) - 2, (i % 3) - 1];
    const withVectors = tmpFile(dir, 'experts-emb.json', JSON.stringify(experts.map((e, i) => ({ ...e, embedding: vec(i) }))));
    const needsWithVectors = tmpFile(dir, 'needs-emb.json', JSON.stringify(needs.map((n, i) => ({ ...n, embedding: vec(i + 1) }))));
    const config = tmpFile(dir, 'latent.config.json', JSON.stringify({ latent: { weight: 0.5 } }));
    const out = await run(['match', '--experts', withVectors, '--needs', needsWithVectors, '--config', config, '--top', '3', '--format', 'json']);
    expect(out.code).toBe(0);
    const results = json<{ id: string; results: { id: string; score: number; explanation: { latent?: number } }[] }[]>(out.stdout);
    const m = matcher({ latent: { weight: 0.5 } });
    m.addExperts(experts.map((e, i) => ({ ...e, embedding: vec(i) })));
    m.addNeeds(needs.map((n, i) => ({ ...n, embedding: vec(i + 1) })));
    expect(results.map((q) => q.results.map((r) => [r.id, r.score, r.explanation.latent]))).toEqual(
      needs.map((n) => m.recommendExperts(n.id, { topK: 3 }).map((r) => [r.id, r.score, r.explanation.latent])),
    );
    const table = await run(['match', '--experts', withVectors, '--needs', needsWithVectors, '--config', config, '--top', '1']);
    expect(table.stdout.split('\n')[0]).toMatch(/industries\s+latent/);
    // Without --config the same files give the default matcher's results, with no latent column.
    const plain = await run(['match', '--experts', withVectors, '--needs', needsWithVectors, '--top', '1']);
    expect(plain.stdout.split('\n')[0]).not.toContain('latent');
    const bad = await run(['match', '--experts', EXPERTS, '--needs', NEEDS, '--config', tmpFile(dir, 'bad.config.json', '{"k1": -1}')]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--config');
    expect(bad.stderr).toContain('k1');
  });

  it('keeps match and classify working', async () => {
    const m = await run(['match', '--experts', EXPERTS, '--needs', NEEDS, '--top', '2', '--format', 'json']);
    expect(m.code).toBe(0);
    expect(json<unknown[]>(m.stdout)).toHaveLength(47);
    const c = await run(['classify', '电机温升过高，需要优化永磁同步电机的热管理']);
    expect(c.code).toBe(0);
    expect(c.stdout).toContain('new-power');
  });
});
