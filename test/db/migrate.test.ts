import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import { listMigrations, migrate } from '../../src/db/migrate.js';

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
