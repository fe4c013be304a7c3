/**
 * The Slack end-to-end harness: a migrated embedded database, the real HTTP server with the
 * Slack surface mounted, the real @slack/web-api client pointed at a local fake Slack, and a
 * test AgentRunner whose write runs the real add_note tool.
 */
import { afterAll, beforeAll } from 'vitest';
import { testConfig } from '../../src/config.js';
import { openRuntime, type Runtime } from '../../src/runtime.js';
import type { AgentRunner } from '../../src/agent/types.js';
import type { Config } from '../../src/config.js';
import { startHttp, type RunningHttp } from '../../src/http/server.js';
import { createSlackClient } from '../../src/slack/client.js';
import { createSlackSurface, type SlackSurface, type SlackSurfaceOptions } from '../../src/slack/index.js';
import { signSlackRequest } from '../../src/slack/verify.js';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { noteRunner, type NoteRunner } from './note-runner.js';

export const SECRET = 'test-signing-secret-8f2c';
export const BOT_TOKEN = 'xoxb-test-bot-token';

export interface Harness {
  rt: Runtime;
  http: RunningHttp;
  fake: FakeSlack;
  runner: NoteRunner;
  slack: SlackSurface;
  /** Added to the server's clock (seconds), to replay a request later. */
  skew: { seconds: number };
}

export interface HarnessOptions {
  start?: boolean;
  surface?: Partial<SlackSurfaceOptions>;
  /** Extra configuration (e.g. a model's base URL). */
  config?: () => Partial<Record<keyof Config, string>>;
  /** The agent to answer with (default: the note runner). */
  agent?: (rt: Runtime) => AgentRunner | undefined;
}

export function useSlackHarness(opts: HarnessOptions = {}): () => Harness {
  let h: Harness | undefined;
  beforeAll(async () => {
    const fake = await startFakeSlack({ token: BOT_TOKEN });
    const config = testConfig({
      PORT: '0',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.url,
      ...opts.config?.(),
    });
    const rt = await openRuntime(config, { seedIfEmpty: false });
    const runner = noteRunner(rt.deps);
    const skew = { seconds: 0 };
    const slack = createSlackSurface(config, rt.database.db, {
      agent: opts.agent ? opts.agent(rt) : runner,
      api: createSlackClient({ token: BOT_TOKEN, apiUrl: config.SLACK_API_URL, retries: 0 }),
      worker: { intervalMs: 50, backoffBaseMs: 100, backoffMaxMs: 400, maxAttempts: 3 },
      now: () => Date.now() + skew.seconds * 1000,
      ...opts.surface,
    })!;
    const http = await startHttp(rt, { slack });
    if (opts.start ?? true) slack.start();
    h = { rt, http, fake, runner, slack, skew };
  });
  afterAll(async () => {
    await h?.slack.stop();
    await h?.http.stop();
    await h?.rt.close();
    await h?.fake.close();
  });
  return () => {
    if (!h) throw new Error('harness not ready');
    return h;
  };
}

export function signedHeaders(
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
  contentType = 'application/json',
): Record<string, string> {
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signSlackRequest(SECRET, String(timestamp), body),
  };
}

export function postSlack(h: Harness, path: '/slack/events' | '/slack/interactions', body: string, headers: Record<string, string>) {
  return fetch(`${h.http.url}${path}`, { method: 'POST', headers, body });
}

let seq = 0;
/** A Slack event envelope for a message (app_mention in channel C… by default). */
export function messageEvent(user: string, text: string, event: Record<string, unknown> = {}) {
  seq++;
  const ts = `1710000${String(seq).padStart(3, '0')}.000100`;
  return {
    type: 'event_callback',
    team_id: 'T0001',
    api_app_id: 'A0001',
    event_id: `Ev${Date.now().toString(36)}${seq}`,
    event_time: 1710000000,
    event: { type: 'app_mention', user, text: `<@UBOT0001> ${text}`, channel: 'C0001', ts, event_ts: ts, ...event },
  };
}

/** The form body Slack posts for a click on one of our buttons. */
export function clickBody(
  user: string,
  button: { action_id: string; value: string },
  where: { channel: string; messageTs: string; threadTs: string },
  triggerId: string,
): string {
  const payload = {
    type: 'block_actions',
    trigger_id: triggerId,
    team: { id: 'T0001' },
    user: { id: user },
    channel: { id: where.channel },
    container: { type: 'message', channel_id: where.channel, message_ts: where.messageTs, thread_ts: where.threadTs },
    message: { ts: where.messageTs, thread_ts: where.threadTs },
    actions: [{ ...button, type: 'button', action_ts: `${Date.now() / 1000}` }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
