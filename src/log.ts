/**
 * Structured logging to stderr (stdout belongs to the MCP stdio transport).
 * Secrets are redacted by key wherever they appear in a logged object.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import { SECRET_KEYS } from './config.js';

export type { Logger };

/** Paths pino redacts: generic credential fields, and every configured secret by its name (top level or one deep). */
export const REDACT: readonly string[] = [
  '*.password',
  '*.token',
  '*.authorization',
  '*.apiKey',
  '*.api_key',
  'headers.authorization',
  'req.headers.authorization',
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((k) => `*.${k}`),
];

let root: Logger = pino({ level: 'info', redact: [...REDACT] }, pino.destination(2));

/**
 * Replaces the root logger; called once by entrypoints after the config is read. `destination`
 * (default: stderr) lets a test read what is logged. `scrub`, when given, rewrites every line
 * before it is written: redaction by key cannot see a secret inside a message or an error text
 * (a connection string in a driver error, a token pasted into a note), so entrypoints pass the
 * value scrubber (src/crm/audit/scrub-secrets.ts) here.
 */
export function configureLogger(level: string, destination?: DestinationStream, scrub?: (line: string) => string): Logger {
  const out = destination ?? pino.destination({ fd: 2, sync: true });
  const dest: DestinationStream = scrub ? { write: (line: string) => out.write(scrub(line)) } : out;
  root = pino({ level, redact: [...REDACT], base: { pid: process.pid } }, dest);
  return root;
}

/** A child logger for a component. */
export function logger(component: string): Logger {
  return root.child({ component });
}
