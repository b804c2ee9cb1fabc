/** Input validation for {@link AssignmentProblem}; throws RangeError with the offending path. */
import type { AssignmentProblem } from './types.js';

function fail(message: string): never {
  throw new RangeError(message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function checkCount(value: unknown, path: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail(`${path} must be a non-negative integer (got ${String(value)})`);
  }
}

function checkIndex(value: unknown, length: number, path: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= length) {
    fail(`${path} must be an integer index in [0, ${length}) (got ${String(value)})`);
  }
}

function checkIds(items: readonly unknown[], path: string, countField: 'demand' | 'capacity'): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (!isRecord(item)) fail(`${path}[${i}] must be an object`);
    const id = item['id'];
    if (typeof id !== 'string') fail(`${path}[${i}].id must be a string`);
    if (seen.has(id)) fail(`${path}[${i}].id "${id}" is a duplicate`);
    seen.add(id);
    checkCount(item[countField], `${path}[${i}].${countField}`);
  });
}

export function validateAssignmentProblem(p: AssignmentProblem): void {
  if (!isRecord(p)) fail('problem must be an object');
  if (!Array.isArray(p.needs)) fail('needs must be an array');
  if (!Array.isArray(p.experts)) fail('experts must be an array');
  if (!Array.isArray(p.edges)) fail('edges must be an array');
  if (p.objective !== 'total' && p.objective !== 'fair') {
    fail(`objective must be 'total' or 'fair' (got ${String(p.objective)})`);
  }
  if (p.alternates !== undefined) checkCount(p.alternates, 'alternates');
  checkIds(p.needs, 'needs', 'demand');
  checkIds(p.experts, 'experts', 'capacity');
  const expertCount = p.experts.length;
  const keys = new Float64Array(p.edges.length);
  p.edges.forEach((edge, i) => {
    if (!isRecord(edge)) fail(`edges[${i}] must be an object`);
    const { need, expert, score } = edge;
    checkIndex(need, p.needs.length, `edges[${i}].need`);
    checkIndex(expert, expertCount, `edges[${i}].expert`);
    if (typeof score !== 'number' || !Number.isFinite(score) || score <= 0) {
      fail(`edges[${i}].score must be a finite number > 0 (got ${String(score)})`);
    }
    keys[i] = need * expertCount + expert;
  });
  const sorted = keys.slice().sort();
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k] !== sorted[k - 1]) continue;
    const i = keys.lastIndexOf(sorted[k]!);
    const { need, expert } = p.edges[i]!;
    fail(`edges[${i}] duplicates the pair (need ${need}, expert ${expert})`);
  }
}
