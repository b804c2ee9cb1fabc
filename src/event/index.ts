/** A matchmaking event (对接会): who meets whom, when, and which pairings should become stations. */
export { assignEvent } from './assign.js';
export { scheduleEvent } from './schedule.js';
export { suggestStations, STATION_NAMES_ZH } from './stations.js';
export { enterpriseOf, type EnterpriseRef } from './enterprise.js';
export { sameOrganisation, normaliseOrganisation } from './organisation.js';
export { checkAssignment } from './assignment-schema.js';
export { solveEvent, type IdProblem } from './solve.js';
export * from './types.js';
