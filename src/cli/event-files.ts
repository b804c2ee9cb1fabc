/**
 * Event input files of the CLI: conflicts (JSON, JSONL or CSV), availability and assignment
 * (JSON). Problems are reported as file:line:field, like bad need and expert rows.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { ValidationError } from '../errors.js';
import type { EventConflict } from '../event/types.js';
import { mapHeader } from '../io/columns.js';
import { parseCsv } from '../io/csv.js';
import { decodeText } from '../io/encoding.js';
import { jsonPathLines, lineOfPath } from '../io/jsonpath.js';
import { InputFileError } from '../io/read.js';

type Problem = { file: string; line: number; field: string; message: string };

export const CONFLICT_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  needId: ['needid', 'need', 'need_id', '需求编号', '需求'],
  expertId: ['expertid', 'expert', 'expert_id', '专家编号', '专家'],
};

/** A JSON file, parsed, with the line of every value path. */
export interface JsonFile {
  file: string;
  value: unknown;
  lines: Map<string, number>;
}

export function readJsonFile(file: string): JsonFile {
  let text: string;
  try {
    text = decodeText(readFileSync(file)).text;
  } catch (e) {
    throw new InputFileError([{ file, line: 0, field: '(file)', message: (e as Error).message }]);
  }
  try {
    const value: unknown = JSON.parse(text);
    return { file, value, lines: jsonPathLines(text) };
  } catch (e) {
    throw new InputFileError([{ file, line: 0, field: '(file)', message: `invalid JSON: ${(e as Error).message}` }]);
  }
}

/** Where the value of an option came from: a file, and the line of each path inside it. */
export interface FileSource {
  /** Option path of the file's value ('availability', 'conflicts', '' for the whole argument). */
  prefix: string;
  file: string;
  lineOf(inner: string): number;
  /** The field to report for a path inside the file (default: the path itself). */
  fieldOf?(inner: string): string;
}

export function jsonSource(j: JsonFile, prefix: string): FileSource {
  return { prefix, file: j.file, lineOf: (inner) => lineOfPath(j.lines, inner) };
}

/**
 * Runs `f`; a ValidationError whose paths fall under a source's prefix becomes file:line:field
 * problems (other issues are reported against the command's options).
 */
export function locateErrors<T>(sources: readonly FileSource[], f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    const problems: Problem[] = e.issues.map((i) => {
      for (const s of sources) {
        const inner = s.prefix === '' ? i.path : i.path.startsWith(`${s.prefix}.`) ? i.path.slice(s.prefix.length + 1) : undefined;
        if (inner !== undefined) {
          const field = s.fieldOf ? s.fieldOf(inner) : inner;
          return { file: s.file, line: s.lineOf(inner), field: field || '(file)', message: i.message };
        }
      }
      return { file: '(options)', line: 0, field: i.path, message: i.message };
    });
    throw new InputFileError(problems);
  }
}

/** Need/expert pairs that must not meet: a JSON array or JSONL of {needId, expertId}, or a CSV. */
export function readConflicts(file: string): { conflicts: EventConflict[]; source: FileSource } {
  const ext = extname(file).toLowerCase();
  const problems: Problem[] = [];
  const out: EventConflict[] = [];
  const lines: number[] = [];
  const take = (rec: unknown, line: number): void => {
    const r = (rec ?? {}) as Record<string, unknown>;
    for (const k of ['needId', 'expertId'] as const) {
      if (typeof r[k] !== 'string' || r[k] === '') problems.push({ file, line, field: k, message: 'must be a non-empty id' });
    }
    if (typeof r.needId === 'string' && typeof r.expertId === 'string') {
      out.push({ needId: r.needId, expertId: r.expertId });
      lines.push(line);
    }
  };
  if (ext === '.json') {
    const j = readJsonFile(file);
    if (!Array.isArray(j.value)) throw new InputFileError([{ file, line: 1, field: '(file)', message: 'expected a JSON array of {needId, expertId}' }]);
    j.value.forEach((rec, i) => take(rec, j.lines.get(String(i)) ?? 0));
  } else if (ext === '.jsonl' || ext === '.ndjson') {
    decodeText(readFileSync(file)).text.split(/\r?\n/).forEach((raw, i) => {
      if (raw.trim() === '') return;
      try {
        take(JSON.parse(raw), i + 1);
      } catch (e) {
        problems.push({ file, line: i + 1, field: '(line)', message: `invalid JSON: ${(e as Error).message}` });
      }
    });
  } else if (ext === '.csv') {
    let rows;
    try {
      rows = parseCsv(decodeText(readFileSync(file)).text);
    } catch (e) {
      throw new InputFileError([{ file, line: 0, field: '(file)', message: (e as Error).message }]);
    }
    const [head, ...body] = rows;
    if (head) {
      const map = mapHeader(head.cells, CONFLICT_COLUMNS);
      const missing = ['needId', 'expertId'].filter((f) => !map.has(f));
      if (missing.length > 0) {
        throw new InputFileError([{ file, line: head.line, field: '(header)', message: `missing column: ${missing.join(', ')}` }]);
      }
      for (const row of body) {
        const get = (f: string): string | undefined => row.cells[map.get(f)!]?.trim() || undefined;
        take({ needId: get('needId'), expertId: get('expertId') }, row.line);
      }
    }
  } else {
    throw new InputFileError([{ file, line: 0, field: '(file)', message: `unknown format "${ext}": use .json, .jsonl or .csv` }]);
  }
  if (problems.length > 0) throw new InputFileError(problems);
  const lineOf = (inner: string): number => lines[Number(inner.split('.')[0])] ?? 0;
  const fieldOf = (inner: string): string => inner.split('.').slice(1).join('.');
  return { conflicts: out, source: { prefix: 'conflicts', file, lineOf, fieldOf } };
}

