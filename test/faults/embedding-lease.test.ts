/**
 * The embedding worker's claim lease: a live worker renews it while its (slow) embedder works, so
 * another worker polling all along never takes its jobs over, and each text is embedded once.
 * (A dead worker's jobs being taken over after the lease: sigkill.test.ts.)
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { processEmbeddingBatch } from '../../src/crm/knowledge/embedding-worker.js';
import { leadNotes } from '../../src/db/schema/index.js';
import { fakeEmbedder } from '../embeddings/fake-embedder.js';
import { useDatabase } from '../helpers/db.js';
import { makeLead } from '../helpers/fixtures.js';

const getDb = useDatabase();
const LEASE_MS = 1500;

describe('embedding claim lease', () => {
  it("is renewed while a slow batch runs: a second worker never takes the live worker's jobs", async () => {
    const { db } = getDb();
    const lead = await makeLead(db);
    const bodies = Array.from({ length: 6 }, (_, i) => `lease text ${i} about a hail claim`);
    await db.insert(leadNotes).values(bodies.map((body) => ({ leadId: lead.id, clientId: lead.clientId, body })));

    // Worker A embeds for well over two leases; worker B polls for due jobs the whole time.
    const slow = fakeEmbedder();
    slow.before = () => new Promise((r) => setTimeout(r, LEASE_MS * 2.5));
    const other = fakeEmbedder();
    let aDone = false;
    const a = processEmbeddingBatch(db, slow, { leaseMs: LEASE_MS, workerId: 'a' }).finally(() => (aDone = true));
    let bClaimed = 0;
    while (!aDone) {
      await new Promise((r) => setTimeout(r, 100));
      bClaimed += (await processEmbeddingBatch(db, other, { leaseMs: LEASE_MS, workerId: 'b' })).claimed;
    }
    expect((await a).done).toBe(bodies.length);
    // Old code (no renewal): B took the jobs over after one lease and embedded them a second time.
    expect(bClaimed).toBe(0);
    expect(other.calls.flat()).toEqual([]);
    const jobs = await db.execute<{ status: string; attempts: number }>(
      sql`select status, attempts from embedding_jobs where source_type = 'note'`,
    );
    expect(jobs.rows.map((j) => [j.status, Number(j.attempts)])).toEqual(bodies.map(() => ['done', 1]));
  });
});
