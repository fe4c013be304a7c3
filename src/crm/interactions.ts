/** The audit trail: one `ai_interactions` row per exchange. */
import type { DbOrTx } from '../db/client.js';
import { aiInteractions } from '../db/schema/index.js';
import { maskPii } from './pii.js';

export type NewInteraction = typeof aiInteractions.$inferInsert;

/** One model call made while serving a tool call (e.g. triage), audited as a child row of it. */
export interface ModelTurn {
  type: 'triage' | 'summary' | 'insight' | 'draft' | 'chat';
  model: string;
  provider: string;
  prompt: string;
  response: string | null;
  temperature?: number;
  promptTokens?: number;
  completionTokens?: number;
  totalTokens?: number;
  latencyMs: number;
  error?: string;
}

/** Caps a JSON value's size so a huge argument cannot bloat the audit table; keeps it valid JSON. */
export function capJson(value: unknown, maxChars = 20_000): unknown {
  if (value === undefined) return null;
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    return { unserializable: true };
  }
  if (text === undefined) return null;
  if (text.length <= maxChars) return value;
  return { truncated: true, originalChars: text.length, preview: text.slice(0, maxChars) };
}

/**
 * Writes one audit row. Arguments and results are stored with sensitive personal fields masked
 * (pii.ts), whatever the surface and whatever the caller was allowed to see: the audit trail is
 * searchable (search_knowledge reads it), so it never holds a licence number, birth date or VIN.
 */
export async function recordInteraction(db: DbOrTx, row: NewInteraction): Promise<string> {
  const [r] = await db
    .insert(aiInteractions)
    .values({ ...row, toolArguments: capJson(maskPii(row.toolArguments)), toolResult: capJson(maskPii(row.toolResult)) })
    .returning({ id: aiInteractions.id });
  return r!.id;
}
