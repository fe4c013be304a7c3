/**
 * The `ai_interactions` rows of one tool call: the call's own row and the child rows of the model
 * turns made while serving it. runTool writes them inside the write's transaction (they commit
 * together or not at all) or, for reads and failed calls, right after; src/crm/audit/interactions.ts
 * masks, scrubs and caps what is stored.
 */
import { z } from 'zod';
import type { DbOrTx } from '../src/db/client.js';
import type { Actor } from '../src/crm/access/actor.js';
import {
  auditResult,
  recordInteraction,
  recordLinkedInteraction,
  type AuditPayloads,
  type ModelTurn,
  type NewInteraction,
} from '../src/crm/audit/interactions.js';
import { pgErrorOf } from '../src/errors.js';

/** Who called, on which surface: the part of CallInfo every audit row carries. */
export interface AuditCaller {
  actor: Actor;
  channel: NewInteraction['channel'];
  sessionId?: string;
  threadId?: string;
  clientName?: string;
  clientVersion?: string;
  parentInteractionId?: string;
}

/** The lead, client and ticket an exchange concerns: the audit row's link columns. */
export type AuditLinks = Partial<Record<'leadId' | 'crmClientId' | 'ticketId', string>>;

const LINK_KEYS = { leadId: 'leadId', clientId: 'crmClientId', crmClientId: 'crmClientId', ticketId: 'ticketId' } as const;
const uuid = z.uuid();

/**
 * Finds lead/client/ticket ids in the given objects (input, output, known links; top level or one
 * object deep) to link the audit row; only valid uuids, first one wins.
 */
export function links(...sources: unknown[]): AuditLinks {
  const out: AuditLinks = {};
  const visit = (o: unknown, depth: number) => {
    if (!o || typeof o !== 'object' || Array.isArray(o)) return;
    for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
      const target = LINK_KEYS[k as keyof typeof LINK_KEYS];
      if (target && !out[target] && uuid.safeParse(v).success) out[target] = v as string;
      else if (depth < 1 && v && typeof v === 'object') visit(v, depth + 1);
    }
  };
  for (const s of sources) visit(s, 0);
  return out;
}

/** The columns every row of a call shares. */
export function callColumns(call: AuditCaller): Omit<NewInteraction, 'type'> {
  return {
    channel: call.channel,
    sessionId: call.sessionId,
    threadId: call.threadId,
    userId: call.actor.userId,
    clientName: call.clientName,
    clientVersion: call.clientVersion,
    parentInteractionId: call.parentInteractionId,
  };
}

/**
 * The row of one served exchange (a tool call, a resources/read, a prompts/get): who, what went
 * in, what came out or the error, how long. successRow and failureRow are this row for tools.
 */
export function callRow(
  call: AuditCaller,
  o: {
    type?: NewInteraction['type'];
    toolName: string;
    args: unknown;
    result?: unknown;
    summary?: string;
    error?: { code: string; message: string };
    latencyMs: number;
    metadata?: Record<string, unknown>;
  },
): NewInteraction {
  return {
    type: o.type ?? 'tool_call',
    ...callColumns(call),
    toolName: o.toolName,
    toolArguments: o.args ?? null,
    toolResult: o.error ? null : (o.result ?? null),
    resultSummary: o.error ? null : (o.summary ?? 'ok'),
    ...(o.error ? { errorCode: o.error.code, errorMessage: o.error.message } : {}),
    latencyMs: o.latencyMs,
    ...(o.metadata ? { metadata: o.metadata } : {}),
  };
}

/** The row of a call that returned `output` (a replay names the call it repeats). */
export function successRow(
  call: AuditCaller,
  o: {
    toolName: string;
    input: unknown;
    output: Record<string, unknown>;
    summary: string;
    latencyMs: number;
    payloads: AuditPayloads;
    idempotencyKey?: string;
    replayOf?: string | null;
  },
): NewInteraction {
  const metadata: Record<string, unknown> = {};
  if (o.idempotencyKey !== undefined) metadata.idempotencyKey = o.idempotencyKey;
  if (o.replayOf !== undefined) metadata.replayOf = o.replayOf;
  return callRow(call, {
    toolName: o.toolName,
    args: o.input,
    result: auditResult(o.output, o.payloads),
    summary: o.replayOf !== undefined ? `replayed (idempotency key): ${o.summary}` : o.summary,
    latencyMs: o.latencyMs,
    metadata,
  });
}

/** The row of a failed call. */
export function failureRow(
  call: AuditCaller,
  o: { toolName: string; args: unknown; code: string; message: string; latencyMs: number },
): NewInteraction {
  return callRow(call, { toolName: o.toolName, args: o.args, error: { code: o.code, message: o.message }, latencyMs: o.latencyMs });
}

/** The child row of one model call made while serving a call (triage, drafts). */
export function turnRow(t: ModelTurn, call: AuditCaller, parentId: string): NewInteraction {
  return {
    type: t.type,
    ...callColumns(call),
    parentInteractionId: parentId,
    prompt: t.prompt,
    response: t.response,
    model: t.model,
    provider: t.provider,
    temperature: t.temperature === undefined ? null : String(t.temperature),
    promptTokens: t.promptTokens,
    completionTokens: t.completionTokens,
    totalTokens: t.totalTokens,
    latencyMs: t.latencyMs,
    errorCode: t.error ? 'MODEL_ERROR' : null,
    errorMessage: t.error ?? null,
  };
}

/**
 * Inserts a row linked to the records it names; a link to a record that does not exist (a call
 * that named an unknown lead) is dropped rather than losing the row, in the same statement
 * (recordLinkedInteraction), so a write's transaction needs no savepoint around it. Outside a
 * transaction, a link lost to a concurrent delete is retried without links; inside one it fails
 * the call (closed).
 */
async function insertLinked(
  db: DbOrTx,
  row: NewInteraction,
  linked: AuditLinks,
  inTx: boolean,
): Promise<{ id: string; linked: AuditLinks }> {
  try {
    return await recordLinkedInteraction(db, row, linked);
  } catch (err) {
    if (inTx || pgErrorOf(err)?.code !== '23503') throw err;
    return { id: await recordInteraction(db, row), linked: {} };
  }
}

/**
 * Writes the call's row and its model turns as children; returns the call row's id. Throws when
 * a row cannot be written: the caller fails closed.
 */
export async function writeCallRows(
  db: DbOrTx,
  row: NewInteraction,
  linked: AuditLinks,
  turns: readonly ModelTurn[],
  call: AuditCaller,
  inTx: boolean,
): Promise<string> {
  const parent = await insertLinked(db, row, linked, inTx);
  for (const t of turns) await insertLinked(db, turnRow(t, call, parent.id), parent.linked, inTx);
  return parent.id;
}
