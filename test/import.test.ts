import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));
// The child runs in an empty temporary directory, so tsx is loaded by absolute URL.
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

describe('importing innomatch', () => {
  it('prints nothing on stdout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'innomatch-import-'));
    writeFileSync(join(dir, '.env'), 'INNOMATCH_SHOULD_NOT_LOAD=1\n');
    const script = `
      const m = await import(${JSON.stringify(entry)});
      if (typeof m.createMatcher !== 'function') throw new Error('no createMatcher');
    `;
    const out = execFileSync(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(out).toBe('');
  });

  it('reads no .env, changes no process.env and starts no timers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'innomatch-import-'));
    writeFileSync(join(dir, '.env'), 'INNOMATCH_SHOULD_NOT_LOAD=1\n');
    const script = `
      const before = JSON.stringify(process.env);
      const n = process.getActiveResourcesInfo().length;
      await import(${JSON.stringify(entry)});
      console.log(JSON.stringify({
        envSame: before === JSON.stringify(process.env),
        dotenv: process.env.INNOMATCH_SHOULD_NOT_LOAD ?? null,
        extra: process.getActiveResourcesInfo().slice(n),
      }));
    `;
    const out = execFileSync(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(JSON.parse(out.trim())).toEqual({ envSame: true, dotenv: null, extra: [] });
  });
});
