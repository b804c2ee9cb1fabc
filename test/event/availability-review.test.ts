/** Review fixes: availability windows past midnight, reversed windows, mixed time forms, file errors. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableSlots, checkAvailability } from '../../src/event/availability.js';
import { createClock, displayTime, formatMinute, isEventTime } from '../../src/event/time.js';
import { ValidationError } from '../../src/errors.js';
import { run, tmpFile } from '../cli/helpers.js';

const F = 'fixtures/xiangtan';
const EXPERTS = `${F}/experts.json`;
const NEEDS = `${F}/needs.json`;

const thrown = (f: () => unknown): ValidationError => {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error('no ValidationError');
};

describe('availability windows after midnight', () => {
  const c = createClock('23:20');

  it("reads the tool's own '+1d HH:MM' and 'HH:MM (+1d)' forms", () => {
    // Slot 1 is 23:50–00:20 (+1d), slot 2 is 00:20–00:50 (+1d): only slot 2 lies in 00:00–01:00.
    expect(availableSlots(c, 30, [{ from: '+1d 00:00', to: '+1d 01:00' }], 100, 'A1')).toEqual([2]);
    expect(availableSlots(c, 30, [{ from: '00:00 (+1d)', to: '01:00 (+1d)' }], 100, 'A1')).toEqual([2]);
    expect(availableSlots(c, 30, [{ from: '23:20', to: '+1d 00:40' }], 100, 'A1')).toEqual([0, 1]);
    // What the tool prints is read back as the same time.
    const printed = formatMinute(c, c.startMinute + 60);
    expect(printed).toBe('+1d 00:20');
    expect(availableSlots(c, 30, [{ from: printed, to: '+1d 00:50' }], 100, 'A1')).toEqual([2]);
    expect(availableSlots(c, 30, [{ from: displayTime(printed), to: '00:50 (+1d)' }], 100, 'A1')).toEqual([2]);
    expect(isEventTime('+1d 24:00')).toBe(false);
  });

  it('refuses a day offset for the start', () => {
    expect(() => createClock('+1d 09:00')).toThrow(/start must be/);
  });
});

describe('refused windows', () => {
  it('refuses a window that ends before it begins, naming expert, window and field', () => {
    const e = thrown(() => availableSlots(createClock('09:00'), 20, [{ from: '09:00', to: '10:00' }, { from: '10:00', to: '09:00' }], 100, 'E7'));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]!.path).toBe('availability.E7.1.to');
    expect(e.issues[0]!.message).toMatch(/expert E7, window 1: "to" \(09:00\) must be after "from" \(10:00\)/);
    const o = thrown(() => checkAvailability(createClock('23:20'), { A1: [{ from: '23:20', to: '00:40' }] }));
    expect(o.issues[0]!.path).toBe('availability.A1.0.to');
    expect(o.issues[0]!.message).toContain('"+1d 00:40"');
    // Without an expert id the window is still refused.
    expect(() => availableSlots(createClock('09:00'), 20, [{ from: '10:00', to: '10:00' }], 100)).toThrow(/window 0, to: .*must be after/);
  });

  it('refuses ISO windows with an HH:MM start instead of dropping their date and offset', () => {
    const e = thrown(() =>
      availableSlots(createClock('09:00'), 30, [{ from: '2031-01-05T10:00+08:00', to: '2031-01-05T11:00+08:00' }], 100, 'A1'),
    );
    expect(e.issues.map((i) => i.path)).toEqual(['availability.A1.0.from', 'availability.A1.0.to']);
    expect(e.message).toMatch(/ISO datetime but the event start is 'HH:MM'/);
  });

  it('refuses mixing an offset-less start with offset windows, and the reverse', () => {
    const w = [{ from: '2031-01-05T10:00+08:00', to: '2031-01-05T11:00+08:00' }];
    expect(() => availableSlots(createClock('2031-01-05T09:00'), 30, w, 100, 'A1')).toThrow(/has a UTC offset \(\+08:00\) but the event start has none/);
    const bare = [{ from: '2031-01-05T10:00', to: '2031-01-05T11:00' }];
    expect(() => availableSlots(createClock('2031-01-05T09:00+08:00'), 30, bare, 100, 'A1')).toThrow(/has no UTC offset but the event start has one/);
    // Same form on both sides still works, offsets converted; HH:MM with an ISO start is on its day.
    const s = createClock('2031-01-05T09:00+08:00');
    expect(availableSlots(s, 30, [{ from: '2031-01-05T02:00Z', to: '2031-01-05T11:00+08:00' }], 100, 'A1')).toEqual([2, 3]);
    expect(availableSlots(s, 30, [{ from: '10:00', to: '11:00' }], 100, 'A1')).toEqual([2, 3]);
    expect(availableSlots(createClock('2031-01-05T09:00'), 30, bare, 100, 'A1')).toEqual([2, 3]);
  });
});

describe('availability files in the CLI', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'innomatch-avail-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const schedule = (name: string, text: string, extra: string[] = []) =>
    run(['schedule', '--experts', EXPERTS, '--needs', NEEDS, '--availability', tmpFile(dir, name, text), '--format', 'json', ...extra]);

  it('names the file for a value of the wrong shape', async () => {
    for (const [name, text] of [['arr.json', '[1,2]'], ['null.json', 'null']] as const) {
      const r = await schedule(name, text);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${name}:1: (file): expected a JSON object`);
      expect(r.stderr).not.toContain('(options)');
    }
  });

  it('names expert, window and field for a bad window', async () => {
    const r = await schedule('noto.json', '{\n  "E001": [\n    {"from": "09:00"}\n  ]\n}\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/noto\.json:3: E001\.0\.to: expert E001, window 0: missing "to"/);
    const n = await schedule('num.json', '{\n  "E001": 5\n}\n');
    expect(n.stderr).toMatch(/num\.json:2: E001: expert E001: must be a list of windows/);
    const v = await schedule('rev.json', '{\n  "E001": [\n    {"from": "10:00", "to": "09:00"}\n  ]\n}\n');
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/rev\.json:3: E001\.0\.to: expert E001, window 0: "to" \(09:00\) must be after "from" \(10:00\)/);
    const iso = await schedule('iso.json', '{\n  "E001": [\n    {"from": "2031-01-05T10:00+08:00", "to": "11:00"}\n  ]\n}\n');
    expect(iso.stderr).toMatch(/iso\.json:3: E001\.0\.from: expert E001, window 0: .*ISO datetime but the event start is 'HH:MM'/);
  });

  it('accepts an overnight window', async () => {
    const r = await schedule('night.json', '{"E001": [{"from": "23:20", "to": "+1d 00:40"}]}', ['--start', '23:20', '--slot-minutes', '30']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
