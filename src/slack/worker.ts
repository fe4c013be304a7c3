/**
 * The Slack worker: claims inbox rows (src/crm/slack/inbox.ts) and processes them after the
 * route has acknowledged Slack. Rows of one Slack thread run in order, different threads in
 * parallel. A failure (Slack API down, agent error) is retried with exponential backoff and, after
 * `maxAttempts`, the row ends `failed` with its error and the person is told; a crashed worker's
 * rows are reclaimed once their claim goes stale. Nothing acknowledged is dropped silently.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { logger } from '../log.js';
import type { RetryPolicy } from '../crm/knowledge/embedding-jobs.js';
import { claimSlackEvents, failSlackEvent, finishSlackEvent, pruneSlackEvents, type ClaimedSlackEvent } from '../crm/slack/inbox.js';
import { FAILED_TEXT } from './messages.js';
import { handleSlackAction, handleSlackEvent, jobThreadKey, type SlackContext, type SlackJob } from './process.js';

export interface SlackWorkerOptions extends Partial<RetryPolicy> {
  workerId?: string;
  /** Rows per claim. */
  batchSize?: number;
  /** A running row whose worker has not renewed its claim for this long is taken over. */
  staleAfterMs?: number;
  /** Poll interval when idle (new deliveries also wake the worker at once). */
  intervalMs?: number;
}

export interface SlackBatchResult {
  claimed: number;
  done: number;
  retried: number;
  failed: number;
}

const DEFAULTS = {
  batchSize: 8,
  staleAfterMs: 5 * 60_000,
  maxAttempts: 4,
  backoffBaseMs: 5_000,
  backoffMaxMs: 5 * 60_000,
  intervalMs: 2_000,
};
const log = logger('slack-worker');
let claims = 0;

/** What a thrown error may say in the log and the row: its message, never a token (the SDK puts none there). */
const describe = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 500);

async function runJob(ctx: SlackContext, job: SlackJob, policy: RetryPolicy): Promise<'done' | 'pending' | 'failed' | null> {
  try {
    if (job.item.attempts > policy.maxAttempts)
      throw new Error(`abandoned: claimed ${policy.maxAttempts} times without finishing (worker crash or timeout)`);
    await (job.item.kind === 'event' ? handleSlackEvent(ctx, job) : handleSlackAction(ctx, job));
    return (await finishSlackEvent(ctx.db, job.item.id, job.token)) ? 'done' : null;
  } catch (err) {
    const status = await failSlackEvent(ctx.db, job.item.id, job.token, describe(err), policy);
    log.warn({ row: job.item.id, kind: job.item.kind, attempt: job.item.attempts, status, err: describe(err) }, 'slack event failed');
    if (status === 'failed' && job.replyTs && job.channel) {
      await ctx.api.update({ channel: job.channel, ts: job.replyTs, text: FAILED_TEXT(job.item.id) }).catch(() => undefined);
    }
    return status;
  }
}

function channelOf(item: ClaimedSlackEvent): string | undefined {
  const p = item.payload as { event?: { channel?: unknown }; channel?: { id?: unknown }; container?: { channel_id?: unknown } };
  const c = p.event?.channel ?? p.channel?.id ?? p.container?.channel_id;
  return typeof c === 'string' ? c : undefined;
}

/** Claims and processes one batch. Throws only for database errors on the claim itself. */
export async function processSlackBatch(ctx: SlackContext, opts: SlackWorkerOptions = {}): Promise<SlackBatchResult> {
  const o = { ...DEFAULTS, ...opts };
  const token = `${o.workerId ?? newSlackWorkerId()}#${++claims}`;
  const items = await claimSlackEvents(ctx.db, token, o.batchSize, o.staleAfterMs);
  const result: SlackBatchResult = { claimed: items.length, done: 0, retried: 0, failed: 0 };
  const groups = new Map<string, SlackJob[]>();
  for (const item of items) {
    const key = jobThreadKey(item) ?? `row:${item.id}`;
    groups.set(key, [...(groups.get(key) ?? []), { item, token, replyTs: item.replyTs, channel: channelOf(item) }]);
  }
  await Promise.all(
    [...groups.values()].map(async (jobs) => {
      for (const job of jobs) {
        const status = await runJob(ctx, job, o);
        if (status === 'done') result.done++;
        else if (status === 'pending') result.retried++;
        else if (status === 'failed') result.failed++;
      }
    }),
  );
  return result;
}

export function newSlackWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

export interface RunningSlackWorker {
  /** Wake the worker now (a delivery was just recorded). */
  kick(): void;
  /** Stops and resolves when the current batch has finished. */
  stop(): Promise<void>;
}

/** Runs the worker in the background: drains due rows, sleeps until kicked or `intervalMs`, again. */
export function startSlackWorker(ctx: SlackContext, opts: SlackWorkerOptions = {}): RunningSlackWorker {
  const o = { ...DEFAULTS, ...opts };
  const workerId = o.workerId ?? newSlackWorkerId();
  const stop = new AbortController();
  let wake: (() => void) | undefined;
  let kicked = false;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (kicked) return resolve();
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        wake = undefined;
        resolve();
      }
      wake = done;
      stop.signal.addEventListener('abort', done, { once: true });
    });
  const loop = (async () => {
    let errors = 0;
    let lastPrune = 0;
    while (!stop.signal.aborted) {
      kicked = false;
      try {
        while (!stop.signal.aborted && (await processSlackBatch(ctx, { ...o, workerId })).claimed) {
          /* drain */
        }
        if (Date.now() - lastPrune > 3600_000) {
          lastPrune = Date.now();
          await pruneSlackEvents(ctx.db, 7 * 24 * 3600_000);
        }
        errors = 0;
      } catch (err) {
        errors++;
        log.error({ err: describe(err) }, 'slack worker batch failed; retrying');
      }
      await sleep(Math.min(o.intervalMs * 2 ** errors, 60_000));
    }
  })();
  return {
    kick() {
      kicked = true;
      wake?.();
    },
    async stop() {
      stop.abort();
      await loop;
    },
  };
}
