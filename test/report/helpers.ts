/** A report over the fixtures plus hostile text in a need, an enterprise and an expert. */
import { assignEvent, scheduleEvent, suggestStations } from '../../src/event/index.js';
import type { ExpertInput, NeedInput } from '../../src/index.js';
import { buildReportData, renderReport, type ReportData } from '../../src/report/index.js';
import { fixtures, matcher } from '../helpers.js';

export const XSS_TITLE = '<script>alert(1)</script>';
export const XSS_ENTERPRISE = '<img src=x onerror=alert(2)>湘潭测试企业';
export const XSS_EXPERT = '"><svg onload=alert(3)>张三';

export interface BuiltReport {
  html: string;
  data: ReportData;
  pairs: number;
}

export function buildHostileReport(): BuiltReport {
  const { experts, needs } = fixtures();
  const n01 = needs.find((n) => n.id === 'N01')!;
  const hostileNeed: NeedInput = {
    id: 'NX',
    title: XSS_TITLE,
    description: `${n01.description} <b onmouseover="alert(4)">热</b>`,
    enterprise: { name: XSS_ENTERPRISE },
  };
  const e009 = experts.find((e) => e.id === 'E009')!;
  const hostileExpert: ExpertInput = { ...e009, id: 'EX', name: XSS_EXPERT, organization: "' onfocus='alert(5)" };
  const m = matcher();
  m.addExperts([...experts, hostileExpert]);
  m.addNeeds([...needs, hostileNeed]);
  const assignment = assignEvent(m, { expertsPerNeed: 2, expertCapacity: { EX: 3 } });
  const schedule = scheduleEvent(m, assignment, { start: '14:00' });
  const data = buildReportData(m, {
    assignment,
    schedule,
    stations: suggestStations(m),
    threshold: 0.3,
    targets: { enterprises: 100, scientists: 10_000, societies: 20 },
    subtitle: '2025年6月18日 · 湘潭</header><script>alert(6)</script>',
  });
  return { html: renderReport(data), data, pairs: assignment.pairs.length };
}
