/** Public types of a matchmaking event (对接会): assignment, schedule and station suggestions. */
import type { Matcher } from '../matcher.js';
import type { ExpertKind } from '../types.js';

/** The part of a {@link Matcher} an event needs (so the event functions can take any matcher). */
export type EventMatcher = Pick<
  Matcher,
  'recommendExperts' | 'getExpert' | 'getNeed' | 'expertIds' | 'needIds' | 'industriesOf'
>;

/** A need and an expert that must not meet. */
export interface EventConflict {
  needId: string;
  expertId: string;
}

export interface AssignEventOptions {
  /** Needs taking part (default: every added need). */
  needIds?: string[];
  /** Experts taking part (default: every added expert). */
  expertIds?: string[];
  /**
   * Needs an expert can take at the event: one number for all, or a map by expert id (experts
   * absent from the map get the default 3). An expert's own `capacity` field wins over both. A
   * society is one node whose capacity is the number of delegates it can send.
   */
  expertCapacity?: number | Record<string, number>;
  /** Experts wanted per need: one number, or a map by need id (absent needs get 1). Default 1. */
  expertsPerNeed?: number | Record<string, number>;
  /** Pairs scoring below this are not candidates (default 0; a pair must score > 0 anyway). */
  minScore?: number;
  /** Need/expert pairs that must not meet (ids must exist). */
  conflicts?: EventConflict[];
  /**
   * Apply the own-organisation rule (default true): an expert never meets a need of their own
   * organisation. See `sameOrganisation` in `organisation.ts`.
   */
  ownOrganisationRule?: boolean;
  /** 'total' (default): most filled slots, then highest total score. 'fair': then the highest worst score. */
  objective?: 'total' | 'fair';
  /** Backup experts to list per need (default 0). */
  alternates?: number;
  /** Candidate experts considered per need, best first (default: every expert with a positive score). */
  candidatesPerNeed?: number;
  /** Called after each need's candidates are ranked (for progress bars). */
  onProgress?: (done: number, total: number) => void;
}

export interface EventPair {
  needId: string;
  expertId: string;
  /** Exactly the score `recommendExperts` gives this pair. */
  score: number;
}

export interface EventUnfilled {
  needId: string;
  /** Experts wanted minus experts assigned. */
  missing: number;
  /** The binding constraint(s), in words, naming experts by id. */
  reason: string;
}

export interface EventAssignment {
  /** Sorted by need (in event order), then score descending, then expert id. */
  pairs: EventPair[];
  totalScore: number;
  /** With objective 'fair': the smallest assigned score (the maximised bottleneck). */
  worstScore?: number;
  unfilled: EventUnfilled[];
  /** Per need id: backup expert ids (not assigned to that need), best first. */
  alternates: Record<string, string[]>;
}

/** A time window in which an expert can meet: 'HH:MM' or ISO datetimes; `to` is exclusive. */
export interface AvailabilityWindow {
  from: string;
  to: string;
}

export interface ScheduleEventOptions {
  /** Length of a meeting slot in minutes (default 20). */
  slotMinutes?: number;
  /** Start of the first slot: 'HH:MM' or an ISO datetime (default '09:00'). */
  start?: string;
  /** Per expert id: time windows, or slot indexes (0-based), in which the expert can meet. */
  availability?: Record<string, AvailabilityWindow[] | number[]>;
  /** At most this many slots (default: as many as needed). */
  maxSlots?: number;
}

export interface EventSlot {
  index: number;
  start: string;
  end: string;
}

export interface ScheduledMeeting {
  needId: string;
  expertId: string;
  /** Enterprise key (see `enterpriseOf`). */
  enterprise: string;
  /** Display name of the enterprise. */
  enterpriseName: string;
  score: number;
  slot: number;
  start: string;
  end: string;
}

export interface UnscheduledMeeting {
  needId: string;
  expertId: string;
  enterprise: string;
  enterpriseName: string;
  score: number;
  reason: string;
}

export interface EventSchedule {
  slotMinutes: number;
  /** Every slot from 0 to slotCount-1. */
  slots: EventSlot[];
  /** Sorted by slot, then expert id. */
  meetings: ScheduledMeeting[];
  unscheduled: UnscheduledMeeting[];
}

export const STATION_KINDS = ['academician', 'society', 'overseas'] as const;
export type StationKind = (typeof STATION_KINDS)[number];
export type StationType = 'academician-workstation' | 'society-station' | 'overseas-station';

export interface SuggestStationsOptions {
  /** An expert counts for a need when it is in the need's top `topK` (default 3). */
  topK?: number;
  /** ... for at least this many of the enterprise's needs (default 2). */
  minNeeds?: number;
  /** Needs considered (default: every added need). */
  needIds?: string[];
  /** Expert kinds that can host a station (default all three). */
  kinds?: StationKind[];
  /** Ignore recommendations scoring below this (default 0). */
  minScore?: number;
}

export interface StationSuggestion {
  /** Enterprise display name. */
  enterprise: string;
  /** Enterprise key (see `enterpriseOf`). */
  enterpriseKey: string;
  expertId: string;
  kind: StationKind;
  station: StationType;
  /** The enterprise's needs for which the expert is in the top-k, in event order. */
  needIds: string[];
  meanScore: number;
}

export type { ExpertKind };
