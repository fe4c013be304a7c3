/**
 * Run as a separate process by restart.test.ts: opens the same data folder, builds a fresh
 * runner, finds the thread's pending approval and approves it. Prints the result as JSON.
 */
import { testConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import { actorForHandle } from '../../src/crm/access/actor.js';
import { scriptedRunner } from './agent-helpers.js';

const [dataDir, threadId, handle] = process.argv.slice(2) as [string, string, string];
const database = await openDatabase(testConfig({ CRM_DATA_DIR: dataDir }));
try {
  const { runner } = scriptedRunner(database, [{ text: 'Saved after the restart.' }]);
  const actor = await actorForHandle(database.db, handle);
  const pending = await runner.pending(threadId);
  const result = pending
    ? await runner.resume({ threadId, actor, channel: 'cli', decision: { toolCallId: pending.toolCallId, decision: 'approve' } })
    : null;
  process.stdout.write(JSON.stringify({ pending, result }));
} finally {
  await database.close();
}
