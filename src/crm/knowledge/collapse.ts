/**
 * Near-duplicate collapsing for search results: a form letter sent to forty clients should take
 * one place in the top hits, not forty. Texts are compared by the Jaccard overlap of their word
 * sets (names, numbers and dates differ between copies; the rest does not).
 */

/** Fewer words than this: never collapsed (short notes like "left voicemail" are each their own fact). */
export const MIN_WORDS = 12;

export function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/\p{L}{3,}/gu) ?? []);
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return inter / (a.size + b.size - inter || 1);
}

/**
 * Keeps the first of each group of near-duplicates (items are best first), up to `limit` kept;
 * returns them with how many later copies were dropped.
 */
export function collapseNearDuplicates<T>(
  items: T[],
  text: (t: T) => string,
  limit: number,
  threshold = 0.8,
): { kept: T[]; collapsed: number } {
  const kept: Array<{ item: T; words: Set<string> }> = [];
  let collapsed = 0;
  for (const item of items) {
    if (kept.length >= limit) break;
    const words = wordSet(text(item));
    if (words.size >= MIN_WORDS && kept.some((k) => k.words.size >= MIN_WORDS && jaccard(k.words, words) >= threshold)) {
      collapsed++;
      continue;
    }
    kept.push({ item, words });
  }
  return { kept: kept.map((k) => k.item), collapsed };
}
