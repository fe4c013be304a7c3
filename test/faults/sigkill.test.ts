/**
 * The process is killed (SIGKILL, no cleanup) during writes and during the embedding worker's
 * batch, on an on-disk embedded database: the data folder opens again, nothing that committed is
 * lost, nothing is half-written, and no write or embedding job is done twice.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { actorForHandle } from '../../src/crm/access/actor.js';
import { startEmbeddingWorker } from '../../src/crm/knowledge/embedding-worker.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { leadNotes } from '../../src/db/schema/index.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { addNoteTool } from '../../tools/add-note.js';
import { runTool } from '../../tools/run-tool.js';
import { fakeEmbedder } from '../embeddings/fake-embedder.js';
import { makeLead, makeUser, toolDeps } from '../helpers/fixtures.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const open = (dir: string): Promise<Database> => openDatabase(testConfig({ CRM_DATA_DIR: dir }));
const rows = async <T>(db: Database, sql: string, params: unknown[] = []) => (await db.pool.query(sql, params)).rows as T[];

/** Runs crash-child.ts and SIGKILLs it once `killWhen` says so for a line it printed; resolves with the lines. */
function runAndKill(
  args: string[],
  killWhen: (line: string, seen: string[]) => boolean,
  env: Record<string, string> = {},
): Promise<{ lines: string[]; signal: string | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('test', 'faults', 'crash-child.ts'), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    if (killWhen(line, lines)) child.kill('SIGKILL');
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  return new Promise((resolve) =>
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ lines, signal });
    }),
  );
}

describe('SIGKILL', () => {
  it('during a stream of writes: the folder opens, every acknowledged write is there once with its audit row, a retry writes nothing twice', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-kill-'));
    dirs.push(dir);
    let db = await open(dir);
    await migrate(db.pool);
    const user = await makeUser(db.db);
    const lead = await makeLead(db.db);
    await db.close();

    const { lines, signal } = await runAndKill(['writes', dir, user.handle, lead.id], (_l, seen) => seen.length === 40);
    expect(signal).toBe('SIGKILL');
    const acked = lines.filter((l) => l.startsWith('ok ')).map((l) => Number(l.slice(3)));
    expect(acked.length).toBeGreaterThanOrEqual(40);

    db = await open(dir);
    try {
      const notes = await rows<{ body: string; n: number }>(
        db,
        'select body, count(*)::int as n from lead_notes where lead_id = $1 group by body',
        [lead.id],
      );
      const bodies = new Map(notes.map((r) => [r.body, r.n]));
      // Every acknowledged write survived, once; at most the one in flight committed unacknowledged.
      for (const i of acked) expect(bodies.get(`crash note ${i}`), `note ${i}`).toBe(1);
      expect(notes.length - acked.length).toBeGreaterThanOrEqual(0);
      expect(notes.length - acked.length).toBeLessThanOrEqual(1);
      expect(notes.every((r) => r.n === 1)).toBe(true);
      // Each committed note has exactly one successful audit row (they commit together).
      const audits = await rows<{ n: number }>(
        db,
        "select count(*)::int as n from ai_interactions where tool_name = 'add_note' and error_code is null and user_id = $1",
        [user.id],
      );
      expect(audits[0]!.n).toBe(notes.length);

      // The client retries everything it did not see acknowledged, with the same keys: nothing twice.
      const actor = await actorForHandle(db.db, user.handle);
      const last = Math.max(...acked);
      for (let i = last - 2; i <= last + 2; i++) {
        const r = await runTool(
          toolDeps(db.db),
          addNoteTool,
          { leadId: lead.id, body: `crash note ${i}` },
          { actor, channel: 'cli', idempotencyKey: `crash-${i}` },
        );
        expect(r.ok).toBe(true);
      }
      const after = await rows<{ body: string; n: number }>(
        db,
        'select body, count(*)::int as n from lead_notes where lead_id = $1 group by body',
        [lead.id],
      );
      expect(after.every((r) => r.n === 1)).toBe(true);
      expect(after.length).toBe(last + 3);
    } finally {
      await db.close();
    }
  }, 180_000);

  it('during an embedding batch: the folder opens, no job is lost, none done twice, every text has its vector once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-kill-'));
    dirs.push(dir);
    let db = await open(dir);
    await migrate(db.pool);
    const lead = await makeLead(db.db);
    const N = 24;
    await db.db.insert(leadNotes).values(
      Array.from({ length: N }, (_, i) => ({
        leadId: lead.id,
        clientId: lead.clientId,
        body: `embedding crash text ${i} about flood cover`,
      })),
    );
    await db.close();

    // Killed while its third batch is being embedded: two batches (8 jobs) committed before. Its
    // claims carry a short lease (a config knob, 60 s by default) so the takeover below is quick.
    const lease = testConfig({ CRM_EMBEDDING_LEASE_MS: '1500' }).CRM_EMBEDDING_LEASE_MS;
    const { lines, signal } = await runAndKill(['embed', dir], (_l, seen) => seen.filter((x) => x === 'batch').length === 3, {
      CRM_EMBEDDING_LEASE_MS: String(lease),
    });
    expect(signal).toBe('SIGKILL');
    expect(lines).not.toContain('drained');

    db = await open(dir);
    try {
      const jobs = async () =>
        rows<{ source_id: string; status: string; attempts: number }>(
          db,
          "select source_id, status, attempts from embedding_jobs where source_type = 'note'",
        );
      const before = await jobs();
      expect(before).toHaveLength(N);
      const doneBefore = new Set(before.filter((j) => j.status === 'done').map((j) => j.source_id));
      expect(doneBefore.size).toBe(8);
      // The killed batch's jobs are still claimed by the dead worker, not lost.
      expect(before.filter((j) => j.status === 'running')).toHaveLength(4);

      // The serving process's worker takes them over once the dead worker's lease has run out (old
      // code: after 10 minutes, so they were still running when this poll gave up) and finishes the queue.
      const embedder = fakeEmbedder();
      const stop = startEmbeddingWorker(db, embedder, { leaseMs: lease, intervalMs: 100, batchSize: 8 });
      let after = await jobs();
      try {
        for (let i = 0; i < 100 && !after.every((j) => j.status === 'done'); i++) {
          await new Promise((r) => setTimeout(r, 200));
          after = await jobs();
        }
      } finally {
        await stop();
      }
      expect(after.filter((j) => j.status !== 'done')).toEqual([]);
      // Each of the killed batch's jobs was claimed twice (the dead worker, then the new one), no more.
      expect(after.filter((j) => j.attempts > 1).length).toBe(4);
      expect(after.every((j) => j.attempts <= 2)).toBe(true);
      const bodiesOfDone = await rows<{ body: string }>(db, 'select body from lead_notes where id = any($1::uuid[])', [[...doneBefore]]);
      const reEmbedded = embedder.calls.flat();
      for (const b of bodiesOfDone) expect(reEmbedded, 'a finished job was embedded again').not.toContain(b.body);
      expect(reEmbedded).toHaveLength(N - 8);
      const vectors = await rows<{ source_id: string; n: number }>(
        db,
        "select source_id, count(*)::int as n from embeddings where source_type = 'note' group by source_id",
      );
      expect(vectors).toHaveLength(N);
      expect(vectors.every((v) => v.n === 1)).toBe(true);
    } finally {
      await db.close();
    }
  }, 180_000);
});
