/**
 * The Slack surface: the two signed routes (mounted by src/http/app.ts at /slack) and the worker
 * that answers what they recorded. Built only when Slack is configured; without it the routes do
 * not exist (404).
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AgentRunner } from '../agent/types.js';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { AppError } from '../errors.js';
import { createSlackClient, type SlackApi } from './client.js';
import { slackEventsHandler } from './events-route.js';
import { slackInteractionsHandler } from './interactions-route.js';
import { NO_MODEL_TEXT } from './messages.js';
import type { SlackContext } from './process.js';
import { startSlackWorker, type RunningSlackWorker, type SlackWorkerOptions } from './worker.js';

export type SlackConfig = Pick<Config, 'SLACK_BOT_TOKEN' | 'SLACK_SIGNING_SECRET' | 'SLACK_API_URL'>;

/** True when both Slack keys are set, false when neither; one without the other is a start-up error. */
export function slackEnabled(config: SlackConfig): boolean {
  if (Boolean(config.SLACK_BOT_TOKEN) !== Boolean(config.SLACK_SIGNING_SECRET)) {
    throw new AppError(
      'VALIDATION',
      `Slack needs both SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET; only ${config.SLACK_BOT_TOKEN ? 'SLACK_BOT_TOKEN' : 'SLACK_SIGNING_SECRET'} is set.`,
      {
        hint: 'Set both (Slack app settings: "OAuth & Permissions" has the bot token, "Basic Information" the signing secret), or neither to turn Slack off.',
      },
    );
  }
  return Boolean(config.SLACK_BOT_TOKEN);
}

export interface SlackSurfaceOptions {
  /** The agent; undefined when no chat model is configured (people are told `noAgentText`). */
  agent: AgentRunner | undefined;
  noAgentText?: string;
  /** The Slack Web API (default: @slack/web-api with the configured token and base URL). */
  api?: SlackApi;
  worker?: SlackWorkerOptions;
  /** Clock in milliseconds for signature timestamps (tests). */
  now?: () => number;
  /** Largest request body accepted (default 256 KB; Slack's payloads are a few KB). */
  maxBodyBytes?: number;
}

export interface SlackSurface {
  /** POST /events and POST /interactions, to mount at /slack. */
  routes: Hono;
  context: SlackContext;
  /** Starts the background worker (once). */
  start(): void;
  stop(): Promise<void>;
}

/** The Slack surface, or null when Slack is not configured. */
export function createSlackSurface(config: SlackConfig, db: Db, opts: SlackSurfaceOptions): SlackSurface | null {
  if (!slackEnabled(config)) return null;
  const api = opts.api ?? createSlackClient({ token: config.SLACK_BOT_TOKEN!, apiUrl: config.SLACK_API_URL });
  const context: SlackContext = {
    db,
    api,
    agent: opts.agent,
    noAgentText: opts.noAgentText ?? NO_MODEL_TEXT,
    heartbeatMs: Math.max(1000, Math.floor((opts.worker?.staleAfterMs ?? 5 * 60_000) / 3)),
  };
  let worker: RunningSlackWorker | undefined;
  const deps = { db, signingSecret: config.SLACK_SIGNING_SECRET!, now: opts.now ?? Date.now, onRecorded: () => worker?.kick() };
  const routes = new Hono();
  const limit = bodyLimit({
    maxSize: opts.maxBodyBytes ?? 256 * 1024,
    onError: (c) => c.json({ error: { code: 'VALIDATION', message: 'The request body is too large for a Slack payload.' } }, 413),
  });
  routes.post('/events', limit, slackEventsHandler(deps));
  routes.post('/interactions', limit, slackInteractionsHandler(deps));
  return {
    routes,
    context,
    start() {
      worker ??= startSlackWorker(context, opts.worker);
    },
    async stop() {
      await worker?.stop();
      worker = undefined;
    },
  };
}
