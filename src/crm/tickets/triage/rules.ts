/**
 * The deterministic ticket classifier (`crm-rules-v1`): category by weighted patterns with
 * negation handling (nudged by the tone: thanks, quotes, legal matters, angry grievances),
 * urgency signals, priority from those signals, timing cues and the customer's state (lapse date,
 * open claim: see priority.ts), sentiment, language, a summary, a rationale naming what drove the
 * decision and a confidence. Pure; works offline.
 */
import { NO_CUSTOMER_STATE, type CustomerState } from './customer-state.js';
import { detectLanguage } from './language.js';
import {
  CATEGORY_PATTERNS,
  DEADLINE,
  NO_RUSH,
  SIGNAL_PATTERNS,
  URGENCY_WORDS,
  type TicketCategory,
  type UrgencySignal,
} from './patterns.js';
import { priorityFor, type TicketPriority } from './priority.js';
import { sentimentScore } from './sentiment.js';
import { extractiveSummary, isNegated, normalize } from './text.js';

export type { TicketCategory, UrgencySignal } from './patterns.js';
export type { TicketPriority } from './priority.js';
export { priorityFor } from './priority.js';

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

/** Any non-negated match of `re` in normalised text. */
function present(norm: string, re: RegExp): boolean {
  return [...norm.matchAll(re)].some((m) => !isNegated(norm, m.index));
}

// Thanks with no request in it: a note, not work ("thank you Priya!", "mil gracias por todo").
const GRATITUDE = /\b(?:thank|thanks|thx|grateful|appreciate|gracias|agradec\w*)\b/;
const REQUEST =
  /\?|\b(?:please|pls|plz|can you|could you|would you|can i|can we|do i|do we|need|needs|let me know|how do|what do|por favor|favor de|pueden|puede|podrian|necesito|necesitamos|quiero|quisiera|como hago|que hago)\b/;
// A request for a quote is sales work ("other"), unless the text is plainly about something else.
const QUOTE =
  /\b(?:quotes?|quoting|cotiza\w*|cotizacion|shop (?:my|our|around|it)|how much would (?:it|that|this) cost|cuanto (?:me )?costaria)\b/;
const QUOTE_YIELDS_BELOW = 5;
// Without a request, a clearly positive message is praise; with a thanks word, a milder one is too.
const PRAISE = 0.6;
const THANKS = 0.4;
// A grievance told angrily is a complaint first, whatever it is about ("the adjuster was rude").
const ANGRY = -0.5;
const ANGRY_COMPLAINT_FACTOR = 1.5;
// A lawyer, suit or summons at an agency is almost always about a liability claim.
const LEGAL_CLAIM_WEIGHT = 2.5;

function confidenceOf(top: CategoryScore | undefined, second: CategoryScore | undefined): number {
  if (!top || top.score <= 0) return 0.3;
  const margin = (top.score - (second?.score ?? 0)) / top.score;
  const strength = Math.min(1, top.score / 6);
  return Math.round(Math.min(0.95, 0.3 + 0.35 * margin + 0.3 * strength) * 1000) / 1000;
}

/** Classifies a ticket from its subject and the customer's description. Deterministic. */
export function classifyTicket(
  input: { subject: string; description: string },
  state: CustomerState = NO_CUSTOMER_STATE,
): TriageClassification {
  const { subject, description } = input;
  const full = `${subject}\n${description}`;
  const norm = normalize(full);
  const signals = urgencySignals(full);
  const ranked = scoreCategories(subject, description);
  if (signals.some((s) => s === 'legal_attorney' || s === 'legal_lawsuit' || s === 'legal_subpoena')) {
    const claim = ranked.find((r) => r.category === 'claim')!;
    claim.score += LEGAL_CLAIM_WEIGHT;
    claim.matched.push('legal matter');
  }
  const sentiment = sentimentScore(full);
  if (sentiment <= ANGRY) ranked.find((r) => r.category === 'complaint')!.score *= ANGRY_COMPLAINT_FACTOR;
  ranked.sort((a, b) => b.score - a.score);
  const [top, second] = ranked;
  const gratitude = !REQUEST.test(norm) && (sentiment >= PRAISE || (sentiment >= THANKS && GRATITUDE.test(norm)));
  const quote = QUOTE.test(norm) && (!top || top.score < QUOTE_YIELDS_BELOW);
  let category: TicketCategory = top && top.score > 0 ? top.category : 'other';
  if (gratitude || quote) category = 'other';
  const timing = { speed: present(norm, URGENCY_WORDS) || present(norm, DEADLINE), noRush: present(norm, NO_RUSH), gratitude };
  const { priority, reasons } = priorityFor(category, signals, timing, sentiment, state);
  const { language } = detectLanguage(full);
  const confidence = confidenceOf(top, second);
  const why = [
    gratitude
      ? 'category other: a thank-you note'
      : quote
        ? 'category other: a quote request'
        : category === 'other'
          ? 'category other: no category pattern matched'
          : `category ${category} (${top!.matched.join(', ')})`,
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
