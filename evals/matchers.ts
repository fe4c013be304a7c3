/**
 * Field matchers of dialog expectations: a plain value matches exactly (a number also matches
 * its numeric string), `{ re: pattern }` matches text case-insensitively, `$any` matches
 * anything (null included), `$set` anything but null; an object matches the keys it names.
 */
export function isRegexMatcher(m: unknown): m is { re: string } {
  return !!m && typeof m === 'object' && !Array.isArray(m) && Object.keys(m).length === 1 && typeof (m as { re?: unknown }).re === 'string';
}

export function matches(expected: unknown, actual: unknown): boolean {
  if (expected === '$any') return true;
  if (expected === '$set') return actual !== null && actual !== undefined;
  if (isRegexMatcher(expected)) {
    if (actual === null || actual === undefined || typeof actual === 'object') return false;
    return new RegExp(expected.re, 'i').test(String(actual));
  }
  if (Array.isArray(expected))
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => matches(e, actual[i]));
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) return false;
    return Object.entries(expected).every(([k, e]) => matches(e, (actual as Record<string, unknown>)[k]));
  }
  if (expected === null) return actual === null || actual === undefined;
  if (typeof expected === 'number' && typeof actual === 'string') return actual.trim() !== '' && Number(actual) === expected;
  if (typeof expected === 'string' && typeof actual === 'number') return expected.trim() !== '' && Number(expected) === actual;
  return expected === actual;
}

/** The fields of `row` that `expected` does not match, for messages. */
export function mismatches(expected: Record<string, unknown>, row: Record<string, unknown>): string[] {
  return Object.entries(expected)
    .filter(([k, e]) => !matches(e, row[k]))
    .map(([k, e]) => `${k}: expected ${JSON.stringify(e)}, got ${JSON.stringify(row[k] ?? null)}`);
}

/** A pattern of `say`/`mustNotSay`: case-insensitive regex. */
export const pattern = (p: string) => new RegExp(p, 'i');
