/**
 * Structured logging to stderr (stdout belongs to the MCP stdio transport).
 * Secrets are redacted by key wherever they appear in a logged object.
 */
import pino, { type Logger } from 'pino';

export type { Logger };

const REDACT = [
  '*.password',
  '*.token',
  '*.authorization',
  '*.apiKey',
  '*.api_key',
  'headers.authorization',
  'req.headers.authorization',
  'OPENAI_API_KEY',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'DATABASE_URL',
];

let root: Logger = pino({ level: 'info', redact: REDACT }, pino.destination(2));

/** Replaces the root logger's level; called once by entrypoints after the config is read. */
export function configureLogger(level: string): Logger {
  root = pino({ level, redact: REDACT, base: { pid: process.pid } }, pino.destination({ fd: 2, sync: true }));
  return root;
}

/** A child logger for a component. */
export function logger(component: string): Logger {
  return root.child({ component });
}
