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
  for (const segmenter of ['js', 'node-rs', 'nodejieba'] as const) {
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
        const parts = [...r.explanation.terms, ...r.explanation.industries, ...(r.explanation.disciplines ?? [])].reduce((s, t) => s + t.weight, 0);
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

  it('searches the words a query word is made of: always in a short query, for missing words in a long one', () => {
    const m = matcher();
    m.addExperts(EXPERTS.filter((e) => e.id !== 'E1'));
    // No profile says 永磁同步电机: its part 电机 is searched (E2).
    const found = ask(m, '永磁同步电机');
    expect(ids(found)).toEqual(['E2']);
    expect(matched(found[0])).toEqual(['电机←永磁同步电机']);
    // With E1 there, E1 comes first and E2 still follows through 电机.
    expect(ids(ask(build(), '永磁同步电机'))).toEqual(['E1', 'E2']);
  });

  it('weighs a compound at `compound` / 3 of the word, whatever other profiles hold', () => {
    const m = matcher();
    m.addExperts([
      { id: 'A', name: '甲', bio: '电机绕组绝缘老化与温升分析' },
      { id: 'B', name: '乙', bio: '永磁同步电机、异步电机、牵引电机、伺服电机、步进电机、轮毂电机的研究。' },
      { id: 'P', name: '丙', bio: '永磁同步电机' },
    ]);
    const r = ask(m, '电机');
    // Six compounds at 0.2 / 3 each: B stays well below the profile that says 电机.
    expect(ids(r)).toEqual(['A', 'B', 'P']);
    expect(r[1]!.score).toBeLessThan(0.5 * r[0]!.score);
    // More profiles with other compounds of 电机 do not lower P's score (the share stops at 3).
    const p = r.find((x) => x.id === 'P')!.score;
    m.addExperts(['感应电机', '直线电机', '无刷电机', '开关磁阻电机'].map((bio, i) => ({ id: `M${i}`, name: '丁', bio })));
    expect(ask(m, '电机').find((x) => x.id === 'P')!.score).toBe(p);
  });

  for (const segmenter of ['js', 'node-rs', 'nodejieba'] as const) {
    it(`takes parts at either end of a word, never across its words (${segmenter})`, () => {
      const m = matcher({ segmenter });
      m.addExperts([
        { id: 'F', name: '甲', bio: '质子交换膜燃料电池电堆' },
        { id: 'C', name: '乙', bio: '碳纤维复合材料成型' },
        { id: 'X', name: '丙', bio: '提高成功率与稳定性，无人机巡检，风电机组运维，白酒酒精度检测' },
        { id: 'S', name: '丁', bio: '不锈钢' },
      ]);
      // A four-character word at the end of a longer one.
      expect(ids(ask(m, '燃料电池'))).toEqual(['F']);
      expect(ids(ask(m, '复合材料'))).toEqual(['C']);
      // 功率 in 成功率, 定性 in 稳定性, 人机 in 无人机, 电机 in 风电机组 cross the words of the term.
      // A three-character term has no two-character part: 精度 is not found in 酒精度.
      for (const q of ['功率', '定性', '人机', '电机', '精度']) expect(ask(m, q), q).toEqual([]);
      // A meaningful single character at one end is a part.
      expect(ids(ask(m, '钢'))).toEqual(['S']);
    });
  }

  it('counts words, not character pairs, towards a short query (charBigrams)', () => {
    // Five words (and their character pairs): every word is expanded, so E1 is found through
    // 永磁同步电机 although 电机 itself is in the index (E2).
    const m = build({ charBigrams: true });
    const r = ask(m, '电机轴承振动噪声温升');
    expect(matched(r.find((x) => x.id === 'E1'))).toContain('永磁同步电机←电机');
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
