/**
 * `npm run tune -- --qrels FILE`: fits the score weights to your own judged pairs and writes the
 * options for `createMatcher` (default innomatch.config.json).
 *
 *   npm run tune -- --qrels fixtures/xiangtan/qrels.json
 *   npm run tune -- --qrels my-qrels.csv --experts experts.csv --needs needs.csv --out tuned.json
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { matcherOptionsSchema } from '../src/config.js';
import { InnomatchError, ValidationError } from '../src/errors.js';
import { readOptionsFile, requireFile, requireWritable } from '../src/eval/inputs.js';
import { loadBackgroundIdf, type MatcherOptions } from '../src/index.js';
import { locateIssues, readRecords, type SourcedRecords } from '../src/io/read.js';
import { formatTable, writeFileAtomic } from '../src/io/write.js';
import { PARAM_NAMES, type ParamName, readQrels, type TunedParams, type TuneResult, tuneWeights, validateQrels } from '../src/tune/index.js';
import { validateExperts, validateNeeds } from '../src/validate.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/xiangtan/', import.meta.url));

const HELP = `usage: npm run tune -- --qrels FILE [--experts FILE] [--needs FILE] [--out FILE]
                      [--config FILE] [--folds N] [--seed N] [--passes N] [--mrr-grade G] [--json]

  --qrels FILE    judgments: JSON array, JSONL or CSV of { needId, expertId, grade } (grade 0–3)
  --experts FILE  experts (JSON, JSONL or CSV; default: the fixtures' experts.json)
  --needs FILE    needs (default: the fixtures' needs.json)
  --out FILE      where to write the tuned options (default innomatch.config.json)
  --config FILE   options to start from (the "before"); tuned parameters are replaced
  --folds N       cross-validation folds over needs (default 5)
  --seed N        seed of the fold assignment (default 1)
  --passes N      maximum passes of the coordinate search (default 3)
  --mrr-grade G   grade that counts as relevant for MRR (default 2)
  --json          print the whole result (with the search trace) as JSON
`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      qrels: { type: 'string' },
      experts: { type: 'string', default: `${FIXTURES}experts.json` },
      needs: { type: 'string', default: `${FIXTURES}needs.json` },
      out: { type: 'string', default: 'innomatch.config.json' },
      config: { type: 'string' },
      folds: { type: 'string', default: '5' },
      seed: { type: 'string', default: '1' },
      passes: { type: 'string', default: '3' },
      'mrr-grade': { type: 'string', default: '2' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.qrels === undefined) throw new UsageError('--qrels FILE is required');
  for (const [flag, file] of [['--qrels', values.qrels], ['--experts', values.experts], ['--needs', values.needs]] as const) {
    requireFile(file, flag);
  }
  requireWritable(values.out, '--out'); // before a run of a minute or more
  const base: MatcherOptions = values.config !== undefined ? readOptionsFile(values.config) : {};
  const experts = readRecords(values.experts, 'experts');
  const needs = readRecords(values.needs, 'needs');
  const qrels = readQrels(values.qrels);
  // Check every file first, so a bad row is reported with its file and line.
  const expertList = located(experts, () => validateExperts(experts.records, () => false));
  const needList = located(needs, () => validateNeeds(needs.records, () => false));
  const ids = (xs: readonly { id: string }[]): Set<string> => new Set(xs.map((x) => x.id));
  const qrelList = located(qrels, () => validateQrels(qrels.records, ids(expertList), ids(needList)));

  const mrrGrade = integer(values['mrr-grade'], '--mrr-grade');
  if (!qrelList.some((q) => q.grade >= mrrGrade)) {
    process.stderr.write(`tune: note: no judgment has grade ≥ ${mrrGrade}, so MRR is 0 throughout (see --mrr-grade)\n`);
  }
  const gc = exposeGc();
  const t0 = performance.now();
  const result = await tuneWeights(
    {
      experts: expertList,
      needs: needList,
      qrels: qrelList,
      folds: integer(values.folds, '--folds'),
      seed: integer(values.seed, '--seed'),
      passes: integer(values.passes, '--passes'),
      mrrGrade,
      base,
      onProgress: (n) => {
        gc();
        if (process.stderr.isTTY) process.stderr.write(`\rscored ${n} configurations (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
      },
    },
    base.backgroundIdf === 'none' ? {} : { backgroundIdf: loadBackgroundIdf() },
  );
  const seconds = (performance.now() - t0) / 1000;
  if (process.stderr.isTTY) process.stderr.write('\n');

  matcherOptionsSchema.parse(result.options); // what createMatcher will check when it reads the file
  writeFileAtomic(values.out, `${JSON.stringify(result.options, null, 2)}\n`);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ...result, out: values.out, seconds }, null, 2)}\n`);
  } else {
    const fixtures = values.experts === `${FIXTURES}experts.json` && values.needs === `${FIXTURES}needs.json`;
    process.stdout.write(summary(result, { ...values, fixtures }, seconds));
  }
  return 0;
}

function summary(r: TuneResult, values: { qrels?: string; config?: string; out: string; fixtures: boolean }, seconds: number): string {
  const f3 = (x: number): string => x.toFixed(3);
  const t = r.trace;
  const out: string[] = [];
  out.push(
    `Tuned on ${t.judgedNeeds.length} judged needs (${values.qrels}), ${t.folds.length} folds (seed ${t.seed}); ` +
      `${t.configurations} configurations scored in ${seconds.toFixed(0)} s\n\n`,
  );
  out.push(
    formatTable(
      ['', 'nDCG@10', 'MRR'],
      [
        [`before (${values.config ?? 'default options'})`, f3(r.before.ndcg10), f3(r.before.mrr)],
        [`after, held-out (${t.folds.length}-fold cross-validation)`, f3(r.after.ndcg10), f3(r.after.mrr)],
        ['fitted on all needs (in-sample)', f3(r.fitted.ndcg10), f3(r.fitted.mrr)],
      ],
    ),
  );
  out.push('\n');
  out.push(
    formatTable(
      ['parameter', 'before', 'tuned', ...t.folds.map((f) => `fold ${f.fold + 1}`)],
      PARAM_NAMES.map((n) => [OPTION_NAMES[n], show(t.final.start, n), show(t.final.params, n), ...t.folds.map((f) => show(f.search.params, n))]),
    ),
  );
  out.push('\n');
  out.push(
    formatTable(
      ['fold', 'needs', 'train nDCG@10 before → tuned', 'held-out nDCG@10 before → tuned'],
      t.folds.map((f) => [
        String(f.fold + 1),
        String(f.testNeeds.length),
        `${f3(f.search.startNdcg10)} → ${f3(f.search.ndcg10)}`,
        `${f3(f.heldOut.before.ndcg10)} → ${f3(f.heldOut.after.ndcg10)}`,
      ]),
    ),
  );
  out.push(`\nwrote ${values.out}: createMatcher(JSON.parse(readFileSync('${values.out}', 'utf8'))) or --config ${values.out} in the CLI`);
  // npm run eval measures the bundled fixtures (and CSL), not the user's own records.
  out.push(values.fixtures ? `; npm run eval -- --config ${values.out} measures it on the fixtures\n` : '\n');
  return out.join('');
}

const OPTION_NAMES: Record<ParamName, string> = {
  industryShare: 'weights.industry (text = 1 − it)',
  disciplineRatio: 'weights.discipline / weights.text',
  synonym: 'expansion.synonym',
  concept: 'expansion.concept',
  k1: 'k1',
  idfPrior: 'idfPrior',
};

function show(p: TunedParams, n: ParamName): string {
  return String(p[n]);
}

/** Runs a validation; its issues become file/line/field problems. */
function located<T>(source: SourcedRecords, validate: () => T): T {
  try {
    return validate();
  } catch (e) {
    if (e instanceof ValidationError) throw locateIssues([source], e.issues);
    throw e;
  }
}

function integer(value: string, flag: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} must be a non-negative integer, got "${value}"`);
  return Number(value);
}

/**
 * Every configuration scored builds a matcher whose jieba segmenter holds ~45 MB of native memory
 * until a garbage collection; collecting after each build keeps the process near 300 MB instead of
 * growing by gigabytes. Node allows exposing `gc` at run time through the V8 flag.
 */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

class UsageError extends Error {}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
    process.stderr.write(`tune: ${(e as Error).message}\n\n${HELP}`);
    process.exitCode = 2;
  } else if (e instanceof InnomatchError || e instanceof ValidationError || (e instanceof Error && 'code' in e && 'syscall' in e)) {
    // Our errors, and the system's (a file that cannot be read or written): one line, no stack.
    process.stderr.write(`tune: ${e.message}\n`);
    process.exitCode = 1;
  } else throw e;
}
