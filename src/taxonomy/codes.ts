/** The nine industries of the Xiangtan "1+4" plan plus its emerging industries. */
export const INDUSTRY_CODES = Object.freeze([
  'intelligent-equipment',
  'automotive',
  'food-pharma',
  'next-gen-it',
  'new-materials',
  'new-energy',
  'robotics',
  'beidou',
  'new-power',
] as const);

export type IndustryCode = (typeof INDUSTRY_CODES)[number];

export function isIndustryCode(value: unknown): value is IndustryCode {
  return typeof value === 'string' && (INDUSTRY_CODES as readonly string[]).includes(value);
}
