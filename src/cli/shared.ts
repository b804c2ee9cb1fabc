import { unlinkSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ValidationError } from '../errors.js';
import { readOptionsFile } from '../eval/inputs.js';
import { createMatcher, type Matcher } from '../matcher.js';
import { locateIssues, readRecords, type SourcedRecords } from '../io/read.js';
import { formatRows, type OutputFormat, writeFileAtomic } from '../io/write.js';
import type { ExpertInput, NeedInput } from '../types.js';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
}

export interface Command {
  name: string;
  summary: string;
  help: string;
  run(argv: string[], io: Io): Promise<number> | number;
}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function outputFormat(value: unknown): OutputFormat {
  const f = value ?? 'table';
  if (f !== 'table' && f !== 'json' && f !== 'csv') throw new UsageError(`--format must be table, json or csv (got "${String(f)}")`);
  return f;
}

function list(value: unknown): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

/** Reads expert and need files into a new matcher; bad rows are reported with file, line and field. */
export function loadInputs(
  expertFiles: unknown,
  needFiles: unknown,
  io: Io,
  configFile?: unknown,
): { matcher: Matcher; experts: SourcedRecords[]; needs: SourcedRecords[] } {
  if (configFile !== undefined && typeof configFile !== 'string') throw new UsageError('--config takes one file');
  const options = configFile !== undefined ? readOptionsFile(configFile) : {};
  const experts = list(expertFiles).map((f) => readRecords(f, 'experts'));
  const needs = list(needFiles).map((f) => readRecords(f, 'needs'));
  const matcher = createMatcher(options);
  const nExperts = experts.reduce((s, x) => s + x.records.length, 0);
  const nNeeds = needs.reduce((s, x) => s + x.records.length, 0);
  if (io.isTTY) io.stderr(`indexing ${nExperts} experts and ${nNeeds} needs…\n`);
  addLocated(matcher, 'experts', experts);
  addLocated(matcher, 'needs', needs);
  return { matcher, experts, needs };
}

/** Adds records read from files; a bad record is reported with its file, line and field. */
export function addLocated(matcher: Matcher, kind: 'experts' | 'needs', sources: readonly SourcedRecords[]): void {
  const records = sources.flatMap((s) => s.records);
  try {
    if (kind === 'experts') matcher.addExperts(records as ExpertInput[]);
    else matcher.addNeeds(records as NeedInput[]);
  } catch (e) {
    if (e instanceof ValidationError) throw locateIssues(sources, e.issues);
    throw e;
  }
}

/**
 * Writes an output file whole or not at all ({@link writeFileAtomic}). An error names the path
 * the user gave, not the temporary file next to it, and a temporary file left behind by a
 * failed rename is removed.
 */
export function writeOutput(path: string, content: string | Uint8Array): void {
  try {
    writeFileAtomic(path, content);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.syscall === 'rename' && typeof err.path === 'string') {
      try {
        unlinkSync(err.path);
      } catch {
        // already gone
      }
    }
    // Node's fs messages read "CODE: description, syscall 'path'": keep the description.
    const what = /^[A-Z0-9]+: (.*?), \w+ '/.exec(err.message)?.[1] ?? err.message;
    throw new Error(`cannot write ${path}: ${what}${err.code ? ` (${err.code})` : ''}`);
  }
}

/** Prints or writes (atomically) a formatted result. */
export function emit(
  io: Io,
  out: unknown,
  format: OutputFormat,
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  json: unknown,
): void {
  const text = formatRows(format, header, rows, json);
  if (typeof out === 'string') writeOutput(out, text);
  else io.stdout(text);
}

/** A progress bar on stderr, drawn only when stderr is a terminal. */
export function progress(io: Io, total: number, label: string): { tick: () => void; done: () => void } {
  if (!io.isTTY || total < 20) return { tick: () => {}, done: () => {} };
  let n = 0;
  let last = -1;
  const draw = (): void => {
    const pct = Math.floor((n / total) * 100);
    if (pct === last) return;
    last = pct;
    const filled = Math.round(pct / 4);
    io.stderr(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(25 - filled)}] ${pct}% (${n}/${total})`);
  };
  return {
    tick: () => {
      n++;
      draw();
    },
    done: () => io.stderr('\n'),
  };
}
