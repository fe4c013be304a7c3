/**
 * A process for the SIGKILL tests (sigkill.test.ts) to kill: it opens an on-disk embedded database
 * and works until it is killed, telling its parent on stdout what has committed.
 *   writes <dir> <handle> <leadId>: add_note calls through runTool, each with its own
 *     idempotency key; prints `ok <i>` after call i committed.
 *   embed <dir>: the embedding worker in batches of 4 with a slow embedder, its lease from
 *     CRM_EMBEDDING_LEASE_MS; prints `batch` when a batch starts embedding (the parent kills it
 *     then, mid-batch).
 */
import { testConfig } from '../../src/config.js';
import { actorForHandle } from '../../src/crm/access/actor.js';
import { processEmbeddingBatch } from '../../src/crm/knowledge/embedding-worker.js';
import { openDatabase } from '../../src/db/client.js';
import { addNoteTool } from '../../tools/add-note.js';
import { runTool } from '../../tools/run-tool.js';
import { fakeEmbedder } from '../embeddings/fake-embedder.js';
import { toolDeps } from '../helpers/fixtures.js';

const [mode, dir, handle, leadId] = process.argv.slice(2);
const config = testConfig({ CRM_DATA_DIR: dir!, CRM_EMBEDDING_LEASE_MS: process.env.CRM_EMBEDDING_LEASE_MS ?? '60000' });
const database = await openDatabase(config);
const say = (line: string) => process.stdout.write(`${line}\n`);

if (mode === 'writes') {
  const actor = await actorForHandle(database.db, handle!);
  for (let i = 0; i < 100_000; i++) {
    const r = await runTool(
      toolDeps(database.db),
      addNoteTool,
      { leadId, body: `crash note ${i}` },
      { actor, channel: 'cli', idempotencyKey: `crash-${i}` },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    say(`ok ${i}`);
  }
} else if (mode === 'embed') {
  const embedder = fakeEmbedder();
  embedder.before = async () => {
    say('batch');
    await new Promise((r) => setTimeout(r, 400));
  };
  for (;;) {
    const r = await processEmbeddingBatch(database.db, embedder, {
      batchSize: 4,
      workerId: 'doomed',
      leaseMs: config.CRM_EMBEDDING_LEASE_MS,
    });
    if (!r.claimed) break;
  }
  say('drained');
}
await database.close();
