/**
 * Lexicon sentiment for customer messages (English and Spanish), -1 (angry) to 1 (happy). Pure.
 * Phrase-level cues first (sarcasm, courtesy versus gratitude, "nobody ever gets back"), then
 * words. Negation flips and weakens ("not happy"), intensifiers scale ("muy molesto"), a
 * contrast ("..., but ...", "pero") weighs the clause after it more than the one before, and
 * shouting (mostly capitals) or "??" deepen a negative message.
 */
import { INTENSIFIER_SOURCE, LEXICON_SOURCE } from './sentiment-lexicon.js';
import { isNegated, normalize, tokens } from './text.js';

function parsePairs(source: string): Map<string, number> {
  return new Map(
    source
      .split(/\s+/)
      .filter(Boolean)
      .map((pair) => {
        const at = pair.lastIndexOf('=');
        return [pair.slice(0, at).replace(/_/g, ' '), Number(pair.slice(at + 1))] as const;
      }),
  );
}

const ENTRIES = parsePairs(LEXICON_SOURCE.join(' '));
const INTENSIFIERS = parsePairs(INTENSIFIER_SOURCE);
const WORDS = new Map([...ENTRIES].filter(([k]) => !k.includes(' ') && !k.endsWith('*')));
const STEMS = [...ENTRIES].filter(([k]) => k.endsWith('*')).map(([k, v]) => [k.slice(0, -1), v] as const);
// Longest first, so "thank you so much" wins over "thank you".
const PHRASES = [...ENTRIES]
  .filter(([k]) => k.includes(' '))
  .sort((a, b) => b[0].length - a[0].length)
  .map(([k, v]) => ({ re: new RegExp(`(?<![a-z0-9'])${k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![a-z0-9])`, 'g'), v }));

// Alpha in the VADER-style normalisation x / sqrt(x^2 + alpha): how fast the score saturates.
const ALPHA = 8;
const CONTRAST = /\b(?:but|however|though|although|pero|sin embargo|aunque)\b/g;
const SENTENCE_END = /[.!?\n]/;

function valenceOf(word: string): number | undefined {
  const exact = WORDS.get(word);
  if (exact !== undefined) return exact;
  return STEMS.find(([stem]) => word.length > stem.length && word.startsWith(stem))?.[1];
}

/** VADER's "but" rule, per sentence: before a contrast word x0.5, after it x1.5. */
function contrastWeight(norm: string, contrasts: readonly number[], at: number): number {
  for (const c of contrasts) {
    const [lo, hi] = c < at ? [c, at] : [at, c];
    if (SENTENCE_END.test(norm.slice(lo, hi))) continue;
    return c < at ? 1.5 : 0.5;
  }
  return 1;
}

/** Share of capital letters in the raw text, when it has enough letters to tell shouting. */
function shouting(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 12) return false;
  return letters.filter((l) => l !== l.toLowerCase()).length / letters.length > 0.6;
}

/** Sentiment score of a text, -1..1, rounded to 3 decimals; 0 when nothing in it carries valence. */
export function sentimentScore(text: string): number {
  let norm = normalize(text);
  const contrasts = [...norm.matchAll(CONTRAST)].map((m) => m.index);
  let sum = 0;
  for (const { re, v } of PHRASES) {
    for (const m of norm.matchAll(re)) sum += v * contrastWeight(norm, contrasts, m.index) * (isNegated(norm, m.index) ? -0.5 : 1);
    // Blank matched phrases so their words are not counted twice ("thank you" vs "thank").
    norm = norm.replace(re, (m) => ' '.repeat(m.length));
  }
  let offset = 0;
  const words = tokens(norm);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const at = norm.indexOf(w, offset);
    offset = at + w.length;
    const v = valenceOf(w);
    if (v === undefined || v === 0) continue;
    const boost = INTENSIFIERS.get(words[i - 1] ?? '') ?? 1;
    // A negated word flips and weakens: "not happy" is negative but milder than "unhappy".
    sum += v * boost * contrastWeight(norm, contrasts, at) * (isNegated(norm, at) ? -0.5 : 1);
  }
  if (shouting(text)) sum -= 2;
  if (/!{2,}/.test(text)) sum += sum < 0 ? -0.5 : sum > 0 ? 0.5 : 0;
  if (/\?{2,}|\?!|!\?/.test(text) && sum <= 0) sum -= 0.75;
  const score = sum / Math.sqrt(sum * sum + ALPHA);
  return Math.round(Math.max(-1, Math.min(1, score)) * 1000) / 1000;
}
