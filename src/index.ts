/**
 * innomatch: match enterprise technology needs to experts, societies and overseas scientists.
 * Importing this module has no side effects: nothing is read, printed or started until
 * `createMatcher` is called.
 */
export { createMatcher, loadMatcher } from './matcher.js';
export type {
  Matcher,
  MatcherResources,
  MatcherStats,
  BatchOptions,
  RecommendExpertsOptions,
  RecommendNeedsOptions,
} from './matcher.js';
export type { MatcherOptions, ResolvedOptions, RuntimeOptions } from './config.js';
export { PUBLICATION_PROFILES } from './config.js';
export { createSegmenterPool, type SegmenterPool } from './text/backends/index.js';
export { ValidationError, InnomatchError, SnapshotError } from './errors.js';
export type { ValidationIssue } from './errors.js';
export { INDUSTRIES } from './taxonomy/industries.js';
export type { Industry } from './taxonomy/industries.js';
export { INDUSTRY_CODES, isIndustryCode } from './taxonomy/codes.js';
export { DISCIPLINES, DISCIPLINE_CODES, disciplineCodes } from './taxonomy/disciplines/index.js';
export type { Discipline } from './taxonomy/disciplines/index.js';
export type { IndustryCode } from './taxonomy/codes.js';
export { EXPERT_KINDS } from './types.js';
export { explanationTermText } from './rank/term-text.js';
export type {
  ExpertInput,
  ExpertKind,
  NeedInput,
  EnterpriseInput,
  PublicationInput,
  Recommendation,
  Explanation,
  ExplanationTerm,
  ExplanationIndustry,
  ExplanationDiscipline,
  IndustryScore,
} from './types.js';
export { loadBackgroundIdf, flatBackgroundIdf } from './index/background-idf.js';
export type { BackgroundIdf } from './index/background-idf.js';
export type { Segmenter, SegmenterBackend } from './text/segmenter.js';
export { SNAPSHOT_VERSION } from './snapshot.js';
export type { MatcherSnapshot } from './snapshot.js';
export { assignEvent, scheduleEvent, suggestStations, STATION_NAMES_ZH, enterpriseOf, sameOrganisation } from './event/index.js';
export type {
  AssignEventOptions,
  EventAssignment,
  EventPair,
  EventUnfilled,
  EventConflict,
  ScheduleEventOptions,
  EventSchedule,
  EventSlot,
  ScheduledMeeting,
  UnscheduledMeeting,
  AvailabilityWindow,
  SuggestStationsOptions,
  StationSuggestion,
  StationKind,
  StationType,
  EventMatcher,
} from './event/index.js';
export { buildReportData, renderReport } from './report/index.js';
export type { BuildReportOptions, ReportTargets, ReportData } from './report/index.js';
export { tuneWeights, validateQrels, readQrels, DEFAULT_GRID } from './tune/index.js';
export type { TuneInput, TuneResult, TuneTrace, FoldTrace, Qrel, Metrics, TunedParams, GridInput, SearchTrace } from './tune/index.js';
