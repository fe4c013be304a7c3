/**
 * The embedding job queue (table `embedding_jobs`, filled by triggers in the writing
 * transaction). Claims are short single statements with FOR UPDATE SKIP LOCKED, so several
 * workers never take the same job; each claim gets a unique `locked_by` token, and a worker only
 * finishes jobs still holding its token, so a job reclaimed from a slow or crashed worker is never
 * written twice.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { KNOWLEDGE_SOURCES, SOURCE_TYPES, type SourceType } from './sources.js';

export interface ClaimedJob {
  id: number;
  sourceType: SourceType;
  sourceId: string;
  /** Attempts including this one. */
  attempts: number;
}

export interface RetryPolicy {
  /** After this many attempts a job is `failed` (kept with its last error). */
  maxAttempts: number;
  /** Backoff after the first failure; doubles each attempt. */
  backoffBaseMs: number;
  backoffMaxMs: number;
}

type JobRow = { id: number; source_type: SourceType; source_id: string; attempts: number };
const toJob = (r: JobRow): ClaimedJob => ({
  id: Number(r.id),
  sourceType: r.source_type,
  sourceId: r.source_id,
  attempts: Number(r.attempts),
});

const lease = (ms: number) => sql`make_interval(secs => ${ms / 1000})`;

/**
 * Claims up to `limit` due jobs for `token` for `leaseMs`: pending ones whose run_after has
 * passed, then running ones whose lease ran out (their worker crashed, or lost the database, and
 * stopped renewing). A running job's run_after is the end of its lease, so each claim keeps the
 * lease its own worker chose. Counts the attempt.
 */
export async function claimJobs(db: DbOrTx, token: string, limit: number, leaseMs: number): Promise<ClaimedJob[]> {
  const claim = (where: ReturnType<typeof sql>, n: number) =>
    db.execute<JobRow>(sql`update embedding_jobs j
        set status = 'running', locked_by = ${token}, locked_at = now(), run_after = now() + ${lease(leaseMs)}, attempts = j.attempts + 1
      where j.id in (select id from embedding_jobs where ${where} order by run_after, id limit ${n} for update skip locked)
      returning j.id, j.source_type, j.source_id, j.attempts`);
  const pending = (await claim(sql`status = 'pending' and run_after <= now()`, limit)).rows.map(toJob);
  if (pending.length >= limit) return pending;
  const stale = await claim(sql`status = 'running' and run_after <= now()`, limit - pending.length);
  return [...pending, ...stale.rows.map(toJob)];
}

/**
 * Renews for `leaseMs` the lease of every job still claimed by `token` (the worker's heartbeat while
 * it embeds); returns how many it still holds.
 */
export async function renewClaims(db: DbOrTx, token: string, leaseMs: number): Promise<number> {
  const r = await db.execute(
    sql`update embedding_jobs set locked_at = now(), run_after = now() + ${lease(leaseMs)} where locked_by = ${token} and status = 'running'`,
  );
  return r.rowCount ?? 0;
}

/** Ids among `ids` still claimed by `token`, locked for the finishing transaction. */
export async function lockOwnedJobs(tx: DbOrTx, token: string, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const r = await tx.execute<{ id: number }>(
    sql`select id from embedding_jobs where id = any(${sql.param(ids)}::bigint[]) and status = 'running' and locked_by = ${token} for update`,
  );
  return new Set(r.rows.map((x) => Number(x.id)));
}

export async function markDone(tx: DbOrTx, ids: number[]): Promise<void> {
  if (!ids.length) return;
  await tx.execute(sql`update embedding_jobs set status = 'done', locked_by = null, locked_at = null, last_error = null
    where id = any(${sql.param(ids)}::bigint[])`);
}

/** The source changed while we embedded it: run again now, without counting an attempt. */
export async function requeue(tx: DbOrTx, ids: number[]): Promise<void> {
  if (!ids.length) return;
  await tx.execute(sql`update embedding_jobs set status = 'pending', run_after = now(), locked_by = null, locked_at = null,
      attempts = greatest(attempts - 1, 0)
    where id = any(${sql.param(ids)}::bigint[])`);
}

/**
 * Records a failed attempt of jobs still claimed by `token`: `failed` after `maxAttempts`, else
 * pending again after an exponential backoff.
 */
export async function markFailed(db: DbOrTx, token: string, ids: number[], error: string, policy: RetryPolicy): Promise<void> {
  if (!ids.length) return;
  await db.execute(sql`update embedding_jobs set
      status = case when attempts >= ${policy.maxAttempts} then 'failed' else 'pending' end,
      last_error = ${error.slice(0, 2000)},
      run_after = now() + make_interval(secs => least(${policy.backoffBaseMs}::float8 * power(2, greatest(attempts - 1, 0)), ${policy.backoffMaxMs}) / 1000),
      locked_by = null, locked_at = null
    where id = any(${sql.param(ids)}::bigint[]) and status = 'running' and locked_by = ${token}`);
}

/** Deletes finished jobs older than `olderThanMs` (the queue is not an archive). */
export async function pruneDoneJobs(db: DbOrTx, olderThanMs: number): Promise<number> {
  const r = await db.execute(
    sql`delete from embedding_jobs where status = 'done' and updated_at < now() - make_interval(secs => ${olderThanMs / 1000})`,
  );
  return r.rowCount ?? 0;
}

export interface QueueCounts {
  pending: number;
  running: number;
  failed: number;
  done: number;
}

export async function queueCounts(db: DbOrTx): Promise<QueueCounts> {
  const r = await db.execute<{ status: keyof QueueCounts; n: number }>(
    sql`select status, count(*)::int as n from embedding_jobs group by status`,
  );
  const out: QueueCounts = { pending: 0, running: 0, failed: 0, done: 0 };
  for (const row of r.rows) out[row.status] = Number(row.n);
  return out;
}

/**
 * Queues a job for every knowledge row (notes, communications, tickets, AI exchanges) that has no
 * vector of `model` yet, or for every row when `all`. Rows already queued are left alone. Returns
 * how many jobs were added.
 */
export async function enqueueSources(db: DbOrTx, model: string, opts: { all?: boolean } = {}): Promise<number> {
  let added = 0;
  for (const type of SOURCE_TYPES) {
    const s = KNOWLEDGE_SOURCES[type];
    const missing = opts.all
      ? sql`true`
      : sql`not exists (select 1 from embeddings e where e.source_type = ${type} and e.source_id = s.id and e.model = ${model})`;
    const r = await db.execute(sql`insert into embedding_jobs (source_type, source_id)
      select ${type}, s.id from ${s.table} s where ${s.eligible} and ${missing}
      on conflict (source_type, source_id) where status in ('pending','running') do nothing`);
    added += r.rowCount ?? 0;
  }
  return added;
}
