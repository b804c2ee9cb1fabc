/**
 * `npm run eval`: innomatch against the naive TF-IDF baseline on the project's fixtures, and with
 * `--csl FILE` on the CSL papers (expert finding by discipline, industry mapping).
 *
 *   npm run eval
 *   npm run eval -- --csl ../shared/data/csl-dev/papers.jsonl [--folds 5]
 *   npm run eval -- --config innomatch.config.json --json
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PUBLICATION_PROFILES, resolveOptions } from '../src/config.js';
import { InnomatchError, ValidationError } from '../src/errors.js';
import { cslExpertFinding, cslIndustryMapping, type ExpertFindingResult } from '../src/eval/csl.js';
import { evaluateBaseline, evaluateClassify, evaluateMatcher, type RankingReport } from '../src/eval/fixtures.js';
import { readCslFile, readJudgedSet, readOptionsFile, requireFile } from '../src/eval/inputs.js';
import { createMatcher, loadBackgroundIdf, type Matcher, type MatcherOptions } from '../src/index.js';
import { formatTable } from '../src/io/write.js';

const HELP = `usage: npm run eval -- [--csl FILE] [--folds N] [--config FILE] [--json]

  --csl FILE     also run the CSL tasks on this JSONL file (e.g. ../shared/data/csl-dev/papers.jsonl)
  --folds N      folds of CSL task 1 (default 5)
  --config FILE  matcher options (JSON), e.g. the output of npm run tune
  --json         machine-readable output
`;

const FIXTURES = fileURLToPath(new URL('../fixtures/xiangtan/', import.meta.url));

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      csl: { type: 'string' },
      folds: { type: 'string', default: '5' },
      config: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const folds = Number(values.folds);
  if (!Number.isInteger(folds) || folds < 2 || folds > 100) throw new UsageError(`--folds must be an integer 2–100, got "${values.folds}"`);
  if (values.csl !== undefined) requireFile(values.csl, '--csl');
  const options: MatcherOptions = values.config !== undefined ? readOptionsFile(values.config) : {};
  const t0 = performance.now();

  // jieba's IDF table takes ~0.5 s to parse: one copy for every matcher made here.
  const background = resolveOptions(options).backgroundIdf === 'jieba' ? { backgroundIdf: loadBackgroundIdf() } : {};
  const makeMatcher = (): Matcher => createMatcher(options, background);
  // The same with the publication-profiles preset on top (shown beside the defaults).
  const presetOptions: MatcherOptions = { ...options, ...PUBLICATION_PROFILES };
  const makePreset = (): Matcher => createMatcher(presetOptions, background);

  const set = readJudgedSet(FIXTURES);
  const m = makeMatcher();
  m.addExperts([...set.experts]);
  m.addNeeds([...set.needs]);
  const mp = makePreset();
  mp.addExperts([...set.experts]);
  mp.addNeeds([...set.needs]);
  const fixtures = {
    experts: set.experts.length,
    needs: set.needs.length,
    judgments: set.qrels.length,
    plantFloorNeeds: Object.values(set.labels.needs).filter((l) => l.style === 'plant-floor').length,
    innomatch: evaluateMatcher(m, set),
    preset: evaluateMatcher(mp, set),
    baseline: evaluateBaseline(set),
    classify: evaluateClassify(m, set),
  };

  let csl:
    | {
        file: string;
        papers: number;
        folds: number;
        expertFinding: ReturnType<typeof cslExpertFinding>;
        expertFindingPreset: ExpertFindingResult;
        industryMapping: ReturnType<typeof cslIndustryMapping>;
      }
    | undefined;
  if (values.csl !== undefined) {
    const papers = readCslFile(values.csl);
    csl = {
      file: values.csl,
      papers: papers.length,
      folds,
      expertFinding: cslExpertFinding(papers, folds, makeMatcher),
      expertFindingPreset: cslExpertFinding(papers, folds, makePreset).innomatch,
      industryMapping: cslIndustryMapping(papers, makeMatcher()),
    };
  }
  const seconds = (performance.now() - t0) / 1000;

  if (values.json) {
    process.stdout.write(`${JSON.stringify({ config: values.config ?? null, options, fixtures, csl: csl ?? null, seconds }, null, 2)}\n`);
    return 0;
  }
  const out: string[] = [];
  const f3 = (x: number): string => x.toFixed(3);
  const a = fixtures.innomatch;
  const p = fixtures.preset;
  const b = fixtures.baseline;
  out.push(
    `Fixtures (fixtures/xiangtan): ${fixtures.experts} experts, ${fixtures.needs} needs, ${fixtures.judgments} judgments; ` +
      `options: ${values.config ?? 'defaults'}\n`,
  );
  out.push(
    formatTable(
      ['metric', 'innomatch', 'publications preset', 'baseline'],
      [
        ['nDCG@10', f3(a.ndcg10), f3(p.ndcg10), f3(b.ndcg10)],
        ['MRR (first grade-2 expert)', f3(a.mrr), f3(p.mrr), f3(b.mrr)],
        [`nDCG@10, plant-floor needs (${fixtures.plantFloorNeeds})`, f3(a.ndcg10PlantFloor), f3(p.ndcg10PlantFloor), f3(b.ndcg10PlantFloor)],
        ['cross-language grade-2 in top 10', found(a), found(p), found(b)],
        [`classify accuracy (${fixtures.needs} needs)`, f3(fixtures.classify.accuracy), '—', '—'],
      ],
    ),
  );
  out.push(
    '\ncross-language: English-only, Traditional and mixed overseas profiles judged grade 2. Baseline: TF-IDF cosine on jieba tokens.\n' +
      `publications preset: the options above plus ${JSON.stringify(PUBLICATION_PROFILES)} (PUBLICATION_PROFILES).\n`,
  );
  if (fixtures.classify.abstained > 0) out.push(`classify abstained on ${fixtures.classify.abstained} needs\n`);
  for (const miss of fixtures.classify.misses) out.push(`classify miss: ${miss.id} expected ${miss.expected}, got ${miss.got.join(', ') || '(abstained)'}\n`);
  if (csl) {
    const ef = csl.expertFinding;
    out.push(
      `\nCSL task 1, expert finding (${csl.file}): ${csl.papers} papers, disciplines as experts, ` +
        `${csl.folds} folds, ${ef.innomatch.queries} queries\n`,
    );
    out.push(
      formatTable(
        ['metric', 'innomatch', 'publications preset', 'baseline'],
        (['acc1', 'mrr', 'recall3'] as const).map((k) => [LABELS[k], f3(ef.innomatch[k]), f3(csl.expertFindingPreset[k]), f3(ef.baseline[k])]),
      ),
    );
    const im = csl.industryMapping;
    out.push('\nCSL task 2, industry mapping (classify on title + keywords + abstract)\n');
    out.push(
      formatTable(
        ['metric', 'value'],
        [
          [`accuracy, mapped disciplines (${im.mapped} papers)`, f3(im.accuracy)],
          [`abstain rate, humanities and social sciences (${im.humanities} papers)`, f3(im.abstainRate)],
        ],
      ),
    );
    const confusions = Object.entries(im.confusions).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    if (confusions.length > 0) {
      out.push('\n');
      out.push(formatTable(['confusion (expected→got)', 'papers'], confusions));
    }
  }
  out.push(`\n(${seconds.toFixed(1)} s)\n`);
  process.stdout.write(out.join(''));
  return 0;
}

const LABELS: Record<keyof Omit<ExpertFindingResult, 'queries'>, string> = { acc1: 'Acc@1', mrr: 'MRR', recall3: 'Recall@3' };

function found(r: RankingReport): string {
  return `${r.crossLanguage.found}/${r.crossLanguage.total}`;
}

class UsageError extends Error {}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
    process.stderr.write(`eval: ${(e as Error).message}\n\n${HELP}`);
    process.exitCode = 2;
  } else if (e instanceof InnomatchError || e instanceof ValidationError || (e instanceof Error && 'code' in e && 'syscall' in e)) {
    // Our errors, and the system's (a file that cannot be read): one line, no stack.
    process.stderr.write(`eval: ${e.message}\n`);
    process.exitCode = 1;
  } else throw e;
}
