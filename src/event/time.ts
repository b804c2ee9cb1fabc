/**
 * Event clock. Times are 'HH:MM' (or 'H:MM': '9:00') or ISO datetimes ('2025-06-18T09:00',
 * seconds and a 'Z' or '+08:00' offset allowed). A time on a later day than the start's is
 * written as the tool prints it, '+1d 00:20' (or as {@link displayTime} shows it, '00:20 (+1d)');
 * such times are accepted for availability windows, not for the start. Internally a time is minutes on the event's own
 * wall clock since midnight of the start day; an ISO time with an offset different from the
 * start's is converted to the start's offset. Output keeps the start's form: 'HH:MM' (past
 * midnight: '+1d HH:MM'; {@link displayTime} for tables), or 'YYYY-MM-DDTHH:MM' plus the start's
 * offset.
 */
import { InnomatchError } from '../errors.js';

/** 'HH:MM' or 'H:MM', 00:00 to 23:59. */
const HHMM = /^([01]?\d|2[0-3]):([0-5]\d)$/;
/** 'HH:MM' on a later day: '+1d HH:MM' (as printed) or 'HH:MM (+1d)' (as displayed). */
const DAY_PLUS = /^\+(\d{1,3})d\s+(\S+)$/;
const DAY_PLUS_DISPLAY = /^(\S+)\s+\(\+(\d{1,3})d\)$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const MINUTE = 60_000;
const DAY = 1440;

export interface EventClock {
  /** Minutes of the start since its day's midnight. */
  readonly startMinute: number;
  /** 'HH:MM' form, or the ISO date (ms at UTC midnight of the start day) and offset text. */
  readonly iso?: { dayMs: number; offset: string; offsetMinutes: number };
}

function offsetMinutes(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (text === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

export interface ParsedTime {
  kind: 'hhmm' | 'iso';
  /** Wall-clock ms (fields read as if UTC); for 'hhmm', since midnight of the start day. */
  wallMs: number;
  offset?: string;
  /** 'hhmm' only: days after the start day ('+1d 00:20' → 1). */
  dayOffset?: number;
}

/** Whether `text` is an event time; '+1d HH:MM' forms count (they are valid window times). */
export function isEventTime(text: string): boolean {
  return parseTime(text) !== undefined;
}

/** Whether `text` can be the start of an event: 'HH:MM' or ISO, without a '+1d' day. */
export function isStartTime(text: string): boolean {
  const p = parseTime(text);
  return p !== undefined && p.dayOffset === undefined;
}

export function parseTime(text: string): ParsedTime | undefined {
  const plus = DAY_PLUS.exec(text);
  const shown = plus ? undefined : DAY_PLUS_DISPLAY.exec(text);
  if (plus || shown) {
    const [days, hhmm] = plus ? [Number(plus[1]), plus[2]!] : [Number(shown![2]), shown![1]!];
    const h = HHMM.exec(hhmm);
    if (!h) return undefined;
    return { kind: 'hhmm', wallMs: (days * DAY + Number(h[1]) * 60 + Number(h[2])) * MINUTE, dayOffset: days };
  }
  const h = HHMM.exec(text);
  if (h) return { kind: 'hhmm', wallMs: (Number(h[1]) * 60 + Number(h[2])) * MINUTE };
  const i = ISO.exec(text);
  if (!i) return undefined;
  const [y, mo, d, hh, mm, ss] = [i[1], i[2], i[3], i[4], i[5], i[6] ?? '0'].map(Number) as number[];
  const ms = Date.UTC(y!, mo! - 1, d!, hh!, mm!, ss!);
  const back = new Date(ms);
  if (back.getUTCMonth() !== mo! - 1 || back.getUTCDate() !== d! || hh! > 23 || mm! > 59 || ss! > 59) return undefined;
  return { kind: 'iso', wallMs: ms, ...(i[7] !== undefined ? { offset: i[7] } : {}) };
}

export function createClock(start: string): EventClock {
  const p = parseTime(start);
  if (!p || p.dayOffset !== undefined) throw new InnomatchError(`start must be 'HH:MM' or an ISO datetime, got "${start}"`);
  if (p.kind === 'hhmm') return { startMinute: p.wallMs / MINUTE };
  // Seconds of the start are dropped: slots begin on whole minutes.
  const dayMs = Math.floor(p.wallMs / (DAY * MINUTE)) * DAY * MINUTE;
  const offset = p.offset ?? '';
  return { startMinute: Math.floor((p.wallMs - dayMs) / MINUTE), iso: { dayMs, offset, offsetMinutes: offsetMinutes(p.offset) ?? 0 } };
}

/** Minutes since the start day's midnight on the event clock, or undefined if `text` is no time. */
export function clockMinute(clock: EventClock, text: string): number | undefined {
  const p = parseTime(text);
  if (!p) return undefined;
  if (p.kind === 'hhmm' || !clock.iso) {
    // 'HH:MM' is on the start day ('+1d HH:MM' a day later); an ISO time with an 'HH:MM' start:
    // its time of day (availability windows refuse that mix, see availability.ts).
    return p.kind === 'hhmm' ? p.wallMs / MINUTE : (p.wallMs % (DAY * MINUTE)) / MINUTE;
  }
  const shift = p.offset === undefined ? 0 : clock.iso.offsetMinutes - (offsetMinutes(p.offset) ?? 0);
  return (p.wallMs - clock.iso.dayMs) / MINUTE + shift;
}

const two = (n: number): string => String(n).padStart(2, '0');

export function formatMinute(clock: EventClock, minute: number): string {
  if (!clock.iso) {
    const day = Math.floor(minute / DAY);
    const t = minute - day * DAY;
    const hhmm = `${two(Math.floor(t / 60))}:${two(t % 60)}`;
    return day === 0 ? hhmm : `+${day}d ${hhmm}`;
  }
  const d = new Date(clock.iso.dayMs + minute * MINUTE);
  return (
    `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}` +
    `T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}${clock.iso.offset}`
  );
}

/**
 * An event time for display in tables, CSV and the report: '+1d 00:20' (as {@link formatMinute}
 * writes a time past midnight) becomes '00:20 (+1d)', which no spreadsheet reads as a formula;
 * other times are returned as they are.
 */
export function displayTime(t: string): string {
  const m = /^\+(\d+)d (\d{2}:\d{2})$/.exec(t);
  return m ? `${m[2]} (+${m[1]}d)` : t;
}
