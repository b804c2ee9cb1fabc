/** Pure assignment and scheduling solvers: score matrix (candidate edges) + constraints in, plan out. */
export { solveAssignment } from './solve.js';
export { scheduleMeetings } from './schedule.js';
export { minCostFlow, type MinCostFlowOptions, type MinCostFlowResult } from './mincostflow.js';
export { maxFlow } from './maxflow.js';
export { FlowNetworkBuilder, edgeFlow, resetFlow, type ResidualGraph } from './network.js';
export type {
  AssignedPair,
  AssignmentEdge,
  AssignmentExpert,
  AssignmentNeed,
  AssignmentProblem,
  AssignmentResult,
  MeetingPair,
  ScheduleProblem,
  ScheduleResult,
  UnfilledNeed,
  UnscheduledPair,
} from './types.js';
