/**
 * One first-level discipline (一级学科) of 学位授予和人才培养学科目录 (2022), with the vocabulary
 * its research is written in.
 */
export interface Discipline {
  /** Four-digit code of the catalogue, e.g. '0805'. */
  readonly code: string;
  /** Official name, e.g. 材料科学与工程. */
  readonly name: string;
  /** Other names a profile may use (older catalogue names, common short names). */
  readonly aliases: readonly string[];
  /** The 门类 (category) it belongs to, e.g. 工学. */
  readonly category: string;
  /**
   * Words characteristic of the discipline's research: objects, phenomena, methods, instruments,
   * materials, named theories. Chinese, two to six characters as a rule; no generic words.
   */
  readonly terms: readonly string[];
}
