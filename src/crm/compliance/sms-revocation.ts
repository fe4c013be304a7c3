/**
 * Whether an inbound text revokes SMS consent. The FCC's 2024 revocation rule (47 CFR
 * 64.1200(a)(10)) lets a consumer revoke by any reasonable means and names STOP, QUIT, END,
 * REVOKE, OPT OUT, CANCEL and UNSUBSCRIBE sent in reply as revocation per se; carriers add
 * STOPALL, and Spanish-speaking customers reply ALTO, PARAR, BAJA or CANCELAR. When in doubt we
 * revoke: a missed opt-out is a violation, an extra one only costs a text.
 */

/** Words that revoke on their own even when the reply goes on ("Stop please", "ALTO ya"). */
const LEADING = ['stop', 'stopall', 'unsubscribe', 'revoke', 'optout', 'alto', 'parar', 'detener'];
/** Words that revoke only as the whole reply: "end" or "cancel" start many ordinary sentences. */
const WHOLE = ['cancel', 'end', 'quit', 'baja', 'cancelar', 'remove', 'desuscribir'];
/** Phrases that revoke anywhere in the reply. */
const PHRASES = [
  /\bstop (texting|messaging|sending|contacting|calling)\b/,
  /\b(do not|don'?t|dont) (text|message|contact)\b/,
  /\bno more (texts|messages)\b/,
  /\b(remove|take) me off\b/,
  /\bunsubscribe\b/,
  /\bopt(-| )?out\b/,
  /\bno (me )?(env[ií]en|manden) (m[aá]s )?(mensajes|textos)\b/,
];

/**
 * The revocation keyword or phrase an inbound text contains (upper-cased, e.g. "STOP",
 * "OPT OUT"), or null when it does not revoke.
 */
export function revocationKeyword(body: string | null | undefined): string | null {
  if (!body) return null;
  const text = body
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}' -]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return null;
  const joined = text.replace(/[ -]/g, '');
  const words = text.split(' ');
  if (joined === 'optout' || joined === 'stopall') return joined === 'optout' ? 'OPT OUT' : 'STOPALL';
  if (words.length === 1 && WHOLE.includes(words[0]!)) return words[0]!.toUpperCase();
  if (LEADING.includes(words[0]!)) return words[0]!.toUpperCase();
  if (words.length >= 2 && words[0] === 'opt' && words[1] === 'out') return 'OPT OUT';
  for (const p of PHRASES) {
    const m = p.exec(text);
    if (m) return m[0].toUpperCase();
  }
  return null;
}
