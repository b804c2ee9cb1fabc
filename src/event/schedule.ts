/**
 * `scheduleEvent`: a meeting slot for every assigned pair such that no expert and no enterprise
 * is in two meetings at once.
 *
 * - An expert assigned to several needs of one enterprise meets it once, for all those needs
 *   (the pairs share a slot).
 * - A society sends a different delegate to each of its needs, so its meetings may run in
 *   parallel (only the enterprises constrain them); its availability applies to every delegate.
 * - Without availability the number of slots is the minimum, the largest number of meetings of
 *   one expert or enterprise (exact edge colouring, `scheduleMeetings`). With availability
 *   (windows or slot indexes per expert) no meeting is put outside it, and meetings that cannot
 *   be placed are reported with the reason.
 */
import { z } from 'zod';
import { scheduleMeetings, type MeetingPair } from '../assign/index.js';
import type { NeedInput } from '../types.js';
import { checkAssignment } from './assignment-schema.js';
import { availableSlots, SLOT_LIMIT } from './availability.js';
import { matcherEnterprises, type EnterpriseRef } from './enterprise.js';
import { IssueList, parseOrThrow, RESERVED_KEYS } from './issues.js';
import { createClock, formatMinute, isEventTime } from './time.js';
import type {
  EventAssignment,
  EventMatcher,
  EventSchedule,
  ScheduledMeeting,
  ScheduleEventOptions,
  UnscheduledMeeting,
} from './types.js';

const time = z.string().refine(isEventTime, "must be 'HH:MM' or an ISO datetime");
const scheduleOptionsSchema = z.strictObject({
  slotMinutes: z.number().int().min(1).max(1440).optional(),
  start: time.optional(),
  availability: z
    .record(
      z.string().refine((k) => !RESERVED_KEYS.has(k), 'is a reserved name, not an id'),
      z.union([
        z.array(z.number().int().min(0).max(SLOT_LIMIT - 1)),
        z.array(z.strictObject({ from: time, to: time })),
      ]),
    )
    .optional(),
  maxSlots: z.number().int().min(0).max(SLOT_LIMIT).optional(),
});

const CONTEXT = 'scheduleEvent options';

interface Meeting {
  vertex: number;
  enterprise: number;
  pairs: number[];
}

export function scheduleEvent(m: EventMatcher, assignment: EventAssignment, opts?: ScheduleEventOptions): EventSchedule {
  const o = parseOrThrow(scheduleOptionsSchema, opts ?? {}, CONTEXT);
  const a = checkAssignment(m, assignment);
  const slotMinutes = o.slotMinutes ?? 20;
  const clock = createClock(o.start ?? '09:00');
  const experts = new Set(m.expertIds());
  const issues = new IssueList();
  for (const id of Object.keys(opts?.availability ?? {})) {
    // The raw keys: a parsed copy may drop a "__proto__" key.
    if (!experts.has(id)) issues.add(`availability.${id}`, `unknown expert id "${id}"`, 0, id);
  }
  issues.throwIfAny(CONTEXT);

  // Vertices: one per expert, one per society delegate (pair). Enterprises by key, unified
  // across the event's needs (an id'd enterprise and a name-only need of the same name are one).
  const enterpriseOf = matcherEnterprises(m);
  const needCache = new Map<string, NeedInput>();
  const needOf = (id: string): NeedInput => {
    let n = needCache.get(id);
    if (!n) needCache.set(id, (n = m.getNeed(id) as NeedInput));
    return n;
  };
  const isSociety = new Map<string, boolean>();
  const society = (id: string): boolean => {
    let s = isSociety.get(id);
    if (s === undefined) isSociety.set(id, (s = m.getExpert(id)?.kind === 'society'));
    return s;
  };
  const vertexLabel: string[] = [];
  const vertexExpert: string[] = [];
  const expertVertex = new Map<string, number>();
  const enterprises: EnterpriseRef[] = [];
  const enterpriseIndex = new Map<string, number>();
  const meetings: Meeting[] = [];
  const meetingOf = new Map<string, number>();
  const pairEnterprise: EnterpriseRef[] = [];
  a.pairs.forEach((p, i) => {
    const ent = enterpriseOf(needOf(p.needId));
    pairEnterprise.push(ent);
    let y = enterpriseIndex.get(ent.key);
    if (y === undefined) {
      y = enterprises.length;
      enterprises.push(ent);
      enterpriseIndex.set(ent.key, y);
    }
    let x: number;
    if (society(p.expertId)) {
      x = vertexLabel.length;
      vertexLabel.push(`${p.expertId} (delegate for ${p.needId})`);
      vertexExpert.push(p.expertId);
    } else {
      x = expertVertex.get(p.expertId) ?? vertexLabel.length;
      if (x === vertexLabel.length) {
        expertVertex.set(p.expertId, x);
        vertexLabel.push(p.expertId);
        vertexExpert.push(p.expertId);
      }
    }
    const key = `${x}\u0000${y}`;
    const k = meetingOf.get(key);
    if (k === undefined) {
      meetingOf.set(key, meetings.length);
      meetings.push({ vertex: x, enterprise: y, pairs: [i] });
    } else meetings[k]!.pairs.push(i);
  });

  let availability: Map<number, number[]> | undefined;
  if (o.availability !== undefined) {
    availability = new Map();
    const limit = o.maxSlots ?? SLOT_LIMIT;
    const byExpert = new Map<string, number[]>();
    for (const [id, spec] of Object.entries(o.availability)) byExpert.set(id, availableSlots(clock, slotMinutes, spec, limit, id));
    vertexExpert.forEach((id, x) => {
      const slots = byExpert.get(id);
      if (slots) availability!.set(x, slots);
    });
  }
  const problem: { pairs: MeetingPair[]; availability?: Map<number, number[]>; maxSlots?: number } = {
    pairs: meetings.map((mt) => ({ need: mt.pairs[0]!, expert: mt.vertex, enterprise: mt.enterprise })),
  };
  if (availability) problem.availability = availability;
  if (o.maxSlots !== undefined) problem.maxSlots = o.maxSlots;
  const r = scheduleMeetings(problem);

  const at = (slot: number, end = false): string => formatMinute(clock, clock.startMinute + (slot + (end ? 1 : 0)) * slotMinutes);
  const relabel = (reason: string): string =>
    reason
      .replace(/\bexpert (\d+)\b/g, (_, x: string) => `expert ${vertexLabel[Number(x)] ?? x}`)
      .replace(/\benterprise (\d+)\b/g, (_, y: string) => `enterprise ${enterprises[Number(y)]?.name ?? y}`);
  const reasonOf = new Map(r.unscheduled.map((u) => [u.pair, relabel(u.reason)]));
  const scheduled: ScheduledMeeting[] = [];
  const unscheduled: UnscheduledMeeting[] = [];
  meetings.forEach((mt, k) => {
    const slot = r.slots[k]!;
    for (const i of mt.pairs) {
      const p = a.pairs[i]!;
      const ent = pairEnterprise[i]!;
      const base = { needId: p.needId, expertId: p.expertId, enterprise: ent.key, enterpriseName: ent.name, score: p.score };
      if (slot >= 0) scheduled.push({ ...base, slot, start: at(slot), end: at(slot, true) });
      else unscheduled.push({ ...base, reason: reasonOf.get(k) ?? 'not scheduled' });
    }
  });
  scheduled.sort((x, y) => x.slot - y.slot || cmp(x.expertId, y.expertId) || cmp(x.needId, y.needId));
  return {
    slotMinutes,
    slots: Array.from({ length: r.slotCount }, (_, index) => ({ index, start: at(index), end: at(index, true) })),
    meetings: scheduled,
    unscheduled,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
