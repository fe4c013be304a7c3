/**
 * Using an injected triage model: call it (outside any transaction), validate what it returns,
 * and report either a usable classification or the reason to fall back to the rules. The adapter
 * that talks to a model service lives outside src/crm; this only sees the small interface.
 */
import { z } from 'zod';
import { PRIORITIES, TICKET_CATEGORIES } from '../../../db/schema/index.js';
import type { TriageModel } from '../../ports.js';
import { makeFence } from '../../views/fence.js';
import { SIGNAL_PATTERNS, type UrgencySignal } from './patterns.js';

const SIGNALS = Object.keys(SIGNAL_PATTERNS) as [UrgencySignal, ...UrgencySignal[]];

/** What a triage model must return (JSON object, or a JSON string of one). */
export const modelTriageSchema = z.object({
  category: z.enum(TICKET_CATEGORIES),
  priority: z.enum(PRIORITIES),
  sentiment: z.number().min(-1).max(1),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .describe('ISO 639-1 code, or und'),
  urgencySignals: z.array(z.enum(SIGNALS)).max(SIGNALS.length).default([]),
  confidence: z.number().min(0).max(1),
  rationale: z.string().trim().min(1).max(1000),
  summary: z.string().trim().min(1).max(500).optional(),
});
export type ModelTriage = z.infer<typeof modelTriageSchema>;

export type ModelOutcome =
  | { modelName: string; ok: true; result: ModelTriage; input: { subject: string; description: string } }
  | { modelName: string; ok: false; reason: string };

/** The file in prompts/ that adapters render for `classify` (variables: see `triagePromptVars`). */
export const TRIAGE_PROMPT_FILE = 'triage-ticket.md';

/**
 * The variables of prompts/triage-ticket.md: the customer's subject and description, each in its
 * own untrusted-data fence with a fresh random tag. Adapters render the template with these,
 * never with the raw text.
 */
export function triagePromptVars(input: { subject: string; description: string }): { subject: string; description: string } {
  const fence = makeFence();
  return { subject: fence(input.subject, 'ticket:subject')!, description: fence(input.description, 'ticket:description')! };
}

/** Parses a model's raw answer: an object, or JSON text (optionally in a ```json fence). */
export function parseModelTriage(raw: unknown): { ok: true; value: ModelTriage } | { ok: false; reason: string } {
  let value = raw;
  if (typeof raw === 'string') {
    const text = raw
      .trim()
      .replace(/^```(?:json)?\s*/i, '')
      .replace(/```$/, '')
      .trim();
    try {
      value = JSON.parse(text);
    } catch {
      return { ok: false, reason: 'model returned text that is not JSON' };
    }
  }
  const parsed = modelTriageSchema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    return { ok: false, reason: `model output failed validation (${first})` };
  }
  return { ok: true, value: parsed.data };
}

/**
 * Calls the model with a timeout and validates its answer. Never throws: a failure comes back as
 * `{ ok: false, reason }` so the caller falls back to the rules and says why. The error text of
 * a thrown error is kept short (it may echo a provider message, never customer text we add).
 */
export async function runTriageModel(
  model: TriageModel,
  input: { subject: string; description: string },
  timeoutMs = 30_000,
): Promise<ModelOutcome> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    });
    const raw = await Promise.race([model.classify(input), timeout]);
    const parsed = parseModelTriage(raw);
    return parsed.ok
      ? { modelName: model.modelName, ok: true, result: parsed.value, input }
      : { modelName: model.modelName, ok: false, reason: parsed.reason };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return { modelName: model.modelName, ok: false, reason: `model call failed: ${msg.slice(0, 200)}` };
  } finally {
    clearTimeout(timer);
  }
}
