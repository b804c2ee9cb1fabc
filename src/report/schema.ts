/**
 * Shapes of what the report takes from its caller: a schedule and station suggestions handed to
 * `buildReportData`, and the `ReportData` handed to `renderReport`. A bad value is a
 * ValidationError naming the field, never a TypeError halfway through rendering.
 */
import { z } from 'zod';
import { STATION_KINDS, type EventSchedule, type StationSuggestion } from '../event/types.js';
import { INDUSTRY_CODES } from '../taxonomy/codes.js';
import { EXPERT_KINDS } from '../types.js';
import type { ReportData } from './types.js';

const text = z.string();
const score = z.number().finite();
const count = z.number().int().min(0);
const slot = z.strictObject({ index: count, start: text, end: text });
const STATION_TYPES = ['academician-workstation', 'society-station', 'overseas-station'] as const;

const meeting = { needId: text, expertId: text, enterprise: text, enterpriseName: text, score };

export const scheduleSchema: z.ZodType<EventSchedule> = z.strictObject({
  slotMinutes: z.number().int().min(1),
  slots: z.array(slot),
  meetings: z.array(z.strictObject({ ...meeting, slot: count, start: text, end: text })),
  unscheduled: z.array(z.strictObject({ ...meeting, reason: text })),
});

export const stationsSchema: z.ZodType<StationSuggestion[]> = z.array(
  z.strictObject({
    enterprise: text,
    enterpriseKey: text,
    expertId: text,
    kind: z.enum(STATION_KINDS),
    station: z.enum(STATION_TYPES),
    needIds: z.array(text),
    meanScore: score,
  }),
);

const code = z.enum(INDUSTRY_CODES).nullable();

export const reportDataSchema: z.ZodType<ReportData> = z.strictObject({
  title: text,
  subtitle: text.optional(),
  threshold: score,
  coverage: z.array(z.strictObject({ code, nameZh: text, needs: count, coveredNeeds: count, experts: count })),
  gaps: z.array(
    z.strictObject({
      code,
      nameZh: text,
      needs: z.array(
        z.strictObject({ needId: text, title: text, enterprise: text, bestScore: score, bestExpert: text.optional() }),
      ),
    }),
  ),
  assignment: z.strictObject({
    objective: z.enum(['total', 'fair']),
    rows: z.array(
      z.strictObject({
        needId: text,
        needTitle: text,
        enterprise: text,
        expertId: text,
        expertName: text,
        expertKind: z.enum(EXPERT_KINDS),
        organization: text,
        score,
        terms: z.array(text),
        industries: z.array(text),
        latent: score.optional(),
      }),
    ),
    unfilled: z.array(z.strictObject({ needId: text, needTitle: text, enterprise: text, missing: count, reason: text })),
    totalScore: score,
    worstScore: score.optional(),
  }),
  schedule: z
    .strictObject({
      slotMinutes: z.number().int().min(1),
      slots: z.array(slot),
      by: z.enum(['expert', 'enterprise']),
      rows: z.array(z.strictObject({ key: text, label: text, cells: z.array(z.array(text)) })),
      unscheduled: z.array(z.strictObject({ needId: text, expertId: text, enterprise: text, reason: text })),
    })
    .optional(),
  targets: z.array(
    z.strictObject({ label: text, value: z.number().finite(), target: z.number().finite().optional(), unit: text, note: text.optional() }),
  ),
  stations: z.array(
    z.strictObject({
      enterprise: text,
      expertId: text,
      expertName: text,
      kind: z.enum(EXPERT_KINDS),
      station: z.enum(STATION_TYPES),
      needIds: z.array(text),
      meanScore: score,
    }),
  ),
});
