/** Plain data behind the HTML report (built by `buildReportData`, rendered by `renderReport`). */
import type { EventSlot, StationType } from '../event/types.js';
import type { ExpertKind, IndustryCode } from '../types.js';

export interface CoverageRow {
  /** null: needs no industry fits. */
  code: IndustryCode | null;
  nameZh: string;
  /** Needs whose primary industry this is. */
  needs: number;
  /** Of those, needs with at least one expert scoring >= threshold. */
  coveredNeeds: number;
  /** Distinct experts scoring >= threshold on at least one of those needs. */
  experts: number;
}

export interface GapNeed {
  needId: string;
  title: string;
  enterprise: string;
  /** Best score any expert reaches (below the threshold), 0 when none matches at all. */
  bestScore: number;
  bestExpert?: string;
}

export interface GapGroup {
  code: IndustryCode | null;
  nameZh: string;
  needs: GapNeed[];
}

export interface AssignmentRow {
  needId: string;
  needTitle: string;
  enterprise: string;
  expertId: string;
  expertName: string;
  expertKind: ExpertKind;
  organization: string;
  score: number;
  /** Top explanation terms ('term' or 'term←via'). */
  terms: string[];
  industries: string[];
  /** The latent part of the score (embeddings), when the matcher has it on. */
  latent?: number;
}

export interface UnfilledRow {
  needId: string;
  needTitle: string;
  enterprise: string;
  missing: number;
  reason: string;
}

export interface ScheduleGridRow {
  /** Expert id (or enterprise name when the grid is by enterprise). */
  key: string;
  label: string;
  /** One cell per slot: the meetings in it (several only for a society's parallel delegates). */
  cells: string[][];
}

export interface ScheduleSection {
  slotMinutes: number;
  slots: EventSlot[];
  by: 'expert' | 'enterprise';
  rows: ScheduleGridRow[];
  unscheduled: { needId: string; expertId: string; enterprise: string; reason: string }[];
}

export interface TargetFigure {
  label: string;
  value: number;
  /** Absent: shown without a target. */
  target?: number;
  unit: string;
  note?: string;
}

export interface StationRow {
  enterprise: string;
  expertId: string;
  expertName: string;
  kind: ExpertKind;
  station: StationType;
  needIds: string[];
  meanScore: number;
}

export interface ReportData {
  title: string;
  /** Shown under the title (e.g. the date and place of the event). */
  subtitle?: string;
  /** Score from which an expert counts as able to serve a need. */
  threshold: number;
  coverage: CoverageRow[];
  gaps: GapGroup[];
  assignment: {
    objective: 'total' | 'fair';
    rows: AssignmentRow[];
    unfilled: UnfilledRow[];
    totalScore: number;
    worstScore?: number;
  };
  schedule?: ScheduleSection;
  targets: TargetFigure[];
  stations: StationRow[];
}
