import { matcherEnterprises } from '../../event/enterprise.js';
import { ASSIGN_ARGS, ASSIGN_HELP } from '../event-args.js';
import { runAssignment } from '../event-run.js';
import type { Command } from '../shared.js';
import { emit, loadInputs, outputFormat, parse, UsageError } from '../shared.js';

export const assignCommand: Command = {
  name: 'assign',
  summary: 'assign experts to needs for a matchmaking event (对接会), optimally',
  help: `innomatch assign --experts FILE --needs FILE [options]

Chooses who meets whom: as many meetings as capacities allow, then the best total score
(or, with --objective fair, the best worst score). Scores are those of \`innomatch match\`.
Needs that cannot get all their experts are listed with the constraint that binds.

Options:
  --experts FILE     experts (.json, .jsonl or .csv; repeatable)
  --needs FILE       needs (.json, .jsonl or .csv; repeatable)
  --format F         table (default), json (input of \`schedule --assignment\`) or csv
  --config FILE      matcher options (JSON), e.g. the output of npm run tune
  --out FILE         write to FILE (whole file or nothing) instead of stdout

${ASSIGN_HELP}

Examples:
  innomatch assign --experts fixtures/xiangtan/experts.json --needs fixtures/xiangtan/needs.json --per-need 2
  innomatch assign --experts experts.csv --needs needs.csv --capacity 2 --alternates 2 --format json --out assignment.json
  innomatch assign --experts experts.csv --needs needs.csv --conflicts conflicts.csv --objective fair --format csv --out pairs.csv
`,
  run(argv, io) {
    const { values } = parse(argv, {
      experts: { type: 'string', multiple: true },
      needs: { type: 'string', multiple: true },
      format: { type: 'string' },
      out: { type: 'string' },
      config: { type: 'string' },
      ...ASSIGN_ARGS,
    });
    if (values.help) {
      io.stdout(this.help);
      return 0;
    }
    if (!values.experts || !values.needs) throw new UsageError('assign needs --experts FILE and --needs FILE');
    const format = outputFormat(values.format);
    const { matcher } = loadInputs(values.experts, values.needs, io, values.config);
    const a = runAssignment(matcher, values, io);
    // The enterprise as schedule and report show it: unified across the needs, （未填企业） when none.
    const enterpriseOf = matcherEnterprises(matcher);
    const enterprise = (id: string): string => {
      const need = matcher.getNeed(id);
      return need === undefined ? '' : enterpriseOf(need).name;
    };
    const seen = new Set<string>();
    const rows: (string | number)[][] = a.pairs.map((p) => {
      const first = !seen.has(p.needId);
      seen.add(p.needId);
      const alt = first ? (a.alternates[p.needId] ?? []) : [];
      return [
        p.needId,
        enterprise(p.needId),
        p.expertId,
        matcher.getExpert(p.expertId)?.name ?? '',
        p.score.toFixed(4),
        alt.length > 0 ? `alternates: ${alt.join(' ')}` : '',
      ];
    });
    for (const u of a.unfilled) {
      // No expert: an empty cell (not '-', which a spreadsheet would take for a formula).
      rows.push([u.needId, enterprise(u.needId), '', '', '', `unfilled, missing ${u.missing}: ${u.reason}`]);
    }
    emit(io, values.out, format, ['need', 'enterprise', 'expert', 'name', 'score', 'note'], rows, a);
    if (format === 'table' && typeof values.out !== 'string') {
      io.stdout(`${a.pairs.length} meetings, total score ${a.totalScore.toFixed(4)}${a.worstScore !== undefined ? `, worst ${a.worstScore.toFixed(4)}` : ''}, ${a.unfilled.length} needs unfilled\n`);
    }
    return 0;
  },
};
