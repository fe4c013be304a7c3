/**
 * The one path every tool call takes, on every surface: check scope and input (including
 * unstorable control characters), run (writes in one transaction), validate output, map errors,
 * and write one `ai_interactions` row, failed calls included. A write's audit row commits in the
 * write's transaction; a call whose audit row cannot be written fails closed.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../src/db/client.js';
import { hasScope, type Actor } from '../src/crm/access/actor.js';
import { makeFence } from '../src/crm/views/fence.js';
import { bookOf } from '../src/crm/access/book.js';
import { assertInBook, refsOf } from '../src/crm/access/guard.js';
import {
  checkIdempotencyKey,
  findIdempotencyRecord,
  inputHash,
  lockIdempotencyKey,
  replayAnswer,
  saveIdempotencyRecord,
} from '../src/crm/audit/idempotency.js';
import { recordInteraction, type AuditPayloads, type ModelTurn } from '../src/crm/audit/interactions.js';
import { scrubDeep } from '../src/crm/audit/scrub-secrets.js';
import { findUnsafeText } from '../src/crm/audit/text-hygiene.js';
import { AppError, isDatabaseUnavailable, loggableError, zodDetails, type ErrorDetail } from '../src/errors.js';
import { logger } from '../src/log.js';
import type { aiInteractions } from '../src/db/schema/index.js';
import { toToolError as toToolErrorOf, type ToolError } from './call-errors.js';
import { callColumns, failureRow, links, successRow, writeCallRows } from './audit-rows.js';
import type { AnyTool, ToolContext, ToolServices, ToolSettings } from './define.js';

export interface ToolDeps {
  db: Db;
  settings: ToolSettings;
  services: ToolServices;
  /** Clock, injectable for tests. */
  now?: () => Date;
  /** What audit rows keep of answers (config CRM_AUDIT_PAYLOADS); default `summary`. */
  auditPayloads?: AuditPayloads;
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
   * key and input returns the first call's answer and writes nothing (other input: CONFLICT).
   * The agent derives it from the thread and tool-call ids, so a node re-run on resume writes
   * nothing twice. Ignored for read-only tools.
   */
  idempotencyKey?: string;
}

export type ToolResult =
  { ok: true; output: Record<string, unknown>; interactionId: string } | { ok: false; error: ToolError; interactionId: string };

const GENERIC: ToolError = {
  code: 'INTERNAL',
  message: 'The tool failed unexpectedly. Nothing was changed. Try again; if it keeps failing, report the interaction id.',
  details: [],
};

const AUDIT_FAILED: ToolError = {
  code: 'INTERNAL',
  message:
    'The call could not be recorded in the audit trail, so it was not carried out: nothing was changed. Try again; if it keeps failing, the database needs attention.',
  details: [],
};

const AUDIT_FAILED_READ: ToolError = {
  code: 'INTERNAL',
  message:
    'The call could not be recorded in the audit trail, so its answer is withheld. Try again; if it keeps failing, the database needs attention.',
  details: [],
};

/** The answer when the audit row could not be written: UNAVAILABLE (retriable) when the database was lost or timed out, else INTERNAL. */
function auditFailed(err: unknown, readOnly: boolean): ToolError {
  const base = readOnly ? AUDIT_FAILED_READ : AUDIT_FAILED;
  return isDatabaseUnavailable(err)
    ? { ...base, code: 'UNAVAILABLE', hint: 'Retry in a few seconds; the server reconnects on its own.' }
    : base;
}

/** An audit row failed inside the write's transaction: the write is rolled back with it. */
class AuditFailure extends Error {
  constructor(readonly original: unknown) {
    super('audit row not written');
  }
}

function toToolError(err: unknown, toolName: string): ToolError {
  const log = logger('run-tool');
  if (err instanceof AuditFailure) {
    log.error(
      { tool: toolName, err: scrubDeep(loggableError(err.original)) },
      'could not write the ai_interactions row; the call was rolled back',
    );
    return auditFailed(err.original, false);
  }
  return toToolErrorOf(err, toolName, GENERIC);
}

function validationError(tool: AnyTool, details: ErrorDetail[]): AppError {
  const list = details.map((d) => `${d.field ?? '(input)'}: ${d.message}`).join('; ');
  return new AppError('VALIDATION', `Invalid input for ${tool.name}: ${list}`, {
    details,
    hint: 'Fix the named fields and call again; see the tool input schema.',
  });
}

function summaryOf(tool: AnyTool, output: Record<string, unknown>): string {
  try {
    return tool.summarize?.(output as never) ?? 'ok';
  } catch {
    return 'ok';
  }
}

/** Runs one tool call. Never throws for a tool's own failure: returns `{ ok: false, error }`. */
export async function runTool(deps: ToolDeps, tool: AnyTool, rawInput: unknown, call: CallInfo): Promise<ToolResult> {
  const started = performance.now();
  const now = deps.now?.() ?? new Date();
  const turns: ModelTurn[] = [];
  const base: Omit<ToolContext, 'db'> = {
    actor: call.actor,
    book: bookOf(call.actor, deps.settings.bookPolicy ?? 'team'),
    fence: makeFence(),
    now,
    settings: deps.settings,
    services: deps.services,
    recordModelTurn: (turn) => turns.push(turn),
  };
  const readOnly = tool.annotations.readOnlyHint;
  const key = readOnly ? undefined : call.idempotencyKey;
  const userId = call.actor.userId;
  const ms = () => Math.round(performance.now() - started);
  const okRow = (input: unknown, output: Record<string, unknown>, replayOf?: string | null) =>
    successRow(call, {
      toolName: tool.name,
      input,
      output,
      summary: summaryOf(tool, output),
      latencyMs: ms(),
      payloads: deps.auditPayloads ?? 'summary',
      idempotencyKey: key,
      replayOf,
    });
  let input: Record<string, unknown> | undefined;
  let output: Record<string, unknown> | undefined;
  let replayOf: string | null | undefined;
  let committedId: string | undefined;
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
    const unsafe = findUnsafeText(rawInput);
    if (unsafe.length) throw validationError(tool, unsafe);
    if (key !== undefined) checkIdempotencyKey(key);
    const parsed = tool.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw validationError(tool, zodDetails(parsed.error.issues));
    const parsedInput = parsed.data as Record<string, unknown>;
    input = parsedInput;
    const hash = key === undefined ? '' : inputHash(tool.name, parsedInput);
    // A repeat is answered before prepare, so it costs no model call.
    const prior = key === undefined ? undefined : await findIdempotencyRecord(deps.db, userId, key);
    if (prior) {
      output = replayAnswer(prior, tool.name, hash);
      replayOf = prior.interactionId;
    } else {
      // Before prepare (a model call) and the write: a record outside the book costs nothing.
      const refs = refsOf(parsedInput);
      // A read whose handler checks the book in its own first read saves this query (ToolDef.bookCheckedInRead).
      if (readOnly) for (const k of tool.bookCheckedInRead ?? []) delete refs[k];
      await assertInBook(deps.db, base.book, refs, readOnly ? 'read' : 'write');
      const prepared = tool.prepare ? await tool.prepare(parsedInput, { ...base, db: deps.db }) : undefined;
      const run = async (db: ToolContext['db']) => {
        const result = await tool.handler(parsedInput, { ...base, db }, prepared);
        const checked = tool.output.safeParse(result);
        if (!checked.success) {
          throw new Error(`output of ${tool.name} does not match its schema: ${JSON.stringify(checked.error.issues.slice(0, 5))}`);
        }
        return scrubDeep(checked.data as Record<string, unknown>);
      };
      if (readOnly) output = await run(deps.db);
      else {
        const r = await deps.db.transaction(async (tx) => {
          if (key !== undefined) {
            await lockIdempotencyKey(tx, userId, key);
            const raced = await findIdempotencyRecord(tx, userId, key);
            if (raced) return { output: replayAnswer(raced, tool.name, hash), replayOf: raced.interactionId };
          }
          const out = await run(tx);
          const id = await writeCallRows(tx, okRow(parsedInput, out), links(parsedInput, out), turns, call, true).catch((err: unknown) => {
            throw new AuditFailure(err);
          });
          if (key !== undefined)
            await saveIdempotencyRecord(tx, { userId, key, toolName: tool.name, hash, output: out, interactionId: id });
          return { output: out, id };
        });
        output = r.output;
        if ('id' in r) committedId = r.id;
        else replayOf = r.replayOf;
      }
    }
  } catch (err) {
    error = toToolError(err, tool.name);
  }
  if (committedId) return { ok: true, output: output!, interactionId: committedId };
  // Failures, reads and replays are recorded now; with no row there is no answer.
  try {
    const row = error
      ? failureRow(call, { toolName: tool.name, args: input ?? rawInput, code: error.code, message: error.message, latencyMs: ms() })
      : okRow(input, output!, replayOf);
    const id = await writeCallRows(deps.db, row, links(input ?? rawInput, output), turns, call, false);
    return error ? { ok: false, error, interactionId: id } : { ok: true, output: output!, interactionId: id };
  } catch (auditErr) {
    const lostId = randomUUID();
    logger('run-tool').error(
      { tool: tool.name, interactionId: lostId, err: scrubDeep(loggableError(auditErr)) },
      'could not write the ai_interactions row',
    );
    return { ok: false, error: error ?? auditFailed(auditErr, readOnly), interactionId: lostId };
  }
}

/**
 * Audits a call of a tool that does not exist (arguments masked like any call's); returns the
 * row's id, or undefined when it could not be written (the call is refused either way).
 */
export async function recordUnknownTool(
  deps: Pick<ToolDeps, 'db'>,
  name: string,
  rawInput: unknown,
  call: CallInfo,
): Promise<string | undefined> {
  try {
    return await recordInteraction(deps.db, {
      type: 'tool_call',
      ...callColumns(call),
      toolName: name,
      toolArguments: rawInput ?? null,
      errorCode: 'NOT_FOUND',
      errorMessage: 'Unknown tool; call tools/list for the available tools.',
      latencyMs: 0,
    });
  } catch (err) {
    logger('run-tool').error({ err: scrubDeep(loggableError(err)) }, 'could not write the ai_interactions row of an unknown tool call');
    return undefined;
  }
}
