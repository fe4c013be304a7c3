/** A fresh embedded Postgres with migrations applied, one per test file. */
import { afterAll, beforeAll } from 'vitest';
import { testConfig } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';

export async function freshDatabase(): Promise<Database> {
  const database = await openDatabase(testConfig());
  await migrate(database.pool);
  return database;
}

/** Registers before/after hooks and returns a getter for this file's database. */
export function useDatabase(): () => Database {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });
  return () => {
    if (!database) throw new Error('database not ready (use inside tests)');
    return database;
  };
}
