import { scheduleEvent } from '../../event/schedule.js';
import { suggestStations } from '../../event/stations.js';
import { buildReportData, type ReportTargets } from '../../report/data.js';
import { renderReport } from '../../report/render.js';
import {
  ASSIGN_ARGS,
  ASSIGN_HELP,
  intArg,
  numberArg,
  SCHEDULE_ARGS,
  SCHEDULE_HELP,
  scheduleOptions,
  STATION_ARGS,
  stationOptions,
} from '../event-args.js';
import { locateErrors } from '../event-files.js';
import { assignmentFor, checkAssignmentArgs } from '../event-run.js';
import type { Command } from '../shared.js';
import { loadInputs, parse, UsageError, writeOutput } from '../shared.js';

export const reportCommand: Command = {
  name: 'report',
  summary: 'write the event report: one offline HTML file in Chinese',
  help: `innomatch report --experts FILE --needs FILE --out report.html [options]

Writes one self-contained HTML file (no network needed to open it): coverage of each industry,
needs no expert can serve (where to recruit), the assignment with the terms that explain each
match, the schedule grid, figures against the programme's targets, and suggested long-term
pairings (院士专家工作站, 学会服务站, 海智工作站).

Options:
  --experts FILE           experts (.json, .jsonl or .csv; repeatable)
  --needs FILE             needs (.json, .jsonl or .csv; repeatable)
  --config FILE            matcher options (JSON), e.g. the output of npm run tune
  --out FILE               the HTML file (written whole or not at all; default: stdout)
  --assignment FILE        use this assignment (\`assign --format json\`) instead of computing one
  --threshold X            score from which an expert can serve a need (default 0.1)
  --target-enterprises N   target of enterprises served (default 100; 0: no completion rate)
  --target-scientists N    target of scientists engaged (default 10000)
  --target-societies N     target of societies involved (default: none)
  --title TEXT             report title
  --subtitle TEXT          line under the title (date, place)
  --by-enterprise          schedule grid by enterprise instead of by expert
  --station-top K          a station needs the expert in the top K of a need (default 3) ...
  --station-min-needs N    ... for N of the enterprise's needs (default 2)

${SCHEDULE_HELP}

${ASSIGN_HELP}

Examples:
  innomatch report --experts fixtures/xiangtan/experts.json --needs fixtures/xiangtan/needs.json --per-need 2 --out report.html
  innomatch report --experts e.csv --needs n.csv --assignment assignment.json --start 14:00 --out report.html
`,
  run(argv, io) {
    const { values } = parse(argv, {
      experts: { type: 'string', multiple: true },
      needs: { type: 'string', multiple: true },
      assignment: { type: 'string' },
      out: { type: 'string' },
      config: { type: 'string' },
      threshold: { type: 'string' },
      'target-enterprises': { type: 'string' },
      'target-scientists': { type: 'string' },
      'target-societies': { type: 'string' },
      title: { type: 'string' },
      subtitle: { type: 'string' },
      'by-enterprise': { type: 'boolean' },
      ...ASSIGN_ARGS,
      ...SCHEDULE_ARGS,
      ...STATION_ARGS,
    });
    if (values.help) {
      io.stdout(this.help);
      return 0;
    }
    if (!values.experts || !values.needs) throw new UsageError('report needs --experts FILE and --needs FILE');
    const threshold = numberArg(values, 'threshold');
    const targets: ReportTargets = {};
    for (const [flag, key] of [
      ['target-enterprises', 'enterprises'],
      ['target-scientists', 'scientists'],
      ['target-societies', 'societies'],
    ] as const) {
      const n = intArg(values, flag, 0);
      if (n !== undefined) targets[key] = n;
    }
    checkAssignmentArgs(values);
    // The report shows who meets whom, not backups: the option would be silently ignored.
    if (values.alternates !== undefined) throw new UsageError('report does not list alternates: use assign --alternates K');
    const stations = stationOptions(values);
    const sched = scheduleOptions(values);
    const { matcher } = loadInputs(values.experts, values.needs, io, values.config);
    const assignment = assignmentFor(matcher, values, io);
    const schedule = locateErrors(sched.sources, () => scheduleEvent(matcher, assignment, sched.options));
    const data = buildReportData(matcher, {
      assignment,
      schedule,
      stations: suggestStations(matcher, stations),
      targets,
      ...(threshold !== undefined ? { threshold } : {}),
      ...(typeof values.title === 'string' ? { title: values.title } : {}),
      ...(typeof values.subtitle === 'string' ? { subtitle: values.subtitle } : {}),
      ...(values['by-enterprise'] ? { scheduleBy: 'enterprise' as const } : {}),
    });
    const page = renderReport(data);
    if (typeof values.out === 'string') {
      writeOutput(values.out, page);
      io.stderr(`report written to ${values.out}\n`);
    } else io.stdout(page);
    return 0;
  },
};
