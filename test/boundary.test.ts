/**
 * Inputs at the edges of the API: every bad value is a ValidationError naming the field, no
 * cached answer skips validation, and no batch is half-applied.
 */
import { describe, expect, it } from 'vitest';
import { assignEvent, scheduleEvent, suggestStations } from '../src/event/index.js';
import {
  DEFAULT_GRID,
  EXPERT_KINDS,
  INDUSTRIES,
  type Matcher,
  type NeedInput,
  PUBLICATION_PROFILES,
  STATION_NAMES_ZH,
  tuneWeights,
  validateQrels,
  ValidationError,
} from '../src/index.js';
import { EXPERT_FIELDS } from '../src/records.js';
import { buildReportData, renderReport } from '../src/report/index.js';
import { Side } from '../src/side.js';
import { fixtures, matcher } from './helpers.js';

function issuesOf(f: () => unknown): { index: number; path: string; message: string }[] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return [...(e as ValidationError).issues];
  }
  throw new Error('expected a ValidationError');
}

function fixtureMatcher(): Matcher {
  const { experts, needs } = fixtures();
  const m = matcher();
  m.addExperts(experts);
  m.addNeeds(needs);
  return m;
}

describe('query inputs', () => {
  const m = fixtureMatcher();
  const need: NeedInput = { id: 'Q1', title: '电机温升过高', description: '伺服电机连续运行后温升过高，需要优化散热结构。' };

  it('validates a need record before asking the result cache', () => {
    const bad = [{ ...need, bogus: undefined }, { ...need, bogus: () => 1 }, { ...need, title: 7 }];
    for (const b of bad) expect(() => m.recommendExperts(b as never)).toThrow(ValidationError);
    expect(m.recommendExperts(need).length).toBe(10); // now cached
    for (const b of bad) expect(() => m.recommendExperts(b as never)).toThrow(ValidationError);
    const expert = m.getExpert('E001')!;
    expect(m.recommendNeeds(expert).length).toBeGreaterThan(0);
    expect(() => m.recommendNeeds({ ...expert, extra: undefined } as never)).toThrow(ValidationError);
  });

  it('names the option that is wrong', () => {
    expect(issuesOf(() => m.recommendExperts(need, { topK: 0 }))[0]?.path).toBe('topK');
    expect(issuesOf(() => m.recommendExperts(need, { exclude: ['E001', 3 as never] }))[0]?.path).toBe('exclude.1');
    expect(issuesOf(() => m.recommendNeeds('E001', { kinds: ['expert'] } as never))[0]?.message).toMatch(/Unrecognized key: "kinds"/);
    expect(() => m.recommendExperts(need, null as never)).toThrow(ValidationError);
  });

  it('gives the position of a bad need in a batch', async () => {
    const err = await m.recommendExpertsBatch([need, { ...need, id: 'Q2', description: '' }], {}, { workers: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues.map((i) => [i.index, i.path])).toEqual([[1, 'description']]);
    await expect(m.recommendExpertsBatch([need], {}, { workers: 0 })).rejects.toThrow(ValidationError);
  });

  it('answers a topK beyond the number of records with every match, without sizing buffers by topK', () => {
    const all = m.recommendExperts(need, { topK: m.expertIds().length });
    expect(all.length).toBeGreaterThan(10);
    expect(m.recommendExperts(need, { topK: 1e15 })).toEqual(all);
    expect(m.recommendExperts(need, { topK: 2 ** 31 })).toEqual(all);
  });

  it('reads the side industriesOf names, and refuses any other', () => {
    expect(m.industriesOf('need', 'N01').length).toBeGreaterThan(0);
    expect(() => m.industriesOf('expert', 'N01')).toThrow(/no expert with id "N01"/);
    for (const kind of ['experts', undefined, 'needs']) expect(() => m.industriesOf(kind as never, 'N01')).toThrow(ValidationError);
  });

  it('refuses bad ids and worker counts with a ValidationError and changes nothing', async () => {
    const before = m.expertIds();
    expect(issuesOf(() => m.removeExperts('E001' as never))[0]?.message).toBe('ids must be an array of strings');
    expect(issuesOf(() => m.removeExperts(['E001', 5 as never]))[0]?.path).toBe('1');
    expect(() => m.removeExpert(5 as never)).toThrow(ValidationError);
    const extra = { id: 'EZ', name: '新专家', keywords: ['激光熔覆'] };
    for (const workers of [0, 1.5, '2']) {
      await expect(m.addExpertsParallel([extra], { workers: workers as number })).rejects.toThrow(ValidationError);
    }
    expect(m.expertIds()).toEqual(before);
  });
});

describe('capacity', () => {
  it('refuses a batch that would exceed the live-record limit before adding any of it', () => {
    const { experts } = fixtures();
    const m = matcher();
    // The real limit is 2^23 records; a side of 5 slots stands in for it.
    (m as unknown as { experts: Side<{ id: string }> }).experts = new Side(EXPERT_FIELDS, 1.2, 5);
    m.addExperts(experts.slice(0, 3));
    const issues = issuesOf(() => m.addExperts(experts.slice(3, 6)));
    expect(issues[0]?.message).toMatch(/3 \+ 3 experts exceed the limit of 5/);
    expect(m.expertIds()).toEqual(experts.slice(0, 3).map((e) => e.id));
    m.removeExperts([experts[0]!.id]);
    m.addExperts(experts.slice(3, 6)); // 2 + 3 fit once a record is gone (the side renumbers)
    expect(m.expertIds()).toEqual([...experts.slice(1, 3), ...experts.slice(3, 6)].map((e) => e.id));
  });
});

describe('report inputs', () => {
  const m = fixtureMatcher();
  const assignment = assignEvent(m, { expertsPerNeed: 1 });
  const schedule = scheduleEvent(m, assignment, { start: '14:00' });
  const stations = suggestStations(m);

  it('checks a schedule and station suggestions against the matcher', () => {
    const meeting = schedule.meetings[0]!;
    const cases: [unknown, unknown, string][] = [
      [{ ...schedule, meetings: [{ ...meeting, expertId: 'E404' }] }, undefined, 'schedule.meetings.0.expertId'],
      [{ ...schedule, meetings: [{ ...meeting, slot: 999 }] }, undefined, 'schedule.meetings.0.slot'],
      [{ ...schedule, slots: 'abc' }, undefined, 'slots'],
      [undefined, 'abc', '(options)'],
      [undefined, [{ ...stations[0]!, expertId: 'E404' }], 'stations.0.expertId'],
    ];
    expect(stations.length).toBeGreaterThan(0);
    for (const [s, st, path] of cases) {
      const opts = { assignment, ...(s !== undefined ? { schedule: s } : {}), ...(st !== undefined ? { stations: st } : {}) };
      expect(issuesOf(() => buildReportData(m, opts as never)).map((i) => i.path)).toContain(path);
    }
    expect(buildReportData(m, { assignment, schedule, stations }).schedule?.rows.length).toBeGreaterThan(0);
  });

  it('renders only report data of the right shape', () => {
    const data = buildReportData(m, { assignment, schedule, stations });
    expect(renderReport(data)).toContain('<!DOCTYPE html>');
    expect(() => renderReport({} as never)).toThrow(ValidationError);
    expect(issuesOf(() => renderReport({ ...data, coverage: [{ ...data.coverage[0]!, needs: '3' }] } as never))[0]?.path).toBe('coverage.0.needs');
  });
});

describe('tuning inputs', () => {
  it('refuses judgments that are not a list, and a missing input', async () => {
    expect(() => validateQrels('x' as never, new Set(), new Set())).toThrow(ValidationError);
    await expect(tuneWeights(null as never)).rejects.toThrow(ValidationError);
  });
});

describe('exported tables', () => {
  it('cannot be changed by one caller for every other', () => {
    expect(() => {
      (DEFAULT_GRID.k1 as unknown as number[]).push(9);
    }).toThrow(TypeError);
    expect(() => {
      (DEFAULT_GRID as unknown as { k1: number[] }).k1 = [];
    }).toThrow(TypeError);
    expect(() => {
      (INDUSTRIES[0] as { nameZh: string }).nameZh = 'x';
    }).toThrow(TypeError);
    expect(() => {
      (STATION_NAMES_ZH as Record<string, string>)['society-station'] = 'x';
    }).toThrow(TypeError);
    expect(() => {
      (PUBLICATION_PROFILES as { idfPrior: number }).idfPrior = 5;
    }).toThrow(TypeError);
    expect(() => {
      (EXPERT_KINDS as unknown as string[]).push('wizard');
    }).toThrow(TypeError);
    expect(DEFAULT_GRID.k1).toEqual([0.6, 0.9, 1.2, 1.6, 2.2, 3]);
  });
});
