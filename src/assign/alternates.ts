/**
 * Backup experts per need: up to `k` candidates not assigned to that need, best score first
 * (ties: lower expert index). Non-candidates (absent edges, e.g. conflicts) are never listed.
 */
import { edgesOfNeed, type EdgeGroups } from './candidates.js';
import type { AssignmentEdge } from './types.js';

export function pickAlternates(
  needCount: number,
  edges: readonly AssignmentEdge[],
  groups: EdgeGroups,
  assigned: Uint8Array,
  k: number,
): number[][] {
  return Array.from({ length: needCount }, (_, i) => {
    if (k === 0) return [];
    const free = Array.from(edgesOfNeed(groups, i)).filter((edge) => !assigned[edge]);
    free.sort((x, y) => edges[y]!.score - edges[x]!.score || edges[x]!.expert - edges[y]!.expert);
    return free.slice(0, k).map((edge) => edges[edge]!.expert);
  });
}
