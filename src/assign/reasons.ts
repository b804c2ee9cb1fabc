/**
 * Explains why a need is short of experts. In a maximum flow, a need with unmet demand has every
 * candidate expert it is not assigned to at full capacity (otherwise source -> need -> expert ->
 * sink would be an augmenting path), so the binding constraints are: too few candidate edges,
 * and/or the remaining candidates' capacities.
 */
import { edgesOfNeed, type EdgeGroups } from './candidates.js';
import type { AssignmentProblem, UnfilledNeed } from './types.js';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function explainUnfilled(
  p: AssignmentProblem,
  groups: EdgeGroups,
  assigned: Uint8Array,
  needLoad: Int32Array,
  expertLoad: Int32Array,
): UnfilledNeed[] {
  const unfilled: UnfilledNeed[] = [];
  p.needs.forEach((need, i) => {
    const missing = need.demand - needLoad[i]!;
    if (missing <= 0) return;
    const group = edgesOfNeed(groups, i);
    if (group.length === 0) {
      unfilled.push({ need: i, missing, reason: 'no candidate edges: no expert is a candidate for this need' });
      return;
    }
    const parts: string[] = [];
    if (group.length < need.demand) {
      parts.push(
        `only ${plural(group.length, 'candidate expert')} for a demand of ${need.demand} ` +
          '(an expert fills at most one slot per need)',
      );
    }
    let full = 0;
    let zero = 0;
    let spare = 0;
    for (const k of group) {
      if (assigned[k]) continue;
      const j = p.edges[k]!.expert;
      const capacity = p.experts[j]!.capacity;
      if (capacity === 0) zero++;
      else if (expertLoad[j]! >= capacity) full++;
      else spare++;
    }
    if (full + zero > 0) {
      const detail = [
        full > 0 ? `${full} filled by other needs` : '',
        zero > 0 ? `${zero} with capacity 0` : '',
      ].filter(Boolean);
      const who = full + zero === 1 ? 'the 1 other candidate expert is' : `all ${full + zero} other candidate experts are`;
      parts.push(`${who} at capacity (${detail.join(', ')})`);
    }
    if (spare > 0) {
      parts.push(`${plural(spare, 'candidate')} with spare capacity could not be used without unfilling another slot`);
    }
    unfilled.push({ need: i, missing, reason: parts.join('; ') });
  });
  return unfilled;
}
