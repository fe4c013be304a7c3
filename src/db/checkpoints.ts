/**
 * Conversation checkpoints (LangGraph's `PostgresSaver`) on the product's own database, in a
 * schema of their own so drizzle's diff and the schema-agreement test never see them.
 *
 * `PostgresSaver.setup()` takes no lock (two processes running it together fail with 23505), so
 * the migrator runs it inside its locked transaction, on its own connection. The saver is given
 * the product's pool; never call `saver.end()`: it ends that pool.
 */
import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import type pg from 'pg';

export const CHECKPOINT_SCHEMA = 'agent_checkpoints';

/** The checkpointer over the product's pool. */
export function createCheckpointer(pool: pg.Pool): PostgresSaver {
  return new PostgresSaver(pool, undefined, { schema: CHECKPOINT_SCHEMA });
}

/**
 * Creates or upgrades the checkpoint tables with `client`, inside the caller's transaction.
 * The version table is created first: the saver probes it with a select whose "no such table"
 * error would abort the transaction.
 */
export async function setupCheckpointTables(client: pg.PoolClient): Promise<void> {
  await client.query(`create schema if not exists "${CHECKPOINT_SCHEMA}"`);
  await client.query(`create table if not exists "${CHECKPOINT_SCHEMA}".checkpoint_migrations (v integer primary key)`);
  // The saver asks its "pool" for a client; hand it ours, and keep it (release is ours to do).
  const lent = { query: (text: string, values?: unknown[]) => client.query(text, values), release: () => undefined };
  const borrowed = { connect: async () => lent };
  await new PostgresSaver(borrowed as unknown as pg.Pool, undefined, { schema: CHECKPOINT_SCHEMA }).setup();
}
