import { renameSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { toCsv } from './csv.js';

export type OutputFormat = 'table' | 'json' | 'csv';

/** Display width of a string in a terminal (CJK and full-width characters count 2). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** A plain text table with columns aligned for CJK text. */
export function formatTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows].map((r) => r.map((c) => String(c).replace(/\s+/g, ' ')));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => displayWidth(r[i] ?? ''))));
  const line = (r: string[]): string =>
    r.map((c, i) => c + ' '.repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(c)))).join('  ').trimEnd();
  const [head, ...body] = cells;
  return [line(head as string[]), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n') + '\n';
}

export function formatRows(
  format: OutputFormat,
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  json: unknown,
): string {
  if (format === 'json') return `${JSON.stringify(json, null, 2)}\n`;
  if (format === 'csv') return toCsv(header, rows);
  return formatTable(header, rows);
}

/** Writes a whole file or nothing: write to a temporary sibling, then rename over the target. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}
