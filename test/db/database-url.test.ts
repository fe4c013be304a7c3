/**
 * The same code path against a Postgres server reached through DATABASE_URL. The "server" here is
 * a PGlite instance served over the wire protocol by pglite-socket, started by the test.
 */
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { hardenQueryQueue } from '../../src/db/socket-queue.js';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { openRuntime } from '../../src/runtime.js';
import { actorForHandle } from '../../src/crm/access/actor.js';
import { findTool } from '../../tools/index.js';
import { runTool } from '../../tools/run-tool.js';

async function startServer(withVector: boolean) {
  const db = await PGlite.create(withVector ? { extensions: { vector } } : {});
  const server = hardenQueryQueue(new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 8 }));
  await server.start();
  const url = `postgres://postgres:secret@${server.getServerConn()}/postgres`;
  return { url, stop: async () => (await server.stop(), await db.close()) };
}

describe('DATABASE_URL', () => {
  it('migrates, seeds and serves tools through a Postgres server', async () => {
    const server = await startServer(true);
    try {
      const rt = await openRuntime(testConfig({ DATABASE_URL: server.url, DATABASE_POOL_MAX: '4' }), { seedIfEmpty: true });
      try {
        expect(rt.database.embedded).toBe(false);
        const again = await migrate(rt.database.pool);
        expect(again.applied).toEqual([]);
        const actor = await actorForHandle(rt.database.db, 'demo');
        const r = await runTool(rt.deps, findTool('search_leads')!, { limit: 2 }, { actor, channel: 'api' });
        expect(r.ok && (r.output.leads as unknown[]).length).toBe(2);
      } finally {
        await rt.close();
      }
    } finally {
      await server.stop();
    }
  });

  it('fails at start with install instructions when the server has no pgvector', async () => {
    const server = await startServer(false);
    try {
      const database = await openDatabase(testConfig({ DATABASE_URL: server.url }));
      try {
        await expect(migrate(database.pool)).rejects.toThrow(/pgvector.*install/i);
        const { rows } = await database.pool.query("select to_regclass('public.leads') as t");
        expect(rows[0].t).toBeNull();
      } finally {
        await database.close();
      }
    } finally {
      await server.stop();
    }
  });
});
