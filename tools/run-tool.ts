/**
 * The one path every tool call takes, on every surface: validate input, check scope, run
 * (writes in one transaction), validate output, map errors, and write one `ai_interactions` row,
 * failed calls included.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../src/db/client.js';
import { hasScope, type Actor } from '../src/crm/actor.js';
import { makeFence } from '../src/crm/fence.js';
import { recordInteraction, type ModelTurn } from '../src/crm/interactions.js';
import { AppError, fromPgError, pgErrorOf, zodDetails, type ErrorCode, type ErrorDetail } from '../src/errors.js';
import { logger } from '../src/log.js';
import type { aiInteractions } from '../src/db/schema/index.js';
import type { AnyTool, ToolContext, ToolServices, ToolSettings } from './define.js';

export interface ToolDeps {
  db: Db;
  settings: ToolSettings;
  services: ToolServices;
  /** Clock, injectable for tests. */
  now?: () => Date;
}

export interface CallInfo {
  actor: Actor;
  channel: (typeof aiInteractions.$inferInsert)['channel'];
  sessionId?: string;
  threadId?: string;
  clientName?: string;
  clientVersion?: string;
  parentInteractionId?: string;
  /**
   * Makes a write safe to repeat: a second call of the same tool by the same user with the same
   * key returns the first call's answer and writes nothing. The agent derives it from the thread
   * and tool-call ids, so a node re-run on resume writes nothing twice.
   */
  idempotencyKey?: string;
}

export interface ToolError {
  code: ErrorCode;
  message: string;
  details: ErrorDetail[];
  hint?: string;
}

export type ToolResult =
  { ok: true; output: Record<string, unknown>; interactionId: string } | { ok: false; error: ToolError; interactionId: string };

const GENERIC: ToolError = {
  code: 'INTERNAL',
  message: 'The tool failed unexpectedly. Nothing was changed. Try again; if it keeps failing, report the interaction id.',
  details: [],
};

function toToolError(err: unknown, toolName: string): ToolError {
  const mapped = fromPgError(err);
  if (mapped instanceof AppError) return mapped.toJSON();
  const pgErr = pgErrorOf(mapped);
  // Log the driver's error, not drizzle's wrapper: the wrapper's message carries the query parameters (customer data).
  const detail = pgErr ? { pgCode: pgErr.code, message: pgErr.message } : mapped instanceof Error ? { message: mapped.message, stack: mapped.stack } : { message: String(mapped) };
  logger('run-tool').error({ tool: toolName, err: detail }, 'tool failed');
  return GENERIC;
}

const LINK_KEYS = { leadId: 'leadId', clientId: 'crmClientId', ticketId: 'ticketId' } as const;

/** Finds lead/client/ticket ids in the input or output (top level or one object deep) to link the audit row. */
function links(...sources: unknown[]): Partial<Record<'leadId' | 'crmClientId' | 'ticketId', string>> {
  const out: Partial<Record<'leadId' | 'crmClientId' | 'ticketId', string>> = {};
  const uuid = z.uuid();
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

/** Runs one tool call. Never throws for a tool's own failure: returns `{ ok: false, error }`. */
export async function runTool(deps: ToolDeps, tool: AnyTool, rawInput: unknown, call: CallInfo): Promise<ToolResult> {
  const started = performance.now();
  const now = deps.now?.() ?? new Date();
  const turns: ModelTurn[] = [];
  const base: Omit<ToolContext, 'db'> = {
    actor: call.actor,
    fence: makeFence(),
    now,
    settings: deps.settings,
    services: deps.services,
    recordModelTurn: (turn) => turns.push(turn),
  };
  let input: Record<string, unknown> | undefined;
  let output: Record<string, unknown> | undefined;
  let error: ToolError | undefined;
  try {
    if (!hasScope(call.actor, tool.scope)) {
      throw new AppError(
        'FORBIDDEN',
        `The tool ${tool.name} needs the ${tool.scope} scope; this caller has ${call.actor.scopes.join(', ') || 'none'}.`,
        {
          hint: `Use a token created with --scopes ${tool.scope}, or a read-only tool instead.`,
        },
      );
    }
    const parsed = tool.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      throw new AppError(
        'VALIDATION',
        `Invalid input for ${tool.name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ')}`,
        {
          details: zodDetails(parsed.error.issues),
          hint: 'Fix the named fields and call again; see the tool input schema.',
        },
      );
    }
    input = parsed.data as Record<string, unknown>;
    const prepared = tool.prepare ? await tool.prepare(input, { ...base, db: deps.db }) : undefined;
    const run = async (db: ToolContext['db']) => {
      const result = await tool.handler(input!, { ...base, db }, prepared);
      const checked = tool.output.safeParse(result);
      if (!checked.success) {
        throw new Error(`output of ${tool.name} does not match its schema: ${JSON.stringify(checked.error.issues.slice(0, 5))}`);
      }
      return checked.data as Record<string, unknown>;
    };
    output = tool.annotations.readOnlyHint ? await run(deps.db) : await deps.db.transaction((tx) => run(tx));
  } catch (err) {
    error = toToolError(err, tool.name);
  }
  const latencyMs = Math.round(performance.now() - started);
  let interactionId: string;
  const linked = links(input ?? rawInput, output);
  const row = (withLinks: boolean): Parameters<typeof recordInteraction>[1] => ({
    type: 'tool_call',
    channel: call.channel,
    sessionId: call.sessionId,
    threadId: call.threadId,
    userId: call.actor.userId,
    clientName: call.clientName,
    clientVersion: call.clientVersion,
    parentInteractionId: call.parentInteractionId,
    toolName: tool.name,
    toolArguments: input ?? rawInput ?? null,
    toolResult: error ? null : output,
    resultSummary: error ? null : (tool.summarize?.(output as never) ?? 'ok'),
    errorCode: error?.code,
    errorMessage: error?.message,
    latencyMs,
    ...(withLinks ? linked : {}),
  });
  try {
    interactionId = await recordInteraction(deps.db, row(true)).catch((err: unknown) => {
      // A call that named an unknown lead still gets its audit row, just unlinked.
      if (pgErrorOf(err)?.code === '23503') return recordInteraction(deps.db, row(false));
      throw err;
    });
  } catch (auditErr) {
    // The call itself happened; do not hide its result, but make the lost audit row loud.
    logger('run-tool').error({ tool: tool.name, err: (auditErr as Error).message }, 'could not write the ai_interactions row');
    interactionId = randomUUID();
  }
  await recordModelTurns(deps, turns, call, interactionId, linked);
  return error ? { ok: false, error, interactionId } : { ok: true, output: output!, interactionId };
}

/** Model calls made while serving the tool call: child rows of its audit row. */
async function recordModelTurns(deps: ToolDeps, turns: ModelTurn[], call: CallInfo, parentId: string, linked: ReturnType<typeof links>): Promise<void> {
  for (const t of turns) {
    try {
      await recordInteraction(deps.db, {
        type: t.type,
        channel: call.channel,
        sessionId: call.sessionId,
        threadId: call.threadId,
        userId: call.actor.userId,
        clientName: call.clientName,
        clientVersion: call.clientVersion,
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
        ...linked,
      });
    } catch (err) {
      logger('run-tool').error({ err: (err as Error).message, parentId }, 'could not record a model turn');
    }
  }
}
