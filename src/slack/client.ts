/**
 * What the Slack worker needs of the Slack Web API, and its implementation with
 * `@slack/web-api`. `slackApiUrl` (SLACK_API_URL) points it at a local fake in tests. The client
 * retries a failed call a couple of times itself; longer outages are the worker's retries, so a
 * call never blocks the worker for the client's default half hour.
 */
import { LogLevel, WebClient, type Logger as SlackLogger } from '@slack/web-api';
import { logger } from '../log.js';

/** Block Kit blocks, as plain JSON. */
export type Blocks = Record<string, unknown>[];

export interface SlackApi {
  /** The bot's own Slack user id (cached after the first call). */
  botUserId(): Promise<string>;
  /** Posts in a thread; returns the new message's ts. */
  post(msg: { channel: string; threadTs: string; text: string; blocks?: Blocks }): Promise<string>;
  update(msg: { channel: string; ts: string; text: string; blocks?: Blocks }): Promise<void>;
  /** A message only `user` sees (refusals about buttons). */
  ephemeral(msg: { channel: string; user: string; threadTs?: string; text: string }): Promise<void>;
}

export interface SlackClientOptions {
  token: string;
  /** Web API base URL, e.g. http://127.0.0.1:4010/api/ (default Slack's). */
  apiUrl?: string;
  /** Retries per call inside the client (default 2). */
  retries?: number;
  timeoutMs?: number;
}

/** Routes the SDK's own log lines to our structured logger (stderr), never to stdout. */
function sdkLogger(): SlackLogger {
  const log = logger('slack-web-api');
  let level = LogLevel.WARN;
  return {
    debug: (...m: unknown[]) => log.debug(m.map(String).join(' ')),
    info: (...m: unknown[]) => log.info(m.map(String).join(' ')),
    warn: (...m: unknown[]) => log.warn(m.map(String).join(' ')),
    error: (...m: unknown[]) => log.error(m.map(String).join(' ')),
    setLevel: (l: LogLevel) => void (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}

export function createSlackClient(opts: SlackClientOptions): SlackApi {
  const apiUrl = opts.apiUrl && !opts.apiUrl.endsWith('/') ? `${opts.apiUrl}/` : opts.apiUrl;
  const web = new WebClient(opts.token, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    logger: sdkLogger(),
    logLevel: LogLevel.WARN,
    retryConfig: { retries: opts.retries ?? 2, factor: 2, minTimeout: 250, maxTimeout: 4000 },
    timeout: opts.timeoutMs ?? 10_000,
    // Method names are ours; never let one redirect the bot token to another host.
    allowAbsoluteUrls: false,
  });
  let botId: Promise<string> | undefined;
  return {
    botUserId() {
      botId ??= web.auth.test().then(
        (r) => String(r.user_id ?? ''),
        (err: unknown) => {
          botId = undefined;
          throw err;
        },
      );
      return botId;
    },
    async post(m) {
      const r = await web.chat.postMessage({
        channel: m.channel,
        thread_ts: m.threadTs,
        text: m.text,
        ...(m.blocks ? { blocks: m.blocks } : {}),
        unfurl_links: false,
        unfurl_media: false,
      });
      return String(r.ts);
    },
    async update(m) {
      await web.chat.update({ channel: m.channel, ts: m.ts, text: m.text, ...(m.blocks ? { blocks: m.blocks } : {}) });
    },
    async ephemeral(m) {
      await web.chat.postEphemeral({ channel: m.channel, user: m.user, text: m.text, ...(m.threadTs ? { thread_ts: m.threadTs } : {}) });
    },
  };
}
