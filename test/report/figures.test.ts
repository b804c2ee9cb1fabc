/** How the report shows figures: targets of 0, scores just below the threshold, next-day slots. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReport, type ReportData } from '../../src/report/index.js';
import { fixedBelow, limitText } from '../../src/report/html.js';
import { run } from '../cli/helpers.js';
import { buildHostileReport } from './helpers.js';

let data: ReportData;

beforeAll(() => {
  data = buildHostileReport().data;
});

const section = (html: string, id: string): string => new RegExp(`<section id="${id}">[\\s\\S]*?</section>`).exec(html)![0];

describe('report figures', () => {
  it('shows a target of 0 without a completion rate', () => {
    const html = renderReport({
      ...data,
      targets: [
        { label: '服务企业', value: 24, target: 0, unit: '家' },
        { label: '参与学会', value: 3, target: 20, unit: '个' },
      ],
    });
    const t = section(html, 'targets');
    expect(t).toContain('目标 0 家（不计完成率）');
    expect(t).not.toMatch(/目标 0 家，完成/);
    expect(t).toContain('目标 20 个，完成 15.0%');
    expect(t.match(/<svg class="bar"/g)).toHaveLength(1); // no bar for the target of 0
  });

  it('never rounds a gap score up to the threshold', () => {
    expect(fixedBelow(0.09986, 0.1)).toBe('0.0999');
    expect(fixedBelow(0.0999996, 0.1)).toBe('0.0999996');
    expect(fixedBelow(0.1 - 1e-15, 0.1)).toBe('< 0.10');
    expect(fixedBelow(0.05, 0.1)).toBe('0.050');
    expect(fixedBelow(0.2999, 0.3)).toBe('0.2999');
    expect(limitText(0.1)).toBe('0.10');
    expect(limitText(0.125)).toBe('0.125');
    const gaps = data.gaps.map((g, i) =>
      i === 0 ? { ...g, needs: g.needs.map((n, j) => (j === 0 ? { ...n, bestScore: data.threshold - 0.00014 } : n)) } : g,
    );
    const html = section(renderReport({ ...data, gaps }), 'gaps');
    expect(html).toContain(`没有任何专家匹配得分达到 ${data.threshold.toFixed(2)} 的需求`);
    expect(html).toContain(`>${(data.threshold - 0.00014).toFixed(4)} <span`);
    for (const m of html.matchAll(/<td class="num">([\d.]+)/g)) expect(Number(m[1])).toBeLessThan(data.threshold);
  });

  it('labels slots after midnight as HH:MM (+1d) in the schedule grid', () => {
    const s = data.schedule!;
    const slots = s.slots.map((x, i) => (i === 0 ? { ...x, start: '23:40', end: '+1d 00:00' } : x));
    const html = section(renderReport({ ...data, schedule: { ...s, slots } }), 'schedule');
    expect(html).toContain('<th>23:40–00:00 (+1d)</th>');
  });
});

describe('innomatch report --target-enterprises 0', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'innomatch-report-'));
    return () => rmSync(dir, { recursive: true, force: true });
  });

  it('prints the target without a completion rate', async () => {
    const out = join(dir, 'r.html');
    const r = await run(['report', '--experts', 'fixtures/xiangtan/experts.json', '--needs', 'fixtures/xiangtan/needs.json', '--target-enterprises', '0', '--out', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('目标 0 家（不计完成率）');
    expect(html).not.toContain('完成 0.0%');
  });
});
