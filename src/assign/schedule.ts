/**
 * Meeting slots for a matchmaking event: no expert and no enterprise (which may bring several
 * needs) is in two meetings in the same slot.
 *
 * - No availability restrictions: exact. Slots used = maximum degree Δ of the expert-enterprise
 *   multigraph (König's edge-colouring theorem, alternating-path recolouring). With
 *   `maxSlots < Δ`, a maximum set of meetings fitting in `maxSlots` slots is kept (b-matching by
 *   max-flow) and coloured exactly; the rest are reported.
 * - With availability: heuristic list colouring (see `listcolor.ts`) that never double-books or
 *   leaves an expert's availability. Without `maxSlots` it starts from max(Δ, last available
 *   slot + 1) slots and, while meetings remain unscheduled, tries more slots (up to Δ extra,
 *   stopping after 3 increments without improvement), keeping the fewest unscheduled.
 */
import { buildMeetingGraph, maxDegree, vertexDegrees, type MeetingGraph } from './bipartitegraph.js';
import { maxDegreeBoundedSubgraph } from './degreecap.js';
import { colourBipartiteEdges } from './edgecolor.js';
import { listColourBipartite } from './listcolor.js';
import { validateScheduleProblem } from './schedulevalidate.js';
import type { ScheduleProblem, ScheduleResult, UnscheduledPair } from './types.js';

export type { ScheduleProblem, ScheduleResult } from './types.js';

function slotCountOf(slots: ArrayLike<number>): number {
  let max = -1;
  for (let i = 0; i < slots.length; i++) max = Math.max(max, slots[i]!);
  return max + 1;
}

function exactSchedule(g: MeetingGraph, maxSlots: number | undefined): ScheduleResult {
  const degree = vertexDegrees(g);
  const delta = maxDegree(degree);
  const keep = maxSlots !== undefined && maxSlots < delta
      ? maxDegreeBoundedSubgraph(g, new Int32Array(degree.length).fill(maxSlots))
      : undefined;
  const { colours } = colourBipartiteEdges(g, keep);
  const unscheduled: UnscheduledPair[] = [];
  if (keep) {
    const load = vertexDegrees(g, keep);
    for (let e = 0; e < colours.length; e++) {
      if (keep[e]) continue;
      const x = g.left[e]!;
      const y = g.right[e]!;
      const side =
        load[x]! >= maxSlots!
          ? `expert ${g.expertOf[x]} already has ${load[x]} meetings`
          : `enterprise ${g.enterpriseOf[y]} already has ${load[g.leftCount + y]} meetings`;
      unscheduled.push({
        pair: e,
        reason: `slot limit: ${side} and maxSlots is ${maxSlots} (a maximum set of meetings was kept)`,
      });
    }
  }
  const slots = Array.from(colours);
  return { slots, slotCount: slotCountOf(slots), unscheduled };
}

function allowedLists(
  g: MeetingGraph,
  availability: ReadonlyMap<number, readonly number[]>,
  slotCount: number,
): (Uint8Array | null)[] {
  return g.expertOf.map((expert) => {
    const list = availability.get(expert);
    if (list === undefined) return null;
    const allowed = new Uint8Array(slotCount);
    for (const slot of list) if (slot < slotCount) allowed[slot] = 1;
    return allowed;
  });
}

/**
 * Why pair `e` found no slot among the `L` tried. `shown` is the schedule's own slot count (the last
 * used slot + 1, at most L), which the message quotes: what holds for all L slots holds for those.
 */
function explain(g: MeetingGraph, e: number, colours: Int32Array, allowed: Uint8Array | null, L: number, shown: number): string {
  const x = g.left[e]!;
  const y = g.right[e]!;
  const expert = g.expertOf[x];
  const enterprise = g.enterpriseOf[y];
  if (L === 0) return 'maxSlots is 0';
  const expertBusy = new Uint8Array(L);
  let enterpriseLoad = 0;
  for (let f = 0; f < colours.length; f++) {
    const c = colours[f]!;
    if (c < 0) continue;
    if (g.left[f] === x) expertBusy[c] = 1;
    if (g.right[f] === y) enterpriseLoad++;
  }
  const open: number[] = [];
  for (let c = 0; c < L; c++) if (!allowed || allowed[c]) open.push(c);
  if (open.length === 0) return `expert ${expert} is not available in ${shown > 0 ? `any of the ${shown} slots` : 'any slot'}`;
  const free = open.filter((c) => !expertBusy[c]);
  if (free.length === 0) {
    return `expert ${expert} is available in ${open.length} slot(s) [${open.join(', ')}], all taken by its other meetings`;
  }
  if (enterpriseLoad >= L) return `enterprise ${enterprise} already has meetings in all ${shown} slots`;
  return (
    `enterprise ${enterprise} is busy in every slot expert ${expert} still has free ([${free.join(', ')}]), ` +
    'and no chain of moves within availability could free one'
  );
}

function restrictedSchedule(g: MeetingGraph, p: ScheduleProblem): ScheduleResult {
  const availability = p.availability!;
  const delta = maxDegree(vertexDegrees(g));
  let lastAvailable = -1;
  for (const expert of g.expertOf) for (const slot of availability.get(expert) ?? []) lastAvailable = Math.max(lastAvailable, slot);
  const base = p.maxSlots ?? Math.max(delta, lastAvailable + 1);
  const tries = p.maxSlots === undefined ? delta : 0;
  let best: { colours: Int32Array; L: number; failed: number } | undefined;
  for (let L = base, stale = 0; L <= base + tries && stale < 3; L++) {
    const colours = listColourBipartite({ graph: g, slotCount: L, allowed: allowedLists(g, availability, L) });
    const failed = colours.reduce((n, c) => n + (c < 0 ? 1 : 0), 0);
    if (!best || failed < best.failed) {
      best = { colours, L, failed };
      stale = 0;
    } else {
      stale++;
    }
    if (failed === 0) break;
  }
  const { colours, L } = best!;
  const allowed = allowedLists(g, availability, L);
  const slots = Array.from(colours);
  const slotCount = slotCountOf(slots);
  const unscheduled: UnscheduledPair[] = [];
  colours.forEach((c, e) => {
    if (c < 0) unscheduled.push({ pair: e, reason: explain(g, e, colours, allowed[g.left[e]!] ?? null, L, slotCount) });
  });
  return { slots, slotCount, unscheduled };
}

export function scheduleMeetings(p: ScheduleProblem): ScheduleResult {
  validateScheduleProblem(p);
  const g = buildMeetingGraph(p.pairs);
  const restricted = p.availability !== undefined && g.expertOf.some((expert) => p.availability!.has(expert));
  return restricted ? restrictedSchedule(g, p) : exactSchedule(g, p.maxSlots);
}
