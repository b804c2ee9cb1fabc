import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type ExpertInput, InnomatchError, type NeedInput, SnapshotError, ValidationError } from '../src/index.js';
import { expertTextStats } from '../src/validate.js';
import { matcher } from './helpers.js';

const expert = (id: string, extra: Partial<ExpertInput> = {}): ExpertInput => ({
  id,
  name: '张工',
  fields: ['焊接机器人', '焊缝跟踪'],
  bio: '长期从事焊接机器人离线编程与焊缝视觉跟踪研究。',
  ...extra,
});
const need = (id: string, extra: Partial<NeedInput> = {}): NeedInput => ({
  id,
  title: '焊接机器人焊缝跟踪',
  description: '我公司工程机械结构件焊接需要焊缝自动跟踪，寻求焊接机器人视觉方案。',
  ...extra,
});

function issuesOf(fn: () => void): { index: number; id?: string; path: string; message: string }[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return [...(e as ValidationError).issues];
  }
  throw new Error('expected a ValidationError');
}

describe('input validation', () => {
  it('rejects a whole batch when any record is bad, and names every bad record', () => {
    const m = matcher();
    const issues = issuesOf(() =>
      m.addExperts([
        expert('E1'),
        { name: '无编号' } as unknown as ExpertInput,
        expert('E1'),
        expert('E4', { industries: ['aerospace' as never] }),
        expert('E5', { capacity: 'three' as never }),
        expert('__proto__'),
        { id: 'E7', name: '空白', fields: [], bio: '   ' },
        expert('E8', { disciplines: ['材料科学与工程'] }),
        expert('E9', { disciplines: ['0805', '0805'] }),
        expert('E10', { disciplines: ['0805', '0812', '0811', '0802'] }),
        expert('E11', { disciplines: [] }),
      ]),
    );
    expect(issues.map((i) => [i.index, i.path])).toEqual([
      [1, 'id'],
      [2, 'id'],
      [3, 'industries.0'],
      [4, 'capacity'],
      [5, 'id'],
      [6, '(record)'],
      [7, 'disciplines.0'],
      [8, 'disciplines'],
      [9, 'disciplines'],
      [10, 'disciplines'],
    ]);
    expect(issues[6]).toMatchObject({ id: 'E8', message: expect.stringContaining('0805') });
    expect(issues[8]).toMatchObject({ message: expect.stringContaining('at most 3') });
    expect(issues[1]).toMatchObject({ id: 'E1', message: expect.stringContaining('duplicate') });
    expect(m.expertIds()).toEqual([]);
  });

  it('rejects ids already in the matcher and leaves the index unchanged', () => {
    const m = matcher();
    m.addExperts([expert('E1')]);
    const issues = issuesOf(() => m.addExperts([expert('E2'), expert('E1')]));
    expect(issues).toEqual([{ index: 1, id: 'E1', path: 'id', message: 'id is already in the matcher' }]);
    expect(m.expertIds()).toEqual(['E1']);
  });

  it('rejects empty and oversized need text, and unknown fields', () => {
    const m = matcher();
    const issues = issuesOf(() =>
      m.addNeeds([
        need('N1', { description: '  ' }),
        need('N2', { description: '长'.repeat(20_001) }),
        { ...need('N3'), budget: 10 } as unknown as NeedInput,
        need('N4', { keywords: [42 as never] }),
      ]),
    );
    expect(issues.map((i) => [i.index, i.path])).toEqual([
      [0, 'description'],
      [1, 'description'],
      [2, '(record)'],
      [3, 'keywords.0'],
    ]);
    expect(m.needIds()).toEqual([]);
  });

  it('accepts a profile with 50 publications of 300 characters', () => {
    const m = matcher();
    const abstract = '本文研究了碳纤维复合材料层合板在湿热环境下的界面性能退化机理，'.repeat(10).slice(0, 300);
    const publications = Array.from({ length: 50 }, (_, i) => ({ title: `碳纤维复合材料研究${i}`, abstract, year: 2000 + (i % 25) }));
    m.addExperts([expert('E1', { publications })]);
    expect(m.expertIds()).toEqual(['E1']);
  });

  it('refuses a non-array batch', () => {
    const m = matcher();
    expect(() => m.addNeeds({} as never)).toThrow(ValidationError);
  });

  it('treats bad query options and unknown ids as errors, not defaults', () => {
    const m = matcher();
    m.addExperts([expert('E1')]);
    m.addNeeds([need('N1')]);
    for (const topK of [0, -1, 1.5, Number.NaN, '5']) {
      expect(() => m.recommendExperts('N1', { topK: topK as number })).toThrow(ValidationError);
      expect(() => m.recommendExperts('N1', { topK: topK as number })).toThrow(/topK/);
    }
    expect(() => m.recommendExperts('N404')).toThrow(InnomatchError);
    expect(() => m.recommendNeeds('E404')).toThrow(/no expert with id "E404"/);
    expect(() => m.recommendExperts('N1', { kinds: ['wizard' as never] })).toThrow(/kinds/);
    expect(() => m.recommendExperts('N1', { industries: ['space' as never] })).toThrow(/industries/);
    expect(() => m.recommendExperts('N1', { minScore: Number.NaN })).toThrow(/minScore/);
    expect(() => m.recommendExperts('N1', { top: 3 } as never)).toThrow(/Unrecognized key: "top"/);
    expect(() => m.recommendExperts({ id: 'Q', description: '' })).toThrow(ValidationError);
  });

  it('rejects bad matcher options', () => {
    expect(() => matcher({ k1: -1 })).toThrow(ValidationError);
    expect(() => matcher({ segmenter: 'hanlp' as never })).toThrow(ValidationError);
    expect(() => matcher({ profileModel: 'lsa' as never })).toThrow(/profileModel/);
    expect(() => matcher({ charBigrams: 'yes' as never })).toThrow(/charBigrams/);
  });

  it('refuses snapshots from another version or with a broken checksum', async () => {
    const { loadMatcher } = await import('../src/index.js');
    const m = matcher();
    m.addExperts([expert('E1')]);
    const snap = m.toJSON();
    expect(() => loadMatcher({ ...snap, version: 99 })).toThrow(/version 99/);
    expect(() => loadMatcher({ ...snap, experts: [] })).toThrow(SnapshotError);
    expect(() => loadMatcher('{not json')).toThrow(/not valid JSON/);
    expect(() => loadMatcher({ hello: 'world' })).toThrow(SnapshotError);
  });
});

describe('profile text checks', () => {
  it('measure the joined text without building it: same length and emptiness as the joined string', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '电', ' ', '\u3000', '\n', '\ufeff', '\u00a0', '\u2003'), maxLength: 6 });
    const texts = fc.array(text, { maxLength: 3 });
    fc.assert(
      fc.property(texts, texts, fc.option(text, { nil: undefined }), fc.array(fc.record({ title: text, abstract: fc.option(text, { nil: undefined }), keywords: fc.option(texts, { nil: undefined }) }), { maxLength: 3 }), (fields, keywords, bio, pubs) => {
        const e = { id: 'E', name: 'n', fields, keywords, ...(bio !== undefined ? { bio } : {}), publications: pubs.map((p) => ({ title: p.title, ...(p.abstract !== undefined ? { abstract: p.abstract } : {}), ...(p.keywords !== undefined ? { keywords: p.keywords } : {}) })) };
        const parts: string[] = [...fields, ...keywords, bio ?? ''];
        for (const p of e.publications) parts.push(p.title, p.abstract ?? '', ...(p.keywords ?? []));
        const joined = parts.join(' ');
        expect(expertTextStats(e)).toEqual({ length: joined.length, blank: joined.trim().length === 0 });
      }),
      { numRuns: 500 },
    );
  });
});
