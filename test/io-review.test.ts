/** Input-reading fixes from review: header aliases, generated CSV ids, JSON lines, BOM + GBK, empty CSV, full-width numbers. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPERT_COLUMNS, mapHeader, NEED_COLUMNS, parseNumberCell } from '../src/io/columns.js';
import { decodeText } from '../src/io/encoding.js';
import { InputFileError, readRecords, topLevelElementLines } from '../src/io/read.js';
import { run } from './cli/helpers.js';

let dir: string;
const file = (name: string, content: string | Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const errorOf = (f: () => unknown): InputFileError => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputFileError) return e;
    throw e;
  }
  throw new Error('expected an InputFileError');
};
const ids = (records: readonly unknown[]): string[] => records.map((r) => (r as { id: string }).id);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'innomatch-io-review-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('a 学科 column declares disciplines', () => {
  it('reads codes, names and aliases, and leaves an unknown one for validation to name', async () => {
    const experts = file('d.csv', '专家编号,专家姓名,研究方向,学科\nZJ-1,甲,涂层,材料科学与工程、0812\nZJ-2,乙,电机,\nZJ-3,丙,炼丹,炼金术\n');
    const read = readRecords(experts, 'experts').records as { id: string; disciplines?: string[] }[];
    expect(read.map((r) => [r.id, r.disciplines])).toEqual([
      ['ZJ-1', ['0805', '0812']],
      ['ZJ-2', undefined],
      ['ZJ-3', ['炼金术']],
    ]);
    // A combined name, as journals and databases file papers, stands for each of its disciplines;
    // a full-width slash is one too; a combined name with an unknown part is left for validation.
    const combined = file('dc.csv', '专家编号,专家姓名,研究方向,学科\nZJ-4,丁,饲料,畜牧学/兽医学\nZJ-5,戊,催化,化学／化学工程与技术、0805\nZJ-6,己,炼丹,化学/炼金术\n');
    const rc = readRecords(combined, 'experts').records as { id: string; disciplines?: string[] }[];
    expect(rc.map((r) => [r.id, r.disciplines])).toEqual([
      ['ZJ-4', ['0905', '0906']],
      ['ZJ-5', ['0703', '0817', '0805']],
      ['ZJ-6', ['化学/炼金术']],
    ]);
    const needs = file('dn.csv', '需求编号,需求描述\nXQ-1,涂层脱落\n');
    const r = await run(['match', '--experts', experts, '--needs', needs]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/ZJ-3/);
    expect(r.stderr).toMatch(/disciplines/);
  });
});

describe('CSV header aliases are ranked, not first-column-wins', () => {
  it('需求编号 / 专家编号 beat a 序号 column before them', async () => {
    const needs = file('n.csv', '序号,需求编号,需求名称,需求描述\n1,XQ-001,电机温升,电机机壳烫手\n');
    const experts = file('e.csv', '序号,专家编号,专家姓名,研究方向\n1,ZJ-009,刘铭川,电机热管理\n');
    expect(ids(readRecords(needs, 'needs').records)).toEqual(['XQ-001']);
    expect(ids(readRecords(experts, 'experts').records)).toEqual(['ZJ-009']);
    const r = await run(['match', '--experts', experts, '--needs', needs, '--format', 'csv']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\r\n')[1]).toMatch(/^XQ-001,1,ZJ-009,/);
  });

  it('the best-ranked alias wins wherever its column is; 序号 is used when nothing better exists', () => {
    expect(mapHeader(['需求描述', '需求编号', '序号'], NEED_COLUMNS).get('id')).toBe(1);
    expect(mapHeader(['序号', '编号', '需求编号'], NEED_COLUMNS).get('id')).toBe(2);
    expect(mapHeader(['序号', '编号'], EXPERT_COLUMNS).get('id')).toBe(1);
    expect(mapHeader(['序号', '专家姓名'], EXPERT_COLUMNS).get('id')).toBe(0);
    expect(mapHeader(['名称', '学会名称', '学会简介'], EXPERT_COLUMNS)).toEqual(
      new Map([
        ['name', 1],
        ['bio', 2],
      ]),
    );
    expect(mapHeader(['单位', '工作单位'], EXPERT_COLUMNS).get('organization')).toBe(1);
  });
});

describe('duplicate ids across files', () => {
  it('name the earlier record by its file and line, not its index in the merged batch', async () => {
    const a = file('d1.csv', '专家编号,专家姓名,研究方向\nE1,刘铭川,电机热管理\nE2,王海燕,锂电池回收\n');
    const b = file('d2.csv', '专家编号,专家姓名,研究方向\nE3,周立群,北斗定位\nE2,陈思远,焊接机器人\n');
    const needs = file('d-n.csv', '需求编号,需求描述\nXQ-001,电机机壳烫手，需要热管理方案\n');
    const r = await run(['match', '--experts', a, '--experts', b, '--needs', needs]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${b}:3: id: duplicate id in this batch (also ${a}:3) (id E2)`);
  });
});

describe('generated CSV ids', () => {
  it('differ between files without an id column', async () => {
    const a = file('a.csv', '专家姓名,研究方向\n刘铭川,电机热管理\n');
    const b = file('b.csv', '专家姓名,研究方向\n王海燕,锂电池回收\n');
    expect(ids(readRecords(a, 'experts').records)).toEqual([`${a}:2`]);
    expect(ids(readRecords(b, 'experts').records)).toEqual([`${b}:2`]);
    const needs = file('n2.csv', '需求编号,需求描述\nXQ-001,电机机壳烫手，需要热管理方案\n');
    const r = await run(['match', '--experts', a, '--experts', b, '--needs', needs, '--format', 'csv']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`XQ-001,1,${a}:2,`);
  });

  it('never take an id written in the same file, and are deterministic', () => {
    const path = join(dir, 'c.csv');
    // Line 3 has a blank id; line 4 writes, by hand, exactly the id line 3 would get.
    file('c.csv', `id,专家姓名,研究方向\nE2,刘铭川,电机\n,王海燕,锂电池\n${path}:3,张伟,储能\n,李娜,氢能\n`);
    const first = ids(readRecords(path, 'experts').records);
    expect(first).toEqual(['E2', `${path}:3#2`, `${path}:3`, `${path}:5`]);
    expect(ids(readRecords(path, 'experts').records)).toEqual(first);
  });

  it('a blank id cell next to a written E2 no longer clashes', async () => {
    const c = file('c2.csv', 'id,专家姓名,研究方向\nE2,刘铭川,电机\n,王海燕,锂电池\n');
    const needs = file('n3.csv', '需求编号,需求描述\nXQ-001,电机机壳烫手\n');
    const r = await run(['match', '--experts', c, '--needs', needs]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('JSON record lines', () => {
  const text = [
    '[', //                                                  1
    '  {', //                                                2
    '    "id": "E1",',
    '    "name": "刘铭川",',
    '    "fields": ["电机 \\"热\\" [管理] {x}", "a\\\\"]', //  5
    '  },',
    '  {"id": "E2", "name": "王海燕", "capacity": "两"},', // 7
    '  "一段文字",', //                                       8
    '  {"id": "E3", "name": "张伟", "capacity": -1}', //     9
    ']',
    '',
  ].join('\n');

  it('every top-level element, whatever its type, is located at its own line', () => {
    expect(topLevelElementLines(text)).toEqual([2, 7, 8, 9]);
    expect(topLevelElementLines('[1, "a]\\"", \n[2, [3]],\n  true,null,\n{"k": "}"}\n, -0.5e3]')).toEqual([1, 1, 2, 3, 3, 4, 5]);
    expect(topLevelElementLines('[]')).toEqual([]);
    expect(topLevelElementLines('[\n]')).toEqual([]);
  });

  it('errors after a non-object element name the right lines', async () => {
    const experts = file('j.json', text);
    expect(readRecords(experts, 'experts').lines).toEqual([2, 7, 8, 9]);
    const needs = file('n4.csv', '需求编号,需求描述\nXQ-001,电机机壳烫手\n');
    const r = await run(['match', '--experts', experts, '--needs', needs]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      [
        'innomatch match: invalid input, nothing was written:',
        `${experts}:7: capacity: Invalid input: expected number, received string (id E2)`,
        `${experts}:8: (record): Invalid input: expected object, received string`,
        `${experts}:9: capacity: Too small: expected number to be >=0 (id E3)`,
        '',
      ].join('\n'),
    );
  });
});

describe('GBK after a UTF-8 BOM', () => {
  const csv = '专家编号,专家姓名,研究方向\r\nZJ-001,刘铭川,电机热管理\r\n';
  const bom = Uint8Array.of(0xef, 0xbb, 0xbf);

  it('is decoded as GB18030, not as UTF-8 replacement characters', () => {
    const bytes = Buffer.concat([bom, iconv.encode(csv, 'gbk')]);
    expect(decodeText(bytes)).toEqual({ text: csv, encoding: 'gb18030' });
    const path = file('gbk-bom.csv', bytes);
    const { records } = readRecords(path, 'experts');
    expect(records).toEqual([{ id: 'ZJ-001', name: '刘铭川', fields: ['电机热管理'] }]);
  });

  it('UTF-8 after a BOM is still UTF-8, without the BOM', () => {
    expect(decodeText(Buffer.concat([bom, Buffer.from(csv, 'utf8')]))).toEqual({ text: csv, encoding: 'utf-8' });
  });
});

describe('empty CSV', () => {
  it.each([
    ['empty.csv', ''],
    ['blank.csv', ' \r\n\n   \n'],
    ['bom-only.csv', '\ufeff'],
  ])('%s is rejected, naming the file', async (name, content) => {
    const path = file(name, content);
    expect(errorOf(() => readRecords(path, 'needs')).message).toBe(`${path}:1: (header): file is empty: no header row`);
    const needs = file('n5.csv', '需求编号,需求描述\nXQ-001,电机机壳烫手\n');
    const r = await run(['match', '--experts', path, '--needs', needs]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path}:1: (header): file is empty: no header row`);
  });
});

describe('full-width numbers in numeric cells', () => {
  it('are NFKC-normalised before parsing', () => {
    expect(parseNumberCell('２')).toBe(2);
    expect(parseNumberCell('　１０　')).toBe(10);
    expect(parseNumberCell('－１')).toBe(-1);
    expect(parseNumberCell('１．５')).toBe(1.5);
    expect(parseNumberCell('两个')).toBe('两个');
    expect(parseNumberCell('1 2')).toBe('1 2');
  });

  it('capacity ２ reads as 2; bad values are reported as numbers at their line', async () => {
    const experts = file(
      'fw.csv',
      '专家编号,专家姓名,研究方向,接待能力\nZJ-1,刘铭川,电机热管理,２\nZJ-2,王海燕,锂电池,　１０　\nZJ-3,张伟,储能,－１\nZJ-4,李娜,氢能,１．５\n',
    );
    const { records } = readRecords(experts, 'experts');
    expect(records.map((r) => (r as { capacity: unknown }).capacity)).toEqual([2, 10, -1, 1.5]);
    const needs = file('n6.csv', '需求编号,需求描述\nXQ-001,电机机壳烫手\n');
    const r = await run(['match', '--experts', experts, '--needs', needs]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      [
        'innomatch match: invalid input, nothing was written:',
        `${experts}:4: capacity: Too small: expected number to be >=0 (id ZJ-3)`,
        `${experts}:5: capacity: Invalid input: expected int, received number (id ZJ-4)`,
        '',
      ].join('\n'),
    );
  });
});

describe('enterprise cells', () => {
  it('keeps an enterprise id, park or region given without a name, so that validation refuses the row by line', async () => {
    const f = file('ent.csv', 'id,description,enterprise_id,enterprise,park\nN1,电机温升过高,E-001,,高新区\nN2,锂电池衰减,E-002,湘潭电化,\n');
    const { records } = readRecords(f, 'needs');
    expect(records.map((r) => (r as { enterprise?: unknown }).enterprise)).toEqual([
      { name: '', id: 'E-001', park: '高新区' },
      { name: '湘潭电化', id: 'E-002' },
    ]);
    const r = await run(['match', '--experts', 'fixtures/xiangtan/experts.json', '--needs', f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:2: enterprise.name`);
  });
});
