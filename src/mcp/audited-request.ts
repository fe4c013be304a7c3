/**
 * MCP requests that are not tool calls (prompts/get, resources/read) as audited calls: one
 * `ai_interactions` row each, and failures as protocol errors that carry the error code, hint
 * and audit row id, so a client can tell a bad id from a server fault.
 */
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { auditedCall, type AuditedCallSpec, type AuditedValue, type AuditNotes } from '../../tools/audited-call.js';
import type { ToolContext } from '../../tools/define.js';
import type { ToolError } from '../../tools/call-errors.js';
import type { CallInfo, ToolDeps } from '../../tools/run-tool.js';
import { ERROR_TABLE } from '../errors.js';

/** A ToolError as an McpError: `CODE: message hint`, with `{ code, hint, details, interactionId }` as data. */
export function toMcpError(error: ToolError, interactionId: string): McpError {
  const text = `${error.code}: ${error.message}${error.hint ? ` ${error.hint}` : ''}`;
  return new McpError(ErrorCode[ERROR_TABLE[error.code].mcp], text, {
    code: error.code,
    ...(error.hint ? { hint: error.hint } : {}),
    ...(error.details.length ? { details: error.details } : {}),
    interactionId,
  });
}

/** Runs `run` through `auditedCall`; returns its value or throws the failure as an McpError. */
export async function auditedRequest<T>(
  deps: ToolDeps,
  call: CallInfo,
  spec: AuditedCallSpec,
  run: (ctx: ToolContext, notes: AuditNotes) => Promise<AuditedValue<T>>,
): Promise<T> {
  const r = await auditedCall(deps, call, spec, run);
  if (!r.ok) throw toMcpError(r.error, r.interactionId);
  return r.value;
}
