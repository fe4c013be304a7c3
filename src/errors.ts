/**
 * Domain errors. Each has a literal `code` and a message that tells the caller how to recover.
 * Adapters map them: MCP `isError` results, tool messages for the agent, HTTP statuses.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHORIZED'
  | 'CONSENT_REQUIRED'
  | 'INVALID_TRANSITION'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'INTERNAL';

/** The JSON-RPC error an MCP protocol error (prompts/get, resources/read) carries for a code. */
export type McpErrorKind = 'InvalidParams' | 'InvalidRequest' | 'InternalError';

/**
 * How each code leaves the server, in one place: the HTTP status hono's `onError` answers with,
 * and the JSON-RPC error of an MCP protocol error. (Tool calls always answer an `isError` result
 * with the code inside, whatever the code.) The caller's fault is InvalidParams, an auth problem
 * InvalidRequest, the server's state InternalError.
 */
export const ERROR_TABLE: Readonly<Record<ErrorCode, { http: number; mcp: McpErrorKind }>> = {
  VALIDATION: { http: 400, mcp: 'InvalidParams' },
  UNAUTHORIZED: { http: 401, mcp: 'InvalidRequest' },
  FORBIDDEN: { http: 403, mcp: 'InvalidRequest' },
  NOT_FOUND: { http: 404, mcp: 'InvalidParams' },
  CONFLICT: { http: 409, mcp: 'InvalidParams' },
  INVALID_TRANSITION: { http: 409, mcp: 'InvalidParams' },
  CONSENT_REQUIRED: { http: 422, mcp: 'InvalidParams' },
  RATE_LIMITED: { http: 429, mcp: 'InternalError' },
  UNAVAILABLE: { http: 503, mcp: 'InternalError' },
  INTERNAL: { http: 500, mcp: 'InternalError' },
};

export interface ErrorDetail {
  /** Dotted path of the offending field, when there is one. */
  field?: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];
  readonly hint: string | undefined;
  constructor(code: ErrorCode, message: string, opts: { details?: ErrorDetail[]; hint?: string; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = opts.details ?? [];
    this.hint = opts.hint;
  }
  toJSON(): { code: ErrorCode; message: string; details: ErrorDetail[]; hint?: string } {
    return { code: this.code, message: this.message, details: this.details, ...(this.hint ? { hint: this.hint } : {}) };
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details: ErrorDetail[] = [], hint?: string) {
    super('VALIDATION', message, { details, hint });
  }
}
export class NotFoundError extends AppError {
  constructor(entity: string, id: string, hint?: string) {
    super('NOT_FOUND', `No ${entity} with id ${id}.`, { hint: hint ?? `Check the id, or search for the ${entity} first.` });
  }
}
export class ConflictError extends AppError {
  constructor(message: string, hint?: string) {
    super('CONFLICT', message, { hint });
  }
}
export class ForbiddenError extends AppError {
  constructor(message: string, hint?: string) {
    super('FORBIDDEN', message, { hint });
  }
}
export class UnauthorizedError extends AppError {
  constructor(message: string, hint?: string) {
    super('UNAUTHORIZED', message, { hint });
  }
}
export class ConsentRequiredError extends AppError {
  constructor(message: string, hint?: string) {
    super('CONSENT_REQUIRED', message, { hint });
  }
}
export class InvalidTransitionError extends AppError {
  constructor(message: string, hint?: string) {
    super('INVALID_TRANSITION', message, { hint });
  }
}

/** Turns zod issues into our details, naming each field by its path. */
export function zodDetails(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>, prefix = ''): ErrorDetail[] {
  return issues.map((i) => {
    const path = [prefix, ...i.path.map(String)].filter(Boolean).join('.');
    return { field: path || undefined, message: i.message };
  });
}

interface PgErrorLike {
  code: string;
  constraint?: string;
  detail?: string;
  column?: string;
  table?: string;
  routine?: string;
  message?: string;
}

/** The Postgres error inside `err` (drizzle wraps driver errors in `cause`), if any. */
export function pgErrorOf(err: unknown): PgErrorLike | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e as PgErrorLike;
  }
  return undefined;
}

// Socket errors of a lost or refused connection, and the driver's own texts for one.
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const CONNECTION_TEXT =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable|Cannot use a pool after calling end/i;

/**
 * True when `err` (or a cause) says the database could not be reached or the connection was
 * lost: socket errors, the driver's connection texts, and Postgres classes 08 (connection
 * exception) and 57P (the server shutting down or not yet accepting connections).
 */
export function isConnectionError(err: unknown): boolean {
  for (let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && (CONNECTION_CODES.has(e.code) || /^(08...|57P0[1-3])$/.test(e.code))) return true;
    if (typeof e.message === 'string' && CONNECTION_TEXT.test(e.message)) return true;
  }
  return false;
}

/**
 * True when `err` (or a cause) says the database did not answer in time: the client's read
 * timeout (`query_timeout`, src/db/timeouts.ts) or the server's cancel (57014, statement_timeout).
 */
export function isTimeoutError(err: unknown): boolean {
  for (let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (e.code === '57014' || e.message === 'Query read timeout') return true;
  }
  return false;
}

/** True when the database was unreachable, lost, or did not answer in time: a retriable UNAVAILABLE. */
export function isDatabaseUnavailable(err: unknown): boolean {
  return isConnectionError(err) || isTimeoutError(err) || (err instanceof AppError && err.code === 'UNAVAILABLE');
}

/** What a call whose database did not answer in time answers: retriable, and its transaction did not commit. */
export function databaseTimedOut(cause?: unknown): AppError {
  return new AppError('UNAVAILABLE', 'The database did not answer in time, so nothing was done.', {
    hint: 'Retry in a few seconds. If it keeps timing out, the database is overloaded or unreachable; check it.',
    cause,
  });
}

/** What a call that lost its database answers: retriable, and nothing was written (the transaction did not commit). */
export function databaseUnavailable(cause?: unknown): AppError {
  return new AppError('UNAVAILABLE', 'The database is unreachable right now, so nothing was done.', {
    hint: 'Retry in a few seconds; the server reconnects on its own. If it keeps failing, check that the database is running.',
    cause,
  });
}

/**
 * Maps Postgres constraint errors (from `pg`) to AppErrors with field names, and a lost or
 * refused connection or a timed-out query to UNAVAILABLE; others pass through.
 */
export function fromPgError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  if (isTimeoutError(err)) return databaseTimedOut(err);
  if (isConnectionError(err)) return databaseUnavailable(err);
  const e = pgErrorOf(err);
  if (!e) return err;
  const where = e.constraint ? ` (${e.constraint})` : '';
  switch (e.code) {
    case '23505':
      return new ConflictError(
        `A record with the same unique value already exists${where}: ${e.detail ?? ''}`.trim(),
        'Use the existing record, or change the value.',
      );
    case '23503':
      return new ValidationError(`A referenced record does not exist${where}: ${e.detail ?? ''}`.trim(), [], 'Check the referenced id.');
    case '23502':
      return new ValidationError(
        `A required field is missing: ${e.column ?? 'unknown'}.`,
        e.column ? [{ field: e.column, message: 'required' }] : [],
      );
    case '23514':
      return new ValidationError(`A value breaks the rule ${e.constraint ?? 'check'}.`, [], 'Fix the value so it satisfies the rule.');
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
      return new ValidationError(`Invalid value: ${e.message ?? ''}`.trim());
    default:
      return err;
  }
}

/**
 * What may be logged of an error. A Postgres error gives its code, constraint, table, column and
 * routine only: its message and detail quote values ("Key (email)=(…)"), and drizzle's wrapper
 * message carries the SQL and every parameter (customer data). An AppError gives its code. Other
 * errors give name, message and stack; scrub them for secrets before logging.
 */
export function loggableError(err: unknown): Record<string, unknown> {
  const pg = pgErrorOf(err);
  if (pg) {
    const out: Record<string, unknown> = { pgCode: pg.code };
    for (const k of ['constraint', 'table', 'column', 'routine'] as const) if (typeof pg[k] === 'string') out[k] = pg[k];
    return out;
  }
  if (err instanceof AppError) return { code: err.code };
  if (err instanceof Error) {
    if (isQueryWrapper(err)) return { name: err.name, cause: err.cause === undefined ? undefined : loggableError(err.cause) };
    return { name: err.name, message: err.message, stack: err.stack };
  }
  return { type: typeof err };
}

/** drizzle's DrizzleQueryError (or any error that carries a query's parameters). */
function isQueryWrapper(err: Error): boolean {
  return err.name === 'DrizzleQueryError' || 'params' in err || err.message.startsWith('Failed query:');
}
