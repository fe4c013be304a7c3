/**
 * Normalised phone numbers and email addresses: the keys number- and address-level consent is
 * recorded and looked up by, so "(555) 010-2030" and "+1 555 010 2030" are one number.
 */

/**
 * E.164 for a phone as written in the book, or null when it cannot be one. Ten digits (or eleven
 * starting with 1) are read as a North American number; a leading "+" keeps its country code.
 * An extension ("x12", "ext. 12") is dropped: consent belongs to the line.
 */
export function normalizePhone(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const main = raw.split(/(?:x|ext\.?|#)/i)[0]!.trim();
  const digits = main.replace(/\D/g, '');
  if (main.startsWith('+')) return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  return null;
}

/** Lower-cased, trimmed email address, or null when it is not one. */
export function normalizeEmail(raw: string | null | undefined): string | null {
  const e = raw?.trim().toLowerCase();
  return e && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e) ? e : null;
}
