/** The schedule as a grid: one row per expert (or enterprise), one column per slot. */
import type { EventSchedule } from '../event/types.js';
import type { ScheduleGridRow, ScheduleSection } from './types.js';

export function scheduleSection(
  s: EventSchedule,
  by: 'expert' | 'enterprise',
  expertName: (id: string) => string,
): ScheduleSection {
  const rows = new Map<string, ScheduleGridRow>();
  for (const mt of s.meetings) {
    const key = by === 'expert' ? mt.expertId : mt.enterprise;
    let row = rows.get(key);
    if (!row) {
      const label = by === 'expert' ? `${expertName(mt.expertId)}（${mt.expertId}）` : mt.enterpriseName;
      row = { key, label, cells: s.slots.map(() => []) };
      rows.set(key, row);
    }
    const who = by === 'expert' ? mt.enterpriseName : expertName(mt.expertId);
    const cell = row.cells[mt.slot];
    if (!cell) continue;
    // One meeting covering several needs of an enterprise: one line listing the needs.
    const i = cell.findIndex((t) => t.startsWith(`${who} · `));
    if (i >= 0 && by === 'expert') cell[i] = `${cell[i]}、${mt.needId}`;
    else cell.push(`${who} · ${mt.needId}`);
  }
  return {
    slotMinutes: s.slotMinutes,
    slots: s.slots.map((x) => ({ ...x })),
    by,
    rows: [...rows.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    unscheduled: s.unscheduled.map((u) => ({ needId: u.needId, expertId: u.expertId, enterprise: u.enterpriseName, reason: u.reason })),
  };
}
