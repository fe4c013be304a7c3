/**
 * The audit trail: one `ai_interactions` row per exchange. Everything written here is made safe
 * to keep first: secrets scrubbed, sensitive personal fields masked (as in tool answers without
 * `crm:pii`), unstorable characters replaced, and JSON capped in size.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { aiInteractions, clients, leads, supportTickets } from '../../db/schema/index.js';
import { databaseUnavailable } from '../../errors.js';
import { maskPii } from './pii.js';
import { scrubDeep, scrubNullable } from './scrub-secrets.js';
import { storableJson, storableText } from './text-hygiene.js';

export type NewInteraction = typeof aiInteractions.$inferInsert;

/**
 * How much of a tool's answer the audit row keeps. `summary` (default): the one-line summary and
 * the ids the answer names. `full`: the whole answer, masked and scrubbed.
 */
export type AuditPayloads = 'summary' | 'full';

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

/** A JSON value as the audit trail may keep it: storable, PII masked, secrets scrubbed, capped. */
export function auditJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return capJson(scrubDeep(maskPii(storableJson(value))));
}

const MAX_IDS = 50;
const uuid = z.uuid();

/** `contacts` -> `contact`, `activities` -> `activity`: names an `id` by the object holding it. */
const singular = (k: string) => k.replace(/ies$/, 'y').replace(/s$/, '');

/**
 * The ids an answer names (`…Id` keys, and `id` keys named by their parent: `lead.id` is
 * `leadId`), up to three objects deep, grouped by name: `{ followUpId: '…', leadId: '…' }`, a
 * list where one name has several.
 */
export function idsOf(value: unknown): Record<string, string | string[]> {
  const found = new Map<string, Set<string>>();
  let n = 0;
  const visit = (v: unknown, parent: string | undefined, depth: number) => {
    if (n >= MAX_IDS || depth > 3 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, parent, depth + 1);
      return;
    }
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if ((k === 'id' || k.endsWith('Id')) && typeof x === 'string' && uuid.safeParse(x).success) {
        const name = k === 'id' && parent ? `${singular(parent)}Id` : k;
        const set = found.get(name) ?? new Set<string>();
        if (!set.has(x) && n < MAX_IDS) {
          set.add(x);
          n++;
        }
        found.set(name, set);
      } else if (x && typeof x === 'object') visit(x, k, depth + 1);
    }
  };
  visit(value, undefined, 0);
  return Object.fromEntries([...found].map(([k, s]) => [k, s.size === 1 ? [...s][0]! : [...s]]));
}

/** What the audit row keeps of a tool's answer, by the configured mode. */
export function auditResult(output: unknown, mode: AuditPayloads = 'summary'): unknown {
  if (output === undefined || output === null) return null;
  return mode === 'full' ? output : { ids: idsOf(output) };
}

const TEXT_COLUMNS = [
  'prompt',
  'response',
  'errorMessage',
  'resultSummary',
  'summary',
  'toolName',
  'sessionId',
  'threadId',
  'clientName',
  'clientVersion',
  'errorCode',
] as const;

/** The row as it will be stored: every text storable and scrubbed, every JSON through `auditJson`. */
export function safeInteraction(row: NewInteraction): NewInteraction {
  const out: NewInteraction = { ...row, toolArguments: auditJson(row.toolArguments), toolResult: auditJson(row.toolResult) };
  if (row.metadata) out.metadata = auditJson(row.metadata) as Record<string, unknown>;
  for (const k of TEXT_COLUMNS) {
    const v = row[k];
    if (typeof v === 'string') (out as Record<string, unknown>)[k] = scrubNullable(storableText(v));
  }
  if (out.toolName && out.toolName.length > 200) out.toolName = `${out.toolName.slice(0, 199)}…`;
  return out;
}

/** Inserts one audit row (made safe by `safeInteraction`) and returns its id. Throws when it cannot. */
export async function recordInteraction(db: DbOrTx, row: NewInteraction): Promise<string> {
  const [r] = await db.insert(aiInteractions).values(safeInteraction(row)).returning({ id: aiInteractions.id });
  // No row back from a one-row insert: the answer was lost with the connection (seen while the database restarts).
  if (!r) throw databaseUnavailable();
  return r.id;
}

/** The columns linking an audit row to the lead, client and ticket it concerns. */
export type InteractionLinks = Partial<Record<'leadId' | 'crmClientId' | 'ticketId', string>>;

const LINKED = { leadId: leads, crmClientId: clients, ticketId: supportTickets } as const;

/**
 * Inserts one audit row (as recordInteraction) linked to `links` when every linked record exists,
 * else with no links (a call that named an unknown lead is still recorded). The check is part of
 * the insert, so it needs no savepoint and no second attempt inside a write's transaction.
 * Returns the row's id and the links it kept. A linked record deleted by another transaction
 * while this one inserts still fails the foreign key: the caller fails closed.
 */
export async function recordLinkedInteraction(
  db: DbOrTx,
  row: NewInteraction,
  links: InteractionLinks,
): Promise<{ id: string; linked: InteractionLinks }> {
  const keys = (Object.keys(LINKED) as (keyof InteractionLinks)[]).filter((k) => links[k] !== undefined);
  if (!keys.length) return { id: await recordInteraction(db, row), linked: {} };
  const all = sql.join(
    keys.map((k) => sql`exists (select 1 from ${LINKED[k]} where ${LINKED[k].id} = ${links[k]!}::uuid)`),
    sql` and `,
  );
  const values: Record<string, unknown> = { ...safeInteraction(row) };
  for (const k of keys) values[k] = sql`case when ${all} then ${links[k]!}::uuid end`;
  const [r] = await db
    .insert(aiInteractions)
    .values(values as NewInteraction)
    .returning({
      id: aiInteractions.id,
      leadId: aiInteractions.leadId,
      crmClientId: aiInteractions.crmClientId,
      ticketId: aiInteractions.ticketId,
    });
  if (!r) throw databaseUnavailable();
  return { id: r.id, linked: keys.every((k) => r[k] !== null) ? links : {} };
}
