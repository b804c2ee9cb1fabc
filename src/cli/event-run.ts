/** Running the event steps for the CLI: progress on stderr, problems located in their files. */
import { assignEvent } from '../event/assign.js';
import { type AssignmentConstraints, checkAssignment, checkAssignmentConstraints } from '../event/assignment-schema.js';
import type { EventAssignment, EventMatcher } from '../event/types.js';
import { assignOptions, intArg } from './event-args.js';
import { type FileSource, jsonSource, locateErrors, readConflicts, readJsonFile } from './event-files.js';
import { type Io, progress, UsageError } from './shared.js';

type Values = Parameters<typeof assignOptions>[0];

export function runAssignment(m: EventMatcher, values: Values, io: Io): EventAssignment {
  const { options, sources } = assignOptions(values);
  const bar = progress(io, m.needIds().length, 'assigning');
  const a = locateErrors(sources, () => assignEvent(m, { ...options, onProgress: () => bar.tick() }));
  bar.done();
  return a;
}

/**
 * Assignment options that only shape a new assignment: with --assignment FILE there is none to
 * shape. (--capacity, --conflicts and --allow-own-organisation are constraints: a given
 * assignment is checked against them.)
 */
const SHAPING_ARGS = ['per-need', 'min-score', 'objective', 'alternates', 'candidates'] as const;

/** Usage errors of the assignment options: call before reading any input. */
export function checkAssignmentArgs(values: Values & { assignment?: unknown }): void {
  if (values.assignment === undefined) return;
  const given = SHAPING_ARGS.filter((k) => values[k] !== undefined).map((k) => `--${k}`);
  if (given.length > 0) {
    throw new UsageError(
      `${given.join(', ')} ${given.length === 1 ? 'does' : 'do'} not apply with --assignment FILE ` +
        '(they shape a new assignment); the assignment is checked against --capacity, --conflicts and the own-organisation rule',
    );
  }
  intArg(values, 'capacity', 0);
}

/**
 * An assignment from `assign --format json`, checked against the matcher's needs and experts and
 * against the constraints of the assignment options: capacities (the experts' own, else
 * --capacity, else 3), --conflicts, and the own-organisation rule (unless --allow-own-organisation).
 */
export function readAssignment(m: EventMatcher, file: string, values: Values = {}): EventAssignment {
  const j = readJsonFile(file);
  const sources: FileSource[] = [];
  const constraints: AssignmentConstraints = {};
  const capacity = intArg(values, 'capacity', 0);
  if (capacity !== undefined) constraints.expertCapacity = capacity;
  if (typeof values.conflicts === 'string') {
    const c = readConflicts(values.conflicts);
    constraints.conflicts = c.conflicts;
    sources.push(c.source);
  }
  if (values['allow-own-organisation'] === true) constraints.ownOrganisationRule = false;
  // The assignment file last: its prefix '' takes every path the conflicts file does not.
  sources.push(jsonSource(j, ''));
  return locateErrors(sources, () => {
    const a = checkAssignment(m, j.value);
    checkAssignmentConstraints(m, a, constraints);
    return a;
  });
}

/** The assignment from --assignment FILE, or computed from the assignment options. */
export function assignmentFor(m: EventMatcher, values: Values & { assignment?: unknown }, io: Io): EventAssignment {
  if (typeof values.assignment !== 'string') return runAssignment(m, values, io);
  checkAssignmentArgs(values);
  return readAssignment(m, values.assignment, values);
}
