/**
 * The scaling figure, as hand-written SVG: query latency (p50 and p99, and the peers' p50 where they
 * ran; log scale) and memory per profile (index estimate and whole heap) against corpus size
 * (log scale).
 */
import type { SizeResult } from './types.js';

interface Series {
  label: string;
  color: string;
  dash?: string;
  points: [number, number][];
}

const W = 920;
const H = 420;
const PANEL_W = 360;
const PANEL_H = 230;
const TOP = 50;

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function fmtSize(n: number): string {
  return n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n);
}

function fmtNum(v: number): string {
  if (v >= 1000) return `${+(v / 1000).toPrecision(3)}k`;
  if (v >= 1) return String(+v.toPrecision(3));
  return String(+v.toPrecision(2));
}

/** A round tick step giving at most 6 intervals over a range. */
function niceStep(range: number): number {
  const raw = range / 6;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const f of [1, 2, 2.5, 5, 10]) if (f * mag >= raw) return f * mag;
  return 10 * mag;
}

function logDomain(values: number[]): [number, number] {
  const pos = values.filter((v) => v > 0 && Number.isFinite(v));
  if (pos.length === 0) return [1, 10];
  let lo = Math.pow(10, Math.floor(Math.log10(Math.min(...pos))));
  let hi = Math.pow(10, Math.ceil(Math.log10(Math.max(...pos))));
  if (hi <= lo) hi = lo * 10;
  if (lo === hi) lo = hi / 10;
  return [lo, hi];
}

function panel(
  x0: number,
  title: string,
  xDomain: [number, number],
  yDomain: [number, number],
  yLog: boolean,
  yLabel: string,
  series: Series[],
  guides: { value: number; label: string }[] = [],
): string {
  const [xl, xh] = xDomain;
  const [yl, yh] = yDomain;
  const sx = (v: number): number => x0 + ((Math.log10(v) - Math.log10(xl)) / (Math.log10(xh) - Math.log10(xl))) * PANEL_W;
  const sy = (v: number): number =>
    TOP + PANEL_H - (yLog ? (Math.log10(v) - Math.log10(yl)) / (Math.log10(yh) - Math.log10(yl)) : (v - yl) / (yh - yl)) * PANEL_H;
  const out: string[] = [];
  out.push(`<text x="${x0 + PANEL_W / 2}" y="${TOP - 22}" text-anchor="middle" font-size="14" font-weight="bold">${esc(title)}</text>`);
  out.push(`<rect x="${x0}" y="${TOP}" width="${PANEL_W}" height="${PANEL_H}" fill="none" stroke="#888"/>`);
  for (let v = xl; v <= xh * 1.0001; v *= 10) {
    const x = sx(v);
    out.push(`<line x1="${x}" y1="${TOP}" x2="${x}" y2="${TOP + PANEL_H}" stroke="#eee"/>`);
    out.push(`<text x="${x}" y="${TOP + PANEL_H + 16}" text-anchor="middle" font-size="11">${fmtSize(v)}</text>`);
  }
  const yTicks: number[] = [];
  if (yLog) for (let v = yl; v <= yh * 1.0001; v *= 10) yTicks.push(v);
  else for (let v = yl; v <= yh + 1e-9; v += niceStep(yh - yl)) yTicks.push(v);
  for (const v of yTicks) {
    const y = sy(v);
    out.push(`<line x1="${x0}" y1="${y}" x2="${x0 + PANEL_W}" y2="${y}" stroke="#eee"/>`);
    out.push(`<text x="${x0 - 6}" y="${y + 4}" text-anchor="end" font-size="11">${fmtNum(v)}</text>`);
  }
  out.push(`<text x="${x0 + PANEL_W / 2}" y="${TOP + PANEL_H + 34}" text-anchor="middle" font-size="12">profiles (log scale)</text>`);
  out.push(
    `<text x="${x0 - 50}" y="${TOP + PANEL_H / 2}" text-anchor="middle" font-size="12" transform="rotate(-90 ${x0 - 50} ${TOP + PANEL_H / 2})">${esc(yLabel)}</text>`,
  );
  guides.forEach((guide, i) => {
    if (guide.value < yl || guide.value > yh) return;
    const y = sy(guide.value);
    const right = i % 2 === 1; // alternate sides so that close lines keep readable labels
    out.push(`<line x1="${x0}" y1="${y}" x2="${x0 + PANEL_W}" y2="${y}" stroke="#c00" stroke-dasharray="2 3"/>`);
    out.push(
      `<text x="${right ? x0 + PANEL_W - 4 : x0 + 4}" y="${y - 4}" font-size="10" fill="#c00"${right ? ' text-anchor="end"' : ''}>${esc(guide.label)}</text>`,
    );
  });
  series.forEach((s, i) => {
    const pts = s.points.filter(([x, y]) => x > 0 && Number.isFinite(y) && (!yLog || y > 0));
    if (pts.length > 0) {
      const d = pts.map(([x, y], k) => `${k === 0 ? 'M' : 'L'}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(' ');
      out.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
      for (const [x, y] of pts) {
        out.push(`<circle cx="${sx(x).toFixed(1)}" cy="${sy(y).toFixed(1)}" r="3.5" fill="${s.color}"><title>${fmtSize(x)}: ${fmtNum(y)}</title></circle>`);
      }
    }
    const ly = TOP + PANEL_H + 56 + i * 16;
    out.push(`<line x1="${x0 + 10}" y1="${ly - 4}" x2="${x0 + 30}" y2="${ly - 4}" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    out.push(`<text x="${x0 + 35}" y="${ly}" font-size="11">${esc(s.label)}</text>`);
  });
  return out.join('\n');
}

export function scalingSvg(results: readonly SizeResult[]): string {
  const rs = [...results].sort((a, b) => a.n - b.n);
  const sizes = rs.map((r) => r.n);
  let xDomain = logDomain(sizes);
  if (sizes.length > 0 && xDomain[0] === xDomain[1]) xDomain = [xDomain[0] / 10, xDomain[1] * 10];
  const p50: Series = { label: 'query p50 (ms)', color: '#1f77b4', points: rs.map((r) => [r.n, r.query.summary.p50]) };
  const p99: Series = { label: 'query p99 (ms)', color: '#ff7f0e', dash: '6 3', points: rs.map((r) => [r.n, r.query.summary.p99]) };
  const index: Series = {
    label: 'index bytes / profile',
    color: '#2ca02c',
    points: rs.map((r) => [r.n, r.memory.statsIndexPerProfile ?? r.memory.indexPerProfileEstimate]),
  };
  const heap: Series = { label: 'whole heap bytes / profile', color: '#9467bd', dash: '6 3', points: rs.map((r) => [r.n, r.memory.totalPerProfile]) };
  const peerSeries: Series[] = (['minisearch', 'natural'] as const).flatMap((name, i) => {
    const points = rs.flatMap((r) => r.peers.filter((p) => p.name === name).map((p): [number, number] => [r.n, p.summary.p50]));
    return points.length > 0 ? [{ label: `${name} p50 (ms), same queries`, color: i === 0 ? '#7f7f7f' : '#bcbd22', dash: '2 3', points }] : [];
  });
  const latency = [p50, p99, ...peerSeries];
  const yLat = logDomain(latency.flatMap((s) => s.points.map((p) => p[1])).concat([1, 10]));
  const memMax = Math.max(700, ...[...index.points, ...heap.points].map((p) => p[1]).filter(Number.isFinite));
  const memStep = niceStep(memMax);
  const yMem: [number, number] = [0, Math.ceil(memMax / memStep) * memStep];
  const body =
    rs.length === 0
      ? `<text x="${W / 2}" y="${H / 2}" text-anchor="middle" font-size="14">no corpus size completed</text>`
      : [
          panel(70, 'Top-10 query latency', xDomain, yLat, true, 'milliseconds (log scale)', latency, [
            { value: 1, label: 'p50 target: 1 ms at 100k' },
            { value: 5, label: 'p99 target: 5 ms at 100k' },
            { value: 10, label: 'p50 target: 10 ms at 1M' },
          ]),
          panel(70 + PANEL_W + 100, 'Memory per profile', xDomain, yMem, false, 'bytes per profile', [index, heap], [
            { value: 600, label: 'index target: 600 B at 100k' },
          ]),
        ].join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
${body}
</svg>
`;
}
