/**
 * What every entrypoint opens: the configured database (migrated), and the dependencies tools
 * run with. One place, so `serve`, `mcp`, `chat` and `eval` run the same product.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { secretValues, type Config } from './config.js';
import { configureSecrets } from './crm/audit/scrub-secrets.js';
import { openDatabase, type Database } from './db/client.js';
import { MEMORY_DIR } from './db/embedded.js';
import { migrate } from './db/migrate.js';
import { isDatabaseEmpty, seedDemoData } from './seed/index.js';
import { logger } from './log.js';
import { toolServicesFromConfig } from './runtime-services.js';
import { openEmbedder } from './ai/embeddings/factory.js';
import { LOCAL_SIF_MODEL } from './ai/embeddings/local-sif.js';
import { sifCachePath } from './ai/embeddings/local-sif-cache.js';
import type { Embedder } from './crm/ports.js';
import { queueCounts } from './crm/knowledge/embedding-jobs.js';
import type { ToolServices, ToolSettings } from '../tools/define.js';
import type { ToolDeps } from '../tools/run-tool.js';

export interface Runtime {
  config: Config;
  database: Database;
  deps: ToolDeps;
  /** The configured embedding model (local by default), checked at start. */
  embedder: Embedder;
  /** Texts waiting for a vector when the runtime opened (the demo book's, on a first start). */
  pendingEmbeddings: number;
  close(): Promise<void>;
}

/**
 * Reports the slow work of a first start (creating the database, migrations, the demo seed, the
 * local embedder's cache) as it happens. Implementations write to stderr: stdout may be MCP's.
 */
export interface StartupProgress {
  /** A step begins; `done` ends it, with a short summary. */
  step(label: string): { done(summary?: string): void };
  /** A finished fact worth a line (e.g. migrations applied). */
  note(line: string): void;
}

export function toolSettings(config: Config): ToolSettings {
  return {
    agencyTimezone: config.CRM_AGENCY_TIMEZONE,
    businessHours: config.CRM_BUSINESS_HOURS,
    rrfK: config.CRM_RRF_K,
    bookPolicy: config.CRM_BOOK_POLICY,
    fusion: {
      method: config.CRM_SEARCH_FUSION,
      fulltextWeight: config.CRM_SEARCH_FULLTEXT_WEIGHT,
      minSimilarity: config.CRM_SEARCH_MIN_SIMILARITY,
    },
  };
}

export interface OpenOptions {
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** Seed demo data when the database is empty (default: config.CRM_SEED_ON_START, embedded only). */
  seedIfEmpty?: boolean;
  services?: ToolServices;
  progress?: StartupProgress;
}

export async function openRuntime(config: Config, opts: OpenOptions = {}): Promise<Runtime> {
  const log = logger('runtime');
  // Configured keys are scrubbed from everything stored or returned, whatever their format.
  configureSecrets(secretValues(config));
  const progress: StartupProgress = opts.progress ?? { step: () => ({ done: () => undefined }), note: () => undefined };
  const embeddedDir = config.DATABASE_URL || config.CRM_DATA_DIR === MEMORY_DIR ? null : config.CRM_DATA_DIR;
  // PGlite's first open of a folder runs initdb (seconds); later opens, or joining a running server, do not.
  const creating = embeddedDir !== null && !existsSync(path.join(embeddedDir, 'pgdata'));
  const opening = creating ? progress.step(`creating the embedded database in ${embeddedDir} (first start only)`) : null;
  const database = await openDatabase(config);
  opening?.done();
  let pendingEmbeddings = 0;
  try {
    if (opts.migrate ?? true) {
      const started = Date.now();
      const r = await migrate(database.pool);
      if (r.applied.length)
        progress.note(`applied ${r.applied.length} database migration(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    const seed = opts.seedIfEmpty ?? (config.CRM_SEED_ON_START && database.embedded);
    if (seed && (await isDatabaseEmpty(database.db))) {
      const seeding = progress.step('seeding the demo book (first start only)');
      const summary = await seedDemoData(database.db, database.pool, { settings: toolSettings(config) });
      seeding.done(`${summary.users} users, ${summary.leads} leads, ${summary.communications + summary.notes} notes and communications`);
      log.info({ ...summary }, 'seeded demo data on first start');
    }
    pendingEmbeddings = (await queueCounts(database.db)).pending;
  } catch (err) {
    await database.close();
    throw err;
  }
  let embedder: Embedder;
  try {
    const building =
      config.CRM_EMBEDDING_MODEL === LOCAL_SIF_MODEL && !existsSync(sifCachePath())
        ? progress.step('building the local embedder cache from the word vectors (once per install, ~10 s)')
        : null;
    // A hosted model that answers with another dimension than configured fails here, not later.
    embedder = await openEmbedder(config);
    await embedder.verify?.();
    building?.done();
  } catch (err) {
    await database.close();
    throw err;
  }
  const deps: ToolDeps = {
    db: database.db,
    settings: toolSettings(config),
    services: opts.services ?? toolServicesFromConfig(config, { embedder }),
    auditPayloads: config.CRM_AUDIT_PAYLOADS,
  };
  return { config, database, deps, embedder, pendingEmbeddings, close: () => database.close() };
}
