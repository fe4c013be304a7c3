/** Language detection by stopword profile (en, es, fr, de, pt). Pure. */
import { normalize, STOPWORDS, tokens } from './text.js';

export type LanguageCode = keyof typeof STOPWORDS | 'und';

export interface LanguageGuess {
  /** ISO 639-1 code, or `und` (undetermined) when the text gives too little evidence. */
  language: LanguageCode;
  /** Share of stopword hits that belong to the winner, 0..1. */
  confidence: number;
}

/**
 * Counts each language's stopwords in the text; the language with the most hits wins if it has
 * at least two and beats the runner-up. Words several languages share count for each, so the
 * distinctive ones decide (Spanish "el", "y" against Portuguese "o", "e").
 */
export function detectLanguage(text: string): LanguageGuess {
  const words = tokens(normalize(text));
  const scores = (Object.keys(STOPWORDS) as (keyof typeof STOPWORDS)[]).map((lang) => ({
    lang,
    hits: words.filter((w) => STOPWORDS[lang].has(w)).length,
  }));
  scores.sort((a, b) => b.hits - a.hits);
  const [best, second] = scores;
  if (!best || best.hits < 2 || best.hits === second?.hits) return { language: 'und', confidence: 0 };
  const total = scores.reduce((s, x) => s + x.hits, 0);
  return { language: best.lang, confidence: Math.round((best.hits / total) * 1000) / 1000 };
}
