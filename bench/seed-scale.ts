/**
 * Seeds the embedded database and reports time and size.
 *   npx tsc -p . && node dist/bench/seed-scale.js [leads] [dataDir] [--anchor-date YYYY-MM-DD]
 * leads defaults to the demo book (120); dataDir defaults to a fresh temp folder (deleted after);
 * the anchor date defaults to today (pass one to compare runs on identical books).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { seedDemoData } from '../src/seed/index.js';
import { configureLogger } from '../src/log.js';

configureLogger(process.env.LOG_LEVEL ?? 'warn');

const args = process.argv.slice(2);
const flag = args.indexOf('--anchor-date');
const anchorDate = flag >= 0 ? args.splice(flag, 2)[1] : undefined;
const leads = args[0] ? Number(args[0]) : undefined;
const given = args[1];
const dir = given ?? mkdtempSync(path.join(os.tmpdir(), 'crm-seed-bench-'));
const database = await openDatabase(testConfig({ CRM_DATA_DIR: dir }));
try {
  await migrate(database.pool);
  let lastPrint = 0;
  const summary = await seedDemoData(database.db, database.pool, {
    scale: leads,
    reset: true,
    anchorDate,
    onProgress: (done, total, phase) => {
      const now = Date.now();
      if (now - lastPrint > 5000 || done === total) {
        lastPrint = now;
        console.error(`${phase} ${done}/${total}`);
      }
    },
  });
  const { rows } = await database.pool.query<{ bytes: string; jobs: string }>(
    'select pg_database_size(current_database())::text as bytes, (select count(*) from embedding_jobs)::text as jobs',
  );
  const bytes = Number(rows[0]!.bytes);
  const activity = summary.notes + summary.communications;
  console.log(
    JSON.stringify(
      {
        ...summary,
        activity,
        embeddingJobs: Number(rows[0]!.jobs),
        dbBytes: bytes,
        dbMiB: Math.round(bytes / 1048576),
        rowsPerSecond: Math.round(activity / (summary.ms / 1000)),
      },
      null,
      2,
    ),
  );
} finally {
  await database.close();
  if (!given) rmSync(dir, { recursive: true, force: true });
}
