/**
 * The Slack inbox (table `slack_events`): every event and button click Slack delivers is recorded
 * here by the statement that lets the route acknowledge it, so nothing acknowledged is lost, and
 * the unique event id makes a redelivery (or the same delivery at a second instance) a no-op.
 * The Slack worker claims rows with FOR UPDATE SKIP LOCKED under a unique token, reclaims rows
 * of a worker that went silent, retries with exponential backoff and gives up after N attempts,
 * exactly as the embedding queue does (src/crm/knowledge/embedding-jobs.ts).
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { SLACK_EVENT_KINDS } from '../../db/schema/index.js';
import type { RetryPolicy } from '../knowledge/embedding-jobs.js';

export type SlackEventKind = (typeof SLACK_EVENT_KINDS)[number];

export interface InboxItem {
  eventId: string;
  kind: SlackEventKind;
  teamId: string | null;
  payload: Record<string, unknown>;
}

export interface ClaimedSlackEvent extends InboxItem {
  id: number;
  /** Attempts including this one. */
  attempts: number;
  /** The "working…" message an earlier attempt posted, if any. */
  replyTs: string | null;
  /** The agent's answer an earlier attempt got but could not deliver, if any. */
  result: Record<string, unknown> | null;
}

/** Records a delivery; false when its event id is already in the inbox (a redelivery). */
export async function recordSlackEvent(db: DbOrTx, item: InboxItem): Promise<boolean> {
  const r = await db.execute(sql`insert into slack_events (event_id, kind, team_id, payload)
    values (${item.eventId}, ${item.kind}, ${item.teamId}, ${JSON.stringify(item.payload)}::jsonb)
    on conflict (event_id) do nothing`);
  return (r.rowCount ?? 0) > 0;
}

type Row = {
  id: number;
  event_id: string;
  kind: SlackEventKind;
  team_id: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  reply_ts: string | null;
  result: unknown;
};
const json = (v: unknown) =>
  typeof v === 'string' ? (JSON.parse(v) as Record<string, unknown>) : ((v ?? null) as Record<string, unknown> | null);
const toItem = (r: Row): ClaimedSlackEvent => ({
  id: Number(r.id),
  eventId: r.event_id,
  kind: r.kind,
  teamId: r.team_id,
  payload: json(r.payload)!,
  attempts: Number(r.attempts),
  replyTs: r.reply_ts,
  result: json(r.result),
});

/**
 * Claims up to `limit` due rows for `token`, oldest first: pending ones whose backoff has passed,
 * then running ones whose worker has been silent for `staleAfterMs` (crashed). Counts the attempt.
 */
export async function claimSlackEvents(db: DbOrTx, token: string, limit: number, staleAfterMs: number): Promise<ClaimedSlackEvent[]> {
  const claim = (where: ReturnType<typeof sql>, n: number) =>
    db.execute<Row>(sql`update slack_events e
        set status = 'running', locked_by = ${token}, locked_at = now(), attempts = e.attempts + 1
      where e.id in (select id from slack_events where ${where} order by run_after, id limit ${n} for update skip locked)
      returning e.id, e.event_id, e.kind, e.team_id, e.payload, e.attempts, e.reply_ts, e.result`);
  const pending = (await claim(sql`status = 'pending' and run_after <= now()`, limit)).rows.map(toItem);
  if (pending.length >= limit) return pending.sort((a, b) => a.id - b.id);
  const stale = await claim(
    sql`status = 'running' and locked_at < now() - make_interval(secs => ${staleAfterMs / 1000})`,
    limit - pending.length,
  );
  return [...pending, ...stale.rows.map(toItem)].sort((a, b) => a.id - b.id);
}

/** Remembers the "working…" message of a row still claimed by `token`. */
export async function setSlackReplyTs(db: DbOrTx, id: number, token: string, ts: string): Promise<void> {
  await db.execute(sql`update slack_events set reply_ts = ${ts}, locked_at = now() where id = ${id} and locked_by = ${token}`);
}

/** Keeps the agent's answer on a row still claimed by `token`, before delivering it. */
export async function setSlackResult(db: DbOrTx, id: number, token: string, result: Record<string, unknown>): Promise<void> {
  await db.execute(
    sql`update slack_events set result = ${JSON.stringify(result)}::jsonb, locked_at = now() where id = ${id} and locked_by = ${token}`,
  );
}

/** Heartbeat: a row whose worker is still busy with it is not taken over as stale. */
export async function touchSlackEvent(db: DbOrTx, id: number, token: string): Promise<void> {
  await db.execute(sql`update slack_events set locked_at = now() where id = ${id} and locked_by = ${token} and status = 'running'`);
}

/** Marks a row done, if `token` still holds it; false when another worker took it over. */
export async function finishSlackEvent(db: DbOrTx, id: number, token: string): Promise<boolean> {
  const r = await db.execute(sql`update slack_events set status = 'done', locked_by = null, locked_at = null, last_error = null
    where id = ${id} and status = 'running' and locked_by = ${token}`);
  return (r.rowCount ?? 0) > 0;
}

/**
 * Records a failed attempt of a row still held by `token`: `failed` (kept with its error) after
 * `maxAttempts`, else pending again after an exponential backoff. Returns the new status.
 */
export async function failSlackEvent(
  db: DbOrTx,
  id: number,
  token: string,
  error: string,
  policy: RetryPolicy,
): Promise<'pending' | 'failed' | null> {
  const r = await db.execute<{ status: 'pending' | 'failed' }>(sql`update slack_events set
      status = case when attempts >= ${policy.maxAttempts} then 'failed' else 'pending' end,
      last_error = ${error.slice(0, 2000)},
      run_after = now() + make_interval(secs => least(${policy.backoffBaseMs}::float8 * power(2, greatest(attempts - 1, 0)), ${policy.backoffMaxMs}) / 1000),
      locked_by = null, locked_at = null
    where id = ${id} and status = 'running' and locked_by = ${token}
    returning status`);
  return r.rows[0]?.status ?? null;
}

/**
 * Deletes finished rows older than `olderThanMs`. Keep this well beyond Slack's redelivery window
 * (its last retry comes minutes after the first delivery): a pruned id would be processed again.
 */
export async function pruneSlackEvents(db: DbOrTx, olderThanMs: number): Promise<number> {
  const r = await db.execute(
    sql`delete from slack_events where status = 'done' and updated_at < now() - make_interval(secs => ${olderThanMs / 1000})`,
  );
  return r.rowCount ?? 0;
}
