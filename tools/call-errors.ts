/**
 * The one mapping from a thrown value to the structured error a caller gets, for tool calls,
 * resources and prompts alike. How each code then travels (HTTP status, MCP error) is
 * ERROR_TABLE in src/errors.ts.
 */
import { scrubDeep, scrubSecrets } from '../src/crm/audit/scrub-secrets.js';
import { AppError, fromPgError, loggableError, type ErrorCode, type ErrorDetail } from '../src/errors.js';
import { logger } from '../src/log.js';

export interface ToolError {
  code: ErrorCode;
  message: string;
  details: ErrorDetail[];
  hint?: string;
}

const GENERIC_REQUEST: ToolError = {
  code: 'INTERNAL',
  message: 'The request failed unexpectedly. Nothing was changed. Try again; if it keeps failing, report the interaction id.',
  details: [],
};

function scrubError(e: ToolError): ToolError {
  return {
    code: e.code,
    message: scrubSecrets(e.message),
    details: e.details.map((d) => ({ ...d, message: scrubSecrets(d.message) })),
    ...(e.hint ? { hint: scrubSecrets(e.hint) } : {}),
  };
}

/**
 * Any thrown value as a ToolError, the one mapping for tools, resources and prompts: AppErrors
 * and mapped Postgres errors keep their code (secrets scrubbed); others are logged (Postgres
 * errors by code and constraint only: their messages and drizzle's wrapper quote customer data)
 * and answered with `generic`.
 */
export function toToolError(err: unknown, name: string, generic: ToolError = GENERIC_REQUEST): ToolError {
  const mapped = fromPgError(err);
  if (mapped instanceof AppError) return scrubError(mapped.toJSON());
  logger('audited-call').error({ call: name, err: scrubDeep(loggableError(mapped)) }, 'call failed');
  return generic;
}
