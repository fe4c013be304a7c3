/**
 * Text that Postgres cannot store or that no person typed: NUL and the other C0/C1 control
 * characters (tab, newline and carriage return are fine) and unpaired UTF-16 surrogates. A NUL
 * in a `text` column or a `jsonb` value fails the insert, so such input is refused up front, and
 * anything written to the audit trail regardless (a refused call's arguments) is made storable.
 */
import type { ErrorDetail } from '../../errors.js';

// Matching control characters is the point of this pattern.
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

function describe(s: string): string | undefined {
  const m = UNSAFE.exec(s);
  if (!m) return undefined;
  const cp = m[0].charCodeAt(0);
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return cp >= 0xd800 && cp <= 0xdfff ? `contains an unpaired surrogate (${hex})` : `contains the control character ${hex}`;
}

/**
 * Every string (and object key) in `value` that holds an unsafe character, by dotted path.
 * Stops after `max` findings.
 */
export function findUnsafeText(value: unknown, max = 5): ErrorDetail[] {
  const found: ErrorDetail[] = [];
  const visit = (v: unknown, path: string[], depth: number) => {
    if (found.length >= max || depth > 32) return;
    if (typeof v === 'string') {
      const why = describe(v);
      if (why)
        found.push({
          field: path.join('.') || undefined,
          message: `${why}; remove it (only tab, newline and carriage return are allowed)`,
        });
      return;
    }
    if (!v || typeof v !== 'object') return;
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v as Record<string, unknown>);
    for (const [k, x] of entries) {
      const keyWhy = describe(k);
      if (keyWhy) {
        found.push({ field: [...path, storableText(k)].join('.'), message: `the field name ${keyWhy}` });
        if (found.length >= max) return;
        continue;
      }
      visit(x, [...path, k], depth + 1);
    }
  };
  visit(value, [], 0);
  return found;
}

/** `s` with each unsafe character replaced by U+FFFD, so it can be stored. */
export function storableText(s: string): string {
  return UNSAFE.test(s) ? s.replace(UNSAFE_ALL, '\uFFFD') : s;
}

/** A deep copy of a JSON-like value with `storableText` applied to every string and key. */
export function storableJson(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(storableJson);
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(value as Record<string, unknown>)) out[storableText(k)] = storableJson(x);
  return out;
}
