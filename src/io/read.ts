import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { InnomatchError, type ValidationIssue } from '../errors.js';
import { LIMITS } from '../validate.js';
import { EXPERT_COLUMNS, mapHeader, NEED_COLUMNS, parseDisciplines, parseIndustries, parseKind, parseNumberCell, splitList } from './columns.js';
import { type CsvRow, parseCsv } from './csv.js';
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
  const lines = topLevelElementLines(text);
  return { file, records: value, lines: value.map((_, i) => lines[i] ?? 0) };
}

/**
 * The line on which each element of the top-level array starts, whatever its type (object, array,
 * string, number, true, false, null), so records are reported at their own line. Skips strings as a
 * whole (escaped quotes and brackets inside them do not count). Assumes valid JSON.
 */
export function topLevelElementLines(text: string): number[] {
  const out: number[] = [];
  let depth = 0;
  let line = 1;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      line++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') continue;
    if (depth === 1) {
      if (ch === ',') {
        expectElement = true;
        continue;
      }
      if (expectElement && ch !== ']') {
        out.push(line);
        expectElement = false;
      }
    }
    if (ch === '"') {
      // JSON strings hold no raw newline, so the line does not change inside one.
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (ch === '[' || ch === '{') {
      depth++;
      if (depth === 1) expectElement = true;
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
  if (!head) throw new InputFileError([{ file, line: 1, field: '(header)', message: 'file is empty: no header row' }]);
  const columns = kind === 'needs' ? NEED_COLUMNS : EXPERT_COLUMNS;
  const map = mapHeader(head.cells, columns);
  const required = kind === 'needs' ? ['description'] : ['name'];
  const missing = required.filter((f) => !map.has(f));
  if (missing.length > 0) {
    const names = missing.map((f) => (columns[f] ?? []).join(' / ')).join('; ');
    throw new InputFileError([{ file, line: head.line, field: '(header)', message: `missing column: ${names}` }]);
  }
  const cellOf = (row: CsvRow, field: string): string | undefined => {
    const c = map.get(field);
    const v = c === undefined ? undefined : row.cells[c]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const ids = generatedIds(file, body, (row) => cellOf(row, 'id'));
  const records = body.map((row, i) => {
    const get = (field: string): string | undefined => cellOf(row, field);
    const rec: Record<string, unknown> = { id: get('id') ?? ids[i] };
    if (kind === 'needs') {
      setIf(rec, 'title', get('title'));
      rec.description = get('description') ?? '';
      setIf(rec, 'keywords', mapIf(get('keywords'), splitList));
      // Any enterprise cell makes an enterprise: one without a name is then refused by validation
      // (naming the row and field) instead of its id being dropped without a word.
      const ent: Record<string, string> = {};
      for (const k of ['name', 'id', 'park', 'region'] as const) {
        const v = get(`enterprise.${k}`);
        if (v !== undefined) ent[k] = v;
      }
      if (Object.keys(ent).length > 0) rec.enterprise = { name: '', ...ent };
    } else {
      rec.name = get('name') ?? '';
      setIf(rec, 'kind', mapIf(get('kind'), parseKind));
      for (const k of ['title', 'organization', 'region', 'bio'] as const) setIf(rec, k, get(k));
      setIf(rec, 'fields', mapIf(get('fields'), splitList));
      setIf(rec, 'keywords', mapIf(get('keywords'), splitList));
      const cap = get('capacity');
      if (cap !== undefined) rec.capacity = parseNumberCell(cap);
    }
    setIf(rec, 'industries', mapIf(get('industries'), parseIndustries));
    setIf(rec, 'disciplines', mapIf(get('disciplines'), parseDisciplines));
    return rec;
  });
  return { file, records, lines: body.map((r) => r.line) };
}

/**
 * Ids for CSV rows whose id cell is missing or blank, `undefined` for rows that have one.
 *
 * Rule: a generated id is the row's location, `<file>:<line>`, with the file as given on the
 * command line (the same text error messages use), so ids generated for different files never
 * meet, and they are deterministic. When the path would make the id too long, `<file>` becomes the
 * base name plus a hash of the full path. An id written in the same file that happens to equal a
 * generated one is never taken over: the generated id gets a suffix `#2`, `#3`, ... instead.
 */
function generatedIds(file: string, rows: readonly CsvRow[], idOf: (row: CsvRow) => string | undefined): (string | undefined)[] {
  const taken = new Set<string>();
  for (const row of rows) {
    const id = idOf(row);
    if (id !== undefined) taken.add(id);
  }
  const maxLine = rows.reduce((m, r) => Math.max(m, r.line), 0);
  let where = file;
  if (`${where}:${maxLine}#99`.length > LIMITS.idLength) {
    where = `${basename(file).slice(0, 100)}@${createHash('sha256').update(resolve(file)).digest('hex').slice(0, 12)}`;
  }
  return rows.map((row) => {
    if (idOf(row) !== undefined) return undefined;
    const base = `${where}:${row.line}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}#${n}`;
    taken.add(id);
    return id;
  });
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
      // A duplicate names the earlier record by its file and line, not its index in the merged batch.
      const first = i.duplicateOf !== undefined ? flat[i.duplicateOf] : undefined;
      const message = first ? i.message.replace(`record #${i.duplicateOf}`, `${first.file}:${first.line}`) : i.message;
      return { file: at.file, line: at.line, field: i.path, message: `${message}${i.id ? ` (id ${i.id})` : ''}` };
    }),
  );
}
