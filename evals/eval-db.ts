/**
 * The starting data of every dialog, made cheap: one embedded database per run, migrated and
 * seeded with the demo book once; a copy of every table is kept in the schema `eval_base`, and
 * `reset()` puts every table and sequence back to that copy before each dialog (a few hundred
 * milliseconds, where opening a new database from a dump takes seconds). Triggers and foreign
 * keys are off during the restore (session_replication_role = replica), so no embedding job or
 * cascade fires; generated columns are recomputed by Postgres.
 */
import type pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.js';
import { MEMORY_DIR } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { seedDemoData } from '../src/seed/index.js';

/** The book every dialog starts from: fixed seed and "today", so ids and dates never move. */
export const EVAL_SEED = 20261101;
export const EVAL_ANCHOR_DATE = '2026-11-02';
export const EVAL_SCALE = 40;
const BASE = 'eval_base';
const SCHEMAS = ['public', 'agent_checkpoints'];

export interface EvalDb {
  database: Database;
  /** Puts the data back as seeded. */
  reset(): Promise<void>;
  /** Time to open, migrate, seed and keep the copy, ms. */
  setupMs: number;
  close(): Promise<void>;
}

interface TableCopy {
  schema: string;
  table: string;
  columns: string;
}

const q = (id: string) => `"${id.replace(/"/g, '""')}"`;

async function tablesOf(pool: pg.Pool): Promise<TableCopy[]> {
  const { rows } = await pool.query<{ s: string; t: string; cols: string[] }>(
    `select c.table_schema as s, c.table_name as t, array_agg(c.column_name::text order by c.ordinal_position) as cols
       from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema = any($1) and c.is_generated = 'NEVER'
      group by 1, 2 order by 1, 2`,
    [SCHEMAS],
  );
  return rows.map((r) => ({ schema: r.s, table: r.t, columns: r.cols.map(q).join(', ') }));
}

/** Opens a private in-memory database with the demo book, and keeps the copy `reset` restores. */
export async function openEvalDb(o: { scale?: number; anchorDate?: string } = {}): Promise<EvalDb> {
  const started = performance.now();
  const database = await openDatabase({ CRM_DATA_DIR: MEMORY_DIR, DATABASE_URL: undefined, DATABASE_POOL_MAX: 1 });
  const { pool } = database;
  try {
    await migrate(pool);
    await seedDemoData(database.db, pool, { scale: o.scale ?? EVAL_SCALE, seed: EVAL_SEED, anchorDate: o.anchorDate ?? EVAL_ANCHOR_DATE });
    const tables = await tablesOf(pool);
    const base = (t: TableCopy) => `${BASE}.${q(`${t.schema}__${t.table}`)}`;
    await pool.query(`create schema ${BASE}`);
    for (const t of tables) await pool.query(`create table ${base(t)} as select ${t.columns} from ${q(t.schema)}.${q(t.table)}`);
    const { rows: seqs } = await pool.query<{ s: string; n: string }>(
      `select schemaname as s, sequencename as n from pg_sequences where schemaname = any($1)`,
      [SCHEMAS],
    );
    const seqState = await Promise.all(
      seqs.map(async (x) => {
        const name = `${q(x.s)}.${q(x.n)}`;
        const { rows } = await pool.query<{ last_value: string; is_called: boolean }>(`select last_value, is_called from ${name}`);
        return `select setval('${name.replace(/'/g, "''")}', ${rows[0]!.last_value}, ${rows[0]!.is_called});`;
      }),
    );
    const restore = [
      'begin;',
      'set local session_replication_role = replica;',
      `truncate ${tables.map((t) => `${q(t.schema)}.${q(t.table)}`).join(', ')};`,
      ...tables.map(
        (t) => `insert into ${q(t.schema)}.${q(t.table)} (${t.columns}) overriding system value select ${t.columns} from ${base(t)};`,
      ),
      ...seqState,
      'commit;',
    ].join('\n');
    return {
      database,
      reset: async () => {
        await pool.query(restore);
      },
      setupMs: performance.now() - started,
      close: () => database.close(),
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
