import { describe, expect, it } from 'vitest';
import { createMatcher, loadMatcher, ValidationError } from '../src/index.js';
import { resolveOptions } from '../src/config.js';
import { buildPipeline } from '../src/prepare.js';
import { createSegmenter } from '../src/text/backends/index.js';
import { DISCIPLINE_CODES, DISCIPLINES } from '../src/taxonomy/disciplines/index.js';
import { DISCIPLINE_SLOTS, disciplinesOfRow, evidenceOf, INDUSTRY_DIM, ROW_DIM, taxonomyRow } from '../src/taxonomy/row.js';
import { Vocabulary } from '../src/index/vocabulary.js';

const options = resolveOptions({});
const pipeline = buildPipeline(options, (words) => createSegmenter(options.segmenter, words));

function top(text: string): string[] {
  const ev = pipeline.disciplines.evidenceOfFields([[...pipeline.analyzer.analyze(text)]]);
  return disciplinesOfRow(taxonomyRow(new Float64Array(INDUSTRY_DIM), ev)).map((d) => DISCIPLINE_CODES[d.index] as string);
}

describe('discipline vocabularies', () => {
  it('are one entry per catalogue code, each with a substantial vocabulary of its own', () => {
    expect(new Set(DISCIPLINE_CODES).size).toBe(DISCIPLINES.length);
    expect(DISCIPLINES.length).toBeGreaterThanOrEqual(100);
    for (const d of DISCIPLINES) {
      expect(d.code).toMatch(/^\d{4}$/);
      expect(new Set(d.terms).size, d.name).toBe(d.terms.length);
      expect(d.terms.length, d.name).toBeGreaterThanOrEqual(90);
      expect(d.terms.every((t) => t.trim() === t && t.length >= 2), d.name).toBe(true);
    }
  });
});

describe('discipline classification', () => {
  it('names the discipline of real research text first', () => {
    expect(top('采用选区激光熔化制备钛合金试样，研究热处理对显微组织、晶粒尺寸和抗拉强度的影响，并用透射电镜观察析出相。')[0]).toBe('0805');
    expect(top('基于北斗与GPS组合的精密单点定位，分析对流层延迟和整周模糊度固定对定位精度的影响。')[0]).toBe('0816');
    expect(top('肝郁脾虚证患者的舌象与脉象特征，探讨疏肝健脾治法的辨证论治规律。')[0]).toBe('1005');
  });

  it('finds a term inside a longer token and a term the segmenter splits', () => {
    // 晶界偏析 analyses to two tokens; 钛合金粉末 is one token holding 钛合金.
    const split = pipeline.analyzer.analyze('晶界偏析');
    expect(split.length).toBeGreaterThan(1);
    expect(top('晶界偏析')[0]).toBe('0805');
    expect(top('钛合金粉末')[0]).toBe('0805');
  });

  it('counts an English glossary word for the discipline of its Chinese synonym, and English acronyms only as whole words', () => {
    expect(top('corrosion of titanium alloy coatings')[0]).toBe('0805');
    // DIC (digital image correlation) is a term of 力学; it is not found inside "medicine".
    expect(top('DIC measurement of strain')).toContain('0801');
    expect(top('traditional medicine')).not.toContain('0801');
  });

  it('does not take a term\'s last word for the term when its other words are stopwords', () => {
    // 社会支持 analyses to 社会 (支持 is a stopword), 国际关系 to 国际, 技术进步 to 进步: such
    // terms are left out, so these everyday words are no discipline's evidence.
    expect(pipeline.analyzer.analyze('社会支持')).toEqual(['社会']);
    expect(top('社会各界关注国际形势和技术进步，市场结构正在变化。')).toEqual([]);
    // A term found whole still counts.
    expect(top('流动人口的社会支持网络与代际关系')[0]).toBe('0303');
  });

  it('finds no discipline in text without vocabulary', () => {
    expect(top('Please send us the signed form before Monday.')).toEqual([]);
    expect(top('请于下周一前提交报名表，联系人电话另行通知。')).toEqual([]);
  });

  it('counts words, not the character pairs of charBigrams', () => {
    const pairs = resolveOptions({ charBigrams: true });
    const withPairs = buildPipeline(pairs, (words) => createSegmenter(pairs.segmenter, words));
    for (const t of ['采用选区激光熔化制备钛合金试样，晶界偏析与析出相', '肝郁脾虚证的舌象与脉象，疏肝健脾', '电机温升与绕组绝缘老化']) {
      const tokens = [...withPairs.analyzer.analyze(t)];
      expect(tokens.some((x) => x.startsWith('#'))).toBe(true);
      const a = [...withPairs.disciplines.evidenceOfFields([tokens]).values];
      const b = [...pipeline.disciplines.evidenceOfFields([[...pipeline.analyzer.analyze(t)]]).values];
      expect(a).toEqual(b);
      expect(a.some((x) => x > 0)).toBe(true);
    }
  });

  it('gives the same evidence from term ids as from tokens', () => {
    const vocab = new Vocabulary();
    const texts = ['采用选区激光熔化制备钛合金试样，晶界偏析与析出相', '肝郁脾虚证的舌象与脉象，疏肝健脾', '北斗精密单点定位与对流层延迟，InSAR 形变监测'];
    for (const t of texts) {
      const fields = [[...pipeline.analyzer.analyze(t)], [...pipeline.analyzer.analyze(t.slice(3))]];
      const ids = fields.map((f) => Int32Array.from(f, (x) => vocab.intern(x)));
      const slots = Int32Array.from(vocab.all(), (x) => pipeline.disciplines.termSlot(x));
      const fromFields = pipeline.disciplines.evidenceOfFields(fields);
      const a = [...fromFields.values];
      const aTouched = fromFields.touched.slice(0, fromFields.count);
      const b = pipeline.disciplines.evidenceOfIds(ids, slots, vocab.all());
      expect([...b.values]).toEqual(a);
      expect(b.touched.subarray(0, b.count)).toEqual(aTouched);
      expect(a.some((x) => x > 0)).toBe(true);
    }
  });

  it('keeps the largest disciplines of a unit vector in the row, largest first', () => {
    const ev = new Float64Array(DISCIPLINES.length);
    ev[5] = 3;
    ev[2] = 4;
    ev[9] = 1;
    ev[7] = 0.5;
    const row = taxonomyRow(new Float64Array(INDUSTRY_DIM), evidenceOf(ev));
    expect(row.length).toBe(ROW_DIM);
    const norm = Math.sqrt(9 + 16 + 1 + 0.25);
    expect(disciplinesOfRow(row)).toEqual([
      { index: 2, weight: 4 / norm },
      { index: 5, weight: 3 / norm },
      { index: 9, weight: 1 / norm },
    ].slice(0, DISCIPLINE_SLOTS));
    expect(disciplinesOfRow(taxonomyRow(new Float64Array(INDUSTRY_DIM), evidenceOf(new Float64Array(DISCIPLINES.length))))).toEqual([]);
  });
});

describe('discipline agreement in the score', () => {
  const experts = [
    // Both share the need's words 涂层 and 结合强度 once; one writes as a materials scientist, one as a clinician.
    { id: 'mat', name: '甲', bio: '涂层结合强度。主要从事显微组织、晶界、析出相与热处理研究，熟悉透射电镜和X射线衍射表征。' },
    { id: 'med', name: '乙', bio: '涂层结合强度。主要从事患者随访、临床试验与护理干预研究，熟悉病例对照和队列研究设计。' },
  ];
  const need = { id: 'n', description: '钛合金涂层结合强度不够，热处理后显微组织与晶界析出相如何调控？' };

  it('ranks the expert of the need\'s discipline first and explains the part', () => {
    const m = createMatcher();
    m.addExperts(experts);
    const recs = m.recommendExperts(need);
    expect(recs.map((r) => r.id)[0]).toBe('mat');
    const e = recs[0]?.explanation;
    expect(e?.disciplines?.[0]?.code).toBe('0805');
    expect(e?.disciplines?.[0]?.name).toBe('材料科学与工程');
    const sum = (e?.terms ?? []).reduce((s, t) => s + t.weight, 0) + (e?.industries ?? []).reduce((s, t) => s + t.weight, 0) + (e?.disciplines ?? []).reduce((s, t) => s + t.weight, 0);
    expect(sum).toBeCloseTo(recs[0]?.score ?? 0, 10);
  });

  it('takes declared disciplines instead of the text\'s, on both sides, through snapshots and parallel adds', async () => {
    // 'med' writes as a clinician; declaring 材料科学与工程 gives it the discipline part in full.
    const declared = [experts[0]!, { ...experts[1]!, disciplines: ['0805'] }];
    const m = createMatcher();
    m.addExperts(declared);
    const undeclared = createMatcher();
    undeclared.addExperts(experts);
    const med = (ms: typeof m, n: typeof need) => ms.recommendExperts(n).find((r) => r.id === 'med')!;
    expect(med(m, need).explanation.disciplines?.map((d) => d.code)).toEqual(['0805']);
    expect(med(m, need).score).toBeGreaterThan(med(undeclared, need).score);
    // A need declaring 公共卫生与预防医学 (1004) shares it with 'med' alone, not 0805 with 'mat'.
    const publicHealth = undeclared.recommendExperts({ ...need, disciplines: ['1004'] });
    expect(publicHealth.map((r) => [r.id, r.explanation.disciplines?.map((d) => d.code) ?? []])).toEqual([
      ['mat', []],
      ['med', ['1004']],
    ]);
    // Kept by both snapshots and by the parallel add, records included.
    const results = m.recommendExperts(need);
    for (const copy of [loadMatcher(m.toBinary()), loadMatcher(JSON.stringify(m.toJSON()))]) {
      expect(copy.getExpert('med')?.disciplines).toEqual(['0805']);
      expect(copy.recommendExperts(need)).toEqual(results);
    }
    const many = Array.from({ length: 1100 }, (_, i) => ({ ...declared[i % 2]!, id: `x${i}`, ...(i % 3 === 0 ? { disciplines: ['0805', '1002'] } : {}) }));
    const a = createMatcher();
    a.addExperts(many);
    const b = createMatcher();
    await b.addExpertsParallel(many, { workers: 2 });
    expect(Buffer.compare(Buffer.from(a.toBinary()), Buffer.from(b.toBinary()))).toBe(0);
    await b.close();
  }, 60_000);

  it('refuses a discipline weight that is negative or not a number, naming the option', () => {
    for (const discipline of [-0.1, Number.NaN, '0.3', 101]) {
      expect(() => createMatcher({ weights: { discipline } } as never)).toThrow(ValidationError);
      expect(() => createMatcher({ weights: { discipline } } as never)).toThrow(/weights\.discipline/);
    }
  });

  it('has no discipline part at weight 0', () => {
    const m = createMatcher({ weights: { discipline: 0 } });
    m.addExperts(experts);
    const recs = m.recommendExperts(need);
    expect(recs.every((r) => r.explanation.disciplines === undefined)).toBe(true);
  });
});

describe('public exports', () => {
  it('exports the discipline catalogue from the package entry', async () => {
    const api = await import('../src/index.js');
    expect(api.DISCIPLINES).toBe(DISCIPLINES);
    expect(api.DISCIPLINE_CODES).toContain('0805');
    expect(api.DISCIPLINES.find((d) => d.code === '0805')?.name).toBe('材料科学与工程');
    expect(api.disciplineCodes('材料科学与工程')).toEqual(['0805']);
    expect(api.disciplineCodes('林学/林业工程')).toEqual(['0907', '0829']);
    expect(api.disciplineCodes(' 0805 ')).toEqual(['0805']);
    expect(api.disciplineCodes('炼金术')).toEqual([]);
    expect(api.disciplineCodes('材料科学与工程/')).toEqual([]);
    expect(() => api.disciplineCodes(805 as unknown as string)).toThrow(api.ValidationError);
    expect(() => api.disciplineCodes(805 as unknown as string)).toThrow(/text must be a string/);
  });
});
