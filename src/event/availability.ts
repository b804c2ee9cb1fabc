/**
 * Per-expert availability as slot indexes. Slot k runs from start + k·len to start + (k+1)·len;
 * it is available in a window [from, to) when it lies wholly inside it. Slot index lists are
 * taken as given. Indexes are clipped to [0, limit).
 *
 * Window times take the start's form: with an 'HH:MM' start, 'HH:MM' on the start day or
 * '+1d HH:MM' / 'HH:MM (+1d)' on a later day (as the tool prints times past midnight); with an
 * ISO start, ISO datetimes with an offset exactly when the start has one ('HH:MM' is then read on
 * the start day, at the start's offset). A window must end after it begins: an overnight window
 * is written {"from": "23:20", "to": "+1d 00:40"}. Other windows are refused (see
 * {@link windowIssues}) rather than shifted or dropped silently.
 */
import { ValidationError, type ValidationIssue } from '../errors.js';
import { clockMinute, parseTime, type EventClock } from './time.js';
import type { AvailabilityWindow } from './types.js';

export const SLOT_LIMIT = 10_000;

const CONTEXT = 'scheduleEvent options';

/** Why `text` cannot be a window time on `clock`, or undefined if it can. */
function timeProblem(clock: EventClock, text: unknown): string | undefined {
  const p = typeof text === 'string' ? parseTime(text) : undefined;
  if (!p) return "must be 'HH:MM', '+1d HH:MM' or an ISO datetime";
  if (!clock.iso) {
    if (p.kind === 'iso') {
      return (
        `"${text as string}" is an ISO datetime but the event start is 'HH:MM': its date and offset would be lost; ` +
        "write window times as 'HH:MM' (next day: '+1d HH:MM'), or give the start as an ISO datetime"
      );
    }
    return undefined;
  }
  if (p.kind === 'hhmm') return undefined; // on the start day, at the start's offset
  const startHasOffset = clock.iso.offset !== '';
  const hasOffset = p.offset !== undefined;
  if (startHasOffset && !hasOffset) {
    return `"${text as string}" has no UTC offset but the event start has one (${clock.iso.offset}): add the offset, as in the start`;
  }
  if (!startHasOffset && hasOffset) {
    return (
      `"${text as string}" has a UTC offset (${p.offset!}) but the event start has none: ` +
      'give the start with an offset too (or drop the offsets from the windows)'
    );
  }
  return undefined;
}

/**
 * The problems of one expert's windows, with paths `availability.<expert>.<index>.<field>`
 * (without an expert id: path `availability`, window and field in the message).
 */
export function windowIssues(clock: EventClock, windows: readonly AvailabilityWindow[], expertId?: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (i: number, field: string, message: string): void => {
    if (expertId === undefined) issues.push({ index: 0, path: 'availability', message: `window ${i}, ${field}: ${message}` });
    else issues.push({ index: 0, id: expertId, path: `availability.${expertId}.${i}.${field}`, message: `expert ${expertId}, window ${i}: ${message}` });
  };
  windows.forEach((w, i) => {
    const fromProblem = timeProblem(clock, w.from);
    const toProblem = timeProblem(clock, w.to);
    if (fromProblem) add(i, 'from', fromProblem);
    if (toProblem) add(i, 'to', toProblem);
    if (fromProblem || toProblem) return;
    const from = clockMinute(clock, w.from)!;
    const to = clockMinute(clock, w.to)!;
    if (to <= from) {
      const next = clock.iso ? '' : `; a window past midnight ends on the next day: "to": "+1d ${w.to.replace(/\s*\(\+\d+d\)$/, '').replace(/^\+\d+d\s+/, '').padStart(5, '0')}"`;
      add(i, 'to', `"to" (${w.to}) must be after "from" (${w.from})${next}`);
    }
  });
  return issues;
}

/** Checks every expert's windows; throws a {@link ValidationError} naming expert, window and field. */
export function checkAvailability(
  clock: EventClock,
  availability: Readonly<Record<string, readonly AvailabilityWindow[] | readonly number[]>>,
): void {
  const issues: ValidationIssue[] = [];
  for (const [id, spec] of Object.entries(availability)) {
    if (!spec.every((x) => typeof x === 'number')) issues.push(...windowIssues(clock, spec as readonly AvailabilityWindow[], id));
  }
  if (issues.length > 0) throw new ValidationError(issues, CONTEXT);
}

/** Slots wholly inside the windows (an empty or reversed window gives none; no checks). */
export function windowSlots(
  clock: EventClock,
  slotMinutes: number,
  windows: readonly AvailabilityWindow[],
  limit: number,
): number[] {
  const slots = new Set<number>();
  for (const w of windows) {
    const from = clockMinute(clock, w.from)!;
    const to = clockMinute(clock, w.to)!;
    const first = Math.max(0, Math.ceil((from - clock.startMinute) / slotMinutes));
    const last = Math.min(limit, Math.floor((to - clock.startMinute) / slotMinutes)); // exclusive
    for (let k = first; k < last; k++) slots.add(k);
  }
  return [...slots].sort((a, b) => a - b);
}

/**
 * An expert's available slots. Windows are checked first ({@link windowIssues}): a bad window
 * throws a {@link ValidationError}; pass `expertId` so that it names the expert.
 */
export function availableSlots(
  clock: EventClock,
  slotMinutes: number,
  spec: readonly AvailabilityWindow[] | readonly number[],
  limit: number,
  expertId?: string,
): number[] {
  if (spec.every((x): x is number => typeof x === 'number')) {
    return [...new Set(spec)].filter((k) => k < limit).sort((a, b) => a - b);
  }
  const windows = spec as readonly AvailabilityWindow[];
  const issues = windowIssues(clock, windows, expertId);
  if (issues.length > 0) throw new ValidationError(issues, CONTEXT);
  return windowSlots(clock, slotMinutes, windows, limit);
}
