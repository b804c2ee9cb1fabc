/**
 * The jieba frequency a matcher's own dictionary word is loaded with: high, and higher for
 * longer words, so that the segmenter prefers them to their own parts. Every backend that takes
 * frequencies uses it, so their cuts agree.
 */
export function domainWordFrequency(word: string): number {
  return 20000 * Math.max(1, [...word].length);
}

/** A domain word as the segmenter's dictionary holds it: no whitespace. */
export function dictionaryForm(word: string): string {
  return word.replace(/\s+/g, '');
}
