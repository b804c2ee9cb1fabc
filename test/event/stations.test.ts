import { beforeAll, describe, expect, it } from 'vitest';
import { enterpriseOf, suggestStations } from '../../src/event/index.js';
import { type Matcher, ValidationError } from '../../src/index.js';
import { fixtureMatcher } from './helpers.js';

let m: Matcher;

beforeAll(() => {
  m = fixtureMatcher().m;
});

const STATION = { academician: 'academician-workstation', society: 'society-station', overseas: 'overseas-station' } as const;

/** The expected suggestions, recomputed from recommendExperts. */
function expected(topK: number, minNeeds: number): Set<string> {
  const byEnterprise = new Map<string, string[]>();
  for (const id of m.needIds()) {
    const key = enterpriseOf(m.getNeed(id)!).key;
    byEnterprise.set(key, [...(byEnterprise.get(key) ?? []), id]);
  }
  const out = new Set<string>();
  for (const [key, needs] of byEnterprise) {
    const count = new Map<string, number>();
    for (const n of needs) for (const r of m.recommendExperts(n, { topK })) count.set(r.id, (count.get(r.id) ?? 0) + 1);
    for (const [e, c] of count) {
      const kind = m.getExpert(e)!.kind;
      if (c >= minNeeds && (kind === 'academician' || kind === 'society' || kind === 'overseas')) out.add(`${key}|${e}`);
    }
  }
  return out;
}

describe('suggestStations', () => {
  it('finds the enterprises whose needs keep matching the same academician, society or overseas expert', () => {
    const s = suggestStations(m);
    expect(new Set(s.map((x) => `${x.enterpriseKey}|${x.expertId}`))).toEqual(expected(3, 2));
    // The fixtures have all three kinds of station.
    expect(new Set(s.map((x) => x.station))).toEqual(new Set(Object.values(STATION)));
    for (const x of s) {
      expect(x.station).toBe(STATION[x.kind]);
      expect(x.needIds.length).toBeGreaterThanOrEqual(2);
      const scores = x.needIds.map((n) => {
        expect(enterpriseOf(m.getNeed(n)!).key).toBe(x.enterpriseKey);
        const hit = m.recommendExperts(n, { topK: 3 }).find((r) => r.id === x.expertId);
        expect(hit, `${x.expertId} in the top 3 of ${n}`).toBeDefined();
        return hit!.score;
      });
      expect(x.meanScore).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / scores.length, 12);
      expect(x.enterprise).toBe(m.getNeed(x.needIds[0]!)!.enterprise!.name);
    }
    for (let i = 1; i < s.length; i++) {
      const [p, q] = [s[i - 1]!, s[i]!];
      expect(p.needIds.length > q.needIds.length || (p.needIds.length === q.needIds.length && p.meanScore >= q.meanScore)).toBe(true);
    }
  });

  it('is configurable: top-k, needs, kinds', () => {
    expect(new Set(suggestStations(m, { topK: 5, minNeeds: 3 }).map((x) => `${x.enterpriseKey}|${x.expertId}`))).toEqual(expected(5, 3));
    const societies = suggestStations(m, { kinds: ['society'], topK: 5 });
    expect(societies.length).toBeGreaterThan(0);
    for (const x of societies) expect(x.station).toBe('society-station');
    expect(suggestStations(m, { needIds: ['N01'] })).toEqual([]);
    expect(() => suggestStations(m, { needIds: ['N99'] })).toThrow(ValidationError);
    expect(() => suggestStations(m, { kinds: ['expert' as never] })).toThrow(/kinds/);
  });
});
