/**
 * The report in a real browser (headless Chromium through playwright-core, no download: the
 * system's /usr/bin/chromium). In CI (CI set) a missing Chromium fails the test; on a developer
 * machine without it the test is skipped.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltReport, buildHostileReport, XSS_ENTERPRISE, XSS_TITLE } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const skip = !process.env.CI && !existsSync(CHROMIUM);

interface Loaded {
  page: Page;
  problems: string[];
  requests: string[];
  dialogs: string[];
}

describe.skipIf(skip)('the report in headless Chromium', () => {
  let browser: Browser;
  let report: BuiltReport;
  let dir: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install the Debian package chromium (see .ci/run)`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    report = buildHostileReport();
    dir = mkdtempSync(join(tmpdir(), 'innomatch-report-'));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(html: string, name: string): Promise<Loaded> {
    const file = join(dir, name);
    writeFileSync(file, html);
    const url = pathToFileURL(file).href;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const loaded: Loaded = { page, problems: [], requests: [], dialogs: [] };
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') loaded.problems.push(`${msg.type()}: ${msg.text()}`);
    });
    page.on('pageerror', (e) => loaded.problems.push(`pageerror: ${e.message}`));
    page.on('request', (req) => {
      if (req.url() !== url) loaded.requests.push(req.url());
    });
    page.on('dialog', (d) => {
      loaded.dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
    return loaded;
  }

  it('renders the tables and the bars, offline, without errors', async () => {
    const { page, problems, requests, dialogs } = await open(report.html, 'report.html');
    const count = (sel: string): Promise<number> => page.locator(sel).count();
    expect(await count('table.assignment tbody tr')).toBe(report.pairs);
    expect(await count('table.coverage tbody tr')).toBe(report.data.coverage.length);
    expect(await count('table.schedule tbody tr')).toBe(report.data.schedule!.rows.length);
    expect(await count('table.schedule thead th')).toBe(report.data.schedule!.slots.length + 1);
    expect(await count('table.stations tbody tr')).toBe(report.data.stations.length);
    expect(await count('table.gaps tbody tr')).toBe(report.data.gaps.reduce((s, g) => s + g.needs.length, 0));
    expect(await count('.target-card')).toBe(report.data.targets.length);
    // Every industry with needs has a visible need bar, and the widths follow the counts.
    const bars = await page.$$eval('table.coverage tbody tr', (rows) =>
      rows.map((r) => {
        const fills = [...r.querySelectorAll('svg.bar rect.fill')].map((x) => x.getBoundingClientRect().width);
        const svg = r.querySelector('svg.bar')!.getBoundingClientRect();
        return { needs: Number(r.children[1]!.textContent), needBar: fills[0]!, expertBar: fills[1]!, svgWidth: svg.width, svgHeight: svg.height };
      }),
    );
    expect(bars.length).toBeGreaterThanOrEqual(9);
    const most = Math.max(...bars.map((b) => b.needs));
    for (const b of bars) {
      expect(b.svgWidth).toBeGreaterThan(0);
      expect(b.svgHeight).toBeGreaterThan(0);
      if (b.needs > 0) expect(b.needBar).toBeGreaterThan(0);
      expect(b.needBar).toBeCloseTo((b.needs / most) * b.svgWidth, 0);
    }
    expect(bars.some((b) => b.expertBar > 0)).toBe(true);
    const targetBar = await page.$eval('#targets svg.bar rect.fill', (x) => x.getBoundingClientRect().width);
    expect(targetBar).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('shows hostile text as text: no injected script runs, even without the CSP', async () => {
    const noCsp = report.html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    expect(noCsp).not.toBe(report.html);
    for (const [html, name] of [
      [report.html, 'with-csp.html'],
      [noCsp, 'without-csp.html'],
    ] as const) {
      const { page, problems, requests, dialogs } = await open(html, name);
      const dom = await page.evaluate(() => {
        // Runs in the page (this project type-checks without the DOM library).
        type El = { attributes: ArrayLike<{ name: string }>; textContent: string | null };
        const doc = (globalThis as unknown as { document: { querySelectorAll(sel: string): ArrayLike<El> } }).document;
        const all = (sel: string): El[] => Array.from(doc.querySelectorAll(sel));
        return {
          scripts: all('script').length,
          images: all('img').length,
          handlers: all('*').filter((el) => Array.from(el.attributes).some((a) => /^on/i.test(a.name))).length,
          cells: all('td').map((td) => td.textContent ?? ''),
        };
      });
      expect(dom.scripts).toBe(0);
      expect(dom.images).toBe(0);
      expect(dom.handlers).toBe(0);
      expect(dom.cells).toContain(XSS_TITLE);
      expect(dom.cells).toContain(XSS_ENTERPRISE);
      expect(dialogs).toEqual([]);
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      await page.close();
    }
  });
});
