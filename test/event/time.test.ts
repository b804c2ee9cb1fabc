import { describe, expect, it } from 'vitest';
import { windowSlots } from '../../src/event/availability.js';
import { clockMinute, createClock, formatMinute } from '../../src/event/time.js';
import { jsonPathLines, lineOfPath } from '../../src/io/jsonpath.js';

describe('event clock', () => {
  it("keeps the start's form and crosses midnight", () => {
    const c = createClock('23:40');
    expect(formatMinute(c, c.startMinute)).toBe('23:40');
    expect(formatMinute(c, c.startMinute + 20)).toBe('+1d 00:00');
    const iso = createClock('2025-12-31T23:50+08:00');
    expect(formatMinute(iso, iso.startMinute + 20)).toBe('2026-01-01T00:10+08:00');
    const z = createClock('2025-06-18T09:00:30Z');
    expect(formatMinute(z, z.startMinute)).toBe('2025-06-18T09:00Z');
  });

  it('converts offsets and rejects non-times', () => {
    const c = createClock('2025-06-18T09:00+08:00');
    expect(clockMinute(c, '2025-06-18T01:30Z')).toBe(9 * 60 + 30);
    expect(clockMinute(c, '2025-06-19T09:00')).toBe(24 * 60 + 9 * 60);
    expect(clockMinute(c, '10:15')).toBe(10 * 60 + 15);
    expect(clockMinute(c, '24:00')).toBeUndefined();
    expect(clockMinute(c, '2025-02-30T09:00')).toBeUndefined();
    expect(() => createClock('9am')).toThrow(/HH:MM/);
  });

  it('maps windows to the slots that lie wholly inside them', () => {
    const c = createClock('09:00');
    expect(windowSlots(c, 20, [{ from: '09:10', to: '10:00' }], 100)).toEqual([1, 2]);
    expect(windowSlots(c, 20, [{ from: '08:00', to: '09:20' }, { from: '09:40', to: '10:00' }], 100)).toEqual([0, 2]);
    expect(windowSlots(c, 20, [{ from: '10:00', to: '09:00' }], 100)).toEqual([]);
    expect(windowSlots(c, 20, [{ from: '09:00', to: '23:00' }], 3)).toEqual([0, 1, 2]);
  });
});

describe('jsonPathLines', () => {
  it('finds the line of every value', () => {
    const text = '{\n  "a": [\n    {"b": 1},\n    {\n      "c": "x\\"y"\n    }\n  ],\n  "d": null\n}';
    const lines = jsonPathLines(text);
    expect(lines.get('a.0')).toBe(3);
    expect(lines.get('a.0.b')).toBe(3);
    expect(lines.get('a.1')).toBe(4);
    expect(lines.get('a.1.c')).toBe(5);
    expect(lines.get('d')).toBe(8);
    expect(lineOfPath(lines, 'a.1.c.zzz')).toBe(5);
  });
});
