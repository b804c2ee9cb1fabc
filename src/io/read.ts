import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { InnomatchError, type ValidationIssue } from '../errors.js';
import { EXPERT_COLUMNS, mapHeader, NEED_COLUMNS, parseIndustries, parseKind, splitList } from './columns.js';
import { parseCsv } from './csv.js';
import { decodeText } from './encoding.js';

export type RecordKind = 'experts' | 'needs';

/** Records read from a file, each with the file line it came from. */
export interface SourcedRecords {
  file: string;
  records: unknown[];
  lines: number[];
}

/** A problem in an input file, located by file, line and field. */
export class InputFileError extends InnomatchError {
  override readonly name = 'InputFileError';
  constructor(
    readonly problems: readonly { file: string; line: number; field: string; message: string }[],
  ) {
    super(problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`).join('\n'));
  }
}

/** Reads JSON (an array), JSONL (one record per line) or CSV (documented columns) by extension. */
export function readRecords(file: string, kind: RecordKind): SourcedRecords {
  const { text } = decodeText(readFileSync(file));
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return readCsv(file, text, kind);
  if (ext === '.jsonl' || ext === '.ndjson') return readJsonl(file, text);
  if (ext === '.json') return readJson(file, text);
  throw new InputFileError([{ file, line: 0, field: '(file)', message: `unknown format "${ext}": use .json, .jsonl or .csv` }]);
}

function readJson(file: string, text: string): SourcedRecords {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputFileError([{ file, line: 0, field: '(file)', message: `invalid JSON: ${(e as Error).message}` }]);
  }
  if (!Array.isArray(value)) throw new InputFileError([{ file, line: 1, field: '(file)', message: 'expected a JSON array of records' }]);
  // Locate each top-level record's line for error messages: count lines up to each '{' at depth 1.
  const lines = topLevelObjectLines(text);
  return { file, records: value, lines: value.map((_, i) => lines[i] ?? 0) };
}

function topLevelObjectLines(text: string): number[] {
  const out: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      if (depth === 1) out.push(line);
      depth++;
    } else if (ch === ']' || ch === '}') depth--;
  }
  return out;
}

function readJsonl(file: string, text: string): SourcedRecords {
  const records: unknown[] = [];
  const lines: number[] = [];
  const problems: { file: string; line: number; field: string; message: string }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    try {
      records.push(JSON.parse(raw));
      lines.push(i + 1);
    } catch (e) {
      problems.push({ file, line: i + 1, field: '(line)', message: `invalid JSON: ${(e as Error).message}` });
    }
  });
  if (problems.length > 0) throw new InputFileError(problems);
  return { file, records, lines };
}

function readCsv(file: string, text: string, kind: RecordKind): SourcedRecords {
  let rows;
  try {
    rows = parseCsv(text);
  } catch (e) {
    throw new InputFileError([{ file, line: 0, field: '(file)', message: (e as Error).message }]);
  }
  const [head, ...body] = rows;
  if (!head) return { file, records: [], lines: [] };
  const columns = kind === 'needs' ? NEED_COLUMNS : EXPERT_COLUMNS;
  const map = mapHeader(head.cells, columns);
  const required = kind === 'needs' ? ['description'] : ['name'];
  const missing = required.filter((f) => !map.has(f));
  if (missing.length > 0) {
    const names = missing.map((f) => (columns[f] ?? []).join(' / ')).join('; ');
    throw new InputFileError([{ file, line: head.line, field: '(header)', message: `missing column: ${names}` }]);
  }
  const records = body.map((row, i) => {
    const get = (field: string): string | undefined => {
      const c = map.get(field);
      const v = c === undefined ? undefined : row.cells[c]?.trim();
      return v === undefined || v === '' ? undefined : v;
    };
    const rec: Record<string, unknown> = { id: get('id') ?? `${kind === 'needs' ? 'N' : 'E'}${i + 1}` };
    if (kind === 'needs') {
      setIf(rec, 'title', get('title'));
      rec.description = get('description') ?? '';
      setIf(rec, 'keywords', mapIf(get('keywords'), splitList));
      const name = get('enterprise.name');
      if (name !== undefined) {
        const ent: Record<string, string> = { name };
        for (const k of ['id', 'park', 'region'] as const) {
          const v = get(`enterprise.${k}`);
          if (v !== undefined) ent[k] = v;
        }
        rec.enterprise = ent;
      }
    } else {
      rec.name = get('name') ?? '';
      setIf(rec, 'kind', mapIf(get('kind'), parseKind));
      for (const k of ['title', 'organization', 'region', 'bio'] as const) setIf(rec, k, get(k));
      setIf(rec, 'fields', mapIf(get('fields'), splitList));
      setIf(rec, 'keywords', mapIf(get('keywords'), splitList));
      const cap = get('capacity');
      if (cap !== undefined) rec.capacity = /^\d+$/.test(cap) ? Number(cap) : cap;
    }
    setIf(rec, 'industries', mapIf(get('industries'), parseIndustries));
    return rec;
  });
  return { file, records, lines: body.map((r) => r.line) };
}

function setIf(rec: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) rec[key] = value;
}

function mapIf<T>(v: string | undefined, f: (s: string) => T): T | undefined {
  return v === undefined ? undefined : f(v);
}

/** Turns validation issues on records read from files into file/line/field problems. */
export function locateIssues(sources: readonly SourcedRecords[], issues: readonly ValidationIssue[]): InputFileError {
  const flat: { file: string; line: number }[] = [];
  for (const s of sources) s.lines.forEach((line) => flat.push({ file: s.file, line }));
  return new InputFileError(
    issues.map((i) => {
      const at = flat[i.index] ?? { file: sources[0]?.file ?? '(input)', line: 0 };
      return { file: at.file, line: at.line, field: i.path, message: `${i.message}${i.id ? ` (id ${i.id})` : ''}` };
    }),
  );
}
