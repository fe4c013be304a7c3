/**
 * The drizzle schema (what the code believes) and the SQL migrations (what the database has)
 * must agree: same tables, columns, nullability, indexes and checks.
 */
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../src/db/schema/index.js';
import { useDatabase } from '../helpers/db.js';

const database = useDatabase();
const tables = Object.values(schema as Record<string, unknown>).filter((v): v is PgTable => v instanceof PgTable);

describe('drizzle schema and SQL migrations', () => {
  it('have the same tables', async () => {
    const { rows } = await database().pool.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'crm_migrations'",
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual(tables.map((t) => getTableConfig(t).name).sort());
  });

  for (const table of tables) {
    const cfg = getTableConfig(table);
    it(`${cfg.name}: same columns, nullability, defaults presence, indexes and checks`, async () => {
      const { pool } = database();
      const cols = await pool.query<{ column_name: string; is_nullable: string; has_default: boolean; udt_name: string }>(
        `select column_name, is_nullable, (column_default is not null or is_generated = 'ALWAYS' or is_identity = 'YES') as has_default, udt_name
           from information_schema.columns where table_schema = 'public' and table_name = $1`,
        [cfg.name],
      );
      const actual = Object.fromEntries(
        cols.rows.map((c) => [c.column_name, { nullable: c.is_nullable === 'YES', hasDefault: c.has_default }]),
      );
      const expected = Object.fromEntries(
        cfg.columns.map((c) => [
          c.name,
          {
            nullable: !c.notNull,
            hasDefault: c.hasDefault || c.generated !== undefined || c.columnType === 'PgSerial' || c.columnType === 'PgBigSerial53',
          },
        ]),
      );
      expect(actual).toEqual(expected);

      const idx = await pool.query<{ indexname: string }>(
        "select indexname from pg_indexes where schemaname = 'public' and tablename = $1",
        [cfg.name],
      );
      const names = new Set(idx.rows.map((r) => r.indexname));
      for (const i of cfg.indexes) expect(names, `index ${i.config.name}`).toContain(i.config.name);

      const checks = await pool.query<{ conname: string }>(
        "select conname from pg_constraint where conrelid = $1::regclass and contype = 'c'",
        [cfg.name],
      );
      expect(checks.rows.map((r) => r.conname).sort()).toEqual(cfg.checks.map((c) => c.name).sort());

      const fks = await pool.query<{ n: number }>(
        "select count(*)::int as n from pg_constraint where conrelid = $1::regclass and contype = 'f'",
        [cfg.name],
      );
      expect(fks.rows[0]!.n).toBe(cfg.foreignKeys.length);
    });
  }

  it('has the hand-written parts: pgvector, full-text indexes, triggers and reference data', async () => {
    const { pool } = database();
    const gin = await pool.query("select indexname from pg_indexes where indexdef ilike '%using gin (search_vector)%'");
    expect(gin.rows.map((r) => r.indexname).sort()).toEqual([
      'lead_communications_search_gin',
      'lead_notes_search_gin',
      'support_tickets_search_gin',
    ]);
    const triggers = await pool.query("select tgname from pg_trigger where tgname like '%enqueue_embedding'");
    expect(triggers.rows).toHaveLength(4);
    const lines = await pool.query('select count(*)::int as n from insurance_types');
    expect(lines.rows[0].n).toBeGreaterThanOrEqual(10);
  });
});
