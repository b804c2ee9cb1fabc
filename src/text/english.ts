import { stemmer } from 'stemmer';

const UNIT_NUMBER =
  /^\d+(?:\.\d+)?(?:mm|cm|km|m|um|nm|kg|mg|g|t|kw|mw|w|kv|v|ma|a|kwh|wh|mah|ah|h|s|ms|min|hz|khz|mhz|ghz|mpa|gpa|pa|kn|n|l|ml|rpm|db)?$/;

/**
 * Domain words whose Porter stem is also the stem of common words of another meaning, given an
 * index form of their own: otherwise "general" and "generation" match 发电机 (generator → gener),
 * "positive" matches 定位 (positioning → posit), "separate" matches 隔膜 (separator → separ),
 * "hard to" matches 硬度 (hardness → hard), "cut costs" matches 切削 (cutting → cut), "reduces
 * noise" matches 减速机 (reducer → reduc).
 */
const OWN_FORMS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    generator: 'generator',
    generators: 'generator',
    positioning: 'positioning',
    localization: 'localization',
    localisation: 'localization',
    separator: 'separator',
    separators: 'separator',
    tableting: 'tableting',
    tabletting: 'tableting',
    virtualization: 'virtualization',
    virtualisation: 'virtualization',
    injectable: 'injectable',
    injectables: 'injectable',
    weatherability: 'weatherability',
    hardness: 'hardness',
    microhardness: 'microhardness',
    toughness: 'toughness',
    cutting: 'cutting',
    reducer: 'reducer',
    reducers: 'reducer',
  }),
);

/**
 * Turns one lower-case ASCII word into its index form, or null when it carries no meaning
 * (pure numbers and number+unit measurements). Words of four letters or fewer are kept as
 * they are (acronyms: igbt, gnss, agv, plc); longer alphabetic words are Porter-stemmed, but for
 * the few domain words of `OWN_FORMS`.
 */
export function englishWordKey(word: string, keep: ReadonlySet<string>): string | null {
  if (keep.has(word)) return word;
  const own = OWN_FORMS.get(word);
  if (own !== undefined) return own;
  if (UNIT_NUMBER.test(word)) return null;
  if (!/^[a-z]+$/.test(word)) return word; // mixed letters and digits: 5g, m8, h2, cr12mov
  if (word.length <= 4) return word;
  return stemmer(word);
}

/** ASCII words as they appear in normalised text: letters, digits, and c++ / c# / 0.1mm forms. */
export const ASCII_WORD = /[a-z0-9]+(?:\.[a-z0-9]+)*[+#]*/g;
