/**
 * The audited call: the part of every exchange that is not about one tool's schemas. Checks the
 * scope, runs the work with a per-call context (fence, clock, services), maps any failure to a
 * structured `ToolError`, and writes exactly one `ai_interactions` row (failed calls included),
 * plus child rows for model calls made while serving it. Used by MCP resources and prompts;
 * `runTool` validates a tool's input and output around the same steps.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { hasScope, type Scope } from '../src/crm/access/actor.js';
import { makeFence } from '../src/crm/views/fence.js';
import { recordInteraction, type ModelTurn, type NewInteraction } from '../src/crm/audit/interactions.js';
import { AppError, fromPgError, pgErrorOf } from '../src/errors.js';
import { logger } from '../src/log.js';
import { turnRow } from './audit-rows.js';
import type { ToolContext } from './define.js';
import type { CallInfo, ToolDeps, ToolError } from './run-tool.js';

/** The lead, client and ticket an exchange concerns: the audit row's link columns. */
export type AuditLinks = Partial<Record<'leadId' | 'crmClientId' | 'ticketId', string>>;

export interface AuditedCallSpec {
  /**
   * The row's `tool_name`: a tool's name, `prompt:<prompt name>` for an MCP prompts/get,
   * `resource:<resource or template name>` for an MCP resources/read.
   */
  name: string;
  /** Row type (AI_INTERACTION_TYPES). Default `tool_call`: a request we served, not a model answer. */
  type?: NewInteraction['type'];
  /** Scope the caller needs; checked before `run`, a missing one is FORBIDDEN. */
  scope: Scope;
  /** What the caller sent, stored (size-capped) as `tool_arguments`. */
  arguments: unknown;
  /** Links known before the call runs (e.g. ids in the arguments). */
  links?: AuditLinks;
}

/**
 * Mutable notes `run` fills as it learns things; they are written even when `run` throws, so a
 * failed call is still linked to what it concerned.
 */
export interface AuditNotes {
  /** Replaces the stored arguments, e.g. with the validated input. */
  arguments?: unknown;
  links: AuditLinks;
}

/** What `run` returns: the value for the caller, and what of it the audit row keeps. */
export interface AuditedValue<T> {
  value: T;
  /** One line for `result_summary`. */
  summary: string;
  /** Stored as `tool_result`; keep it to ids and counts unless the caller's answer is small. */
  result?: unknown;
}

export type AuditedResult<T> = { ok: true; value: T; interactionId: string } | { ok: false; error: ToolError; interactionId: string };

const GENERIC: ToolError = {
  code: 'INTERNAL',
  message: 'The request failed unexpectedly. Nothing was changed. Try again; if it keeps failing, report the interaction id.',
  details: [],
};

/** Any thrown value as a ToolError: AppErrors and mapped Postgres errors keep their code; others are logged and made generic. */
export function toToolError(err: unknown, name: string): ToolError {
  const mapped = fromPgError(err);
  if (mapped instanceof AppError) return mapped.toJSON();
  const pgErr = pgErrorOf(mapped);
  // Log the driver's error, not drizzle's wrapper: the wrapper's message carries query parameters (customer data).
  const detail = pgErr
    ? { pgCode: pgErr.code, message: pgErr.message }
    : mapped instanceof Error
      ? { message: mapped.message, stack: mapped.stack }
      : { message: String(mapped) };
  logger('audited-call').error({ call: name, err: detail }, 'call failed');
  return GENERIC;
}

const LINK_KEYS = { leadId: 'leadId', clientId: 'crmClientId', crmClientId: 'crmClientId', ticketId: 'ticketId' } as const;
const uuid = z.uuid();

/** Lead/client/ticket ids found in the given objects (top level or one object deep); only valid uuids, first one wins. */
export function linksFrom(...sources: unknown[]): AuditLinks {
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

/**
 * Runs `run` as one audited exchange. Never throws for the call's own failure: returns
 * `{ ok: false, error }` with the audit row's id. A row that cannot be linked (an unknown id)
 * is written unlinked; a row that cannot be written at all is logged loudly and the call's
 * result is still returned.
 */
export async function auditedCall<T>(
  deps: ToolDeps,
  call: CallInfo,
  spec: AuditedCallSpec,
  run: (ctx: ToolContext, notes: AuditNotes) => Promise<AuditedValue<T>>,
): Promise<AuditedResult<T>> {
  const started = performance.now();
  const turns: ModelTurn[] = [];
  const notes: AuditNotes = { links: { ...linksFrom(spec.links) } };
  const ctx: ToolContext = {
    db: deps.db,
    actor: call.actor,
    fence: makeFence(),
    now: deps.now?.() ?? new Date(),
    settings: deps.settings,
    services: deps.services,
    recordModelTurn: (turn) => turns.push(turn),
  };
  let outcome: AuditedValue<T> | undefined;
  let error: ToolError | undefined;
  try {
    if (!hasScope(call.actor, spec.scope)) {
      throw new AppError(
        'FORBIDDEN',
        `${spec.name} needs the ${spec.scope} scope; this caller has ${call.actor.scopes.join(', ') || 'none'}.`,
        {
          hint: `Use a token created with --scopes ${spec.scope}.`,
        },
      );
    }
    outcome = await run(ctx, notes);
  } catch (err) {
    error = toToolError(err, spec.name);
  }
  const links = linksFrom(notes.links);
  const row = (withLinks: boolean): NewInteraction => ({
    type: spec.type ?? 'tool_call',
    channel: call.channel,
    sessionId: call.sessionId,
    threadId: call.threadId,
    userId: call.actor.userId,
    clientName: call.clientName,
    clientVersion: call.clientVersion,
    parentInteractionId: call.parentInteractionId,
    toolName: spec.name,
    toolArguments: notes.arguments ?? spec.arguments ?? null,
    toolResult: error ? null : (outcome?.result ?? null),
    resultSummary: error ? null : (outcome?.summary ?? 'ok'),
    errorCode: error?.code,
    errorMessage: error?.message,
    latencyMs: Math.round(performance.now() - started),
    ...(withLinks ? links : {}),
  });
  let interactionId: string;
  try {
    interactionId = await recordInteraction(deps.db, row(true)).catch((err: unknown) => {
      // A call that named an unknown lead still gets its audit row, just unlinked.
      if (pgErrorOf(err)?.code === '23503') return recordInteraction(deps.db, row(false));
      throw err;
    });
  } catch (auditErr) {
    logger('audited-call').error({ call: spec.name, err: (auditErr as Error).message }, 'could not write the ai_interactions row');
    interactionId = randomUUID();
  }
  await recordModelTurns(deps, turns, call, interactionId, links);
  return error ? { ok: false, error, interactionId } : { ok: true, value: outcome!.value, interactionId };
}

/** Model calls made while serving the call: child rows of its audit row. */
async function recordModelTurns(deps: ToolDeps, turns: ModelTurn[], call: CallInfo, parentId: string, links: AuditLinks): Promise<void> {
  for (const t of turns) {
    try {
      await recordInteraction(deps.db, { ...turnRow(t, call, parentId), ...links });
    } catch (err) {
      logger('audited-call').error({ err: (err as Error).message, parentId }, 'could not record a model turn');
    }
  }
}
