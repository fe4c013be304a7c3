/**
 * Sensitive personal fields (driver's licence numbers, dates of birth, VINs): masked in every
 * answer and in the audit trail unless the caller holds `crm:pii` and asked for them.
 * One place decides which keys are sensitive and what a masked value looks like, so the views,
 * the tool outputs and `ai_interactions` agree.
 */

/** Keys (anywhere in a JSON value) whose values are sensitive personal data. */
export const PII_KEYS: ReadonlySet<string> = new Set([
  'licenseNumber',
  'licenceNumber',
  'driversLicense',
  'dateOfBirth',
  'driverDob',
  'dob',
  'vin',
  'ssn',
  'taxId',
]);

/** Keeps the last `keep` characters: `D1234567` -> `****4567`. Short values are fully masked. */
export function maskTail(value: string, keep = 4): string {
  if (value.length <= keep + 1) return '*'.repeat(value.length);
  return '*'.repeat(value.length - keep) + value.slice(-keep);
}

/** A date of birth keeps its year only (`1984-**-**`): enough to reason about age bands. */
export function maskDate(value: string): string {
  const m = /^(\d{4})-\d{2}-\d{2}/.exec(value);
  return m ? `${m[1]}-**-**` : maskTail(value, 0);
}

/** Masks one sensitive value by its key. */
export function maskValue(key: string, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (value instanceof Date) return maskDate(value.toISOString());
  if (typeof value !== 'string') return '***';
  if (key === 'dateOfBirth' || key === 'driverDob' || key === 'dob') return maskDate(value);
  return maskTail(value);
}

/**
 * A deep copy of `value` with every sensitive key masked. Pure; cycles are not expected (JSON
 * data). Dates elsewhere are left as they are.
 */
export function maskPii<T>(value: T): T {
  const visit = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(visit);
    if (!v || typeof v !== 'object' || v instanceof Date) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = PII_KEYS.has(k) ? maskValue(k, x) : visit(x);
    return out;
  };
  return visit(value) as T;
}
