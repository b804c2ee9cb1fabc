import { readFileSync } from 'node:fs';
import { createMatcher } from '../../matcher.js';
import { INDUSTRIES } from '../../taxonomy/industries.js';
import { decodeText } from '../../io/encoding.js';
import { InputFileError, readRecords } from '../../io/read.js';
import type { Command } from '../shared.js';
import { addLocated, emit, outputFormat, parse, UsageError } from '../shared.js';

/** A plain text file, decoded like the record files: UTF-8 (BOM or not), UTF-16 with BOM, or GB18030/GBK. */
function readTextFile(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new InputFileError([{ file, line: 0, field: '(file)', message: (e as Error).message }]);
  }
  return decodeText(bytes).text;
}

export const classifyCommand: Command = {
  name: 'classify',
  summary: 'map text, needs or experts onto the nine industries',
  help: `innomatch classify [TEXT] [--needs FILE | --experts FILE | --file TEXTFILE] [options]

Prints the industries a text belongs to, best first, or nothing when no industry fits.

Options:
  --needs FILE     classify every need in a .json, .jsonl or .csv file
  --experts FILE   classify every expert profile in a file
  --file FILE      classify the whole text of a plain text file (UTF-8 or GBK/GB18030)
  --format F       table (default), json or csv
  --out FILE       write to FILE instead of stdout

Examples:
  innomatch classify "电机温升过高，需要优化永磁同步电机的热管理"
  innomatch classify --needs fixtures/xiangtan/needs.json --format csv
`,
  run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { needs: { type: 'string' }, experts: { type: 'string' }, file: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
      true,
    );
    if (values.help) {
      io.stdout(this.help);
      return 0;
    }
    const format = outputFormat(values.format);
    const m = createMatcher();
    const zh = new Map(INDUSTRIES.map((i) => [i.code as string, i.nameZh]));
    const items: { id: string; text: string }[] = [];
    if (values.needs) {
      addLocated(m, 'needs', [readRecords(values.needs, 'needs')]);
      for (const id of m.needIds()) items.push({ id, text: '' });
    } else if (values.experts) {
      addLocated(m, 'experts', [readRecords(values.experts, 'experts')]);
      for (const id of m.expertIds()) items.push({ id, text: '' });
    } else if (values.file) items.push({ id: values.file, text: readTextFile(values.file) });
    else if (positionals.length > 0) items.push({ id: 'text', text: positionals.join(' ') });
    else throw new UsageError('give a TEXT, --needs FILE, --experts FILE or --file FILE');
    const results = items.map((it) => ({
      id: it.id,
      industries: values.needs
        ? m.industriesOf('need', it.id)
        : values.experts
          ? m.industriesOf('expert', it.id)
          : m.classify(it.text),
    }));
    const rows = results.map((r) => [
      r.id,
      r.industries.map((s) => s.code).join(' ') || '(none)',
      r.industries.map((s) => `${zh.get(s.code)} ${(s.score * 100).toFixed(0)}%`).join('，'),
    ]);
    emit(io, values.out, format, ['id', 'industries', '行业'], rows, results);
    return 0;
  },
};
