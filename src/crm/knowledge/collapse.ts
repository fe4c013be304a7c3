/**
 * Near-duplicate collapsing for search results: a form letter sent to forty clients should take
 * one place in the top hits, not forty. Texts are compared by the Jaccard overlap of their word
 * sets, and copies may differ only in their merge fields: names and other words capitalised
 * inside a sentence, plus a few other words (a line of business, "cancel" for "terminate").
 * Two different e-mails that share a long signature and disclaimer overlap as much as two copies
 * of a letter do; what tells them apart is that their bodies differ in ordinary words.
 */

/** Fewer words than this: never collapsed (short notes like "left voicemail" are each their own fact). */
export const MIN_WORDS = 12;

/** Words other than names in which two copies may differ (demo book: 99.9% of its copies differ in at most 4). */
const MAX_PLAIN_DIFFERENCES = 4;

export function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/\p{L}{3,}/gu) ?? []);
}

/** Words written with a capital inside a sentence (names, places, makes), lower-cased. */
export function nameWords(text: string): Set<string> {
  return new Set([...text.matchAll(/(?<![.!?\n]\s*|^\s*)\b(\p{Lu}\p{L}{2,})/gu)].map((m) => m[1]!.toLowerCase()));
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return inter / (a.size + b.size - inter || 1);
}

interface Profile {
  words: Set<string>;
  names: Set<string>;
}

function profile(text: string): Profile {
  return { words: wordSet(text), names: nameWords(text) };
}

/** Words in one text and not the other that are a name in neither. */
function plainDifferences(a: Profile, b: Profile): number {
  let n = 0;
  const plain = (w: string) => !a.names.has(w) && !b.names.has(w);
  for (const w of a.words) if (!b.words.has(w) && plain(w)) n++;
  for (const w of b.words) if (!a.words.has(w) && plain(w)) n++;
  return n;
}

/** Two texts are copies of one another (see the file's comment). */
export function areCopies(a: Profile, b: Profile, threshold = 0.8): boolean {
  return (
    a.words.size >= MIN_WORDS &&
    b.words.size >= MIN_WORDS &&
    jaccard(a.words, b.words) >= threshold &&
    plainDifferences(a, b) <= MAX_PLAIN_DIFFERENCES
  );
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
  const kept: Array<{ item: T; profile: Profile }> = [];
  let collapsed = 0;
  for (const item of items) {
    if (kept.length >= limit) break;
    const p = profile(text(item));
    if (kept.some((k) => areCopies(k.profile, p, threshold))) {
      collapsed++;
      continue;
    }
    kept.push({ item, profile: p });
  }
  return { kept: kept.map((k) => k.item), collapsed };
}
