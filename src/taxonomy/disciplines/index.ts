import { parseString } from '../../query-options.js';
import { deepFreeze } from '../../util/freeze.js';
import { DISCIPLINES_AGRICULTURE_MEDICINE } from './agri-med.js';
import { DISCIPLINES_ENGINEERING_1 } from './engineering1.js';
import { DISCIPLINES_ENGINEERING_2 } from './engineering2.js';
import { DISCIPLINES_HUMANITIES } from './humanities.js';
import { DISCIPLINES_SCIENCE } from './science.js';
import type { Discipline } from './types.js';

export type { Discipline };

/**
 * The first-level disciplines (一级学科) of 学位授予和人才培养学科目录 (2022) that research and
 * expert profiles are written in, by code, each with its vocabulary. Written from knowledge of
 * the disciplines (their 二级学科, objects, methods and instruments), not fitted to any data.
 */
export const DISCIPLINES: readonly Discipline[] = deepFreeze(
  [...DISCIPLINES_HUMANITIES, ...DISCIPLINES_SCIENCE, ...DISCIPLINES_ENGINEERING_1, ...DISCIPLINES_ENGINEERING_2, ...DISCIPLINES_AGRICULTURE_MEDICINE].sort(
    (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  ),
);

/** Discipline codes in `DISCIPLINES` order (a discipline's number in rows and vectors). */
export const DISCIPLINE_CODES: readonly string[] = Object.freeze(DISCIPLINES.map((d) => d.code));

/**
 * The disciplines a name stands for: one for a code (0805), a name (材料科学与工程) or an alias;
 * one per part for a combined name such as 畜牧学/兽医学 or 化学/化学工程与技术 (as journals and
 * databases file papers); none when the name, or any part of it, is unknown. Anything but a
 * string is a `ValidationError`.
 */
export function disciplineCodes(text: string): string[] {
  const codes = parseString(text, 'text').normalize('NFKC').split('/').map(codeOf);
  return codes.every((c) => c !== undefined) ? [...new Set(codes as string[])] : [];
}

function codeOf(name: string): string | undefined {
  const t = name.trim();
  return DISCIPLINES.find((d) => d.code === t || d.name === t || d.aliases.includes(t))?.code;
}
