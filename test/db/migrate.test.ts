import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import { listMigrations, migrate } from '../../src/db/migrate.js';
import { hardenQueryQueue } from '../../src/db/socket-queue.js';

describe('migrations on a fresh embedded database', () => {
  it('apply once, then again with no change', async () => {
    const database = await openDatabase(testConfig());
    try {
      const first = await migrate(database.pool);
      expect(first.applied).toEqual(listMigrations().map((m) => m.name));
      const second = await migrate(database.pool);
      expect(second.applied).toEqual([]);
      expect(second.skipped).toEqual(first.applied);
      const { rows } = await database.pool.query("select extversion from pg_extension where extname = 'vector'");
      expect(rows).toHaveLength(1);
      const statuses = await database.pool.query('select code from lead_statuses order by sort_order');
      expect(statuses.rows.map((r) => r.code)).toContain('quoted');
    } finally {
      await database.close();
    }
  });
});

describe('two servers starting together', () => {
  it('migrate once: the second migrator waits and finds nothing to do', async () => {
    const { PGlite } = await import('@electric-sql/pglite');
    const { vector } = await import('@electric-sql/pglite-pgvector');
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    const pg = (await import('pg')).default;
    const db = await PGlite.create({ extensions: { vector } });
    const server = hardenQueryQueue(new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 }));
    await server.start();
    const url = `postgres://postgres@${server.getServerConn()}/postgres`;
    const a = new pg.Pool({ connectionString: url, max: 1 });
    const b = new pg.Pool({ connectionString: url, max: 1 });
    try {
      const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
      const all = listMigrations().map((m) => m.name);
      expect([...ra.applied, ...rb.applied].sort()).toEqual(all.sort());
      expect(ra.applied.length === 0 || rb.applied.length === 0).toBe(true);
      const { rows } = await a.query('select count(*)::int as n from crm_migrations');
      expect(rows[0].n).toBe(all.length);
    } finally {
      await a.end();
      await b.end();
      await server.stop();
      await db.close();
    }
  });
});
