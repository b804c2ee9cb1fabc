/**
 * Gathers what the report shows from a matcher and an event (assignment, optional schedule and
 * station suggestions). Scores and explanation terms are `recommendExperts`' own.
 */
import { explanationTermText } from '../rank/term-text.js';
import { z } from 'zod';
import { checkAssignment } from '../event/assignment-schema.js';
import { hasEnterprise, matcherEnterprises, type EnterpriseRef } from '../event/enterprise.js';
import { IssueList, parseOrThrow } from '../event/issues.js';
import type { EventAssignment, EventMatcher, EventSchedule, StationSuggestion } from '../event/types.js';
import { INDUSTRIES } from '../taxonomy/industries.js';
import type { IndustryCode } from '../taxonomy/codes.js';
import type { ExpertInput, NeedInput, Recommendation } from '../types.js';
import { scheduleSection } from './grid-data.js';
import { scheduleSchema, stationsSchema } from './schema.js';
import type { AssignmentRow, CoverageRow, GapGroup, ReportData, StationRow, TargetFigure } from './types.js';

export const DEFAULT_THRESHOLD = 0.1;
export const DEFAULT_TARGETS = { enterprises: 100, scientists: 10_000 } as const;

export interface ReportTargets {
  enterprises?: number;
  scientists?: number;
  societies?: number;
}

export interface BuildReportOptions {
  assignment: EventAssignment;
  /** From `scheduleEvent`. */
  schedule?: EventSchedule;
  /** From `suggestStations`. */
  stations?: StationSuggestion[];
  objective?: 'total' | 'fair';
  /** Needs counted in coverage and gaps (default: every added need). */
  needIds?: string[];
  /** Score from which an expert can serve a need (default 0.1). */
  threshold?: number;
  /** Programme targets (default 100 enterprises, 10,000 scientists, no society target). */
  targets?: ReportTargets;
  title?: string;
  subtitle?: string;
  /** Schedule grid rows: experts (default) or enterprises. */
  scheduleBy?: 'expert' | 'enterprise';
  /** Explanation terms shown per pair (default 4). */
  termsPerPair?: number;
}

const positive = z.number().int().min(0);
const schema = z.looseObject({
  objective: z.enum(['total', 'fair']).optional(),
  needIds: z.array(z.string()).optional(),
  threshold: z.number().finite().optional(),
  targets: z.strictObject({ enterprises: positive.optional(), scientists: positive.optional(), societies: positive.optional() }).optional(),
  title: z.string().max(200).optional(),
  subtitle: z.string().max(500).optional(),
  scheduleBy: z.enum(['expert', 'enterprise']).optional(),
  termsPerPair: z.number().int().min(0).max(50).optional(),
});

const UNCLASSIFIED = '未归类';
const CONTEXT = 'report options';

function industryName(code: IndustryCode | null): string {
  return code === null ? UNCLASSIFIED : (INDUSTRIES.find((i) => i.code === code)?.nameZh ?? code);
}

export function buildReportData(m: EventMatcher, opts: BuildReportOptions): ReportData {
  const o = parseOrThrow(schema, opts, CONTEXT);
  const assignment = checkAssignment(m, opts.assignment);
  const schedule = opts.schedule === undefined ? undefined : parseOrThrow(scheduleSchema, opts.schedule, 'schedule');
  const stationList = opts.stations === undefined ? [] : parseOrThrow(stationsSchema, opts.stations, 'stations');
  const known = new Set(m.needIds());
  const expertIds = new Set(m.expertIds());
  const issues = new IssueList();
  o.needIds?.forEach((id, i) => {
    if (!known.has(id)) issues.add(`needIds.${i}`, `unknown need id "${id}"`, i, id);
  });
  const checkIds = (path: string, i: number, r: { needId?: string; expertId: string }): void => {
    if (r.needId !== undefined && !known.has(r.needId)) issues.add(`${path}.${i}.needId`, `unknown need id "${r.needId}"`, i, r.needId);
    if (!expertIds.has(r.expertId)) issues.add(`${path}.${i}.expertId`, `unknown expert id "${r.expertId}"`, i, r.expertId);
  };
  schedule?.meetings.forEach((mt, i) => {
    checkIds('schedule.meetings', i, mt);
    if (mt.slot >= schedule.slots.length) issues.add(`schedule.meetings.${i}.slot`, `slot ${mt.slot} is not among the ${schedule.slots.length} slots`, i);
  });
  schedule?.unscheduled.forEach((u, i) => checkIds('schedule.unscheduled', i, u));
  stationList.forEach((st, i) => {
    checkIds('stations', i, st);
    st.needIds.forEach((id, j) => {
      if (!known.has(id)) issues.add(`stations.${i}.needIds.${j}`, `unknown need id "${id}"`, i, id);
    });
  });
  issues.throwIfAny(CONTEXT);
  const threshold = o.threshold ?? DEFAULT_THRESHOLD;
  const expertCount = m.expertIds().length;

  // Enterprises unified across the event's needs, as scheduleEvent and suggestStations see them.
  const enterpriseOf = matcherEnterprises(m);
  const needs = new Map<string, NeedInput>();
  const needOf = (id: string): NeedInput => {
    let n = needs.get(id);
    if (!n) needs.set(id, (n = m.getNeed(id) as NeedInput));
    return n;
  };
  const experts = new Map<string, ExpertInput>();
  const expertOf = (id: string): ExpertInput => {
    let e = experts.get(id);
    if (!e) experts.set(id, (e = m.getExpert(id) as ExpertInput));
    return e;
  };
  const recs = new Map<string, Recommendation[]>();
  const recsOf = (id: string): Recommendation[] => {
    let r = recs.get(id);
    if (!r) recs.set(id, (r = expertCount > 0 ? m.recommendExperts(id, { topK: expertCount }) : []));
    return r;
  };

  // Coverage and gaps, by each need's primary industry.
  const codes: (IndustryCode | null)[] = [...INDUSTRIES.map((i) => i.code), null];
  const rows = new Map<IndustryCode | null, { needs: number; covered: number; experts: Set<string> }>(
    codes.map((c) => [c, { needs: 0, covered: 0, experts: new Set() }]),
  );
  const gapsBy = new Map<IndustryCode | null, GapGroup>();
  for (const id of o.needIds ?? m.needIds()) {
    const code = m.industriesOf('need', id)[0]?.code ?? null;
    const row = rows.get(code)!;
    row.needs++;
    const ranked = recsOf(id);
    const able = ranked.filter((r) => r.score >= threshold && r.score > 0);
    for (const r of able) row.experts.add(r.id);
    if (able.length > 0) {
      row.covered++;
      continue;
    }
    const need = needOf(id);
    const group = gapsBy.get(code) ?? { code, nameZh: industryName(code), needs: [] };
    group.needs.push({
      needId: id,
      title: need.title ?? need.description.slice(0, 40),
      enterprise: enterpriseOf(need).name,
      bestScore: ranked[0]?.score ?? 0,
      ...(ranked[0] ? { bestExpert: ranked[0].id } : {}),
    });
    gapsBy.set(code, group);
  }
  const coverage: CoverageRow[] = codes
    .map((code) => {
      const r = rows.get(code)!;
      return { code, nameZh: industryName(code), needs: r.needs, coveredNeeds: r.covered, experts: r.experts.size };
    })
    .filter((r) => r.code !== null || r.needs > 0);
  const gaps = codes.map((c) => gapsBy.get(c)).filter((g): g is GapGroup => g !== undefined);

  // Assignment with explanations.
  const termsPerPair = o.termsPerPair ?? 4;
  const assignmentRows: AssignmentRow[] = assignment.pairs.map((p) => {
    const need = needOf(p.needId);
    const expert = expertOf(p.expertId);
    const rec = recsOf(p.needId).find((r) => r.id === p.expertId);
    return {
      needId: p.needId,
      needTitle: need.title ?? need.description.slice(0, 40),
      enterprise: enterpriseOf(need).name,
      expertId: p.expertId,
      expertName: expert.name,
      expertKind: expert.kind ?? 'expert',
      organization: expert.organization ?? '',
      score: p.score,
      terms: (rec?.explanation.terms ?? []).slice(0, termsPerPair).map((t) => explanationTermText(t)),
      industries: (rec?.explanation.industries ?? []).map((i) => industryName(i.code)),
      ...(rec?.explanation.latent !== undefined ? { latent: rec.explanation.latent } : {}),
    };
  });
  const unfilled = assignment.unfilled.map((u) => {
    const need = needOf(u.needId);
    return {
      needId: u.needId,
      needTitle: need.title ?? need.description.slice(0, 40),
      enterprise: enterpriseOf(need).name,
      missing: u.missing,
      reason: u.reason,
    };
  });

  const stations: StationRow[] = stationList.map((s) => ({
    enterprise: s.enterprise,
    expertId: s.expertId,
    expertName: expertOf(s.expertId).name,
    kind: s.kind,
    station: s.station,
    needIds: [...s.needIds],
    meanScore: s.meanScore,
  }));

  const data: ReportData = {
    title: o.title ?? '科技经济对接会 · 供需匹配报告',
    threshold,
    coverage,
    gaps,
    assignment: {
      objective: o.objective ?? (assignment.worstScore !== undefined ? 'fair' : 'total'),
      rows: assignmentRows,
      unfilled,
      totalScore: assignment.totalScore,
      ...(assignment.worstScore !== undefined ? { worstScore: assignment.worstScore } : {}),
    },
    targets: targetFigures(assignment, schedule, { needOf, expertOf, enterpriseOf }, o.targets),
    stations,
  };
  if (o.subtitle !== undefined) data.subtitle = o.subtitle;
  if (schedule) {
    data.schedule = scheduleSection(schedule, o.scheduleBy ?? 'expert', (id) => expertOf(id).name);
  }
  return data;
}

/**
 * The programme figures. With a schedule they count what is scheduled: 对接场次 are the distinct
 * meetings (an expert meets an enterprise once for all its needs; a society's delegates meet
 * separately), 参与科技工作者 the experts with at least one scheduled meeting plus the society
 * delegates sent. Without a schedule they count the assignment's pairs, and the notes say so.
 * A need without enterprise never counts as an enterprise served.
 */
function targetFigures(
  a: EventAssignment,
  schedule: EventSchedule | undefined,
  get: { needOf: (id: string) => NeedInput; expertOf: (id: string) => ExpertInput; enterpriseOf: (need: NeedInput) => EnterpriseRef },
  targets: ReportTargets | undefined,
): TargetFigure[] {
  const t = { ...DEFAULT_TARGETS, ...(targets ?? {}) } as ReportTargets;
  const enterprises = new Set<string>();
  const people = new Set<string>();
  const societies = new Set<string>();
  const needsServed = new Set<string>();
  const meetings = new Set<string>();
  const delegates = new Set<string>();
  const pairs = schedule ? schedule.meetings : a.pairs;
  for (const p of pairs) {
    const ent = get.enterpriseOf(get.needOf(p.needId));
    if (hasEnterprise(ent)) enterprises.add(ent.key);
    needsServed.add(p.needId);
    const society = get.expertOf(p.expertId).kind === 'society';
    // A society sends one delegate per need; anyone else meets an enterprise once.
    const who = society ? `${p.expertId}\u0000${p.needId}` : p.expertId;
    if (society) {
      societies.add(p.expertId);
      delegates.add(who);
    } else people.add(p.expertId);
    const slot = 'slot' in p ? p.slot : '';
    meetings.add(`${who}\u0000${ent.key}\u0000${slot}`);
  }
  const basis = schedule ? '按日程中已排入的对接统计' : '按对接安排统计（未排日程）';
  const figure = (label: string, value: number, target: number | undefined, unit: string, note?: string): TargetFigure => ({
    label,
    value,
    unit,
    ...(target !== undefined ? { target } : {}),
    ...(note !== undefined ? { note } : {}),
  });
  return [
    figure('服务企业', enterprises.size, t.enterprises, '家', `${basis}；未填企业的需求不计`),
    figure('参与科技工作者', people.size + delegates.size, t.scientists, '人', `其中专家 ${people.size} 人，学会派出 ${delegates.size} 人次；${basis}`),
    figure('参与学会', societies.size, t.societies, '个', basis),
    figure('对接需求', needsServed.size, undefined, '项', basis),
    schedule
      ? figure('对接场次', meetings.size, undefined, '场', `${basis}：专家与企业每见面一次计一场（一场可涉及该企业的多项需求）`)
      : figure('对接场次', a.pairs.length, undefined, '场', `${basis}：按需求与专家的配对组数计`),
  ];
}
