/**
 * Removes credentials from text before it is stored or returned: key-like strings by their shape
 * (OpenAI-style `sk-…`, Slack `xox?-…`, bearer tokens, this product's `crm_…` API tokens, AWS
 * access key ids, passwords inside URLs) and the configured secret values by equality. Providers
 * and proxies echo keys in error texts ("Incorrect API key provided: sk-…"), and those texts end
 * up in the audit trail, in ticket rationales and in answers to callers.
 */

/** What a removed secret is replaced with. */
export const REDACTED = '[redacted]';

const PATTERNS: readonly { re: RegExp; to: string }[] = [
  // OpenAI and look-alikes (sk-proj-, sk-ant-, sk-live-…); `*` so a provider's half-masked echo goes too.
  { re: /\bsk-[A-Za-z0-9_*-]{16,}/g, to: REDACTED },
  // Slack bot, user, app and config tokens.
  { re: /\b(?:xox[abposre]|xapp)-[A-Za-z0-9-]{10,}/g, to: REDACTED },
  // An Authorization header value; the lookahead wants a digit, so "Bearer instruments" is prose.
  { re: /\bBearer\s+(?=[A-Za-z0-9._~+/=-]*\d)[A-Za-z0-9._~+/=-]{16,}/gi, to: `Bearer ${REDACTED}` },
  // Our own API tokens: `crm_` + 43 base64url characters (src/crm/access/tokens.ts).
  { re: /\bcrm_[A-Za-z0-9_-]{20,}/g, to: REDACTED },
  // AWS access key ids.
  { re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, to: REDACTED },
  // user:password@ in any URL (DATABASE_URL and friends).
  { re: /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*:)[^\s@/]+@/gi, to: `$1${REDACTED}@` },
];

/** Configured values shorter than this are not scrubbed by equality (it would mangle ordinary words). */
const MIN_SECRET_LENGTH = 8;

let configured: string[] = [];

/**
 * Sets the secret values to remove wherever they appear (API keys, signing secrets, database
 * passwords from config). Called once at start; replaces the previous set.
 */
export function configureSecrets(values: Iterable<string | null | undefined>): void {
  const set = new Set<string>();
  for (const v of values) if (v && v.length >= MIN_SECRET_LENGTH) set.add(v);
  // Longest first, so a secret that contains another is removed whole.
  configured = [...set].sort((a, b) => b.length - a.length);
}

/** `text` with every key-like string and configured secret replaced by `[redacted]`. */
export function scrubSecrets(text: string): string {
  let out = text;
  for (const s of configured) if (out.includes(s)) out = out.split(s).join(REDACTED);
  for (const { re, to } of PATTERNS) out = out.replace(re, to);
  return out;
}

/** `scrubSecrets` for nullable columns. */
export function scrubNullable(text: string | null | undefined): string | null | undefined {
  return typeof text === 'string' ? scrubSecrets(text) : text;
}

/** A deep copy of a JSON-like value with every string scrubbed (keys are left alone). */
export function scrubDeep<T>(value: T): T {
  const visit = (v: unknown): unknown => {
    if (typeof v === 'string') return scrubSecrets(v);
    if (Array.isArray(v)) return v.map(visit);
    if (!v || typeof v !== 'object' || v instanceof Date) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = visit(x);
    return out;
  };
  return visit(value) as T;
}
