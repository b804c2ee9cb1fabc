/** The npm scripts (tune, eval) refuse bad paths up front, in one line, before any long work. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireFile, requireWritable } from '../src/eval/inputs.js';
import { InnomatchError } from '../src/index.js';

const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], { encoding: 'utf8', timeout: 60_000 });

describe('script arguments', () => {
  it('requireFile refuses a directory; requireWritable a missing directory or a directory as the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'innomatch-scripts-'));
    expect(() => requireFile(dir, '--qrels')).toThrow(new InnomatchError(`--qrels: not a file: ${dir}`));
    expect(() => requireFile(join(dir, 'none.json'), '--qrels')).toThrow(/file not found/);
    expect(() => requireWritable(join(dir, 'sub', 'x.json'), '--out')).toThrow(/--out: no such directory/);
    expect(() => requireWritable(dir, '--out')).toThrow(/--out: is a directory/);
    expect(() => requireWritable(join(dir, 'x.json'), '--out')).not.toThrow();
    rmSync(dir, { recursive: true });
  });

  it('tune and eval stop at once with one line and exit 1', () => {
    const tune = run('tune', ['--qrels', 'fixtures/xiangtan/qrels.json', '--out', '/nonexistent-dir/x.json']);
    expect([tune.status, tune.stderr]).toEqual([1, 'tune: --out: no such directory: /nonexistent-dir\n']);
    const dir = tmpdir();
    expect(run('tune', ['--qrels', dir]).stderr).toBe(`tune: --qrels: not a file: ${dir}\n`);
    const ev = run('eval', ['--csl', dir]);
    expect([ev.status, ev.stderr]).toEqual([1, `eval: --csl: not a file: ${dir}\n`]);
  });

  it('tune names a judgment judged twice by its file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'innomatch-qrels-'));
    const file = join(dir, 'q.csv');
    writeFileSync(file, 'needId,expertId,grade\nN01,E001,2\nN01,E002,1\nN01,E001,3\n');
    const r = run('tune', ['--qrels', file, '--out', join(dir, 'x.json')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}:4: expertId: pair already judged in ${file}:2`);
    rmSync(dir, { recursive: true });
  });
});
