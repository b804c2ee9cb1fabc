import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtures, matcher } from './helpers.js';
import { createSegmenter } from '../src/text/backends/index.js';
import type { Segmenter } from '../src/text/segmenter.js';

// The 'js' backend reimplements jieba; @node-rs/jieba (jieba-rs) is the reference it must equal.
const words = ['温升', '新材料', '永磁同步电机', '北斗导航', '增材制造'];
const js = createSegmenter('js', words);
const rs = createSegmenter('node-rs', words);

function allTexts(): string[] {
  const { experts, needs } = fixtures();
  const out: string[] = [];
  const push = (...xs: (string | undefined)[]): void => {
    for (const x of xs) if (x) out.push(x);
  };
  for (const e of experts) {
    push(e.name, e.organization, e.bio, ...(e.fields ?? []), ...(e.keywords ?? []));
    for (const p of e.publications ?? []) push(p.title, p.abstract, ...(p.keywords ?? []));
  }
  for (const n of needs) push(n.title, n.description, ...(n.keywords ?? []));
  return out;
}

/** The tokens as cutEnds reports them: offsets, with the string of each dictionary word id. */
function viaEnds(s: Segmenter, text: string, seen: Map<number, string>): string[] {
  const ends = new Int32Array(text.length);
  const words = new Int32Array(text.length);
  const n = s.cutEnds?.(text, ends, words) ?? 0;
  const out: string[] = [];
  for (let k = 0, at = 0; k < n; at = ends[k] as number, k++) {
    const w = text.slice(at, ends[k]);
    const id = words[k] as number;
    if (id >= 0) {
      // An id always denotes the same word.
      expect(seen.get(id) ?? w).toBe(w);
      seen.set(id, w);
    }
    out.push(w);
  }
  return out;
}

describe('the js segmenter (jieba in plain JavaScript)', () => {
  it('cuts every fixture text exactly as @node-rs/jieba does, with and without the HMM', () => {
    const texts = allTexts();
    expect(texts.length).toBeGreaterThan(500);
    const seen = new Map<number, string>();
    for (const t of texts) {
      expect(js.cut(t)).toEqual(rs.cut(t));
      expect(js.cutDict(t)).toEqual(rs.cutDict(t));
      expect(viaEnds(js, t, seen)).toEqual(js.cut(t));
    }
    expect(seen.size).toBeGreaterThan(1000);
  });

  it('matches jieba on numbers, alloys, line breaks, spaces and characters beyond the BMP', () => {
    const cases = [
      '6-12wt%的WC-Co涂层，Ti-6Al-4V钛合金，增长3.5%，BDS-3 应用',
      'WiFi与5G共存干扰分析，Tj为60-120K的加速功率循环',
      '第一行\r\n第二行\n\n  两个空格\t制表符',
      '𠀀𠀁测试，“引号”……省略号——破折号',
      '永磁同步电机温升过高，绕组发黑；新材料产业园的北斗导航终端',
      'abc_def+g#h&i.j%k-l 混合 a1b2c3 Q235钢 304不锈钢',
      '',
      '。',
    ];
    for (const t of cases) {
      expect(js.cut(t)).toEqual(rs.cut(t));
      expect(js.cutDict(t)).toEqual(rs.cutDict(t));
    }
    expect(js.cut('6-12wt%的涂层')).toEqual(['6-12', 'wt%', '的', '涂层']);
  });

  it('equals jieba on random text of Chinese, ASCII, digits, punctuation and spaces', () => {
    const seen = new Map<number, string>();
    const alphabet = [...'电机温升新材料的了是不锈钢永磁同步北斗导航增材制造轴承齿轮磨损腐蚀涂层焊缝检测数据系统我们公司需要解决问题', ...'abcXYZ0123456789', ...'.-+#&_%', ...'，。、；：！？“”（）《》 \t\n\r', '𠀀', '𠮷', '龘', '㐀'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }), (chars) => {
        const t = chars.join('');
        expect(js.cut(t)).toEqual(rs.cut(t));
        expect(js.cutDict(t)).toEqual(rs.cutDict(t));
        // Tokens cover the text, and the offsets are those of the tokens.
        expect(js.cut(t).join('')).toBe(t);
        expect(viaEnds(js, t, seen)).toEqual(js.cut(t));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the words of each instance to itself', () => {
    const plain = createSegmenter('js', []);
    const plainRs = createSegmenter('node-rs', []);
    expect(plain.cut('电机温升过高')).toEqual(plainRs.cut('电机温升过高'));
    expect(plain.cut('电机温升过高')).not.toContain('温升');
    expect(js.cut('电机温升过高')).toEqual(['电机', '温升', '过高']);
    expect(plain.cut('永磁同步电机')).not.toEqual(['永磁同步电机']);
    expect(js.cut('永磁同步电机')).toEqual(['永磁同步电机']);
  });
});

describe('the js segmenter at the edges', () => {
  it('takes the supplementary Chinese ranges of jieba-rs into blocks, and no other code points', () => {
    for (const cp of [0x20000, 0x2a6df, 0x2a6e0, 0x2a6ff, 0x2a700, 0x2ebef, 0x2ebf0, 0x2f7ff, 0x2f800, 0x2fa1f, 0x2fa20, 0x1f600]) {
      const ch = String.fromCodePoint(cp);
      for (const t of [`㐀${ch}`, `鍀${ch}1${ch}2%鑫`, `${ch}${ch}电机`]) {
        expect(js.cut(t)).toEqual(rs.cut(t));
        expect(js.cutDict(t)).toEqual(rs.cutDict(t));
      }
    }
  });

  it('reads a dictionary word with a lone surrogate as @node-rs/jieba does (U+FFFD)', () => {
    const a = createSegmenter('js', ['\uD840']);
    const b = createSegmenter('node-rs', ['\uD840']);
    expect(a.cutDict('中𠀀国')).toEqual(b.cutDict('中𠀀国'));
    expect(a.cut('中𠀀国')).toEqual(['中', '𠀀', '国']);
  });

  it('cuts a very long text as jieba does, and a short one the same afterwards', () => {
    const long = '永磁同步电机温升过高，绕组发黑；鍀鑫龘'.repeat(6000);
    expect(js.cut(long)).toEqual(rs.cut(long));
    expect(js.cut('电机温升')).toEqual(rs.cut('电机温升'));
  });
});

describe('the analyzer on token offsets', () => {
  // The js backend reports offsets and word ids (analyzeEnds); node-rs gives strings (analyzePlain).
  // With the same cuts, the two paths must give the same tokens.
  const onJs = matcher({ segmenter: 'js' });
  const onRs = matcher({ segmenter: 'node-rs' });

  it('gives the tokens of the string path on every fixture text', () => {
    for (const t of allTexts()) expect(onJs.analyze(t)).toEqual(onRs.analyze(t));
  });

  it('gives the tokens of the string path on random mixed text, twice (word ids remembered)', () => {
    const alphabet = [...'电机温升新材料的了是不锈钢永磁同步北斗导航增材制造轴承系统技术', ...'abcXYZ019', ...' -/&.+#%', ...'，。、；“”（）', 'machine vision ', 'fuel cells ', '304不锈钢', 'IGBT模块', '機器視覺', '𠀀'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (parts) => {
        const t = parts.join('');
        expect(onJs.analyze(t)).toEqual(onRs.analyze(t));
        expect(onJs.analyze(t)).toEqual(onRs.analyze(t));
      }),
      { numRuns: 500 },
    );
  });
});
