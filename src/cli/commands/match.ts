import { explanationTermText } from '../../rank/term-text.js';
import type { Command } from '../shared.js';
import { emit, loadInputs, outputFormat, parse, progress, UsageError } from '../shared.js';

export const matchCommand: Command = {
  name: 'match',
  summary: 'recommend experts for each need (or needs for each expert)',
  help: `innomatch match --experts FILE --needs FILE [options]

Ranks experts for every need, with the terms and industries that explain each score.

Options:
  --experts FILE     experts (.json, .jsonl or .csv; repeatable)
  --needs FILE       needs (.json, .jsonl or .csv; repeatable)
  --top N            results per need (default 5)
  --reverse          rank needs for each expert instead
  --min-score X      drop results below X (default 0)
  --format F         table (default), json or csv
  --config FILE      matcher options (JSON), e.g. the output of npm run tune
  --out FILE         write to FILE (whole file or nothing) instead of stdout

CSV columns (English or Chinese headers):
  needs:   id/编号, title/需求名称, description/需求描述, keywords/关键词, enterprise/企业名称, park/园区, industries/行业, disciplines/学科
  experts: id/编号, name/专家姓名, kind/类型 (院士 专家 学会 海智 团队), title/职称, organization/单位,
           fields/研究方向, keywords/关键词, bio/简介, industries/行业, capacity/接待能力, disciplines/学科

Examples:
  innomatch match --experts fixtures/xiangtan/experts.json --needs fixtures/xiangtan/needs.json --top 3
  innomatch match --experts experts.csv --needs needs.csv --format csv --out matches.csv
`,
  run(argv, io) {
    const { values } = parse(argv, {
      experts: { type: 'string', multiple: true },
      needs: { type: 'string', multiple: true },
      top: { type: 'string' },
      reverse: { type: 'boolean' },
      'min-score': { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      config: { type: 'string' },
    });
    if (values.help) {
      io.stdout(this.help);
      return 0;
    }
    if (!values.experts || !values.needs) throw new UsageError('match needs --experts FILE and --needs FILE');
    const format = outputFormat(values.format);
    const topK = values.top === undefined ? 5 : Number(values.top);
    const minScore = values['min-score'] === undefined ? 0 : Number(values['min-score']);
    if (!Number.isInteger(topK) || topK <= 0) throw new UsageError('--top must be a positive integer');
    if (!Number.isFinite(minScore)) throw new UsageError('--min-score must be a number');
    const { matcher } = loadInputs(values.experts, values.needs, io, values.config);
    const queries = values.reverse ? matcher.expertIds() : matcher.needIds();
    const bar = progress(io, queries.length, 'matching');
    const results = queries.map((id) => {
      const recs = values.reverse ? matcher.recommendNeeds(id, { topK, minScore }) : matcher.recommendExperts(id, { topK, minScore });
      bar.tick();
      return { id, results: recs };
    });
    bar.done();
    // The latent part (embeddings, option latent) gets a column when it is on.
    const latent = matcher.options.latent.weight > 0;
    const rows = results.flatMap((q) =>
      q.results.map((r, i) => [
        q.id,
        i + 1,
        r.id,
        r.score.toFixed(4),
        r.explanation.terms.slice(0, 5).map((t) => explanationTermText(t, (term, via) => `${term}(${via})`)).join(' '),
        r.explanation.industries.map((x) => x.code).join(' '),
        ...(latent ? [r.explanation.latent === undefined ? '' : r.explanation.latent.toFixed(4)] : []),
      ]),
    );
    const header = [
      ...(values.reverse ? ['expert', 'rank', 'need'] : ['need', 'rank', 'expert']),
      'score',
      'terms',
      'industries',
      ...(latent ? ['latent'] : []),
    ];
    emit(io, values.out, format, header, rows, results);
    return 0;
  },
};
