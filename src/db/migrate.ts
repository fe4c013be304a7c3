/**
 * Applies the SQL files in migrations/ in name order, each in its own transaction, and records
 * them in `crm_migrations` with a checksum. Idempotent; an advisory lock keeps two servers
 * starting together from both migrating. Checks for pgvector first and says how to get it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { AppError } from '../errors.js';
import { logger } from '../log.js';
import { MIGRATIONS_DIR } from '../paths.js';
import { setupCheckpointTables } from './checkpoints.js';
import { withoutTimeouts } from './timeouts.js';

const LOCK_KEY = 724_193_001;

export interface MigrationResult {
  applied: string[];
  skipped: string[];
}

const PGVECTOR_HELP =
  'The Postgres server has no pgvector extension. Install pgvector 0.7 or newer on it ' +
  '(Debian/Ubuntu with the PGDG repository: apt install postgresql-<version>-pgvector; macOS: brew install pgvector; ' +
  'Supabase/Neon/RDS: enable the "vector" extension in the dashboard), then start again. ' +
  'Or unset DATABASE_URL to use the embedded database, which includes pgvector.';

/** Fails with install instructions when the server cannot provide pgvector; creates it otherwise. */
export async function ensureExtensions(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ default_version: string; installed_version: string | null }>(
    "select default_version, installed_version from pg_available_extensions where name = 'vector'",
  );
  if (rows.length === 0) throw new AppError('UNAVAILABLE', PGVECTOR_HELP);
  if (!rows[0]?.installed_version) await client.query('create extension if not exists vector');
}

export function listMigrations(dir = MIGRATIONS_DIR): { name: string; sql: string; checksum: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export async function migrate(pool: pg.Pool, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  const client = await pool.connect();
  try {
    // An index build, or waiting for another server's migration, may rightly outlast the timeouts.
    return await withoutTimeouts(client, () => migrateWith(client, dir));
  } finally {
    client.release();
  }
}

async function migrateWith(client: pg.PoolClient, dir: string): Promise<MigrationResult> {
  const log = logger('migrate');
  const result: MigrationResult = { applied: [], skipped: [] };
  await client.query('select pg_advisory_lock($1)', [LOCK_KEY]);
  try {
    await ensureExtensions(client);
    await client.query(
      'create table if not exists crm_migrations (name text primary key, checksum text not null, applied_at timestamptz not null default now())',
    );
    for (const m of listMigrations(dir)) {
      // Check and apply in one transaction holding a table lock: on a server the lock makes a
      // second migrator wait; on PGlite (one backend session shared by every connection, where
      // advisory locks do not exclude) the socket server runs whole transactions one at a time.
      await client.query('begin');
      try {
        await client.query('lock table crm_migrations in share row exclusive mode');
        const prior = (await client.query<{ checksum: string }>('select checksum from crm_migrations where name = $1', [m.name])).rows[0]
          ?.checksum;
        if (prior) {
          await client.query('commit');
          if (prior !== m.checksum) {
            throw new AppError('CONFLICT', `Migration ${m.name} was changed after it was applied.`, {
              hint: 'Never edit an applied migration; add a new one instead.',
            });
          }
          result.skipped.push(m.name);
          continue;
        }
        await client.query(m.sql);
        await client.query('insert into crm_migrations (name, checksum) values ($1, $2)', [m.name, m.checksum]);
        await client.query('commit');
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        if (err instanceof AppError) throw err;
        throw new AppError('INTERNAL', `Migration ${m.name} failed: ${(err as Error).message}`, { cause: err });
      }
      result.applied.push(m.name);
      log.info({ migration: m.name }, 'applied');
    }
    // The agent's checkpoint tables, under the same lock (their own setup takes none).
    await client.query('begin');
    try {
      await client.query('lock table crm_migrations in share row exclusive mode');
      await setupCheckpointTables(client);
      await client.query('commit');
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      throw new AppError('INTERNAL', `Setting up the agent's checkpoint tables failed: ${(err as Error).message}`, { cause: err });
    }
  } finally {
    await client.query('select pg_advisory_unlock($1)', [LOCK_KEY]);
  }
  return result;
}
