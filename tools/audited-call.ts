/**
 * The audited call: the part of every exchange that is not about one tool's schemas. Checks the
 * scope, runs the work with a per-call context (fence, clock, services), maps any failure to a
 * structured `ToolError`, and writes exactly one `ai_interactions` row (failed calls included),
 * plus child rows for model calls made while serving it. Used by MCP resources and prompts;
 * `runTool` validates a tool's input and output around the same steps.
 */
import { randomUUID } from 'node:crypto';
import { hasScope, type Scope } from '../src/crm/access/actor.js';
import { makeFence } from '../src/crm/views/fence.js';
import type { ModelTurn, NewInteraction } from '../src/crm/audit/interactions.js';
import { scrubDeep } from '../src/crm/audit/scrub-secrets.js';
import { AppError, loggableError } from '../src/errors.js';
import { bookOf } from '../src/crm/access/book.js';
import { logger } from '../src/log.js';
import { callRow, links, writeCallRows, type AuditLinks } from './audit-rows.js';
import type { ToolContext } from './define.js';
import { toToolError, type ToolError } from './call-errors.js';
import type { CallInfo, ToolDeps } from './run-tool.js';

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
  const notes: AuditNotes = { links: { ...links(spec.links) } };
  const ctx: ToolContext = {
    db: deps.db,
    actor: call.actor,
    book: bookOf(call.actor, deps.settings.bookPolicy ?? 'team'),
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
  const row: NewInteraction = callRow(call, {
    type: spec.type,
    toolName: spec.name,
    args: notes.arguments ?? spec.arguments,
    result: outcome?.result,
    summary: outcome?.summary,
    error,
    latencyMs: Math.round(performance.now() - started),
  });
  let interactionId: string;
  try {
    // A call that named an unknown lead still gets its audit row, just unlinked; model turns are its children.
    interactionId = await writeCallRows(deps.db, row, links(notes.links), turns, call, false);
  } catch (auditErr) {
    logger('audited-call').error({ call: spec.name, err: scrubDeep(loggableError(auditErr)) }, 'could not write the ai_interactions row');
    interactionId = randomUUID();
  }
  return error ? { ok: false, error, interactionId } : { ok: true, value: outcome!.value, interactionId };
}
