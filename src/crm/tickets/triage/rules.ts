/**
 * The deterministic ticket classifier (`crm-rules-v1`): category by weighted patterns with
 * negation handling, urgency signals, priority from those signals, sentiment, language, a
 * summary, a rationale naming what drove the decision and a confidence. Pure; works offline.
 */
import type { PRIORITIES } from '../../../db/schema/index.js';
import { detectLanguage } from './language.js';
import { CATEGORY_PATTERNS, SIGNAL_PATTERNS, URGENCY_WORDS, type TicketCategory, type UrgencySignal } from './patterns.js';
import { sentimentScore } from './sentiment.js';
import { extractiveSummary, isNegated, normalize } from './text.js';

export type TicketPriority = (typeof PRIORITIES)[number];

export const RULES_MODEL = 'crm-rules-v1';

export interface TriageClassification {
  category: TicketCategory;
  priority: TicketPriority;
  /** -1 (angry) .. 1 (happy). */
  sentiment: number;
  /** ISO 639-1 code (the rules detect en, es, fr, de, pt), or `und`. */
  language: string;
  urgencySignals: UrgencySignal[];
  /** 0..1. */
  confidence: number;
  /** Names the signals that drove the decision. */
  rationale: string;
  /** Compact extractive summary (customer wording). */
  summary: string;
}

interface CategoryScore {
  category: TicketCategory;
  score: number;
  matched: string[];
}

// A match in the subject says more about the ticket than one deep in the description.
const SUBJECT_WEIGHT = 1.5;

function scoreCategories(subject: string, description: string): CategoryScore[] {
  const parts: [string, number][] = [
    [normalize(subject), SUBJECT_WEIGHT],
    [normalize(description), 1],
  ];
  const out: CategoryScore[] = [];
  for (const [category, patterns] of Object.entries(CATEGORY_PATTERNS) as [TicketCategory, typeof CATEGORY_PATTERNS.claim][]) {
    let score = 0;
    const matched = new Set<string>();
    for (const { re, w, label } of patterns) {
      for (const [text, weight] of parts) {
        for (const m of text.matchAll(re)) {
          if (isNegated(text, m.index)) {
            // "not a claim" is evidence against, not just absence of evidence.
            if (w > 0) score -= (w * weight) / 2;
            matched.add(`not "${label}"`);
          } else {
            score += w * weight;
            matched.add(w > 0 ? `"${label}"` : label);
          }
        }
      }
    }
    out.push({ category, score: Math.max(0, score), matched: [...matched] });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** The urgency signals present (not negated) in normalised text, in a stable order. */
export function urgencySignals(text: string): UrgencySignal[] {
  const norm = normalize(text);
  const found: UrgencySignal[] = [];
  for (const [signal, re] of Object.entries(SIGNAL_PATTERNS) as [UrgencySignal, RegExp][]) {
    if ([...norm.matchAll(re)].some((m) => !isNegated(norm, m.index))) found.push(signal);
  }
  return found;
}

const ORDER: readonly TicketPriority[] = ['low', 'normal', 'high', 'urgent'];
const bump = (p: TicketPriority): TicketPriority => ORDER[Math.min(ORDER.length - 1, ORDER.indexOf(p) + 1)]!;

/** Priority from category, signals, explicit urgency words and sentiment, with the reasons. */
export function priorityFor(
  category: TicketCategory,
  signals: readonly UrgencySignal[],
  urgentWords: boolean,
  sentiment: number,
): { priority: TicketPriority; reasons: string[] } {
  const reasons: string[] = [];
  let priority: TicketPriority = category === 'other' && signals.length === 0 ? 'low' : 'normal';
  const safetyOrLegal = signals.filter((s) => s.startsWith('safety_') || s.startsWith('legal_'));
  if (safetyOrLegal.length) {
    reasons.push(`urgent: ${safetyOrLegal.join(', ')}`);
    return { priority: 'urgent', reasons };
  }
  const high = signals.filter((s) => s === 'loss_event' || s.startsWith('lapse_'));
  if (high.length) reasons.push(`high: ${high.join(', ')}`);
  if (category === 'complaint' || category === 'cancellation')
    reasons.push(`high: ${category === 'complaint' ? 'complaint' : 'retention risk (cancellation)'}`);
  if (sentiment <= -0.6) reasons.push(`high: very negative sentiment (${sentiment})`);
  if (reasons.length) priority = 'high';
  if (urgentWords) {
    priority = bump(priority === 'low' ? 'normal' : priority);
    reasons.push(`raised to ${priority}: customer asks for speed`);
  }
  return { priority, reasons };
}

function confidenceOf(top: CategoryScore | undefined, second: CategoryScore | undefined): number {
  if (!top || top.score <= 0) return 0.3;
  const margin = (top.score - (second?.score ?? 0)) / top.score;
  const strength = Math.min(1, top.score / 6);
  return Math.round(Math.min(0.95, 0.3 + 0.35 * margin + 0.3 * strength) * 1000) / 1000;
}

/** Classifies a ticket from its subject and the customer's description. Deterministic. */
export function classifyTicket(input: { subject: string; description: string }): TriageClassification {
  const { subject, description } = input;
  const full = `${subject}\n${description}`;
  const ranked = scoreCategories(subject, description);
  const [top, second] = ranked;
  const category: TicketCategory = top && top.score > 0 ? top.category : 'other';
  const signals = urgencySignals(full);
  const sentiment = sentimentScore(full);
  const urgentWords = [...normalize(full).matchAll(URGENCY_WORDS)].some((m) => !isNegated(normalize(full), m.index));
  const { priority, reasons } = priorityFor(category, signals, urgentWords, sentiment);
  const { language } = detectLanguage(full);
  const confidence = confidenceOf(top, second);
  const why = [
    category === 'other' ? 'category other: no category pattern matched' : `category ${category} (${top!.matched.join(', ')})`,
    second && second.score > 0 && category !== 'other'
      ? `runner-up ${second.category} ${second.score.toFixed(1)} vs ${top!.score.toFixed(1)}`
      : null,
    `priority ${priority}${reasons.length ? ` (${reasons.join('; ')})` : ''}`,
    signals.length ? `signals: ${signals.join(', ')}` : null,
    `sentiment ${sentiment}`,
    `language ${language}`,
  ].filter(Boolean);
  return {
    category,
    priority,
    sentiment,
    language,
    urgencySignals: signals,
    confidence,
    rationale: why.join('; '),
    summary: extractiveSummary(subject, description),
  };
}
