/** Row values as answers show them: timestamps as ISO 8601 text, Postgres numerics as numbers. */

/** A timestamp as ISO 8601 (UTC), or null. */
export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

/** A numeric column (pg returns numerics as strings) as a number, or null. */
export const num = (v: string | null | undefined): number | null => (v === null || v === undefined ? null : Number(v));
