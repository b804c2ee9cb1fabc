/** The CSL evaluation's own logic, on a handful of papers written for this test (never the dataset). */
import { describe, expect, it } from 'vitest';
import { cslExpertFinding, cslIndustryMapping, disciplineProfiles, type CslPaper } from '../src/eval/csl.js';
import { createMatcher } from '../src/index.js';

const paper = (id: string, discipline: string, category: string, title: string, abstract: string, keywords: string[]): CslPaper => ({
  id,
  discipline,
  category,
  title,
  abstract,
  keywords,
});

const PAPERS: CslPaper[] = [
  paper('p0', '材料科学与工程', '工学', '钛合金表面微弧氧化涂层的耐蚀性能', '在TC4钛合金表面制备微弧氧化陶瓷涂层，研究电解液浓度对涂层孔隙率、结合强度和耐腐蚀性能的影响。', ['钛合金', '微弧氧化', '耐蚀性']),
  paper('p1', '畜牧学/兽医学', '农学', '发酵豆粕对断奶仔猪生长性能的影响', '在断奶仔猪日粮中添加发酵豆粕，测定平均日增重、料重比和腹泻率，并分析血清免疫球蛋白水平。', ['发酵豆粕', '断奶仔猪', '生长性能']),
  paper('p2', '材料科学与工程', '工学', '热处理对铝合金析出相与力学性能的影响', '对7075铝合金进行固溶和时效处理，观察析出相形貌，测试抗拉强度、硬度和晶间腐蚀敏感性。', ['铝合金', '时效', '析出相']),
  paper('p3', '畜牧学/兽医学', '农学', '猪繁殖与呼吸综合征病毒的流行病学调查', '采集规模化猪场血清样品，用荧光定量PCR检测猪繁殖与呼吸综合征病毒，分析不同日龄仔猪的感染率。', ['仔猪', '病毒', '流行病学']),
  paper('p4', '材料科学与工程', '工学', '石墨烯增强铜基复合材料的制备', '采用粉末冶金法制备石墨烯增强铜基复合材料，研究石墨烯含量对致密度、导电率和硬度的影响。', ['石墨烯', '复合材料', '粉末冶金']),
  paper('p5', '畜牧学/兽医学', '农学', '复合益生菌对肉鸡肠道菌群的调节作用', '在肉鸡饲料中添加复合益生菌，检测盲肠菌群多样性、绒毛高度和饲料转化率，评价其替代抗生素的效果。', ['益生菌', '肉鸡', '肠道菌群']),
  paper('p6', '哲学', '哲学', '论王阳明知行合一思想的伦理意涵', '从心学的内在逻辑出发，考察知行合一命题的伦理意涵及其对道德实践的启示。', ['王阳明', '知行合一', '伦理']),
];

describe('disciplineProfiles', () => {
  it('makes one expert per discipline from its papers, declaring every discipline a combined name stands for', () => {
    const experts = disciplineProfiles(PAPERS);
    expect(experts.map((e) => [e.id, e.disciplines, e.publications?.length])).toEqual([
      ['材料科学与工程', ['0805'], 3],
      ['畜牧学/兽医学', ['0905', '0906'], 3],
      ['哲学', ['0101'], 1],
    ]);
    expect(experts[0]?.publications?.[0]).toEqual({ title: PAPERS[0]?.title, abstract: PAPERS[0]?.abstract, keywords: PAPERS[0]?.keywords });
  });
});

describe('cslExpertFinding', () => {
  it('never puts a query paper in a profile, and scores a query whose discipline has no other paper as unfound', () => {
    // Two folds by position: p0, p2, p4, p6 (材料 and 哲学) are asked against a profile of p1, p3,
    // p5 (畜牧学/兽医学) alone, then the other way round: no query's discipline has a profile.
    const r = cslExpertFinding(PAPERS, 2, () => createMatcher({}));
    expect(r.innomatch.queries).toBe(7);
    expect(r.baseline.queries).toBe(7);
    expect(r.innomatch.acc1).toBe(0);
    expect(r.innomatch.mrr).toBe(0);
    expect(r.baseline.mrr).toBe(0);
  });

  it('ranks each held-out paper\'s own discipline first when the topics are far apart', () => {
    // Three folds: each query's discipline keeps papers on the profile side, except 哲学's one paper.
    const r = cslExpertFinding(PAPERS, 3, () => createMatcher({}));
    expect(r.innomatch.queries).toBe(7);
    // p6 (哲学, the only one) can never be found: 6 of 7 at rank 1.
    expect(r.innomatch.acc1).toBeCloseTo(6 / 7, 10);
    expect(r.innomatch.recall3).toBeCloseTo(6 / 7, 10);
    expect(r.baseline.acc1).toBeCloseTo(6 / 7, 10);
  });
});

describe('cslIndustryMapping', () => {
  it('scores classify on the mapped disciplines and its abstentions on the humanities', () => {
    const r = cslIndustryMapping(PAPERS, createMatcher({}));
    expect([r.mapped, r.humanities]).toEqual([3, 1]);
    expect(r.accuracy).toBe(1);
    expect(r.abstainRate).toBe(1);
    expect(r.confusions).toEqual({});
  });
});
