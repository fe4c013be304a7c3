/**
 * `crm-agent embed`: fills the vector index for the configured embedding model.
 * - backfill: queue every note, communication, ticket and AI exchange that has no vector of the
 *   current model, then embed until the queue is empty;
 * - reembed: delete the current model's vectors and embed everything again (after changing the
 *   model's configuration, or the local embedder's cache);
 * - neither: process what is queued (`once`), or keep running as a worker until `signal` aborts.
 * Other models' vectors are never touched: switching back and forth costs nothing.
 */
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { openEmbedder } from './ai/embeddings/factory.js';
import type { Embedder } from './crm/ports.js';
import { enqueueSources, queueCounts } from './crm/knowledge/embedding-jobs.js';
import { drainEmbeddingQueue, startEmbeddingWorker } from './crm/knowledge/embedding-worker.js';
import { dropModelIndex, ensureModelIndex } from './crm/knowledge/vector-index.js';
import { sql } from 'drizzle-orm';

export interface EmbedProgress {
  /** Jobs finished so far (embedded, or found deleted). */
  done: number;
  failed: number;
  /** Jobs queued when the run started (grows if writes queue more meanwhile). */
  total: number;
}

export interface EmbedCommandOptions {
  backfill?: boolean;
  reembed?: boolean;
  /** Without backfill/reembed: process the queue once and return (default true); false runs until `signal` aborts. */
  once?: boolean;
  signal?: AbortSignal;
  batchSize?: number;
  onProgress?: (p: EmbedProgress) => void;
  /** Use this provider instead of building one from `config` (tests, benchmarks). */
  embedder?: Embedder;
}

export interface EmbedSummary {
  model: string;
  dimensions: number;
  enqueued: number;
  /** Vectors of the model deleted by reembed. */
  deleted: number;
  processed: number;
  failed: number;
  /** Jobs left waiting for a retry (backoff) or failed for good. */
  pendingLeft: number;
  failedTotal: number;
  ms: number;
}

export async function runEmbedCommand(
  database: Pick<Database, 'db'>,
  config: Config,
  opts: EmbedCommandOptions = {},
): Promise<EmbedSummary> {
  const started = Date.now();
  const { db } = database;
  const embedder = opts.embedder ?? (await openEmbedder(config));
  await embedder.verify?.();
  const space = { model: embedder.model, dims: embedder.dimensions };
  let deleted = 0;
  let enqueued = 0;
  if (opts.reembed) {
    // Building the HNSW graph once at the end is much faster than inserting into it row by row.
    await dropModelIndex(db, embedder.model);
    deleted = (await db.execute(sql`delete from embeddings where model = ${embedder.model}`)).rowCount ?? 0;
    enqueued = await enqueueSources(db, embedder.model, { all: true });
  } else if (opts.backfill) {
    enqueued = await enqueueSources(db, embedder.model);
  }
  const counts = await queueCounts(db);
  const progress: EmbedProgress = { done: 0, failed: 0, total: counts.pending + counts.running };
  opts.onProgress?.({ ...progress });
  const onProgress = (p: { processed: number; failed: number }) => {
    progress.done = p.processed;
    progress.failed = p.failed;
    progress.total = Math.max(progress.total, p.processed + p.failed);
    opts.onProgress?.({ ...progress });
  };
  if (!opts.backfill && !opts.reembed && opts.once === false) {
    const stop = startEmbeddingWorker(database, embedder, {
      batchSize: opts.batchSize,
      leaseMs: config.CRM_EMBEDDING_LEASE_MS,
      signal: opts.signal,
    });
    await new Promise<void>((resolve) =>
      opts.signal?.aborted ? resolve() : opts.signal?.addEventListener('abort', () => resolve(), { once: true }),
    );
    await stop();
  } else {
    const r = await drainEmbeddingQueue(db, embedder, {
      batchSize: opts.batchSize ?? 64,
      leaseMs: config.CRM_EMBEDDING_LEASE_MS,
      signal: opts.signal,
      onProgress,
      ensureIndex: !opts.reembed,
    });
    onProgress(r);
  }
  await ensureModelIndex(db, space);
  const after = await queueCounts(db);
  return {
    model: embedder.model,
    dimensions: embedder.dimensions,
    enqueued,
    deleted,
    processed: progress.done,
    failed: progress.failed,
    pendingLeft: after.pending,
    failedTotal: after.failed,
    ms: Date.now() - started,
  };
}
