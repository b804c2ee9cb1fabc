/**
 * CLI fixes: GBK text for classify, located errors in classify, assignment files checked against
 * capacities / conflicts / the own-organisation rule, EPIPE, CSV labels, --out errors, --start.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventAssignment, EventSchedule } from '../../src/event/index.js';
import { clockMinute, createClock, displayTime } from '../../src/event/time.js';
import { jsonl, run, tmpFile } from './helpers.js';

const F = 'fixtures/xiangtan';
const EXPERTS = `${F}/experts.json`;
const NEEDS = `${F}/needs.json`;
let dir: string;
let assignmentFile: string;
let assignment: EventAssignment;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'innomatch-cli-fixes-'));
  assignmentFile = join(dir, 'assignment.json');
  const r = await run(['assign', '--experts', EXPERTS, '--needs', NEEDS, '--per-need', '2', '--format', 'json', '--out', assignmentFile]);
  expect(r.code).toBe(0);
  assignment = JSON.parse(readFileSync(assignmentFile, 'utf8')) as EventAssignment;
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A copy of the assignment with `pairs` appended, pretty-printed (one pair per few lines). */
function assignmentWith(name: string, extra: EventAssignment['pairs']): { file: string; text: string } {
  const text = JSON.stringify({ ...assignment, pairs: [...assignment.pairs, ...extra] }, null, 2);
  return { file: tmpFile(dir, name, text), text };
}

const csvCells = (csv: string): string[][] => csv.trim().split('\r\n').map((l) => l.split(','));

describe('classify', () => {
  it('decodes a GBK (or BOM UTF-8) --file like the CSV reader does', async () => {
    const text = '北斗高精度定位终端在山区多路径严重';
    const gbk = join(dir, 'g.txt');
    writeFileSync(gbk, iconv.encode(`${text}\n`, 'gbk'));
    const bom = join(dir, 'bom.txt');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${text}\n`)]));
    for (const f of [gbk, bom]) {
      const r = await run(['classify', '--file', f, '--format', 'json']);
      expect(r.code).toBe(0);
      const [res] = JSON.parse(r.stdout) as { industries: { code: string }[] }[];
      expect(res!.industries[0]?.code).toBe('beidou');
    }
    const missing = await run(['classify', '--file', join(dir, 'nope.txt')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.txt:0: (file):');
  });

  it('reports bad --experts / --needs rows with file, line and field, like match', async () => {
    const experts = tmpFile(
      dir,
      'bad-experts.csv',
      'id,name,kind,fields\nE1,张三,expert,电机\nE2,李四,wizard,电机\nE1,王五,expert,电机\nE4,,expert,电机\n',
    );
    const c = await run(['classify', '--experts', experts]);
    expect(c.code).toBe(1);
    expect(c.stderr).toContain('nothing was written');
    expect(c.stderr).toMatch(/bad-experts\.csv:3: kind: /);
    expect(c.stderr).toMatch(/bad-experts\.csv:4: id: duplicate id/);
    expect(c.stderr).toMatch(/bad-experts\.csv:5: name: /);
    expect(c.stderr).not.toContain('#1 (E2)');
    const m = await run(['match', '--experts', experts, '--needs', NEEDS]);
    expect(c.stderr.split('\n').filter((l) => l.includes('bad-experts.csv:'))).toEqual(
      m.stderr.split('\n').filter((l) => l.includes('bad-experts.csv:')),
    );
    const needs = tmpFile(dir, 'bad-needs.jsonl', jsonl([{ id: 'N1', description: '电机温升过高' }, { id: 'N2', description: '' }]));
    const n = await run(['classify', '--needs', needs]);
    expect(n.code).toBe(1);
    expect(n.stderr).toMatch(/bad-needs\.jsonl:2: description: /);
  });
});

describe('numeric flags', () => {
  it('name the flag, with its range, and take decimal numbers only', async () => {
    const big = await run(['assign', '--experts', EXPERTS, '--needs', NEEDS, '--per-need', '20000']);
    expect([big.code, big.stderr]).toEqual([2, expect.stringContaining('--per-need must be an integer from 0 to 10000 (got "20000")')]);
    const hex = await run(['assign', '--experts', EXPERTS, '--needs', NEEDS, '--min-score', '0x10']);
    expect([hex.code, hex.stderr]).toEqual([2, expect.stringContaining('--min-score must be a number (got "0x10")')]);
    const ok = await run(['assign', '--experts', EXPERTS, '--needs', NEEDS, '--min-score', '.25', '--format', 'json']);
    expect(ok.code).toBe(0);
  });
});

describe('report --alternates', () => {
  it('is a usage error for report and schedule (they list no alternates) instead of being ignored', async () => {
    for (const cmd of ['report', 'schedule']) {
      const r = await run([cmd, '--experts', EXPERTS, '--needs', NEEDS, '--alternates', '2', '--out', join(dir, 'r.out')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${cmd} does not list alternates: use assign --alternates K`);
    }
  });
});

describe('schedule / report --assignment FILE', () => {
  it('refuses an expert given more needs than its capacity, naming the pair and its line', async () => {
    // E001 is an academician with capacity 1 in the fixtures, already assigned to N17.
    expect(assignment.pairs.filter((p) => p.expertId === 'E001').map((p) => p.needId)).toEqual(['N17']);
    const { file, text } = assignmentWith('over-capacity.json', [{ needId: 'N07', expertId: 'E001', score: 0.1 }]);
    const index = assignment.pairs.length;
    const line = text.split('\n').lastIndexOf('      "needId": "N07",'); // 0-based: the line of the pair's '{'
    expect(line).toBeGreaterThan(0);
    const out = join(dir, 'over.csv');
    for (const cmd of ['schedule', 'report']) {
      const r = await run([cmd, '--experts', EXPERTS, '--needs', NEEDS, '--assignment', file, '--out', out]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        `over-capacity.json:${line}: pairs.${index}: the pair (N07, E001) exceeds the capacity of expert E001: 1 need, already assigned N17`,
      );
      expect(existsSync(out)).toBe(false);
    }
    // --capacity is the default for experts without a capacity of their own: E007 takes 3 here.
    const heavy = Object.entries(
      assignment.pairs.reduce<Record<string, number>>((acc, p) => ({ ...acc, [p.expertId]: (acc[p.expertId] ?? 0) + 1 }), {}),
    ).find(([, n]) => n === 3)![0];
    const low = await run(['schedule', '--experts', EXPERTS, '--needs', NEEDS, '--assignment', assignmentFile, '--capacity', '2']);
    expect(low.code).toBe(1);
    expect(low.stderr).toContain(`exceeds the capacity of expert ${heavy}: 2 needs`);
    const ok = await run(['schedule', '--experts', EXPERTS, '--needs', NEEDS, '--assignment', assignmentFile, '--capacity', '3', '--format', 'json']);
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as EventSchedule).meetings.length).toBe(assignment.pairs.length);
  });

  it('refuses a pair forbidden by --conflicts, and a pair of the expert’s own organisation', async () => {
    const p = assignment.pairs[3]!;
    const conflicts = tmpFile(dir, 'conflicts.csv', `需求编号,专家编号\nN01,E777x\n`);
    const bad = await run(['schedule', '--experts', EXPERTS, '--needs', NEEDS, '--assignment', assignmentFile, '--conflicts', conflicts]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/conflicts\.csv:2: expertId: unknown expert id "E777x"/);
    const c = tmpFile(dir, 'conflicts2.csv', `需求编号,专家编号\nN01,E001\n${p.needId},${p.expertId}\n`);
    for (const cmd of ['schedule', 'report']) {
      const out = join(dir, `conflict-${cmd}.out`);
      const r = await run([cmd, '--experts', EXPERTS, '--needs', NEEDS, '--assignment', assignmentFile, '--conflicts', c, '--out', out]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`the pair (${p.needId}, ${p.expertId}) is a conflict`);
      expect(r.stderr).toMatch(/assignment\.json:\d+: pairs\.3: /);
      expect(existsSync(out)).toBe(false);
    }
    // An expert of the need's own enterprise.
    const experts = tmpFile(
      dir,
      'own-experts.json',
      JSON.stringify([{ id: 'X1', name: '内部专家', organization: '湘潭恒驰电机有限公司技术中心', fields: ['永磁同步电机', '温升'] }]),
    );
    const own = tmpFile(dir, 'own.json', JSON.stringify({ pairs: [{ needId: 'N01', expertId: 'X1', score: 0.3 }] }));
    const o = await run(['schedule', '--experts', experts, '--needs', NEEDS, '--assignment', own]);
    expect(o.code).toBe(1);
    expect(o.stderr).toContain('the pair (N01, X1) breaks the own-organisation rule');
    const allowed = await run(['schedule', '--experts', experts, '--needs', NEEDS, '--assignment', own, '--allow-own-organisation', '--format', 'json']);
    expect(allowed.code).toBe(0);
    expect((JSON.parse(allowed.stdout) as EventSchedule).meetings).toHaveLength(1);
  });

  it('makes options that only shape a new assignment a usage error with --assignment', async () => {
    for (const cmd of ['schedule', 'report']) {
      const r = await run([cmd, '--experts', EXPERTS, '--needs', NEEDS, '--assignment', assignmentFile, '--per-need', '2', '--objective', 'fair']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--per-need, --objective do not apply with --assignment');
    }
    const one = await run(['schedule', '--experts', EXPERTS, '--needs', NEEDS, '--assignment', assignmentFile, '--min-score', '0.2']);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('--min-score does not apply with --assignment');
    // Without --assignment they still shape the assignment.
    expect((await run(['schedule', '--experts', EXPERTS, '--needs', NEEDS, '--per-need', '2', '--objective', 'fair'])).code).toBe(0);
  });
});

describe('output', () => {
  it('exits quietly when stdout is closed early (| head)', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/bin.ts', 'match', '--experts', EXPERTS, '--needs', NEEDS, '--top', '50', '--format', 'json'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    let got = '';
    child.stderr.on('data', (b: Buffer) => void (stderr += b.toString()));
    child.stdout.once('data', (b: Buffer) => {
      got = b.toString().slice(0, 10);
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(got.startsWith('[')).toBe(true);
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
    expect(code).toBe(0);
  });

  it("writes the tool's own labels without an apostrophe; user text is still neutralised", async () => {
    const s = await run(['schedule', '--experts', EXPERTS, '--needs', NEEDS, '--start', '23:00', '--format', 'csv']);
    expect(s.code).toBe(0);
    expect(s.stdout).not.toMatch(/(^|,)'/m);
    expect(s.stdout).toMatch(/,23:40,00:00 \(\+1d\),/);
    const table = await run(['schedule', '--experts', EXPERTS, '--needs', NEEDS, '--start', '23:00']);
    expect(table.stdout).toMatch(/23:40 {2}00:00 \(\+1d\)/);
    expect(table.stdout).not.toContain('+1d 00:00');
    const avail = tmpFile(dir, 'avail.json', JSON.stringify({ [assignment.pairs[0]!.expertId]: [] }));
    const u = await run(['schedule', '--experts', EXPERTS, '--needs', NEEDS, '--assignment', assignmentFile, '--availability', avail, '--format', 'csv']);
    const unscheduled = csvCells(u.stdout).filter((r) => r.some((c) => c.includes('unscheduled')));
    expect(unscheduled.length).toBeGreaterThan(0);
    for (const r of unscheduled) expect(r.slice(0, 3)).toEqual(['', '', '']);
    const a = await run(['assign', '--experts', EXPERTS, '--needs', NEEDS, '--per-need', '3', '--capacity', '1', '--format', 'csv']);
    expect(a.stdout).toContain('unfilled');
    expect(a.stdout).not.toMatch(/(^|,)'/m);
    for (const r of csvCells(a.stdout).filter((x) => x.some((c) => c.includes('unfilled')))) expect(r[2]).toBe('');
    // A user's text that a spreadsheet would run is still prefixed.
    const needs = JSON.parse(readFileSync(NEEDS, 'utf8')) as { id: string; enterprise?: { name: string } }[];
    needs[0]!.enterprise = { name: '=HYPERLINK("http://x","y")' };
    const hostile = tmpFile(dir, 'hostile-needs.json', JSON.stringify(needs));
    const h = await run(['assign', '--experts', EXPERTS, '--needs', hostile, '--format', 'csv']);
    expect(h.stdout).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('names the --out path the user gave, not the temporary file, and leaves nothing behind', async () => {
    const cwd = process.cwd();
    const r = await run(['match', '--experts', EXPERTS, '--needs', NEEDS, '--out', 'nodir-innomatch/x.csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot write nodir-innomatch/x.csv: no such file or directory (ENOENT)');
    expect(r.stderr).not.toContain('.tmp');
    expect(process.cwd()).toBe(cwd);
    // The target is a directory: the rename fails; the temporary file is removed.
    const target = join(dir, 'out-dir');
    mkdirSync(target);
    const before = readdirSync(dir).sort();
    for (const cmd of [['classify', 'text'], ['report', '--experts', EXPERTS, '--needs', NEEDS]]) {
      const d = await run([...cmd, '--out', target]);
      expect(d.code).toBe(1);
      expect(d.stderr).toContain(`cannot write ${target}: `);
      expect(d.stderr).not.toContain('.tmp');
      expect(readdirSync(dir).sort()).toEqual(before);
    }
  });
});

describe('--start', () => {
  it('accepts H:MM as well as HH:MM', async () => {
    expect(createClock('9:00').startMinute).toBe(540);
    expect(clockMinute(createClock('09:00'), '9:30')).toBe(570);
    expect(clockMinute(createClock('09:00'), '24:00')).toBeUndefined();
    expect(displayTime('+1d 00:20')).toBe('00:20 (+1d)');
    expect(displayTime('09:20')).toBe('09:20');
    const r = await run(['schedule', '--experts', EXPERTS, '--needs', NEEDS, '--start', '9:00', '--format', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as EventSchedule).slots[0]!.start).toBe('09:00');
  });

  it('makes a malformed --start a usage error (exit 2)', async () => {
    for (const cmd of ['schedule', 'report']) {
      const r = await run([cmd, '--experts', EXPERTS, '--needs', NEEDS, '--start', '9am']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--start must be HH:MM (or H:MM) or an ISO datetime');
      expect(r.stderr).not.toContain('(options):0');
    }
  });
});

describe('assign table', () => {
  it('names the enterprise as schedule and report do: （未填企业） for a need without one', async () => {
    const needs = tmpFile(dir, 'needs-no-enterprise.jsonl', jsonl([
      { id: 'A1', description: '永磁同步电机温升过高，绕组绝缘老化' },
      { id: 'A2', description: '锂电池低温容量衰减', enterprise: { name: '湘潭电化科技' } },
    ]));
    const r = await run(['assign', '--experts', EXPERTS, '--needs', needs, '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').slice(1).map((l) => l.split(','));
    expect(new Set(rows.filter((c) => c[0] === 'A1').map((c) => c[1]))).toEqual(new Set(['（未填企业）']));
    expect(new Set(rows.filter((c) => c[0] === 'A2').map((c) => c[1]))).toEqual(new Set(['湘潭电化科技']));
  });
});
