import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../errors.js';
import { mapHeader } from '../io/columns.js';
import { parseCsv } from '../io/csv.js';
import { decodeText } from '../io/encoding.js';
import { InputFileError, readRecords, type SourcedRecords } from '../io/read.js';

/** One relevance judgment: how well an expert answers a need, 0 (not at all) to 3 (ideal). */
export interface Qrel {
  needId: string;
  expertId: string;
  grade: number;
}

export const MAX_GRADE = 3;

const qrelSchema = z.strictObject({
  needId: z.string().min(1).max(200),
  expertId: z.string().min(1).max(200),
  grade: z.number().int('grade must be an integer').min(0, 'grade must be 0–3').max(MAX_GRADE, 'grade must be 0–3'),
});

/**
 * Checks judgments against the known experts and needs: each record must be
 * `{ needId, expertId, grade }` with an integer grade 0–3, name an expert and a need that exist,
 * and judge a pair only once. Every problem is reported (record index, pair, field).
 */
export function validateQrels(records: readonly unknown[], expertIds: ReadonlySet<string>, needIds: ReadonlySet<string>): Qrel[] {
  if (!Array.isArray(records)) throw new ValidationError([{ index: -1, path: '(batch)', message: 'qrels must be an array' }], 'qrels');
  const issues: ValidationIssue[] = [];
  const out: Qrel[] = [];
  const seen = new Map<string, number>();
  records.forEach((raw, index) => {
    const parsed = qrelSchema.safeParse(raw);
    const id = pairId(raw);
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        issues.push({ index, ...(id !== undefined ? { id } : {}), path: i.path.map(String).join('.') || '(record)', message: i.message });
      }
      return;
    }
    const q = parsed.data;
    const here = { index, id: `${q.needId}/${q.expertId}` };
    let ok = true;
    if (!needIds.has(q.needId)) {
      issues.push({ ...here, path: 'needId', message: `unknown need "${q.needId}"` });
      ok = false;
    }
    if (!expertIds.has(q.expertId)) {
      issues.push({ ...here, path: 'expertId', message: `unknown expert "${q.expertId}"` });
      ok = false;
    }
    const first = seen.get(here.id);
    if (first !== undefined) {
      issues.push({ ...here, path: 'expertId', message: `pair already judged in record #${first}`, duplicateOf: first });
      ok = false;
    } else seen.set(here.id, index);
    if (ok) out.push(q);
  });
  if (issues.length > 0) throw new ValidationError(issues, 'judgments');
  return out;
}

function pairId(raw: unknown): string | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const { needId, expertId } = raw as Record<string, unknown>;
  return typeof needId === 'string' && typeof expertId === 'string' ? `${needId}/${expertId}` : undefined;
}

/** Header names accepted for judgment CSV columns (after NFKC, trim, lower case). */
export const QREL_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  needId: ['needid', 'need_id', 'need', 'need id', '需求编号', '需求id'],
  expertId: ['expertid', 'expert_id', 'expert', 'expert id', '专家编号', '专家id'],
  grade: ['grade', 'relevance', 'label', '相关度', '评分', '等级'],
};

/**
 * Reads judgments from JSON (an array), JSONL or CSV (columns needId, expertId, grade). Records are
 * returned unchecked, with their lines, for `validateQrels` and `locateIssues`.
 */
export function readQrels(file: string): SourcedRecords {
  if (extname(file).toLowerCase() !== '.csv') return readRecords(file, 'needs');
  const rows = (() => {
    try {
      return parseCsv(decodeText(readFileSync(file)).text);
    } catch (e) {
      throw new InputFileError([{ file, line: 0, field: '(file)', message: (e as Error).message }]);
    }
  })();
  const [head, ...body] = rows;
  if (!head) return { file, records: [], lines: [] };
  const map = mapHeader(head.cells, QREL_COLUMNS);
  const missing = Object.keys(QREL_COLUMNS).filter((f) => !map.has(f));
  if (missing.length > 0) {
    throw new InputFileError([{ file, line: head.line, field: '(header)', message: `missing column: ${missing.join(', ')}` }]);
  }
  const records = body.map((row) => {
    const cell = (f: string): string => row.cells[map.get(f) as number]?.trim() ?? '';
    const grade = cell('grade');
    return { needId: cell('needId'), expertId: cell('expertId'), grade: /^-?\d+(\.\d+)?$/.test(grade) ? Number(grade) : grade };
  });
  return { file, records, lines: body.map((r) => r.line) };
}
