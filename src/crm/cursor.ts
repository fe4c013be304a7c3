/**
 * Opaque keyset cursors: base64url JSON of the last row's sort key and id, bound to the sort,
 * the direction and a fingerprint of the filters, so a cursor from another query is refused
 * instead of silently skipping or repeating rows.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ValidationError } from '../errors.js';

export interface KeysetPosition {
  /** The sort key of the last row as Postgres text (exact round trip), or null when that row had none. */
  key: string | null;
  /** Id of the last row: the tie-breaker. */
  id: string;
}

export interface CursorScope {
  /** Sort column name. */
  sort: string;
  order: 'asc' | 'desc';
  /** Anything that identifies the filtered set; hashed, never stored in clear. */
  filters: unknown;
}

const payload = z.strictObject({
  v: z.literal(1),
  s: z.string(),
  o: z.enum(['asc', 'desc']),
  f: z.string(),
  k: z.string().nullable(),
  id: z.uuid(),
});

/** A short, stable fingerprint of a JSON value (object keys sorted). */
export function fingerprint(value: unknown): string {
  const stable = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(stable);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .filter(([, x]) => x !== undefined)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, x]) => [k, stable(x)]),
      );
    }
    return v;
  };
  return createHash('sha256')
    .update(JSON.stringify(stable(value)) ?? '')
    .digest('base64url')
    .slice(0, 12);
}

export function encodeCursor(scope: CursorScope, at: KeysetPosition): string {
  const body = { v: 1, s: scope.sort, o: scope.order, f: fingerprint(scope.filters), k: at.key, id: at.id };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by `encodeCursor` for the same scope. Throws ValidationError (field
 * `cursor`) when it is malformed or belongs to a different sort, direction or filter set.
 */
export function decodeCursor(raw: string, scope: CursorScope): KeysetPosition {
  const bad = (why: string) =>
    new ValidationError(
      `Invalid cursor: ${why}.`,
      [{ field: 'cursor', message: why }],
      'Pass back the nextCursor of the previous page unchanged, with the same filters and sort; or omit cursor to start over.',
    );
  if (!/^[A-Za-z0-9_-]+$/.test(raw)) throw bad('not a cursor returned by this tool');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw bad('not a cursor returned by this tool');
  }
  const parsed = payload.safeParse(json);
  if (!parsed.success) throw bad('not a cursor returned by this tool');
  const c = parsed.data;
  if (c.s !== scope.sort || c.o !== scope.order) throw bad(`it was made for sort ${c.s} ${c.o}, not ${scope.sort} ${scope.order}`);
  if (c.f !== fingerprint(scope.filters)) throw bad('it was made for different filters');
  return { key: c.k, id: c.id };
}
