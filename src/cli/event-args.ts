/** Command-line options shared by `assign`, `schedule` and `report`, turned into library options. */
import { isEventTime } from '../event/time.js';
import { MAX_COUNT } from '../event/options.js';
import type { AssignEventOptions, ScheduleEventOptions, SuggestStationsOptions } from '../event/types.js';
import { type FileSource, jsonSource, readConflicts, readJsonFile } from './event-files.js';
import { UsageError } from './shared.js';

export const ASSIGN_ARGS = {
  'per-need': { type: 'string' },
  capacity: { type: 'string' },
  'min-score': { type: 'string' },
  objective: { type: 'string' },
  alternates: { type: 'string' },
  candidates: { type: 'string' },
  conflicts: { type: 'string' },
  'allow-own-organisation': { type: 'boolean' },
} as const;

export const SCHEDULE_ARGS = {
  'slot-minutes': { type: 'string' },
  start: { type: 'string' },
  availability: { type: 'string' },
  'max-slots': { type: 'string' },
} as const;

export const ASSIGN_HELP = `Assignment options:
  --per-need N       experts per need (default 1)
  --capacity N       needs per expert when the expert has no capacity of its own (default 3);
                     a society's capacity is the number of delegates it sends
  --min-score X      pairs scoring below X are not considered (default 0)
  --objective O      total (default: most meetings, then highest total score)
                     or fair (most meetings, then the best worst score)
  --alternates K     list K backup experts per need (assign only: schedule and report show none)
  --candidates N     consider only each need's N best experts (faster on large sets)
  --conflicts FILE   need/expert pairs that must not meet: .csv (needId,expertId or 需求编号,专家编号),
                     .json array or .jsonl of {"needId": "...", "expertId": "..."}
  --allow-own-organisation
                     let experts meet needs of their own organisation (excluded by default:
                     organisation and enterprise name equal, or one the start of the other,
                     after full-width and spaces are normalised)`;

export const SCHEDULE_HELP = `Schedule options:
  --slot-minutes N   length of a meeting (default 20)
  --start T          start of the first slot, HH:MM (9:00 too) or ISO datetime (default 09:00)
  --availability F   JSON: {"E001": [{"from": "09:00", "to": "10:30"}], "E002": [0, 1, 2]}
                     (time windows, or slot indexes from 0), experts not listed are always free;
                     window times in the form of --start: HH:MM, past midnight "+1d 00:40"
                     (or "00:40 (+1d)"); ISO with an ISO start, with an offset if it has one;
                     "to" must be after "from" (overnight: {"from": "23:20", "to": "+1d 00:40"})
  --max-slots N      at most N slots; meetings that do not fit are reported`;

type Values = Record<string, string | boolean | string[] | boolean[] | undefined>;

/** An integer flag in [min, max], refused as a usage error naming the flag (not the library option). */
export function intArg(values: Values, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || !/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
    throw new UsageError(`--${name} must be an integer ${range} (got "${String(v)}")`);
  }
  return n;
}

/** A decimal number (0.3, -1, 2e-3); hexadecimal, binary and the like are refused. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

export function numberArg(values: Values, name: string): number | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || !DECIMAL.test(v.trim()) || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number (got "${String(v)}")`);
  return n;
}

/** Assignment options and the files they came from (to locate problems). */
export function assignOptions(values: Values): { options: AssignEventOptions; sources: FileSource[] } {
  const options: AssignEventOptions = {};
  const sources: FileSource[] = [];
  const perNeed = intArg(values, 'per-need', 0, MAX_COUNT);
  if (perNeed !== undefined) options.expertsPerNeed = perNeed;
  const capacity = intArg(values, 'capacity', 0, MAX_COUNT);
  if (capacity !== undefined) options.expertCapacity = capacity;
  const minScore = numberArg(values, 'min-score');
  if (minScore !== undefined) options.minScore = minScore;
  const objective = values.objective;
  if (objective !== undefined) {
    if (objective !== 'total' && objective !== 'fair') throw new UsageError(`--objective must be total or fair (got "${String(objective)}")`);
    options.objective = objective;
  }
  const alternates = intArg(values, 'alternates', 0, MAX_COUNT);
  if (alternates !== undefined) options.alternates = alternates;
  const candidates = intArg(values, 'candidates', 1);
  if (candidates !== undefined) options.candidatesPerNeed = candidates;
  if (values['allow-own-organisation'] === true) options.ownOrganisationRule = false;
  if (typeof values.conflicts === 'string') {
    const c = readConflicts(values.conflicts);
    options.conflicts = c.conflicts;
    sources.push(c.source);
  }
  return { options, sources };
}

export function scheduleOptions(values: Values): { options: ScheduleEventOptions; sources: FileSource[] } {
  const options: ScheduleEventOptions = {};
  const sources: FileSource[] = [];
  const slotMinutes = intArg(values, 'slot-minutes', 1);
  if (slotMinutes !== undefined) options.slotMinutes = slotMinutes;
  if (typeof values.start === 'string') {
    if (!isEventTime(values.start)) {
      throw new UsageError(`--start must be HH:MM (or H:MM) or an ISO datetime such as 2025-06-18T09:00 (got "${values.start}")`);
    }
    options.start = values.start;
  }
  const maxSlots = intArg(values, 'max-slots', 0);
  if (maxSlots !== undefined) options.maxSlots = maxSlots;
  if (typeof values.availability === 'string') {
    const j = readJsonFile(values.availability);
    options.availability = j.value as ScheduleEventOptions['availability'];
    sources.push(jsonSource(j, 'availability'));
  }
  return { options, sources };
}

export const STATION_ARGS = {
  'station-top': { type: 'string' },
  'station-min-needs': { type: 'string' },
} as const;

export function stationOptions(values: Values): SuggestStationsOptions {
  const o: SuggestStationsOptions = {};
  const topK = intArg(values, 'station-top', 1);
  if (topK !== undefined) o.topK = topK;
  const minNeeds = intArg(values, 'station-min-needs', 1);
  if (minNeeds !== undefined) o.minNeeds = minNeeds;
  return o;
}
