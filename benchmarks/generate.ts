/**
 * Seeded generator of realistic expert profiles (~250 characters) and needs (~150 characters).
 *
 * Vocabulary comes from the Xiangtan fixtures (fields, keywords, bio and abstract sentences,
 * publication titles, need sentences, grouped by the industry labels) plus the industry lexicon,
 * or, with `corpus`, from a JSONL corpus of papers (title, abstract, keywords, discipline; e.g.
 * CSL) read at run time and never copied. Each record is derived from its own seeded stream
 * (seed, kind, index), so profile i is identical whatever else was generated: 1M profiles can be
 * produced in chunks without keeping them.
 *
 * Realism: every pool is ranked by a seeded permutation and drawn Zipf-like, so some phrases are
 * frequent and most are rare; topics are drawn Zipf-like too; 15% of the material of a record
 * comes from another topic; a long tail of rare alphanumeric codes (model numbers, alloy grades)
 * gives the vocabulary the growth of a real corpus. The Chinese vocabulary is still bounded by
 * the source text, so postings are denser than in a real corpus of the same size: query timings
 * are, if anything, pessimistic.
 *
 * CLI: `npx tsx benchmarks/generate.ts [--kind experts|needs] [--n 5] [--seed 42] [--corpus PATH]`
 * prints JSON lines.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ExpertInput, ExpertKind, NeedInput } from '../src/index.js';
import { INDUSTRY_TERMS } from '../src/taxonomy/lexicon.js';
import { intBetween, pick, pickWeighted, type Rng, rngFor, shuffled, Zipf, zipfHuge } from './prng.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/xiangtan/', import.meta.url));

/** A list of strings drawn Zipf-like over a seeded permutation. */
export class Pool {
  readonly items: readonly string[];
  private readonly zipf: Zipf | undefined;
  constructor(items: Iterable<string>, seed: number, name: string, s = 0.9) {
    const unique = [...new Set(items)].filter((x) => x.length > 0).sort();
    this.items = shuffled(rngFor(seed, 'pool', name), unique);
    this.zipf = this.items.length > 0 ? new Zipf(this.items.length, s) : undefined;
  }
  get size(): number {
    return this.items.length;
  }
  draw(rng: Rng): string {
    if (!this.zipf) throw new Error('draw from an empty pool');
    return this.items[this.zipf.draw(rng)] as string;
  }
}

interface Topic {
  name: string;
  fields: Pool;
  keywords: Pool;
  titles: Pool;
  bio: Pool;
  abstracts: Pool;
  needTitles: Pool;
  needSentences: Pool;
  industryTerms: Pool;
}

export interface GeneratorOptions {
  seed?: number;
  /** JSONL corpus of papers ({title, abstract, keywords, discipline}); read, never copied. */
  corpus?: string;
  /** At most this many corpus records are read. */
  corpusLimit?: number;
  /** Mean profile length in characters (default 250). */
  profileChars?: number;
  /** Mean need length in characters, title included (default 150). */
  needChars?: number;
}

interface Labels {
  needs: Record<string, { industry: string; style: string }>;
  experts: Record<string, { industries: string[]; language: string; distractor: boolean }>;
}
interface CorpusPaper {
  title?: string;
  abstract?: string;
  keywords?: string[];
  discipline?: string;
  category?: string;
}

const KIND_WEIGHTS: readonly [ExpertKind, number][] = [
  ['expert', 55],
  ['overseas', 12],
  ['society', 10],
  ['academician', 8],
  ['team', 5],
];
const PUBLICATION_COUNT_WEIGHTS = [0, 30, 45, 25]; // 1-3 publications, as in the fixtures (scaled)
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建林波宁峰浩凯健俊帆志宏博文斌雪琳晨瑞宇航启衡远嘉昊然欣怡子涵梓轩思源'];
const OVERSEAS_REGIONS = ['德国', '美国', '英国', '日本', '新加坡', '澳大利亚', '加拿大'];
const NEED_TITLE_SUFFIXES = ['技术攻关', '工艺优化', '问题诊断', '关键技术研发', '质量提升', '技术改造', '国产化替代', '性能提升'];
const BIO_TEMPLATES = [
  (a: string, b: string) => `长期从事${a}与${b}研究。`,
  (a: string, b: string) => `主要研究方向为${a}、${b}。`,
  (a: string, b: string) => `近年来主持${a}相关项目多项，在${b}方面积累了丰富经验。`,
  (a: string, b: string) => `围绕${a}开展应用基础研究，并与企业合作推进${b}成果转化。`,
];

/** Splits text into sentences, keeping the closing punctuation. */
export function sentences(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/(?<=[。；！？!?;])|(?<=\.)(?=[\u4e00-\u9fff])/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 6);
}

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(FIXTURES + name, 'utf8')) as T;
}

function push(map: Map<string, string[]>, key: string, ...values: string[]): void {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  for (const v of values) if (v) list.push(v);
}

/** A code of the long tail: 2-3 letters and 1-3 digits, from its rank (lab codes, grades, models). */
export function rareCode(rank: number): string {
  const letters = 'abcdefghjkmnpqrstuvwxyz';
  let r = rank;
  let s = '';
  for (let i = 0; i < 2 + (rank % 2); i++) {
    s += letters[r % letters.length];
    r = Math.floor(r / letters.length);
  }
  return `${s}${(r % 997) + 1}`;
}

export class ProfileGenerator {
  readonly seed: number;
  readonly source: string;
  private readonly topics: Topic[];
  private readonly topicZipf: Zipf;
  private readonly english: { fields: Pool; keywords: Pool; titles: Pool; bio: Pool; abstracts: Pool; names: Pool };
  private readonly organizations: Pool;
  private readonly regions: Pool;
  private readonly enterprises: Pool;
  private readonly parks: Pool;
  private readonly profileChars: number;
  private readonly needChars: number;

  constructor(opts: GeneratorOptions = {}) {
    this.seed = opts.seed ?? 42;
    this.profileChars = opts.profileChars ?? 250;
    this.needChars = opts.needChars ?? 150;
    const seed = this.seed;
    const experts = readJson<ExpertInput[]>('experts.json');
    const needs = readJson<NeedInput[]>('needs.json');
    const labels = readJson<Labels>('labels.json');

    // Fixture material by topic (the expert's first labelled industry; distractors: 'general').
    const by = {
      fields: new Map<string, string[]>(),
      keywords: new Map<string, string[]>(),
      titles: new Map<string, string[]>(),
      bio: new Map<string, string[]>(),
      abstracts: new Map<string, string[]>(),
      needTitles: new Map<string, string[]>(),
      needSentences: new Map<string, string[]>(),
    };
    const en = { fields: [] as string[], keywords: [] as string[], titles: [] as string[], bio: [] as string[], abstracts: [] as string[] };
    const enNames: string[] = [];
    for (const e of experts) {
      const label = labels.experts[e.id];
      if (label?.language === 'en') {
        en.fields.push(...(e.fields ?? []));
        en.keywords.push(...(e.keywords ?? []));
        en.bio.push(...englishSentences(e.bio));
        for (const p of e.publications ?? []) {
          en.titles.push(p.title);
          en.abstracts.push(...englishSentences(p.abstract));
        }
        enNames.push(e.name);
        continue;
      }
      const topic = label?.industries[0] ?? 'general';
      push(by.fields, topic, ...(e.fields ?? []));
      push(by.keywords, topic, ...(e.keywords ?? []));
      push(by.bio, topic, ...sentences(e.bio));
      for (const p of e.publications ?? []) {
        push(by.titles, topic, p.title);
        push(by.keywords, topic, ...(p.keywords ?? []));
        push(by.abstracts, topic, ...sentences(p.abstract));
      }
    }
    for (const n of needs) {
      const topic = labels.needs[n.id]?.industry ?? 'general';
      push(by.needTitles, topic, n.title ?? '');
      push(by.needSentences, topic, ...sentences(n.description));
      push(by.keywords, topic, ...(n.keywords ?? []));
    }
    const allOf = (m: Map<string, string[]>): string[] => [...m.values()].flat();
    const industryTerms = (code: string): string[] =>
      Object.keys((INDUSTRY_TERMS as Record<string, Record<string, number>>)[code] ?? {}).filter((t) => /[\u4e00-\u9fff]/.test(t));
    const allIndustryTerms = Object.keys(INDUSTRY_TERMS).flatMap(industryTerms);

    const topics: Topic[] = [];
    if (opts.corpus) {
      // Corpus mode: topics are disciplines; titles, abstracts and keywords come from the corpus,
      // bio and need phrasing from the fixtures (the corpus has neither).
      const papers = readCorpus(opts.corpus, opts.corpusLimit ?? 200_000);
      const cBy = { titles: new Map<string, string[]>(), abstracts: new Map<string, string[]>(), keywords: new Map<string, string[]>() };
      for (const p of papers) {
        const d = p.discipline ?? p.category ?? 'general';
        push(cBy.titles, d, p.title ?? '');
        push(cBy.abstracts, d, ...sentences(p.abstract));
        push(cBy.keywords, d, ...(p.keywords ?? []));
      }
      const genericBio = allOf(by.bio);
      const genericNeed = allOf(by.needSentences);
      for (const d of [...cBy.titles.keys()].sort()) {
        const kws = cBy.keywords.get(d) ?? [];
        const abstracts = cBy.abstracts.get(d) ?? [];
        const titles = cBy.titles.get(d) ?? [];
        if (kws.length < 3 || abstracts.length < 3 || titles.length < 2) continue;
        const trng = rngFor(seed, 'corpus-topic', d);
        const bio = [...genericBio];
        for (let i = 0; i < Math.max(8, kws.length >> 2); i++) {
          bio.push(pick(trng, BIO_TEMPLATES)(pick(trng, kws), pick(trng, kws)));
        }
        topics.push({
          name: d,
          fields: new Pool([d, ...kws.filter((k) => k.length >= 4)], seed, `${d}/fields`),
          keywords: new Pool(kws, seed, `${d}/keywords`),
          titles: new Pool(titles, seed, `${d}/titles`),
          bio: new Pool(bio, seed, `${d}/bio`),
          abstracts: new Pool(abstracts, seed, `${d}/abstracts`),
          needTitles: new Pool(
            kws.slice(0, 40).map((k, i) => `${k}${NEED_TITLE_SUFFIXES[i % NEED_TITLE_SUFFIXES.length]}`),
            seed,
            `${d}/needTitles`,
          ),
          needSentences: new Pool([...genericNeed, ...abstracts], seed, `${d}/needSentences`),
          industryTerms: new Pool(allIndustryTerms, seed, `${d}/industry`),
        });
      }
      if (topics.length === 0) throw new Error(`corpus ${opts.corpus}: no discipline with enough papers`);
      this.source = `corpus ${opts.corpus} (${papers.length} papers, ${topics.length} disciplines) + fixture bio/need phrasing`;
    } else {
      const names = [...by.titles.keys()].filter((t) => t !== 'general').sort();
      for (const t of names) {
        const get = (m: Map<string, string[]>): string[] => m.get(t) ?? [];
        topics.push({
          name: t,
          fields: new Pool(get(by.fields), seed, `${t}/fields`),
          keywords: new Pool(get(by.keywords), seed, `${t}/keywords`),
          titles: new Pool(get(by.titles), seed, `${t}/titles`),
          bio: new Pool(get(by.bio), seed, `${t}/bio`),
          abstracts: new Pool(get(by.abstracts), seed, `${t}/abstracts`),
          needTitles: new Pool(get(by.needTitles).length > 0 ? get(by.needTitles) : get(by.titles), seed, `${t}/needTitles`),
          needSentences: new Pool(
            get(by.needSentences).length > 0 ? get(by.needSentences) : allOf(by.needSentences),
            seed,
            `${t}/needSentences`,
          ),
          industryTerms: new Pool(industryTerms(t).length > 0 ? industryTerms(t) : allIndustryTerms, seed, `${t}/industry`),
        });
      }
      this.source = `fixtures/xiangtan (${experts.length} experts, ${needs.length} needs) + industry lexicon`;
    }
    this.topics = topics;
    this.topicZipf = new Zipf(topics.length, 0.6);
    this.english = {
      fields: new Pool(en.fields, seed, 'en/fields'),
      keywords: new Pool(en.keywords, seed, 'en/keywords'),
      titles: new Pool(en.titles, seed, 'en/titles'),
      bio: new Pool(en.bio, seed, 'en/bio'),
      abstracts: new Pool(en.abstracts, seed, 'en/abstracts'),
      names: new Pool(enNames, seed, 'en/names'),
    };
    this.organizations = new Pool(
      experts.map((e) => e.organization ?? '').filter((o) => /[\u4e00-\u9fff]/.test(o)),
      seed,
      'organizations',
    );
    this.regions = new Pool(experts.map((e) => e.region ?? ''), seed, 'regions');
    this.enterprises = new Pool(needs.map((n) => n.enterprise?.name ?? ''), seed, 'enterprises');
    this.parks = new Pool(needs.map((n) => n.enterprise?.park ?? ''), seed, 'parks');
  }

  get topicCount(): number {
    return this.topics.length;
  }

  private topicOf(rng: Rng): { main: Topic; other: () => Topic } {
    const main = this.topics[this.topicZipf.draw(rng)] as Topic;
    return { main, other: () => (rng() < 0.15 ? (pick(rng, this.topics) as Topic) : main) };
  }

  /** Expert profile number i (0-based); ids are `X0000001`-style and unique. */
  expert(i: number): ExpertInput {
    const rng = rngFor(this.seed, 'expert', i);
    const kind = KIND_WEIGHTS[pickWeighted(rng, KIND_WEIGHTS.map((k) => k[1]))]?.[0] ?? 'expert';
    const budget = Math.round(this.profileChars * (0.85 + 0.3 * rng()));
    const id = `X${String(i).padStart(7, '0')}`;
    if (kind === 'overseas' && rng() < 0.4) return this.englishExpert(id, rng, budget);
    const { main, other } = this.topicOf(rng);
    const fields = distinct(intBetween(rng, 2, 3), () => other().fields.draw(rng));
    const keywords = distinct(intBetween(rng, 3, 5), () => other().keywords.draw(rng));
    if (rng() < 0.35) keywords.push(other().industryTerms.draw(rng));
    if (rng() < 0.3) keywords.push(rareCode(zipfHuge(rng, 1 << 22)).toUpperCase());
    const pubCount = pickWeighted(rng, PUBLICATION_COUNT_WEIGHTS);
    const titles = distinct(pubCount, () => other().titles.draw(rng));
    let used = [...fields, ...keywords, ...titles].reduce((n, s) => n + s.length, 0);
    const rest = Math.max(40, budget - used);
    const bio = fill(Math.round(rest * 0.4), () => (rng() < 0.25 ? bioTemplate(rng, main) : other().bio.draw(rng)));
    used += bio.length;
    const abstract = fill(Math.max(30, budget - used), () => other().abstracts.draw(rng));
    const name = kind === 'society' ? `${this.regions.draw(rng).slice(0, 4)}${fields[0] ?? main.name}学会` : kind === 'team' ? `${fields[0] ?? main.name}创新团队` : personName(rng);
    const e: ExpertInput = {
      id,
      name,
      kind,
      organization: this.organizations.draw(rng),
      region: this.regions.draw(rng),
      fields,
      keywords,
      bio,
      publications: titles.map((title, k) => ({
        title,
        ...(k === 0 ? { abstract } : {}),
        year: 2010 + Math.floor(rng() * 15),
      })),
    };
    return e;
  }

  private englishExpert(id: string, rng: Rng, budget: number): ExpertInput {
    const E = this.english;
    // English text needs more characters than Chinese for the same content.
    const chars = budget * 2;
    const titles = distinct(pickWeighted(rng, PUBLICATION_COUNT_WEIGHTS), () => E.titles.draw(rng));
    return {
      id,
      name: E.names.draw(rng),
      kind: 'overseas',
      region: pick(rng, OVERSEAS_REGIONS),
      fields: distinct(2, () => E.fields.draw(rng)),
      keywords: distinct(4, () => E.keywords.draw(rng)),
      bio: fill(Math.round(chars * 0.3), () => E.bio.draw(rng), ' '),
      publications: titles.map((title, k) => ({
        title,
        ...(k === 0 ? { abstract: fill(Math.round(chars * 0.4), () => E.abstracts.draw(rng), ' ') } : {}),
      })),
    };
  }

  /** Need number j (0-based): title + description of about `needChars` characters. */
  need(j: number): NeedInput {
    const rng = rngFor(this.seed, 'need', j);
    const { main, other } = this.topicOf(rng);
    const title =
      rng() < 0.5 ? main.needTitles.draw(rng) : `${main.keywords.draw(rng)}${pick(rng, NEED_TITLE_SUFFIXES)}`;
    const budget = Math.round(this.needChars * (0.9 + 0.2 * rng())) - title.length;
    const description = fill(Math.max(40, budget), () =>
      rng() < 0.6 ? other().needSentences.draw(rng) : other().abstracts.draw(rng),
    );
    const n: NeedInput = {
      id: `Q${String(j).padStart(7, '0')}`,
      title,
      description,
      enterprise: { name: this.enterprises.draw(rng), park: this.parks.draw(rng) },
    };
    if (rng() < 0.5) n.keywords = distinct(intBetween(rng, 2, 4), () => main.keywords.draw(rng));
    return n;
  }

  /**
   * Profiles from..from+count-1, through a JSON round trip: like records read from a file, every
   * string is then flat and owned by its record (the generator shares phrase strings, which
   * would flatter memory figures and string hashing).
   */
  experts(from: number, count: number): ExpertInput[] {
    const out: ExpertInput[] = new Array(count);
    for (let k = 0; k < count; k++) out[k] = this.expert(from + k);
    return JSON.parse(JSON.stringify(out)) as ExpertInput[];
  }

  /** Needs from..from+count-1, through a JSON round trip as `experts`. */
  needs(from: number, count: number): NeedInput[] {
    const out: NeedInput[] = new Array(count);
    for (let k = 0; k < count; k++) out[k] = this.need(from + k);
    return JSON.parse(JSON.stringify(out)) as NeedInput[];
  }
}

/** The strings innomatch analyses for an expert, in the order `src/records.ts` reads them. */
export function expertTexts(e: ExpertInput): string[] {
  const pubs = e.publications ?? [];
  const named = e.kind === 'society' || e.kind === 'team';
  const out: string[] = [...(e.fields ?? []), ...(e.keywords ?? []), ...pubs.flatMap((p) => p.keywords ?? [])];
  for (const p of pubs) out.push(p.title);
  if (named) out.push(e.name);
  if (e.organization) out.push(e.organization);
  if (e.bio) out.push(e.bio);
  for (const p of pubs) if (p.abstract) out.push(p.abstract);
  return out;
}

/** The strings innomatch analyses for a need. */
export function needTexts(n: NeedInput): string[] {
  return [...(n.title ? [n.title] : []), ...(n.keywords ?? []), n.description];
}

/** Characters of a profile's indexed text (what the ~250 refers to: organisation excluded). */
export function profileChars(e: ExpertInput): number {
  return expertTexts(e).reduce((n, s) => n + s.length, 0) - (e.organization?.length ?? 0);
}

function personName(rng: Rng): string {
  return pick(rng, SURNAMES) + pick(rng, GIVEN) + (rng() < 0.7 ? pick(rng, GIVEN) : '');
}

function bioTemplate(rng: Rng, topic: Topic): string {
  return pick(rng, BIO_TEMPLATES)(topic.fields.draw(rng), topic.keywords.draw(rng));
}

function distinct(n: number, draw: () => string): string[] {
  const out: string[] = [];
  for (let tries = 0; out.length < n && tries < n * 4; tries++) {
    const x = draw();
    if (!out.includes(x)) out.push(x);
  }
  return out;
}

/** Whole sentences up to about `budget` characters; the last one is cut at a comma if too long. */
function fill(budget: number, draw: () => string, joiner = ''): string {
  let out = '';
  const seen = new Set<string>();
  for (let tries = 0; out.length < budget * 0.9 && tries < 16; tries++) {
    const s = draw();
    if (seen.has(s)) continue;
    if (out.length === 0 || out.length + s.length <= budget * 1.1 || tries >= 10) {
      out += (out ? joiner : '') + s;
      seen.add(s);
    }
  }
  if (out.length > budget * 1.15) {
    const limit = Math.round(budget * 1.05);
    const comma = Math.max(out.lastIndexOf('，', limit), out.lastIndexOf(',', limit), out.lastIndexOf('。', limit));
    out = comma > budget * 0.7 ? `${out.slice(0, comma)}。` : `${out.slice(0, limit)}。`;
  }
  return out;
}

function englishSentences(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/(?<=[.;!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 12);
}

function readCorpus(path: string, limit: number): CorpusPaper[] {
  const out: CorpusPaper[] = [];
  const text = readFileSync(path, 'utf8');
  let start = 0;
  while (start < text.length && out.length < limit) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (!line) continue;
    try {
      out.push(JSON.parse(line) as CorpusPaper);
    } catch {
      // a malformed line is skipped
    }
  }
  return out;
}

// ---- CLI -----------------------------------------------------------------------------------------

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const arg = (name: string): string | undefined => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const gen = new ProfileGenerator({
    seed: Number(arg('seed') ?? 42),
    ...(arg('corpus') ? { corpus: arg('corpus') as string } : {}),
  });
  const n = Number(arg('n') ?? 5);
  const kind = arg('kind') ?? 'experts';
  for (let i = 0; i < n; i++) {
    process.stdout.write(`${JSON.stringify(kind === 'needs' ? gen.need(i) : gen.expert(i))}\n`);
  }
}
