import { scheduleEvent } from '../../event/schedule.js';
import { displayTime } from '../../event/time.js';
import { ASSIGN_ARGS, ASSIGN_HELP, SCHEDULE_ARGS, SCHEDULE_HELP, scheduleOptions } from '../event-args.js';
import { locateErrors } from '../event-files.js';
import { assignmentFor, checkAssignmentArgs } from '../event-run.js';
import type { Command } from '../shared.js';
import { emit, loadInputs, outputFormat, parse, UsageError } from '../shared.js';

export const scheduleCommand: Command = {
  name: 'schedule',
  summary: 'give every assigned meeting a time slot (no expert or enterprise double-booked)',
  help: `innomatch schedule --experts FILE --needs FILE [--assignment FILE | assignment options] [options]

Puts every meeting of an assignment into a time slot so that no expert and no enterprise is in
two meetings at once, with as few slots as possible. An expert meeting several needs of one
enterprise meets it once; a society's delegates may meet different enterprises at the same time.

Options:
  --experts FILE     experts (.json, .jsonl or .csv; repeatable)
  --needs FILE       needs (.json, .jsonl or .csv; repeatable)
  --assignment FILE  the output of \`innomatch assign --format json\`; without it the
                     assignment is computed here with the assignment options below
  --format F         table (default), json or csv
  --config FILE      matcher options (JSON), e.g. the output of npm run tune
  --out FILE         write to FILE (whole file or nothing) instead of stdout

${SCHEDULE_HELP}

${ASSIGN_HELP}

Examples:
  innomatch schedule --experts fixtures/xiangtan/experts.json --needs fixtures/xiangtan/needs.json --per-need 2
  innomatch assign --experts e.csv --needs n.csv --format json --out assignment.json
  innomatch schedule --experts e.csv --needs n.csv --assignment assignment.json --start 14:00 --slot-minutes 15
  innomatch schedule --experts e.csv --needs n.csv --availability availability.json --format csv --out schedule.csv
`,
  run(argv, io) {
    const { values } = parse(argv, {
      experts: { type: 'string', multiple: true },
      needs: { type: 'string', multiple: true },
      assignment: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      config: { type: 'string' },
      ...ASSIGN_ARGS,
      ...SCHEDULE_ARGS,
    });
    if (values.help) {
      io.stdout(this.help);
      return 0;
    }
    if (!values.experts || !values.needs) throw new UsageError('schedule needs --experts FILE and --needs FILE');
    const format = outputFormat(values.format);
    checkAssignmentArgs(values);
    // The schedule shows who meets whom when, not backups: the option would be silently ignored.
    if (values.alternates !== undefined) throw new UsageError('schedule does not list alternates: use assign --alternates K');
    const sched = scheduleOptions(values);
    const { matcher } = loadInputs(values.experts, values.needs, io, values.config);
    const assignment = assignmentFor(matcher, values, io);
    const s = locateErrors(sched.sources, () => scheduleEvent(matcher, assignment, sched.options));
    const name = (id: string): string => matcher.getExpert(id)?.name ?? '';
    // Times past midnight as '00:20 (+1d)'; an unscheduled meeting has empty slot and times (the
    // tool's own labels never start with a character a spreadsheet takes for a formula).
    const rows: (string | number)[][] = s.meetings.map((mt) => [
      mt.slot,
      displayTime(mt.start),
      displayTime(mt.end),
      mt.expertId,
      name(mt.expertId),
      mt.enterpriseName,
      mt.needId,
      '',
    ]);
    for (const u of s.unscheduled) rows.push(['', '', '', u.expertId, name(u.expertId), u.enterpriseName, u.needId, `unscheduled: ${u.reason}`]);
    emit(io, values.out, format, ['slot', 'start', 'end', 'expert', 'name', 'enterprise', 'need', 'note'], rows, s);
    if (format === 'table' && typeof values.out !== 'string') {
      // A meeting is an expert with an enterprise in a slot, for all the needs it covers.
      const meetings = new Set(s.meetings.map((mt) => `${mt.slot}\u0000${mt.expertId}\u0000${mt.enterprise}`)).size;
      io.stdout(
        `${meetings} meetings (${s.meetings.length} need–expert pairs) in ${s.slots.length} slots of ${s.slotMinutes} minutes, ` +
          `${s.unscheduled.length} pairs unscheduled\n`,
      );
    }
    return 0;
  },
};
