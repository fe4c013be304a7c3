/**
 * Triage of one ticket: classification (the configured model's answer when it passed validation,
 * otherwise the rules), similar resolved tickets, a suggested assignee and resolution; stores the
 * ai_* fields and, with `apply`, fills category/priority/SLA that no human has set. Runs inside
 * the caller's transaction and never calls a model itself: the model's outcome comes in.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { supportTickets } from '../../../db/schema/index.js';
import { scrubSecrets } from '../../audit/scrub-secrets.js';
import { slaDueAt, type BusinessCalendar } from '../sla.js';
import { requireTicket, slaAnchor, triageMayApply, withFieldSources, type Ticket } from '../create.js';
import { suggestAssignee, type AssigneeSuggestion } from './assignee.js';
import { customerStateOf, type CustomerState } from './customer-state.js';
import type { ModelOutcome } from './model.js';
import { classifyTicket, RULES_MODEL, type TriageClassification } from './rules.js';
import { findSimilarResolved, type SimilarTicket } from './similar.js';
import { extractiveSummary, keyTerms, sentences } from './text.js';

export interface TriageOptions {
  /** Fill category/priority/SLA where no human set them. */
  apply: boolean;
  calendar: BusinessCalendar;
  now: Date;
  /** What the model said (from the tool's prepare phase), or null when no model is configured. */
  model: ModelOutcome | null;
}

export interface TriageResult {
  ticket: Ticket;
  classification: TriageClassification;
  /** `crm-rules-v1`, or the model's name when its answer was used. */
  modelUsed: string;
  /** Why the model's answer was not used, when a model was configured and failed. */
  fallbackReason: string | null;
  similar: SimilarTicket[];
  assignee: AssigneeSuggestion;
  suggestedResolution: string;
  applied: { category: boolean; priority: boolean; slaDueAt: boolean };
}

/** One line per category: what staff usually do first. */
export const PLAYBOOK: Readonly<Record<TriageClassification['category'], string>> = {
  billing:
    'Check the carrier billing portal for the account status and last payment; explain the balance or set up payment, and confirm no lapse is pending.',
  claim:
    'Confirm everyone is safe, collect date, place and description of the loss, give the carrier claim line and open the claim (FNOL); send the claim number.',
  policy_change:
    'Confirm the requested change and effective date, submit the endorsement to the carrier, and send the updated declarations or ID cards.',
  certificate:
    'Get the certificate holder name and address and any additional-insured or waiver wording; issue the ACORD 25 from the agency system and send it.',
  cancellation:
    "Have the client's producer call to understand why and offer a re-quote; if they still want to cancel, get a signed cancellation request and effective date.",
  coverage_question:
    'Review the policy declarations and forms for the situation described and answer in writing; suggest a coverage review if limits look thin.',
  complaint: 'Acknowledge within the day, have a manager call the client, document the issue and the remedy, and follow up until resolved.',
  other: 'Read the request, reply to the client to clarify what they need, and re-categorise the ticket.',
};

function firstSentence(text: string, max = 280): string {
  const s = sentences(text)[0] ?? text.trim();
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

function classificationFrom(
  t: Ticket,
  model: ModelOutcome | null,
  state: CustomerState,
): { c: TriageClassification; modelUsed: string; fallbackReason: string | null } {
  const input = { subject: t.subject, description: t.description };
  if (model?.ok) {
    // The model saw the text read in prepare; if it changed since, its answer is about other words.
    if (model.input.subject === t.subject && model.input.description === t.description) {
      const r = model.result;
      const c: TriageClassification = {
        category: r.category,
        priority: r.priority,
        sentiment: Math.round(r.sentiment * 1000) / 1000,
        language: r.language,
        urgencySignals: r.urgencySignals,
        confidence: Math.round(r.confidence * 1000) / 1000,
        rationale: `model ${model.modelName}: ${r.rationale}`,
        summary: r.summary ?? extractiveSummary(t.subject, t.description),
      };
      return { c, modelUsed: model.modelName, fallbackReason: null };
    }
    model = { modelName: model.modelName, ok: false, reason: 'the ticket text changed while the model ran' };
  }
  const c = classifyTicket(input, state);
  if (model && !model.ok) {
    c.rationale = `fallback to ${RULES_MODEL} (${model.modelName}: ${model.reason}); ${c.rationale}`;
    return { c, modelUsed: RULES_MODEL, fallbackReason: model.reason };
  }
  return { c, modelUsed: RULES_MODEL, fallbackReason: null };
}

/** Triages the ticket `id` (locked for the transaction). NOT_FOUND for an unknown id. */
export async function triageTicket(db: DbOrTx, id: string, opts: TriageOptions): Promise<TriageResult> {
  const t = await requireTicket(db, id, { forUpdate: true });
  const state = await customerStateOf(db, t, opts.now);
  const { c, modelUsed, fallbackReason: reason } = classificationFrom(t, opts.model, state);
  // A provider's error text can echo the API key; the rationale is stored and shown to callers.
  const fallbackReason = reason === null ? null : scrubSecrets(reason);
  const similar = await findSimilarResolved(db, { terms: keyTerms(t.subject, t.description), excludeId: t.id });
  const assignee = await suggestAssignee(db, { category: c.category, clientId: t.clientId, leadId: t.leadId });
  const best = similar[0];
  const suggestedResolution = best
    ? `As in resolved ticket T-${best.ticketNumber}: ${firstSentence(best.resolution)}`
    : `Playbook (${c.category}): ${PLAYBOOK[c.category]}`;
  const applied = { category: false, priority: false, slaDueAt: false };
  const set: Partial<typeof supportTickets.$inferInsert> = {};
  const sources: Parameters<typeof withFieldSources>[1] = {};
  if (opts.apply) {
    if (triageMayApply(t, 'category')) {
      applied.category = true;
      sources.category = 'ai';
      set.category = c.category;
    }
    if (triageMayApply(t, 'priority')) {
      applied.priority = true;
      sources.priority = 'ai';
      set.priority = c.priority;
    }
    const priority = set.priority ?? t.priority;
    if (priority !== t.priority || !t.slaDueAt) {
      set.slaDueAt = slaDueAt(priority, slaAnchor(t), opts.calendar);
      applied.slaDueAt = true;
    }
  }
  const similarNote = similar.length
    ? `similar resolved: ${similar.map((s) => `T-${s.ticketNumber}`).join(', ')}`
    : 'no similar resolved ticket';
  const rationale = scrubSecrets(`${c.rationale}; assignee: ${assignee.reason}; ${similarNote}`).slice(0, 2000);
  const [row] = await db
    .update(supportTickets)
    .set({
      ...set,
      metadata: withFieldSources(t, sources),
      aiCategory: c.category,
      aiPriority: c.priority,
      aiSentiment: c.sentiment.toFixed(3),
      aiLanguage: c.language,
      aiUrgencySignals: c.urgencySignals,
      aiSuggestedAssigneeId: assignee.userId,
      aiSuggestedResolution: suggestedResolution,
      aiRationale: rationale,
      aiConfidence: c.confidence.toFixed(3),
      aiModel: modelUsed,
      aiTriagedAt: opts.now,
      aiSummary: c.summary,
    })
    .where(eq(supportTickets.id, id))
    .returning();
  return { ticket: row!, classification: { ...c, rationale }, modelUsed, fallbackReason, similar, assignee, suggestedResolution, applied };
}
