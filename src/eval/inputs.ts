import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { type MatcherOptions, resolveOptions } from '../config.js';
import { InnomatchError, ValidationError } from '../errors.js';
import { InputFileError } from '../io/read.js';
import type { ExpertInput, NeedInput } from '../types.js';
import type { CslPaper } from './csl.js';
import type { JudgedSet } from './fixtures.js';

/** Throws naming the option and the file when it does not exist (checked before any work starts). */
export function requireFile(path: string, what: string): void {
  if (!existsSync(path)) throw new InnomatchError(`${what}: file not found: ${path}`);
  if (!statSync(path).isFile()) throw new InnomatchError(`${what}: not a file: ${path}`);
}

/**
 * Checks before a long run that `path` can be written: its directory exists and is writable, and
 * `path` is not a directory. (The write itself is still atomic and may still fail.)
 */
export function requireWritable(path: string, what: string): void {
  const dir = dirname(resolve(path));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InnomatchError(`${what}: no such directory: ${dirname(path)}`);
  if (existsSync(path) && statSync(path).isDirectory()) throw new InnomatchError(`${what}: is a directory: ${path}`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new InnomatchError(`${what}: cannot write in ${dirname(path)}`);
  }
}

function readJsonFile(path: string, what: string): unknown {
  requireFile(path, what);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new InnomatchError(`${what}: invalid JSON in ${path}: ${(e as Error).message}`);
  }
}

/** Matcher options from a JSON file, validated as `createMatcher` would. */
export function readOptionsFile(path: string): MatcherOptions {
  const value = readJsonFile(path, '--config');
  try {
    resolveOptions(value);
  } catch (e) {
    if (e instanceof ValidationError) {
      throw new InnomatchError(`--config ${path}: ${e.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    }
    throw e;
  }
  return value as MatcherOptions;
}

/** The judged set of a fixtures directory: experts.json, needs.json, qrels.json and labels.json. */
export function readJudgedSet(dir: string): JudgedSet {
  return {
    experts: readJsonFile(join(dir, 'experts.json'), 'experts') as ExpertInput[],
    needs: readJsonFile(join(dir, 'needs.json'), 'needs') as NeedInput[],
    qrels: readJsonFile(join(dir, 'qrels.json'), 'qrels') as JudgedSet['qrels'],
    labels: readJsonFile(join(dir, 'labels.json'), 'labels') as JudgedSet['labels'],
  };
}

const cslPaperSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  abstract: z.string().min(1),
  keywords: z.array(z.string()),
  discipline: z.string().min(1),
  category: z.string().min(1),
});

/** CSL papers (JSONL), each line checked; problems are reported with their line and field. */
export function readCslFile(path: string): CslPaper[] {
  requireFile(path, '--csl');
  const problems: { file: string; line: number; field: string; message: string }[] = [];
  const papers: CslPaper[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      if (raw.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (e) {
        problems.push({ file: path, line: i + 1, field: '(line)', message: `invalid JSON: ${(e as Error).message}` });
        return;
      }
      const parsed = cslPaperSchema.safeParse(value);
      if (parsed.success) papers.push(parsed.data);
      else for (const issue of parsed.error.issues) problems.push({ file: path, line: i + 1, field: issue.path.join('.') || '(record)', message: issue.message });
    });
  if (problems.length > 0) throw new InputFileError(problems.slice(0, 20));
  return papers;
}
