/**
 * What every entrypoint opens: the configured database (migrated), and the dependencies tools
 * run with. One place, so `serve`, `mcp`, `chat` and `eval` run the same product.
 */
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { migrate } from './db/migrate.js';
import { isDatabaseEmpty, seedDemoData } from './db/seed/index.js';
import { logger } from './log.js';
import { toolServicesFromConfig } from './runtime-services.js';
import { openEmbedder } from './ai/embeddings/factory.js';
import type { EmbeddingProvider } from './ai/embeddings/types.js';
import type { ToolServices, ToolSettings } from '../tools/define.js';
import type { ToolDeps } from '../tools/run-tool.js';

export interface Runtime {
  config: Config;
  database: Database;
  deps: ToolDeps;
  /** The configured embedding model (local by default), checked at start. */
  embedder: EmbeddingProvider;
  close(): Promise<void>;
}

export function toolSettings(config: Config): ToolSettings {
  const [start, end] = config.CRM_BUSINESS_HOURS.split('-').map(Number) as [number, number];
  return { agencyTimezone: config.CRM_AGENCY_TIMEZONE, businessHours: [start, end], rrfK: config.CRM_RRF_K };
}

export interface OpenOptions {
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** Seed demo data when the database is empty (default: config.CRM_SEED_ON_START, embedded only). */
  seedIfEmpty?: boolean;
  services?: ToolServices;
}

export async function openRuntime(config: Config, opts: OpenOptions = {}): Promise<Runtime> {
  const log = logger('runtime');
  const database = await openDatabase(config);
  try {
    if (opts.migrate ?? true) await migrate(database.pool);
    const seed = opts.seedIfEmpty ?? (config.CRM_SEED_ON_START && database.embedded);
    if (seed && (await isDatabaseEmpty(database.db))) {
      const summary = await seedDemoData(database.db, database.pool, { settings: toolSettings(config) });
      log.info({ ...summary }, 'seeded demo data on first start');
    }
  } catch (err) {
    await database.close();
    throw err;
  }
  let embedder: EmbeddingProvider;
  try {
    // A hosted model that answers with another dimension than configured fails here, not later.
    embedder = await openEmbedder(config);
    await embedder.verify?.();
  } catch (err) {
    await database.close();
    throw err;
  }
  const deps: ToolDeps = { db: database.db, settings: toolSettings(config), services: opts.services ?? toolServicesFromConfig(config, { embedder }) };
  return { config, database, deps, embedder, close: () => database.close() };
}
