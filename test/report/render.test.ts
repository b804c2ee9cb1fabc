import { beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/report/index.js';
import { INDUSTRIES } from '../../src/index.js';
import { type BuiltReport, buildHostileReport, XSS_ENTERPRISE, XSS_EXPERT, XSS_TITLE } from './helpers.js';

let r: BuiltReport;
const ALLOWED_TAGS = new Set(
  'doctype html head meta title style body header h1 h2 h3 p main section div small span table thead tbody tr th td svg rect br footer'.split(' '),
);

beforeAll(() => {
  r = buildHostileReport();
});

describe('renderReport', () => {
  it('escapes every user text: no injected element or attribute survives', () => {
    // The hostile need and expert are in the event, so their text is in the page...
    expect(r.data.assignment.rows.some((x) => x.needTitle === XSS_TITLE)).toBe(true);
    expect(r.data.assignment.rows.some((x) => x.expertName === XSS_EXPERT)).toBe(true);
    expect(r.html.includes(escapeHtml(XSS_TITLE))).toBe(true);
    expect(r.html.includes(escapeHtml(XSS_ENTERPRISE))).toBe(true);
    // ...but only as text.
    const tags = r.html.match(/<[a-zA-Z!][^>]*>/g) ?? [];
    const names = new Set(tags.map((t) => /^<!?([a-zA-Z][a-zA-Z0-9]*)/.exec(t)![1]!.toLowerCase()));
    expect([...names].filter((n) => !ALLOWED_TAGS.has(n))).toEqual([]);
    expect(tags.filter((t) => /\son[a-z]+\s*=/i.test(t))).toEqual([]);
    expect(r.html.includes('</header><script>')).toBe(false);
    // The escaped text is there (it shows as text in the page).
    expect(r.html.includes('&lt;img src=x onerror=alert(2)&gt;')).toBe(true);
    expect(escapeHtml(`<a href="x" title='y'>&\``)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;');
  });

  it('is self-contained: no external URL, script or font; a CSP forbids loading anything', () => {
    expect(r.html).not.toMatch(/(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
    expect(r.html).not.toMatch(/@import|@font-face|url\(/i);
    expect(r.html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/);
    expect(r.html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(r.html).toContain('<html lang="zh-CN">');
  });

  it('has every section, with the Chinese industry names and one row per assigned pair', () => {
    for (const id of ['targets', 'coverage', 'gaps', 'assignment', 'schedule', 'stations']) expect(r.html).toContain(`<section id="${id}">`);
    for (const i of INDUSTRIES) expect(r.html).toContain(`<td>${i.nameZh}</td>`);
    const table = /<table class="assignment">([\s\S]*?)<\/table>/.exec(r.html)![1]!;
    expect(table.match(/<tr>/g)!.length - 1).toBe(r.pairs);
    expect(r.data.gaps.length).toBeGreaterThan(0);
    expect(r.data.stations.length).toBeGreaterThan(0);
    expect(r.html).toContain('院士专家工作站');
    expect(r.html).toMatch(/目标 100 家/);
    expect(r.html).toMatch(/目标 10,000 人/);
    expect(r.html).toMatch(/目标 20 个/);
  });

  it('counts coverage from the scores: covered needs have an expert above the threshold, gaps do not', () => {
    const gapIds = new Set(r.data.gaps.flatMap((g) => g.needs.map((n) => n.needId)));
    const needs = r.data.coverage.reduce((s, c) => s + c.needs, 0);
    const covered = r.data.coverage.reduce((s, c) => s + c.coveredNeeds, 0);
    expect(needs).toBe(48);
    expect(needs - covered).toBe(gapIds.size);
    for (const g of r.data.gaps) for (const n of g.needs) expect(n.bestScore).toBeLessThan(r.data.threshold);
  });
});
