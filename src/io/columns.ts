import { INDUSTRIES } from '../taxonomy/industries.js';
import { disciplineCodes } from '../taxonomy/disciplines/index.js';
import { INDUSTRY_CODES, type IndustryCode } from '../taxonomy/codes.js';
import type { ExpertKind } from '../types.js';

/**
 * Accepted CSV headers (English and the Chinese of real need and expert forms) per field.
 *
 * Each list is RANKED, most specific first: when a header row holds several aliases of one field,
 * the best-ranked alias present wins, wherever its column stands (see `mapHeader`). So a form
 * `序号,需求编号,…` takes its ids from 需求编号, and 序号 (a mere row counter) is used only when no
 * better id column exists. Keep generic words (序号, 编号, 名称, 单位, 类型, 描述, 内容, …) after the
 * specific ones when adding aliases.
 */
export const NEED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  id: ['id', '需求编号', '编号', '序号'],
  title: ['title', '需求名称', '需求标题', '项目名称', '名称'],
  description: ['description', '需求描述', '需求内容', '需求详情', '技术需求', '描述', '内容'],
  keywords: ['keywords', '关键词', '关键字'],
  'enterprise.name': ['enterprise', 'enterprise_name', '企业名称', '需求单位', '单位名称', '企业'],
  'enterprise.id': ['enterprise_id', '企业编号', '统一社会信用代码'],
  'enterprise.park': ['park', '所在园区', '园区'],
  'enterprise.region': ['region', '所在地区', '地区', '区域'],
  industries: ['industries', 'industry', '所属行业', '行业', '产业'],
  disciplines: ['disciplines', 'discipline', '所属学科', '一级学科', '学科'],
};

export const EXPERT_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  id: ['id', '专家编号', '编号', '序号'],
  name: ['name', '专家姓名', '学会名称', '姓名', '名称'],
  kind: ['kind', '专家类型', '类型', '类别'],
  title: ['title', '职称', '职务'],
  organization: ['organization', '工作单位', '所在单位', '单位'],
  region: ['region', '国家地区', '所在地区', '地区'],
  fields: ['fields', '研究方向', '专业领域', '研究领域', '擅长领域'],
  keywords: ['keywords', '关键词', '关键字'],
  bio: ['bio', '专家简介', '学会简介', '个人简介', '简介'],
  industries: ['industries', 'industry', '所属行业', '行业', '产业'],
  capacity: ['capacity', '接待能力', '可对接企业数', '派出专家数', '容量'],
  disciplines: ['disciplines', 'discipline', '所属学科', '一级学科', '学科'],
};

const KIND_WORDS: Readonly<Record<string, ExpertKind>> = {
  academician: 'academician',
  院士: 'academician',
  expert: 'expert',
  专家: 'expert',
  society: 'society',
  学会: 'society',
  overseas: 'overseas',
  海智: 'overseas',
  海外: 'overseas',
  海外专家: 'overseas',
  海智专家: 'overseas',
  team: 'team',
  团队: 'team',
};

/** Splits a list cell on Chinese and Western separators (，、；; , | /). */
export function splitList(cell: string): string[] {
  return cell
    .split(/[,，、;；|\n]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A kind cell ('院士', 'society', ...) to a kind, or the raw text when unknown (validation reports it). */
export function parseKind(cell: string): string {
  return KIND_WORDS[cell.trim().toLowerCase()] ?? cell.trim();
}

/** An industries cell: codes or Chinese/English names, separated by commas or 、. */
export function parseIndustries(cell: string): string[] {
  return splitList(cell).map((part) => {
    const p = part.toLowerCase();
    if ((INDUSTRY_CODES as readonly string[]).includes(p)) return p;
    const hit = INDUSTRIES.find((i) => i.nameZh === part || i.nameEn.toLowerCase() === p);
    return hit ? (hit.code as IndustryCode) : part;
  });
}

/**
 * A disciplines cell: codes (0805) or names and aliases of the first-level disciplines
 * (材料科学与工程), separated as lists are; a combined name (畜牧学/兽医学) gives each of its
 * disciplines; an unknown entry is kept as written, for validation to name it.
 */
export function parseDisciplines(cell: string): string[] {
  return splitList(cell).flatMap((part) => {
    const codes = disciplineCodes(part);
    return codes.length > 0 ? codes : [part];
  });
}

/**
 * Finds, for each field, the index of its column in a header row (or -1). Headers are compared
 * after NFKC, trimming and lower-casing. Rule: the alias ranked first in the field's list that
 * occurs in the header wins, regardless of column order; if that alias occurs in several columns,
 * the leftmost one is used.
 */
export function mapHeader(header: readonly string[], columns: Readonly<Record<string, readonly string[]>>): Map<string, number> {
  const norm = header.map((h) => h.normalize('NFKC').trim().toLowerCase());
  const out = new Map<string, number>();
  for (const [field, names] of Object.entries(columns)) {
    for (const name of names) {
      const i = norm.indexOf(name);
      if (i >= 0) {
        out.set(field, i);
        break;
      }
    }
  }
  return out;
}

/**
 * A numeric cell as a number, or the text unchanged when it is not a plain decimal number (so
 * validation reports it). The cell is NFKC-normalised first, as Chinese input methods and Excel
 * often produce full-width digits, minus, period and spaces ('２', '－１', '　１０　').
 */
export function parseNumberCell(cell: string): number | string {
  const s = cell.normalize('NFKC').replace(/\u2212/g, '-').trim();
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s) ? Number(s) : cell;
}
