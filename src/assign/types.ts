/** Input and output types of the assignment and scheduling solvers. */

export interface AssignmentNeed {
  readonly id: string;
  /** Experts wanted for this need (expertsPerNeed). Non-negative integer. */
  readonly demand: number;
}

export interface AssignmentExpert {
  readonly id: string;
  /** Needs this expert can take; a society is one node whose capacity is its delegate count. */
  readonly capacity: number;
}

export interface AssignmentEdge {
  /** Index into `needs`. */
  readonly need: number;
  /** Index into `experts`. */
  readonly expert: number;
  /** Match score, finite and > 0. */
  readonly score: number;
}

export interface AssignmentProblem {
  needs: readonly AssignmentNeed[];
  experts: readonly AssignmentExpert[];
  /** Candidate pairs only (an absent pair is a conflict / non-candidate). At most one per pair. */
  edges: readonly AssignmentEdge[];
  /**
   * 'total': maximise filled slots, then total score.
   * 'fair': maximise filled slots, then the smallest assigned score (bottleneck), then total score.
   */
  objective: 'total' | 'fair';
  /** Number of backup experts to list per need (default 0). */
  alternates?: number;
}

export interface AssignedPair {
  need: number;
  expert: number;
  score: number;
}

export interface UnfilledNeed {
  need: number;
  /** Demand minus assigned experts. */
  missing: number;
  /** Which constraint binds, in words. */
  reason: string;
}

export interface AssignmentResult {
  /** Sorted by need, then score descending, then expert index. */
  pairs: AssignedPair[];
  totalScore: number;
  /** Needs with demand > 0 that did not get all their experts. */
  unfilled: UnfilledNeed[];
  /** Per need: up to `alternates` candidate experts not assigned to it, best score first. */
  alternates: number[][];
  /** For 'fair': the smallest score among assigned pairs (the maximised bottleneck); absent if no pair. */
  worstNeedScore?: number;
}

export interface MeetingPair {
  readonly need: number;
  readonly expert: number;
  readonly enterprise: number;
}

export interface ScheduleProblem {
  pairs: readonly MeetingPair[];
  /** Expert index -> slot indexes the expert can attend. Experts not in the map are always free. */
  availability?: ReadonlyMap<number, readonly number[]>;
  /** Upper bound on the number of slots (slot indexes are 0 .. maxSlots-1). */
  maxSlots?: number;
}

export interface UnscheduledPair {
  /** Index into `pairs`. */
  pair: number;
  reason: string;
}

export interface ScheduleResult {
  /** Slot of each pair, -1 when unscheduled. */
  slots: number[];
  /** 1 + the largest slot used (0 when nothing is scheduled). */
  slotCount: number;
  unscheduled: UnscheduledPair[];
}
