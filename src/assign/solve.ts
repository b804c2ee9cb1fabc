/**
 * Need-to-expert assignment by min-cost flow.
 *
 * Optimality (all exact, up to the power-of-two cost quantisation documented in `quantize.ts`):
 * - 'total': among all feasible assignments (each need gets at most `demand` distinct candidate
 *   experts, each expert at most `capacity` needs) it first maximises the number of filled slots
 *   F, then the total score. Successive shortest paths on cost = -score yields, for the maximum
 *   flow value F, a minimum-cost flow, i.e. exactly this lexicographic optimum.
 * - 'fair': among assignments filling F slots it maximises the bottleneck t* = the smallest score
 *   of any assigned pair (equivalently, with demand 1, the worst-served need's score), then
 *   maximises the total score among assignments filling F slots using only edges scoring >= t*.
 *   (Max-min of per-need score *sums* is NP-hard for demand > 1, so the bottleneck is per slot.)
 */
import { pickAlternates } from './alternates.js';
import { assignedEdges, buildAssignmentNetwork } from './bipartite.js';
import { groupEdgesByNeed } from './candidates.js';
import { bottleneckThreshold, restrictToThreshold } from './fair.js';
import { maxFlow } from './maxflow.js';
import { minCostFlow } from './mincostflow.js';
import { explainUnfilled } from './reasons.js';
import type { AssignedPair, AssignmentProblem, AssignmentResult } from './types.js';
import { validateAssignmentProblem } from './validate.js';

export type { AssignmentProblem, AssignmentResult } from './types.js';

export function solveAssignment(p: AssignmentProblem): AssignmentResult {
  validateAssignmentProblem(p);
  const net = buildAssignmentNetwork(p);

  if (p.objective === 'fair') {
    const filled = maxFlow(net.graph, net.source, net.sink);
    const threshold = bottleneckThreshold(net, p.edges, filled);
    restrictToThreshold(net, p.edges, threshold ?? -Infinity);
  }
  minCostFlow(net.graph, net.source, net.sink);

  const used = assignedEdges(net);
  const assigned = new Uint8Array(p.edges.length);
  const needLoad = new Int32Array(p.needs.length);
  const expertLoad = new Int32Array(p.experts.length);
  const pairs: AssignedPair[] = used.map((k) => {
    const e = p.edges[k]!;
    assigned[k] = 1;
    needLoad[e.need]!++;
    expertLoad[e.expert]!++;
    return { need: e.need, expert: e.expert, score: e.score };
  });
  pairs.sort((a, b) => a.need - b.need || b.score - a.score || a.expert - b.expert);
  let totalScore = 0;
  let worst = Infinity;
  for (const pair of pairs) {
    totalScore += pair.score;
    worst = Math.min(worst, pair.score);
  }

  const groups = groupEdgesByNeed(p.needs.length, p.edges);
  const result: AssignmentResult = {
    pairs,
    totalScore,
    unfilled: explainUnfilled(p, groups, assigned, needLoad, expertLoad),
    alternates: pickAlternates(p.needs.length, p.edges, groups, assigned, p.alternates ?? 0),
  };
  if (p.objective === 'fair' && pairs.length > 0) result.worstNeedScore = worst;
  return result;
}
