import { stemmer } from 'stemmer';

const UNIT_NUMBER =
  /^\d+(?:\.\d+)?(?:mm|cm|km|m|um|nm|kg|mg|g|t|kw|mw|w|kv|v|ma|a|kwh|wh|mah|ah|h|s|ms|min|hz|khz|mhz|ghz|mpa|gpa|pa|kn|n|l|ml|rpm|db)?$/;

/**
 * Turns one lower-case ASCII word into its index form, or null when it carries no meaning
 * (pure numbers and number+unit measurements). Words of four letters or fewer are kept as
 * they are (acronyms: igbt, gnss, agv, plc); longer alphabetic words are Porter-stemmed.
 */
export function englishWordKey(word: string, keep: ReadonlySet<string>): string | null {
  if (keep.has(word)) return word;
  if (UNIT_NUMBER.test(word)) return null;
  if (!/^[a-z]+$/.test(word)) return word; // mixed letters and digits: 5g, m8, h2, cr12mov
  if (word.length <= 4) return word;
  return stemmer(word);
}

/** ASCII words as they appear in normalised text: letters, digits, and c++ / c# / 0.1mm forms. */
export const ASCII_WORD = /[a-z0-9]+(?:\.[a-z0-9]+)*[+#]*/g;
