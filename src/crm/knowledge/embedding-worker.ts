/**
 * The embedding worker: claims queued jobs, reads their source texts, embeds the chunks that
 * changed (outside any transaction: a model call can take seconds), then writes the vectors and
 * marks the jobs done in one short transaction. Never loses a job: a failed embed is retried with
 * backoff and ends `failed` with its error; a claim is a lease the worker renews while it works, so
 * a crashed worker's jobs are taken over once its lease runs out (a minute by default), and a
 * live one's never are; a
 * source edited while it was being embedded is queued again; a deleted source just ends `done`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/client.js';
import { logger } from '../../log.js';
import { isZeroVector, type Embedder } from '../ports.js';
import { chunkText, type ChunkOptions } from './chunking.js';
import {
  claimJobs,
  lockOwnedJobs,
  markDone,
  renewClaims,
  markFailed,
  pruneDoneJobs,
  requeue,
  type ClaimedJob,
  type RetryPolicy,
} from './embedding-jobs.js';
import { SOURCE_TYPES, sourceRowsSql } from './sources.js';
import { ensureModelIndex, toVectorText } from './vector-index.js';

export interface WorkerOptions extends Partial<RetryPolicy> {
  /** Identifies this worker in `locked_by`; default host:pid:random. */
  workerId?: string;
  /** Jobs per claim (and per embed call, chunks of all of them together). */
  batchSize?: number;
  /**
   * The claim's lease: renewed every third of it while the batch runs (a heartbeat), so a job is
   * taken over only when its worker stopped renewing for this long (crashed, or lost the database).
   */
  leaseMs?: number;
  chunk?: ChunkOptions;
  /**
   * Create the model's HNSW index before the first write (default true). Bulk loads pass false
   * and build it once at the end, which is much faster than growing the graph row by row.
   */
  ensureIndex?: boolean;
}

export interface BatchResult {
  claimed: number;
  done: number;
  failed: number;
  requeued: number;
  /** Chunks sent to the embedder (unchanged chunks are reused, not re-embedded). */
  embedded: number;
}

interface Source {
  leadId: string | null;
  clientId: string | null;
  occurredAt: Date | null;
  textMd5: string;
  chunks: string[];
}

interface Plan {
  job: ClaimedJob;
  /** null: the source is gone (deleted, or no longer eligible). */
  source: Source | null;
  /** Chunk index -> vector, for the chunks that changed. */
  vectors: Map<number, number[]>;
  /** Chunk indexes that must be embedded. */
  todo: number[];
  error?: string;
}

/** The lease default; config CRM_EMBEDDING_LEASE_MS. */
export const DEFAULT_LEASE_MS = 60_000;

const DEFAULTS = { batchSize: 32, leaseMs: DEFAULT_LEASE_MS, maxAttempts: 5, backoffBaseMs: 30_000, backoffMaxMs: 60 * 60_000 };

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const key = (t: string, id: string) => `${t}:${id}`;

/** Source texts (chunked) and the content hashes already stored for this model. */
async function loadSources(db: DbOrTx, jobs: ClaimedJob[], model: string, chunk?: ChunkOptions) {
  const sources = new Map<string, Source>();
  for (const type of SOURCE_TYPES) {
    const ids = jobs.filter((j) => j.sourceType === type).map((j) => j.sourceId);
    if (!ids.length) continue;
    const rows = await db.execute<{
      source_id: string;
      lead_id: string | null;
      client_id: string | null;
      occurred_at: Date | null;
      text: string | null;
      text_md5: string;
    }>(
      sql`select source_id, lead_id, client_id, occurred_at, text, md5(coalesce(text, '')) as text_md5
        from (${sourceRowsSql(type, sql`s.id = any(${sql.param(ids)}::uuid[])`)}) src`,
    );
    for (const r of rows.rows) {
      sources.set(key(type, r.source_id), {
        leadId: r.lead_id,
        clientId: r.client_id,
        occurredAt: r.occurred_at ? new Date(r.occurred_at) : null,
        textMd5: r.text_md5,
        chunks: chunkText(r.text ?? '', chunk),
      });
    }
  }
  const stored = new Map<string, string>();
  const ids = jobs.map((j) => j.sourceId);
  const existing = await db.execute<{ source_type: string; source_id: string; chunk_index: number; content_hash: string }>(
    sql`select source_type, source_id, chunk_index, content_hash from embeddings where model = ${model} and source_id = any(${sql.param(ids)}::uuid[])`,
  );
  for (const r of existing.rows) stored.set(`${key(r.source_type, r.source_id)}:${r.chunk_index}`, r.content_hash);
  return { sources, stored };
}

/** Embeds the chunks of all plans in one call; on failure, per plan, so one bad text fails alone. */
async function embedPlans(embedder: Embedder, plans: Plan[]): Promise<number> {
  const run = async (group: Plan[]) => {
    const texts = group.flatMap((p) => p.todo.map((i) => p.source!.chunks[i]!));
    if (!texts.length) return 0;
    const vectors = await embedder.embed(texts);
    let at = 0;
    for (const p of group) for (const i of p.todo) p.vectors.set(i, vectors[at++]!);
    return texts.length;
  };
  const pending = plans.filter((p) => p.todo.length);
  try {
    return await run(pending);
  } catch (err) {
    if (pending.length <= 1) {
      for (const p of pending) p.error = (err as Error).message;
      return 0;
    }
    let n = 0;
    for (const p of pending) {
      try {
        n += await run([p]);
      } catch (e) {
        p.error = (e as Error).message;
      }
    }
    return n;
  }
}

/** Writes vectors and finishes the jobs still owned by `token`, in one transaction. */
async function finish(
  db: DbOrTx,
  embedder: Embedder,
  token: string,
  plans: Plan[],
  chunk?: ChunkOptions,
): Promise<{ done: number; requeued: number }> {
  return db.transaction(async (tx) => {
    const owned = await lockOwnedJobs(
      tx,
      token,
      plans.map((p) => p.job.id),
    );
    const mine = plans.filter((p) => owned.has(p.job.id));
    // Re-read the texts: an edit committed after we read them gets queued again, not lost.
    const { sources: now } = await loadSources(
      tx,
      mine.map((p) => p.job),
      embedder.model,
      chunk,
    );
    const done: Plan[] = [];
    const changed: Plan[] = [];
    for (const p of mine) {
      const current = now.get(key(p.job.sourceType, p.job.sourceId)) ?? null;
      if ((current?.textMd5 ?? null) === (p.source?.textMd5 ?? null)) done.push(p);
      else changed.push(p);
    }
    const gone = done.filter((p) => !p.source);
    if (gone.length) {
      // Deleted or no longer eligible: its vectors of every model go too.
      await tx.execute(sql`delete from embeddings e using unnest(${sql.param(gone.map((p) => p.job.sourceType))}::text[], ${sql.param(gone.map((p) => p.job.sourceId))}::uuid[]) as x(t, id)
        where e.source_type = x.t and e.source_id = x.id`);
    }
    const live = done.filter((p) => p.source);
    if (live.length) {
      await tx.execute(sql`delete from embeddings e
        using unnest(${sql.param(live.map((p) => p.job.sourceType))}::text[], ${sql.param(live.map((p) => p.job.sourceId))}::uuid[], ${sql.param(live.map((p) => p.source!.chunks.length))}::int[]) as x(t, id, keep)
        where e.source_type = x.t and e.source_id = x.id and e.model = ${embedder.model} and e.chunk_index >= x.keep`);
      // A chunk with no words embeds to a zero vector, which cannot be searched: store none.
      const all = live.flatMap((p) => [...p.vectors].map(([i, v]) => ({ p, i, v, content: p.source!.chunks[i]! })));
      const rows = all.filter((r) => !isZeroVector(r.v));
      const blank = all.filter((r) => isZeroVector(r.v));
      if (blank.length) {
        await tx.execute(sql`delete from embeddings e
          using unnest(${sql.param(blank.map((r) => r.p.job.sourceType))}::text[], ${sql.param(blank.map((r) => r.p.job.sourceId))}::uuid[], ${sql.param(blank.map((r) => r.i))}::int[]) as x(t, id, ci)
          where e.source_type = x.t and e.source_id = x.id and e.model = ${embedder.model} and e.chunk_index = x.ci`);
      }
      if (rows.length) {
        await tx.execute(sql`insert into embeddings (source_type, source_id, chunk_index, lead_id, client_id, model, dimensions, embedding, content, content_hash, source_created_at)
          select t, id, ci, lead, client, ${embedder.model}, ${embedder.dimensions}, v::vector, content, hash, at
          from unnest(${sql.param(rows.map((r) => r.p.job.sourceType))}::text[], ${sql.param(rows.map((r) => r.p.job.sourceId))}::uuid[],
            ${sql.param(rows.map((r) => r.i))}::smallint[], ${sql.param(rows.map((r) => r.p.source!.leadId))}::uuid[],
            ${sql.param(rows.map((r) => r.p.source!.clientId))}::uuid[], ${sql.param(rows.map((r) => toVectorText(r.v)))}::text[],
            ${sql.param(rows.map((r) => r.content))}::text[], ${sql.param(rows.map((r) => sha(r.content)))}::text[],
            ${sql.param(rows.map((r) => r.p.source!.occurredAt?.toISOString() ?? null))}::timestamptz[]) as x(t, id, ci, lead, client, v, content, hash, at)
          on conflict (source_type, source_id, model, chunk_index) do update set embedding = excluded.embedding, dimensions = excluded.dimensions,
            content = excluded.content, content_hash = excluded.content_hash, created_at = now()`);
      }
      // A note moved to another lead keeps its text; its vectors follow the new lead and client.
      await tx.execute(sql`update embeddings e set lead_id = x.lead, client_id = x.client, source_created_at = x.at
        from unnest(${sql.param(live.map((p) => p.job.sourceType))}::text[], ${sql.param(live.map((p) => p.job.sourceId))}::uuid[],
          ${sql.param(live.map((p) => p.source!.leadId))}::uuid[], ${sql.param(live.map((p) => p.source!.clientId))}::uuid[],
          ${sql.param(live.map((p) => p.source!.occurredAt?.toISOString() ?? null))}::timestamptz[]) as x(t, id, lead, client, at)
        where e.source_type = x.t and e.source_id = x.id and e.model = ${embedder.model}
          and (e.lead_id, e.client_id, e.source_created_at) is distinct from (x.lead, x.client, x.at)`);
    }
    await markDone(
      tx,
      done.map((p) => p.job.id),
    );
    await requeue(
      tx,
      changed.map((p) => p.job.id),
    );
    return { done: done.length, requeued: changed.length };
  });
}

/** A worker id unique to this process and call. */
export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

let claims = 0;

/**
 * Renews `token`'s claims every third of `leaseMs` until stopped; a failed renewal is logged and
 * tried again at the next beat (the jobs' own finish checks that they are still ours).
 */
function heartbeat(db: DbOrTx, token: string, leaseMs: number): () => Promise<void> {
  let beat: Promise<unknown> | undefined;
  const timer = setInterval(
    () => {
      beat ??= renewClaims(db, token, leaseMs)
        .catch((err: unknown) => logger('embedding-worker').warn({ err: (err as Error).message }, 'could not renew the claim lease'))
        .finally(() => (beat = undefined));
    },
    Math.max(50, Math.floor(leaseMs / 3)),
  );
  timer.unref();
  return async () => {
    clearInterval(timer);
    await beat;
  };
}

/** Claims and processes one batch of jobs. Throws only for database errors (the jobs stay claimed and are taken over when their lease runs out). */
export async function processEmbeddingBatch(db: DbOrTx, embedder: Embedder, opts: WorkerOptions = {}): Promise<BatchResult> {
  const o = { ...DEFAULTS, ...opts };
  const token = `${o.workerId ?? newWorkerId()}#${++claims}`;
  const jobs = await claimJobs(db, token, o.batchSize, o.leaseMs);
  if (!jobs.length) return { claimed: 0, done: 0, failed: 0, requeued: 0, embedded: 0 };
  const stopBeating = heartbeat(db, token, o.leaseMs);
  try {
    return await processClaimed(db, embedder, o, token, jobs);
  } finally {
    await stopBeating();
  }
}

async function processClaimed(
  db: DbOrTx,
  embedder: Embedder,
  o: WorkerOptions & typeof DEFAULTS,
  token: string,
  jobs: ClaimedJob[],
): Promise<BatchResult> {
  const result: BatchResult = { claimed: jobs.length, done: 0, failed: 0, requeued: 0, embedded: 0 };

  // Claimed again after crashing workers too often: give up on it rather than crash forever.
  const abandoned = jobs.filter((j) => j.attempts > o.maxAttempts);
  await markFailed(
    db,
    token,
    abandoned.map((j) => j.id),
    `abandoned: claimed ${o.maxAttempts} times without finishing (worker crash or timeout)`,
    o,
  );
  const live = jobs.filter((j) => j.attempts <= o.maxAttempts);

  const { sources, stored } = await loadSources(db, live, embedder.model, o.chunk);
  const plans: Plan[] = live.map((job) => {
    const source = sources.get(key(job.sourceType, job.sourceId)) ?? null;
    const todo = (source?.chunks ?? []).flatMap((c, i) => (stored.get(`${key(job.sourceType, job.sourceId)}:${i}`) === sha(c) ? [] : [i]));
    return { job, source, vectors: new Map(), todo };
  });
  result.embedded = await embedPlans(embedder, plans);
  const failed = plans.filter((p) => p.error);
  for (const p of failed) {
    logger('embedding-worker').warn(
      { job: p.job.id, source: key(p.job.sourceType, p.job.sourceId), attempt: p.job.attempts, err: p.error },
      'embedding failed',
    );
  }
  for (const msg of new Set(failed.map((p) => p.error!))) {
    await markFailed(
      db,
      token,
      failed.filter((p) => p.error === msg).map((p) => p.job.id),
      msg,
      o,
    );
  }
  if (o.ensureIndex !== false && plans.some((p) => p.vectors.size))
    await ensureModelIndex(db, { model: embedder.model, dims: embedder.dimensions });
  const finished = await finish(
    db,
    embedder,
    token,
    plans.filter((p) => !p.error),
    o.chunk,
  );
  return { ...result, done: finished.done, requeued: finished.requeued, failed: failed.length + abandoned.length };
}

export interface DrainProgress {
  processed: number;
  failed: number;
}

/**
 * Processes batches until no job is due (jobs waiting for a retry backoff are left for later).
 * Stops early when `signal` aborts.
 */
export async function drainEmbeddingQueue(
  db: DbOrTx,
  embedder: Embedder,
  opts: WorkerOptions & { signal?: AbortSignal; onProgress?: (p: DrainProgress) => void } = {},
): Promise<DrainProgress> {
  const progress: DrainProgress = { processed: 0, failed: 0 };
  while (!opts.signal?.aborted) {
    const r = await processEmbeddingBatch(db, embedder, opts);
    if (!r.claimed) break;
    progress.processed += r.done;
    progress.failed += r.failed;
    opts.onProgress?.({ ...progress });
  }
  return progress;
}

/**
 * Runs the worker in the background (for `serve`): drains the queue, sleeps `intervalMs`, again.
 * Database or embedder outages are logged and retried; returns a function that stops it and
 * resolves when the current batch has finished. `onProgress` is called after each batch, with
 * counts cumulative within one drain of the queue.
 */
export function startEmbeddingWorker(
  database: Pick<Database, 'db'>,
  embedder: Embedder,
  opts: WorkerOptions & { intervalMs?: number; signal?: AbortSignal; onProgress?: (p: DrainProgress) => void } = {},
): () => Promise<void> {
  const log = logger('embedding-worker');
  const stop = new AbortController();
  opts.signal?.addEventListener('abort', () => stop.abort(), { once: true });
  const workerId = opts.workerId ?? newWorkerId();
  const interval = opts.intervalMs ?? 2000;
  // Each sleep removes its abort listener when it ends: leaving them (one per cycle) tripped
  // MaxListenersExceededWarning ~20 s after every start.
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(t);
        stop.signal.removeEventListener('abort', wake);
        resolve();
      };
      const t = setTimeout(wake, ms);
      stop.signal.addEventListener('abort', wake, { once: true });
    });
  const loop = (async () => {
    let lastPrune = 0;
    let errors = 0;
    while (!stop.signal.aborted) {
      try {
        const p = await drainEmbeddingQueue(database.db, embedder, { ...opts, workerId, signal: stop.signal });
        if (p.processed || p.failed) log.debug({ ...p }, 'embedded queued texts');
        if (Date.now() - lastPrune > 3600_000) {
          lastPrune = Date.now();
          await pruneDoneJobs(database.db, 7 * 24 * 3600_000);
        }
        errors = 0;
      } catch (err) {
        errors++;
        log.error({ err: (err as Error).message }, 'embedding worker batch failed; retrying');
      }
      await sleep(Math.min(interval * 2 ** errors, 60_000));
    }
  })();
  return async () => {
    stop.abort();
    await loop;
  };
}
