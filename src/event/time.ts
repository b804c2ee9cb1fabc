/**
 * Event clock. Times are 'HH:MM' (or 'H:MM': '9:00') or ISO datetimes ('2025-06-18T09:00',
 * seconds and a 'Z' or '+08:00' offset allowed). Internally a time is minutes on the event's own
 * wall clock since midnight of the start day; an ISO time with an offset different from the
 * start's is converted to the start's offset. Output keeps the start's form: 'HH:MM' (past
 * midnight: '+1d HH:MM'; {@link displayTime} for tables), or 'YYYY-MM-DDTHH:MM' plus the start's
 * offset.
 */
import { InnomatchError } from '../errors.js';

/** 'HH:MM' or 'H:MM', 00:00 to 23:59. */
const HHMM = /^([01]?\d|2[0-3]):([0-5]\d)$/;
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

interface Parsed {
  kind: 'hhmm' | 'iso';
  /** Wall-clock ms (fields read as if UTC). */
  wallMs: number;
  offset?: string;
}

export function isEventTime(text: string): boolean {
  return parseTime(text) !== undefined;
}

function parseTime(text: string): Parsed | undefined {
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
  if (!p) throw new InnomatchError(`start must be 'HH:MM' or an ISO datetime, got "${start}"`);
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
    // 'HH:MM' is on the start day; an ISO time with an 'HH:MM' start: its time of day.
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
