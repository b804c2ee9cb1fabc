import { describe, expect, it } from 'vitest';
import { matcher } from './helpers.js';
import { type ExplanationTerm, explanationTermText, loadMatcher, ValidationError } from '../src/index.js';

const backends = ['js', 'node-rs', 'nodejieba'] as const;

describe.each(backends)('text pipeline on the %s segmenter', (segmenter) => {
  const m = matcher({ segmenter });

  it('keeps domain terms whole', () => {
    const tokens = m.analyze('新材料产业园引进碳纤维复合材料与增材制造项目，电机温升超标，北斗导航终端');
    for (const term of ['新材料', '碳纤维复合材料', '增材制造', '温升', '北斗导航']) expect(tokens).toContain(term);
  });

  it('drops function words and the boilerplate of need forms and abstracts', () => {
    const tokens = m.analyze('本文研究了一种方法。我公司希望寻求合作，需求如下：解决焊缝气孔问题');
    for (const stop of ['本文', '研究', '方法', '希望', '合作', '需求', '的', '了']) expect(tokens).not.toContain(stop);
    expect(tokens).toContain('焊缝');
    expect(tokens).toContain('气孔');
  });

  it('folds full-width characters, Traditional Chinese and case', () => {
    expect(m.analyze('ＩＧＢＴ模块　碳纖維複合材料')).toEqual(m.analyze('igbt模块 碳纤维复合材料'));
    expect(m.analyze('機器視覺')).toEqual(m.analyze('机器视觉'));
    // Character-level conversion only: mainland vocabulary is never rewritten (程序 is not 进程).
    expect(m.analyze('驱动程序与支持向量机')).toEqual(['驱动程序', '支持向量机']);
  });

  it('keeps meaningful numbers and units, drops bare measurements', () => {
    const tokens = m.analyze('采用5G通信与IGBT模块，304不锈钢外壳，耐温200℃，精度0.1mm');
    expect(tokens).toEqual(expect.arrayContaining(['5g', 'igbt', '304不锈钢']));
    expect(tokens).not.toContain('200');
    expect(tokens).not.toContain('0.1mm');
  });

  it('stems English words and keeps glossary phrases as one token', () => {
    const tokens = m.analyze('Machine vision for welding robots; fuel cells and additive manufacturing');
    expect(tokens).toEqual(expect.arrayContaining(['machine vision', 'fuel cell', 'additive manufacturing']));
    expect(m.analyze('welding of pipes')).toEqual(['weld', 'pipe']);
    expect(tokens).not.toContain('for');
  });

  it('segments identically whatever the backend for ASCII text', () => {
    expect(m.analyze('ROS SLAM on AGV with 5G and c++')).toEqual(['ros', 'slam', 'agv', '5g', 'c++']);
  });
});

describe('per-matcher dictionaries', () => {
  it('lets two matchers with different dictionaries coexist on each backend', () => {
    for (const segmenter of backends) {
      const plain = matcher({ segmenter });
      const custom = matcher({ segmenter, dictionary: ['湘莲深加工'] });
      expect(custom.analyze('湘莲深加工工艺')).toContain('湘莲深加工');
      expect(plain.analyze('湘莲深加工工艺')).not.toContain('湘莲深加工');
      // The first matcher is unaffected after the second one was created.
      expect(matcher({ segmenter }).analyze('湘莲深加工工艺')).not.toContain('湘莲深加工');
    }
  });

  it('accepts extra stopwords and synonyms', () => {
    const m = matcher({ stopwords: ['湘潭'], synonyms: [['湘莲', 'xianglian']] });
    expect(m.analyze('湘潭湘莲')).toEqual(['湘莲']);
    m.addExperts([{ id: 'E1', name: 'Dr. Li', fields: ['xianglian processing'], bio: 'Xianglian lotus seed drying.' }]);
    const recs = m.recommendExperts({ id: 'Q', description: '湘莲干燥' });
    expect(recs[0]?.id).toBe('E1');
    expect(recs[0]?.explanation.terms.some((t) => t.term === 'xianglian' && t.via === '湘莲')).toBe(true);
  });
});

describe('English words that share a Porter stem with a domain word', () => {
  const m = matcher();
  it('keep domain words apart from everyday words', () => {
    const pairs: [string, string][] = [
      ['generators', 'general generation'],
      ['positioning', 'positive'],
      ['separator', 'separate'],
      ['hardness', 'hard'],
      ['cutting', 'cut'],
      ['weatherability', 'weather'],
      ['gear reducer', 'reduces noise'],
    ];
    for (const [domain, everyday] of pairs) {
      const a = new Set(m.analyze(domain));
      expect(m.analyze(everyday).filter((t) => a.has(t)), `${domain} / ${everyday}`).toEqual([]);
    }
    expect(m.classify('The weather is nice today')).toEqual([]);
    expect(m.classify('a new generation of general managers')).toEqual([]);
  });

  it('still match the Chinese term through the glossary', () => {
    expect(m.classify('diesel generators')[0]?.code).toBe('new-power');
    expect(m.classify('battery separator')[0]?.code).toBe('new-energy');
    expect(m.classify('GNSS positioning')[0]?.code).toBe('beidou');
    m.addExperts([
      { id: 'G1', name: 'A', kind: 'overseas', bio: 'Vibration and bearings of generators in hydropower plants.' },
      { id: 'G2', name: 'B', kind: 'overseas', bio: 'General vibration theory for the next generation of students.' },
    ]);
    const recs = m.recommendExperts({ id: 'Q', description: '发电机振动过大，轴承发热' });
    expect(recs.map((r) => r.id)).toEqual(['G1', 'G2']); // G2 through vibration only
    const termsOf = (id: string) => recs.find((r) => r.id === id)!.explanation.terms.map((t) => t.term);
    expect(termsOf('G1')).toContain('generator');
    expect(termsOf('G2')).not.toContain('gener');
    expect(termsOf('G2')).not.toContain('generator');
  });
});

describe('explanation labels: terms in the words a reader wrote', () => {
  const m = matcher();
  m.addExperts([{ id: 'O1', name: 'Dr. Weber', kind: 'overseas', bio: 'Motor noise and vibration; lubrication of gearboxes; porous coatings.' }]);
  const terms = (description: string) => m.recommendExperts({ id: 'q', description })[0]?.explanation.terms ?? [];

  it('labels a stemmed synonym with the glossary word and a stemmed query word with the query word', () => {
    // A Chinese need: the English index forms (nois, lubric) are labelled from the glossary.
    expect(terms('齿轮箱润滑不良，噪音大').map((t) => [t.term, t.label, t.via])).toEqual(
      expect.arrayContaining([
        ['nois', 'noise', '噪音'],
        ['lubric', 'lubrication', '润滑'],
      ]),
    );
    // An English need: the label is the need's own word; a word that is its own index form has none.
    const own = terms('lubricating oil for the motor');
    expect(own.find((t) => t.term === 'lubric')?.label).toBe('lubricating');
    expect(own.find((t) => t.term === 'motor')).toEqual({ term: 'motor', weight: expect.any(Number) });
    expect(explanationTermText({ term: 'nois', weight: 1, via: '噪音', label: 'noise' })).toBe('noise←噪音');
    expect(explanationTermText({ term: 'lubric', weight: 1, via: 'oil', label: 'lubricating', viaLabel: 'oil' }, (a, b) => `${a}(${b})`)).toBe('lubricating(oil)');
    expect(() => explanationTermText({ weight: 1 } as unknown as ExplanationTerm)).toThrow(ValidationError);
    expect(() => explanationTermText({ term: 'nois', weight: 1, label: 3 } as unknown as ExplanationTerm)).toThrow(/label/);
    expect(() => explanationTermText({ term: 'nois', weight: 1 }, 'x' as unknown as (a: string, b: string) => string)).toThrow(/join/);
  });

  it('gives the same labels in batches and after a snapshot load', async () => {
    const need = { id: 'q', description: '齿轮箱润滑不良，噪音大 lubricating' };
    const single = m.recommendExperts(need);
    expect((await m.recommendExpertsBatch([need], {}, { workers: 1 }))[0]).toEqual(single);
    expect(loadMatcher(m.toBinary()).recommendExperts(need)).toEqual(single);
  });
});
