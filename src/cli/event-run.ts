/** Running the event steps for the CLI: progress on stderr, problems located in their files. */
import { assignEvent } from '../event/assign.js';
import { checkAssignment } from '../event/assignment-schema.js';
import type { EventAssignment, EventMatcher } from '../event/types.js';
import { assignOptions } from './event-args.js';
import { jsonSource, locateErrors, readJsonFile } from './event-files.js';
import { type Io, progress } from './shared.js';

type Values = Parameters<typeof assignOptions>[0];

export function runAssignment(m: EventMatcher, values: Values, io: Io): EventAssignment {
  const { options, sources } = assignOptions(values);
  const bar = progress(io, m.needIds().length, 'assigning');
  const a = locateErrors(sources, () => assignEvent(m, { ...options, onProgress: () => bar.tick() }));
  bar.done();
  return a;
}

/** An assignment from `assign --format json`, checked against the matcher's needs and experts. */
export function readAssignment(m: EventMatcher, file: string): EventAssignment {
  const j = readJsonFile(file);
  return locateErrors([jsonSource(j, '')], () => checkAssignment(m, j.value));
}

/** The assignment from --assignment FILE, or computed from the assignment options. */
export function assignmentFor(m: EventMatcher, values: Values & { assignment?: unknown }, io: Io): EventAssignment {
  return typeof values.assignment === 'string' ? readAssignment(m, values.assignment) : runAssignment(m, values, io);
}
