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
  /**
   * Finer problems for a vague one (such as zod's "Invalid input" for a value that fits no
   * branch of a union), as paths inside the file; undefined keeps the problem as it is.
   */
  explain?(inner: string, message: string): { inner: string; message: string }[] | undefined;
}

export function jsonSource(j: JsonFile, prefix: string): FileSource {
  const source: FileSource = { prefix, file: j.file, lineOf: (inner) => lineOfPath(j.lines, inner) };
  if (prefix === 'availability') source.explain = (inner, message) => explainAvailability(j.value, inner, message);
  return source;
}

const AVAILABILITY_SHAPE = 'expected a JSON object {"<expert id>": [{"from": "09:00", "to": "10:30"}, ...] or [<slot index>, ...]}';
const WINDOW_TIME = "must be 'HH:MM', '+1d HH:MM' or an ISO datetime";

/** What is wrong with the value of an availability file, or with one expert's entry in it. */
function explainAvailability(file: unknown, inner: string, message: string): { inner: string; message: string }[] | undefined {
  if (inner === '') {
    if (typeof file !== 'object' || file === null || Array.isArray(file)) {
      const got = file === null ? 'null' : Array.isArray(file) ? 'an array' : typeof file;
      return [{ inner: '', message: `${AVAILABILITY_SHAPE}, got ${got}` }];
    }
    // A window problem reported without the expert ('window 1, to: ...', see
    // src/event/availability.ts): the experts whose window of that index has that time.
    const m = /^window (\d+), (from|to): (.*)$/s.exec(message);
    if (!m) return undefined;
    const [, index, field, rest] = m as unknown as [string, string, 'from' | 'to', string];
    const hits = Object.entries(file as Record<string, unknown>).filter(([, spec]) => {
      const w = Array.isArray(spec) ? (spec[Number(index)] as Record<string, unknown> | undefined) : undefined;
      const t = w && typeof w === 'object' ? w[field] : undefined;
      return typeof t === 'string' && (rest.includes(`(${t})`) || rest.includes(`"${t}"`));
    });
    return hits.length > 0 ? hits.map(([id]) => ({ inner: `${id}.${index}.${field}`, message: `expert ${id}, window ${index}: ${rest}` })) : undefined;
  }
  if (inner.includes('.') || !/^Invalid input$/i.test(message.trim())) return undefined;
  const id = inner;
  const spec = (file as Record<string, unknown>)[id];
  if (!Array.isArray(spec)) {
    return [{ inner: id, message: `expert ${id}: must be a list of windows {"from", "to"} or of slot indexes, got ${spec === null ? 'null' : typeof spec}` }];
  }
  const out: { inner: string; message: string }[] = [];
  const numbers = spec.filter((x) => typeof x === 'number').length;
  if (numbers > 0 && numbers < spec.length) {
    out.push({ inner: id, message: `expert ${id}: mixes slot indexes and windows; give one or the other` });
  }
  spec.forEach((w, i) => {
    const at = `${id}.${i}`;
    if (typeof w === 'number') {
      if (numbers === spec.length && (!Number.isInteger(w) || w < 0)) out.push({ inner: at, message: `expert ${id}, slot index ${i}: must be a whole number ≥ 0` });
      return;
    }
    if (typeof w !== 'object' || w === null || Array.isArray(w)) {
      out.push({ inner: at, message: `expert ${id}, window ${i}: must be {"from": ..., "to": ...} or a slot index` });
      return;
    }
    const r = w as Record<string, unknown>;
    for (const f of ['from', 'to']) {
      if (!(f in r)) out.push({ inner: `${at}.${f}`, message: `expert ${id}, window ${i}: missing "${f}"` });
      else if (typeof r[f] !== 'string') out.push({ inner: `${at}.${f}`, message: `expert ${id}, window ${i}: ${WINDOW_TIME}` });
    }
    for (const k of Object.keys(r)) {
      if (k !== 'from' && k !== 'to') out.push({ inner: `${at}.${k}`, message: `expert ${id}, window ${i}: unknown field "${k}" (a window has "from" and "to")` });
    }
  });
  return out.length > 0 ? out : undefined;
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
    const problems: Problem[] = e.issues.flatMap((i): Problem[] => {
      for (const s of sources) {
        // A path equal to the prefix is the file's value as a whole.
        const inner =
          s.prefix === '' ? i.path : i.path === s.prefix ? '' : i.path.startsWith(`${s.prefix}.`) ? i.path.slice(s.prefix.length + 1) : undefined;
        if (inner !== undefined) {
          const at = (p: string, message: string): Problem => {
            const field = s.fieldOf ? s.fieldOf(p) : p;
            return { file: s.file, line: s.lineOf(p), field: field || '(file)', message };
          };
          const finer = s.explain?.(inner, i.message);
          return finer ? finer.map((f) => at(f.inner, f.message)) : [at(inner, i.message)];
        }
      }
      return [{ file: '(options)', line: 0, field: i.path, message: i.message }];
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

