/**
 * Per-expert availability as slot indexes. Slot k runs from start + k·len to start + (k+1)·len;
 * it is available in a window [from, to) when it lies wholly inside it. Slot index lists are
 * taken as given. Indexes are clipped to [0, limit).
 */
import { clockMinute, type EventClock } from './time.js';
import type { AvailabilityWindow } from './types.js';

export const SLOT_LIMIT = 10_000;

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

export function availableSlots(
  clock: EventClock,
  slotMinutes: number,
  spec: readonly AvailabilityWindow[] | readonly number[],
  limit: number,
): number[] {
  if (spec.every((x): x is number => typeof x === 'number')) {
    return [...new Set(spec)].filter((k) => k < limit).sort((a, b) => a - b);
  }
  return windowSlots(clock, slotMinutes, spec as readonly AvailabilityWindow[], limit);
}
