import { describe, expect, it } from 'vitest';
import { loadMatcher, type Matcher, type MatcherOptions, type Recommendation } from '../src/index.js';
import { matcher } from './helpers.js';

// jieba keeps 永磁同步电机, 锂离子电池 and 燃料电池 whole: without the compound expansion a need that
// says only 电机 or 电池 shares no term with these profiles.
const EXPERTS = [
  { id: 'E1', name: '甲', bio: '永磁同步电机控制器设计' },
  { id: 'E2', name: '乙', bio: '电机轴承故障诊断' },
  { id: 'E3', name: '丙', bio: '锂离子电池正极材料' },
  { id: 'E4', name: '丁', bio: '燃料电池电堆与氢能' },
];

function build(options?: MatcherOptions): Matcher {
  const m = matcher(options);
  m.addExperts(EXPERTS);
  return m;
}

const ask = (m: Matcher, description: string): Recommendation[] => m.recommendExperts({ id: 'q', description });
const ids = (rs: Recommendation[]): string[] => rs.map((r) => r.id);
const matched = (r: Recommendation | undefined): string[] => (r?.explanation.terms ?? []).map((t) => (t.via ? `${t.term}←${t.via}` : t.term));

describe('compound expansion: a query word also finds the longer words that contain it', () => {
  for (const segmenter of ['node-rs', 'nodejieba'] as const) {
    it(`finds 永磁同步电机 for 电机 and 锂离子电池, 燃料电池 for 电池 (${segmenter})`, () => {
      const m = build({ segmenter });
      const motor = ask(m, '电机');
      // The profile that says 电机 itself comes first; the compound is found at a lower score.
      expect(ids(motor)).toEqual(['E2', 'E1']);
      expect(matched(motor[1])).toEqual(['永磁同步电机←电机']);
      const battery = ask(m, '电池');
      expect(ids(battery)).toEqual(['E3', 'E4']);
      expect(matched(battery[0])).toEqual(['锂离子电池←电池']);
      expect(matched(battery[1])).toEqual(['燃料电池←电池']);
      for (const r of [...motor, ...battery]) {
        const parts = [...r.explanation.terms, ...r.explanation.industries].reduce((s, t) => s + t.weight, 0);
        expect(parts).toBeCloseTo(r.score, 12);
      }
    });
  }

  it('is an option: factor 0 turns it off', () => {
    const m = build({ expansion: { compound: 0 } });
    expect(ask(m, '电池')).toEqual([]);
    expect(ids(ask(m, '电机'))).toEqual(['E2']);
  });

  it('expands only the words the index lacks in a long need', () => {
    const m = build();
    // Twelve words, 电机 among them: 电机 is in the index (E2), so 永磁同步电机 is not reached.
    const motor = ask(m, '电机轴承振动噪声大，温升高，绕组绝缘老化，冷却风扇异响，机壳发烫');
    expect(ids(motor)).toEqual(['E2']);
    // Eleven words, 电池 among them, and no profile says 电池 on its own: its compounds are searched.
    const battery = ask(m, '储能系统的电池寿命短，充放电效率低，低温容量衰减明显，存在热失控风险，电芯一致性差');
    expect(ids(battery)).toEqual(['E3', 'E4']);
    expect(matched(battery[0])).toEqual(['锂离子电池←电池']);
  });

  it('searches the words inside a query word the index lacks', () => {
    const m = matcher();
    m.addExperts(EXPERTS.filter((e) => e.id !== 'E1'));
    // No profile says 永磁同步电机: its part 电机 is searched (E2); with E1 there, only E1 is found.
    const found = ask(m, '永磁同步电机');
    expect(ids(found)).toEqual(['E2']);
    expect(matched(found[0])).toEqual(['电机←永磁同步电机']);
    expect(ids(ask(build(), '永磁同步电机'))).toEqual(['E1']);
  });

  it('follows adds, removes and snapshot loads', () => {
    const m = build();
    expect(ids(ask(m, '电池'))).toEqual(['E3', 'E4']);
    m.addExperts([{ id: 'E5', name: '戊', bio: '钠离子电池' }]);
    expect(ids(ask(m, '电池'))).toEqual(['E5', 'E3', 'E4']);
    const loaded = loadMatcher(m.toBinary());
    expect(ask(loaded, '电池')).toEqual(ask(m, '电池'));
    m.removeExpert('E3');
    expect(ids(ask(m, '电池'))).toEqual(['E5', 'E4']);
  });
});
