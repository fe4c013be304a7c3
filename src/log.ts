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
 * (default: stderr) lets a test read what is logged.
 */
export function configureLogger(level: string, destination?: DestinationStream): Logger {
  root = pino({ level, redact: [...REDACT], base: { pid: process.pid } }, destination ?? pino.destination({ fd: 2, sync: true }));
  return root;
}

/** A child logger for a component. */
export function logger(component: string): Logger {
  return root.child({ component });
}
