/**
 * The own-organisation rule: an expert never meets a need of their own organisation.
 *
 * Both names are normalised first: NFKC (full-width letters, digits and brackets to half-width,
 * ideographic space to a space), all whitespace removed, lower case. They are then the same
 * organisation when equal, or when one starts with the other and the shorter has at least
 * {@link MIN_PREFIX} characters: an expert of "湘潭恒驰电机有限公司技术中心" works for
 * "湘潭恒驰电机有限公司". Substrings elsewhere do not count ("湖南大学" is not "湘潭大学附属…").
 */
export const MIN_PREFIX = 4;

export function normaliseOrganisation(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}

export function sameOrganisation(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const x = normaliseOrganisation(a);
  const y = normaliseOrganisation(b);
  if (x.length === 0 || y.length === 0) return false;
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return [...short].length >= MIN_PREFIX && long.startsWith(short);
}
