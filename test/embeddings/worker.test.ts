import { drizzle } from 'drizzle-orm/node-postgres';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { embeddingJobs, embeddings, leadNotes } from '../../src/db/schema/index.js';
import * as schema from '../../src/db/schema/index.js';
import { claimJobs, lockOwnedJobs } from '../../src/crm/knowledge/embedding-jobs.js';
import { drainEmbeddingQueue, processEmbeddingBatch } from '../../src/crm/knowledge/embedding-worker.js';
import { chunkText } from '../../src/crm/knowledge/chunking.js';
import { useDatabase } from '../helpers/db.js';
import { makeLead } from '../helpers/fixtures.js';
import { fakeEmbedder } from './fake-embedder.js';

const getDb = useDatabase();

async function addNotes(n: number, body = (i: number) => `Note number ${i} about the roof and the auto policy.`) {
  const { db } = getDb();
  const lead = await makeLead(db);
  const rows = await db
    .insert(leadNotes)
    .values(Array.from({ length: n }, (_, i) => ({ leadId: lead.id, clientId: lead.clientId, body: body(i) })))
    .returning({ id: leadNotes.id });
  return { lead, ids: rows.map((r) => r.id) };
}

async function jobOf(sourceId: string) {
  const rows = await getDb().db.select().from(embeddingJobs).where(eq(embeddingJobs.sourceId, sourceId));
  return rows.at(-1)!;
}

async function clearQueue() {
  await getDb().db.execute(sql`delete from embedding_jobs`);
}

describe('embedding worker', () => {
  it('processes every job exactly once with two concurrent workers on two connections', async () => {
    await clearQueue();
    const { ids } = await addNotes(40);
    const other = new pg.Pool({ connectionString: getDb().url, max: 1 });
    try {
      const dbB = drizzle(other, { schema });
      const e = fakeEmbedder();
      // Yield during the "model call" so the workers interleave.
      e.before = () => new Promise((r) => setTimeout(r, 5));
      const [a, b] = await Promise.all([
        drainEmbeddingQueue(getDb().db, e, { workerId: 'A', batchSize: 4 }),
        drainEmbeddingQueue(dbB, e, { workerId: 'B', batchSize: 4 }),
      ]);
      const embedded = e.calls.flat();
      expect(embedded).toHaveLength(40);
      expect(new Set(embedded).size).toBe(40);
      const counts = await getDb().db.execute<{ n: number; sources: number }>(
        sql`select count(*)::int as n, count(distinct source_id)::int as sources from embeddings where source_id = any(${sql.param(ids)}::uuid[])`,
      );
      expect(counts.rows[0]).toEqual({ n: 40, sources: 40 });
      const statuses = await getDb().db.execute<{ status: string; locked: string | null }>(
        sql`select status, locked_by as locked from embedding_jobs where source_id = any(${sql.param(ids)}::uuid[])`,
      );
      expect(statuses.rows.every((r) => r.status === 'done' && r.locked === null)).toBe(true);
      // Both workers took part (the claims interleaved), and between them finished every job once.
      expect(a.processed).toBeGreaterThan(0);
      expect(b.processed).toBeGreaterThan(0);
      expect(a.processed + b.processed).toBe(40);
    } finally {
      await other.end();
    }
  });

  it('reclaims the job of a crashed worker, and the crashed worker can no longer finish it', async () => {
    await clearQueue();
    const { db } = getDb();
    const { ids } = await addNotes(1);
    const [claimed] = await claimJobs(db, 'dead-worker#1', 10, 600_000);
    expect(claimed?.sourceId).toBe(ids[0]);
    // Not stale yet: another worker leaves it alone.
    const e = fakeEmbedder();
    expect((await processEmbeddingBatch(db, e, { leaseMs: 600_000 })).claimed).toBe(0);
    // Its lease ran out (the dead worker stopped renewing it).
    await db.execute(
      sql`update embedding_jobs set locked_at = now() - interval '1 hour', run_after = now() - interval '1 second' where id = ${claimed!.id}`,
    );
    const r = await processEmbeddingBatch(db, e, { leaseMs: 600_000 });
    expect(r).toMatchObject({ claimed: 1, done: 1 });
    const job = await jobOf(ids[0]!);
    expect(job).toMatchObject({ status: 'done', attempts: 2, lockedBy: null });
    expect(await lockOwnedJobs(db, 'dead-worker#1', [claimed!.id])).toEqual(new Set());
    expect(await db.select().from(embeddings).where(eq(embeddings.sourceId, ids[0]!))).toHaveLength(1);
  });

  it('retries a failing embedder with backoff, then marks the job failed with the error', async () => {
    await clearQueue();
    const { db } = getDb();
    const { ids } = await addNotes(1);
    const e = fakeEmbedder();
    e.before = () => {
      throw new Error('embedding server said 503');
    };
    const r1 = await processEmbeddingBatch(db, e, { maxAttempts: 3, backoffBaseMs: 60_000 });
    expect(r1).toMatchObject({ claimed: 1, failed: 1, done: 0 });
    let job = await jobOf(ids[0]!);
    expect(job).toMatchObject({ status: 'pending', attempts: 1, lastError: 'embedding server said 503' });
    expect(job.runAfter.getTime()).toBeGreaterThan(Date.now() + 30_000);
    // Backing off: not due.
    expect((await processEmbeddingBatch(db, e, { maxAttempts: 3 })).claimed).toBe(0);
    for (let i = 0; i < 2; i++) {
      await db.execute(sql`update embedding_jobs set run_after = now() where id = ${job.id}`);
      await processEmbeddingBatch(db, e, { maxAttempts: 3, backoffBaseMs: 60_000 });
    }
    job = await jobOf(ids[0]!);
    expect(job).toMatchObject({ status: 'failed', attempts: 3, lastError: 'embedding server said 503', lockedBy: null });
  });

  it('isolates one failing text in a batch: the others are embedded', async () => {
    await clearQueue();
    const { db } = getDb();
    const { ids } = await addNotes(3, (i) => (i === 1 ? 'poison text' : `fine text ${i}`));
    const e = fakeEmbedder();
    e.before = (texts) => {
      if (texts.includes('poison text')) throw new Error('the model rejected the input');
    };
    const r = await processEmbeddingBatch(db, e, { backoffBaseMs: 60_000 });
    expect(r).toMatchObject({ claimed: 3, done: 2, failed: 1 });
    expect((await jobOf(ids[1]!)).status).toBe('pending');
    expect((await jobOf(ids[0]!)).status).toBe('done');
  });

  it('marks the job of a deleted source done and drops its vectors', async () => {
    await clearQueue();
    const { db } = getDb();
    const { ids } = await addNotes(1);
    const e = fakeEmbedder();
    await drainEmbeddingQueue(db, e);
    expect(await db.select().from(embeddings).where(eq(embeddings.sourceId, ids[0]!))).toHaveLength(1);
    // An edit queues a job; the note is deleted before the worker gets to it.
    await db.update(leadNotes).set({ body: 'edited' }).where(eq(leadNotes.id, ids[0]!));
    await db.delete(leadNotes).where(eq(leadNotes.id, ids[0]!));
    const r = await processEmbeddingBatch(db, e);
    expect(r).toMatchObject({ claimed: 1, done: 1, embedded: 0 });
    expect((await jobOf(ids[0]!)).status).toBe('done');
    expect(await db.select().from(embeddings).where(eq(embeddings.sourceId, ids[0]!))).toHaveLength(0);
  });

  it('queues again a text edited while it was being embedded, and ends with the new text', async () => {
    await clearQueue();
    const { db } = getDb();
    const { ids } = await addNotes(1, () => 'first version');
    const e = fakeEmbedder();
    let edited = false;
    e.before = async () => {
      if (edited) return;
      edited = true;
      await db.update(leadNotes).set({ body: 'second version' }).where(eq(leadNotes.id, ids[0]!));
    };
    const r = await processEmbeddingBatch(db, e);
    expect(r).toMatchObject({ claimed: 1, done: 0, requeued: 1 });
    await drainEmbeddingQueue(db, e);
    const rows = await db.select().from(embeddings).where(eq(embeddings.sourceId, ids[0]!));
    expect(rows.map((x) => x.content)).toEqual(['second version']);
  });

  it('chunks long texts, re-embeds only changed chunks, and drops chunks a shorter text no longer has', async () => {
    await clearQueue();
    const { db } = getDb();
    const sentence = (i: number) => `Sentence ${i} says the roof was inspected and the adjuster approved the claim for hail damage.`;
    const long = Array.from({ length: 30 }, (_, i) => sentence(i)).join(' ');
    const { ids } = await addNotes(1, () => long);
    const e = fakeEmbedder();
    await drainEmbeddingQueue(db, e);
    const chunks = chunkText(long);
    expect(chunks.length).toBeGreaterThan(2);
    let rows = await db.select().from(embeddings).where(eq(embeddings.sourceId, ids[0]!)).orderBy(embeddings.chunkIndex);
    expect(rows.map((r) => r.content)).toEqual(chunks);
    expect(rows.map((r) => r.chunkIndex)).toEqual(chunks.map((_, i) => i));
    // Appending a sentence changes only the last chunk.
    e.calls.length = 0;
    await db
      .update(leadNotes)
      .set({ body: `${long} One more sentence.` })
      .where(eq(leadNotes.id, ids[0]!));
    await drainEmbeddingQueue(db, e);
    expect(e.calls.flat()).toHaveLength(1);
    await db.update(leadNotes).set({ body: 'Short now.' }).where(eq(leadNotes.id, ids[0]!));
    await drainEmbeddingQueue(db, e);
    rows = await db.select().from(embeddings).where(eq(embeddings.sourceId, ids[0]!));
    expect(rows.map((r) => r.content)).toEqual(['Short now.']);
  });
});
