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
  try {
    matcher.addExperts(experts.flatMap((s) => s.records) as ExpertInput[]);
  } catch (e) {
    if (e instanceof ValidationError) throw locateIssues(experts, e.issues);
    throw e;
  }
  try {
    matcher.addNeeds(needs.flatMap((s) => s.records) as NeedInput[]);
  } catch (e) {
    if (e instanceof ValidationError) throw locateIssues(needs, e.issues);
    throw e;
  }
  return { matcher, experts, needs };
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
  if (typeof out === 'string') writeFileAtomic(out, text);
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
