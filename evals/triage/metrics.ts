/** Scoring of a triage run: accuracy per field, confusion tables, accuracy per language. Pure. */
import type { SentimentLabel, TriageCase } from './cases.js';

export const TRIAGE_FIELDS = ['category', 'priority', 'sentiment', 'language'] as const;
export type TriageField = (typeof TRIAGE_FIELDS)[number];

/** A sentiment score at or below -T is negative, at or above T positive, else neutral. */
export const SENTIMENT_THRESHOLD = 0.2;

export function sentimentLabel(score: number): SentimentLabel {
  if (score <= -SENTIMENT_THRESHOLD) return 'negative';
  if (score >= SENTIMENT_THRESHOLD) return 'positive';
  return 'neutral';
}

/** What triage answered for one case, in the labels' terms. */
export interface TriagePrediction {
  category: string;
  priority: string;
  sentiment: SentimentLabel;
  language: string;
}

export interface CaseOutcome {
  id: string;
  expect: TriageCase['expect'];
  got: TriagePrediction;
  /** The raw sentiment score and the model that answered, for the report. */
  sentimentScore: number;
  model: string;
}

export interface FieldScore {
  correct: number;
  total: number;
  accuracy: number;
  /** confusion[expected][predicted] = count. */
  confusion: Record<string, Record<string, number>>;
}

export interface TriageScores {
  cases: number;
  fields: Record<TriageField, FieldScore>;
  /** Per expected language: accuracy of each field on that language's cases. */
  byLanguage: Record<string, { cases: number } & Record<TriageField, number>>;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);

function fieldScore(outcomes: readonly CaseOutcome[], field: TriageField): FieldScore {
  const confusion: Record<string, Record<string, number>> = {};
  let correct = 0;
  for (const o of outcomes) {
    const e = o.expect[field];
    const g = o.got[field];
    const row = (confusion[e] ??= {});
    row[g] = (row[g] ?? 0) + 1;
    if (e === g) correct++;
  }
  return { correct, total: outcomes.length, accuracy: ratio(correct, outcomes.length), confusion };
}

/** Scores a run. An empty run scores 0 everywhere. */
export function scoreTriage(outcomes: readonly CaseOutcome[]): TriageScores {
  const fields = Object.fromEntries(TRIAGE_FIELDS.map((f) => [f, fieldScore(outcomes, f)])) as Record<TriageField, FieldScore>;
  const byLanguage: TriageScores['byLanguage'] = {};
  for (const lang of [...new Set(outcomes.map((o) => o.expect.language))].sort()) {
    const sub = outcomes.filter((o) => o.expect.language === lang);
    byLanguage[lang] = {
      cases: sub.length,
      ...(Object.fromEntries(TRIAGE_FIELDS.map((f) => [f, fieldScore(sub, f).accuracy])) as Record<TriageField, number>),
    };
  }
  return { cases: outcomes.length, fields, byLanguage };
}
