/** CLI test helpers: run `main` in process, and write the fixtures as CSV, JSONL and GBK CSV. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { main } from '../../src/cli/main.js';
import type { ExpertInput, NeedInput } from '../../src/index.js';
import { toCsv } from '../../src/io/csv.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(argv: string[], isTTY = false): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTTY });
  return { code, stdout, stderr };
}

const list = (xs: readonly string[] | undefined): string => (xs ?? []).join('、');

export function needsCsv(needs: readonly NeedInput[], headers: 'en' | 'zh' = 'en'): string {
  const header =
    headers === 'en'
      ? ['id', 'title', 'description', 'keywords', 'enterprise_id', 'enterprise', 'park']
      : ['编号', '需求名称', '需求描述', '关键词', '企业编号', '企业名称', '所在园区'];
  return toCsv(
    header,
    needs.map((n) => [n.id, n.title ?? '', n.description, list(n.keywords), n.enterprise?.id ?? '', n.enterprise?.name ?? '', n.enterprise?.park ?? '']),
  );
}

export function expertsCsv(experts: readonly ExpertInput[], headers: 'en' | 'zh' = 'en'): string {
  const header =
    headers === 'en'
      ? ['id', 'name', 'kind', 'title', 'organization', 'fields', 'keywords', 'bio', 'capacity']
      : ['编号', '专家姓名', '类型', '职称', '单位', '研究方向', '关键词', '简介', '接待能力'];
  return toCsv(
    header,
    experts.map((e) => [e.id, e.name, e.kind ?? '', e.title ?? '', e.organization ?? '', list(e.fields), list(e.keywords), e.bio ?? '', e.capacity ?? '']),
  );
}

export function jsonl(records: readonly unknown[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

/** Writes `text` as GBK; throws if GBK cannot hold it (the test data must survive the round trip). */
export function writeGbk(path: string, text: string): void {
  const bytes = iconv.encode(text, 'gbk');
  if (iconv.decode(bytes, 'gbk') !== text) throw new Error(`${path}: text not representable in GBK`);
  writeFileSync(path, bytes);
}

export function tmpFile(dir: string, name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
