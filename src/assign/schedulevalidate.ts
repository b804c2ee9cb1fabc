/** Input validation for {@link ScheduleProblem}; throws RangeError with the offending path. */
import type { ScheduleProblem } from './types.js';

function fail(message: string): never {
  throw new RangeError(message);
}

function checkCount(value: unknown, path: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail(`${path} must be a non-negative integer (got ${String(value)})`);
  }
}

export function validateScheduleProblem(p: ScheduleProblem): void {
  if (typeof p !== 'object' || p === null) fail('problem must be an object');
  if (!Array.isArray(p.pairs)) fail('pairs must be an array');
  p.pairs.forEach((pair, i) => {
    if (typeof pair !== 'object' || pair === null) fail(`pairs[${i}] must be an object`);
    checkCount(pair.need, `pairs[${i}].need`);
    checkCount(pair.expert, `pairs[${i}].expert`);
    checkCount(pair.enterprise, `pairs[${i}].enterprise`);
  });
  if (p.maxSlots !== undefined) checkCount(p.maxSlots, 'maxSlots');
  if (p.availability !== undefined) {
    if (!(p.availability instanceof Map)) fail('availability must be a Map from expert index to slot indexes');
    for (const [expert, slots] of p.availability) {
      checkCount(expert, 'availability key');
      if (!Array.isArray(slots)) fail(`availability of expert ${String(expert)} must be an array`);
      slots.forEach((slot, i) => checkCount(slot, `availability of expert ${String(expert)}[${i}]`));
    }
  }
}
