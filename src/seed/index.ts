/**
 * The demo-data seeder: a deterministic insurance book (same seed, same rows, ids included),
 * loaded in bulk over ONE connection (the embedded database is single-session).
 */
import { count } from 'drizzle-orm';
import type pg from 'pg';
import type { Db } from '../db/client.js';
import { clients, users } from '../db/schema/index.js';
import { ConflictError, ValidationError } from '../errors.js';
import { isValidTimeZone } from '../crm/time/zoned-time.js';
import { logger } from '../log.js';
import { insertRows, type TableKey } from './bulk.js';
import { generateBook } from './book.js';
import type { Batch, Lookups } from './book-types.js';
import { BookClock, isAnchorDate, localDateOf } from './clock.js';
import { DEFAULT_SEED_SETTINGS, type SeedSettings } from './follow-up-times.js';

export interface SeedOptions {
  /** Number of leads; default 120. About 10 notes and communications come with each lead. */
  scale?: number;
  /** Delete all CRM data (not migrations or lookups) first. */
  reset?: boolean;
  /** PRNG seed; default 20261101. */
  seed?: number;
  /**
   * The book's "today" (YYYY-MM-DD, a local date in the agency zone): history lies before it,
   * follow-ups and renewals after it. Default: the day of seeding. Same seed and anchor date,
   * same book; pass it where a test or benchmark needs fixed timestamps.
   */
  anchorDate?: string;
  /** Agency zone and business hours (CRM_AGENCY_TIMEZONE, CRM_BUSINESS_HOURS); default America/Chicago, 8-20. */
  settings?: SeedSettings;
  /** The clock the default anchor date is read from; default the system clock. */
  now?: Date;
  onProgress?: (done: number, total: number, phase: string) => void;
}

export interface SeedSummary {
  users: number;
  clients: number;
  contacts: number;
  leads: number;
  communications: number;
  notes: number;
  followUps: number;
  tickets: number;
  /** The anchor date the book was built around. */
  anchorDate: string;
  ms: number;
}

export const DEFAULT_SCALE = 120;
export const DEFAULT_SEED = 20261101;
/** Leads per transaction; a batch is ~10x as many notes and communications. */
const BATCH_LEADS = 2000;

/** CRM data tables emptied by a reset; lookups and crm_migrations stay. */
export const CRM_DATA_TABLES = [
  'api_tokens',
  'users',
  'addresses',
  'clients',
  'contacts',
  'leads',
  'opportunities',
  'lead_communications',
  'lead_notes',
  'lead_marketing_settings',
  'follow_ups',
  'support_tickets',
  'ai_interactions',
  'embeddings',
  'embedding_jobs',
] as const;

/** Insert order: parents before children. */
const ORDER: readonly TableKey[] = [
  'users',
  'addresses',
  'clients',
  'contacts',
  'leads',
  'opportunities',
  'marketing',
  'communications',
  'notes',
  'followUps',
  'tickets',
  'aiInteractions',
];

/**
 * Per-row embedding triggers cost ~40% of a bulk load on the embedded database; during the seed
 * they are disabled inside the loading transaction (other sessions never see that: ALTER TABLE
 * holds its lock until commit) and the same jobs are queued set-wise by `enqueueEmbeddings`.
 * Keep the conditions there in step with crm_enqueue_embedding's triggers (migration 0001).
 */
const EMBEDDING_TRIGGERS = [
  ['lead_notes', 'lead_notes_enqueue_embedding'],
  ['lead_communications', 'lead_communications_enqueue_embedding'],
  ['support_tickets', 'support_tickets_enqueue_embedding'],
  ['ai_interactions', 'ai_interactions_enqueue_embedding'],
] as const;

async function setEmbeddingTriggers(client: pg.ClientBase, enabled: boolean): Promise<void> {
  for (const [table, trigger] of EMBEDDING_TRIGGERS)
    await client.query(`alter table ${table} ${enabled ? 'enable' : 'disable'} trigger ${trigger}`);
}

const EMBEDDED_TYPES = new Set(['chat', 'insight', 'summary', 'triage', 'draft']);

async function enqueueEmbeddings(client: pg.ClientBase, batch: Batch): Promise<number> {
  const sources: [string, string[]][] = [
    ['note', (batch.notes ?? []).map((r) => r.id as string)],
    ['communication', (batch.communications ?? []).filter((r) => r.body != null || r.subject != null).map((r) => r.id as string)],
    ['ticket', (batch.tickets ?? []).map((r) => r.id as string)],
    [
      'ai_interaction',
      (batch.aiInteractions ?? []).filter((r) => EMBEDDED_TYPES.has(r.type as string) && r.response != null).map((r) => r.id as string),
    ],
  ];
  let n = 0;
  for (const [type, ids] of sources) {
    if (!ids.length) continue;
    const res = await client.query(
      `insert into embedding_jobs (source_type, source_id) select $1, unnest($2::uuid[])
       on conflict (source_type, source_id) where status in ('pending','running') do nothing`,
      [type, ids],
    );
    n += res.rowCount ?? 0;
  }
  return n;
}

const CAMPAIGNS = [
  ['spring-home-remarket', 'Spring homeowners remarket', 'email'],
  ['teen-driver-mailer', 'Teen driver postcard', 'mail'],
  ['commercial-renewal-q4', 'Q4 commercial renewal review', 'call'],
  ['umbrella-cross-sell', 'Umbrella cross-sell', 'email'],
] as const;

/** True when the database has no users and no clients. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [u] = await db.select({ n: count() }).from(users);
  const [c] = await db.select({ n: count() }).from(clients);
  return (u?.n ?? 0) === 0 && (c?.n ?? 0) === 0;
}

async function loadLookups(client: pg.ClientBase): Promise<Lookups> {
  for (const [code, name, channel] of CAMPAIGNS) {
    await client.query('insert into campaigns (code, name, channel) values ($1, $2, $3) on conflict (code) do nothing', [
      code,
      name,
      channel,
    ]);
  }
  const rows = async (sql: string) => (await client.query<{ id: number; code: string; name: string; category: string }>(sql)).rows;
  const byCode = (rs: { id: number; code: string }[]) => Object.fromEntries(rs.map((r) => [r.code, r.id]));
  return {
    status: byCode(await rows('select id, code from lead_statuses')),
    types: Object.fromEntries(
      (await rows('select id, code, name, category from insurance_types')).map((r) => [
        r.code,
        { id: r.id, name: r.name, category: r.category },
      ]),
    ),
    comm: byCode(await rows('select id, code from communication_types')),
    campaigns: byCode(
      await rows(`select id, code from campaigns where code in (${CAMPAIGNS.map(([c]) => `'${c}'`).join(',')}) order by code`),
    ),
  };
}

/**
 * Seeds the demo book. Without `reset`, a database that already has users or clients is a
 * CONFLICT and nothing is written. The default book loads in one transaction; larger ones commit
 * every BATCH_LEADS leads and report progress.
 */
export async function seedDemoData(db: Db, pool: pg.Pool, opts: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const scale = Math.max(1, Math.floor(opts.scale ?? DEFAULT_SCALE));
  const log = logger('seed');
  const settings = opts.settings ?? DEFAULT_SEED_SETTINGS;
  if (!isValidTimeZone(settings.agencyTimezone)) {
    throw new ValidationError(
      `Unknown agency time zone "${settings.agencyTimezone}".`,
      [{ field: 'agencyTimezone', message: 'not an IANA zone' }],
      'Set CRM_AGENCY_TIMEZONE to an IANA zone such as America/Chicago.',
    );
  }
  const anchorDate = opts.anchorDate ?? localDateOf(opts.now ?? new Date(), settings.agencyTimezone);
  if (!isAnchorDate(anchorDate)) {
    throw new ValidationError(
      `Anchor date "${anchorDate}" is not a calendar date.`,
      [{ field: 'anchorDate', message: 'expected YYYY-MM-DD' }],
      'Pass a date like 2026-11-01, or omit it to anchor the book to today.',
    );
  }
  const clock = new BookClock(anchorDate, settings.agencyTimezone);
  if (!opts.reset && !(await isDatabaseEmpty(db))) {
    throw new ConflictError(
      'The database already has CRM data (users or clients); seeding would mix demo rows into it. Nothing was written.',
      'Use --reset (reset: true) to delete existing CRM data first, or seed an empty database.',
    );
  }
  // From here on one connection does all the work (drizzle would wait for it on the embedded pool).
  const client = await pool.connect();
  const counts: Partial<Record<TableKey, number>> = {};
  try {
    await client.query('begin');
    try {
      if (opts.reset) await client.query(`truncate ${CRM_DATA_TABLES.join(', ')} restart identity cascade`);
      const lookups = await loadLookups(client);
      opts.onProgress?.(0, scale, 'generating');
      let inTx = true;
      for (const step of generateBook(opts.seed ?? DEFAULT_SEED, clock, settings, lookups, scale, BATCH_LEADS)) {
        if (!inTx) {
          await client.query('begin');
          inTx = true;
        }
        await setEmbeddingTriggers(client, false);
        for (const key of ORDER) {
          const rowsOf = step.batch[key];
          if (!rowsOf?.length) continue;
          await insertRows(client, key, rowsOf);
          counts[key] = (counts[key] ?? 0) + rowsOf.length;
        }
        await enqueueEmbeddings(client, step.batch);
        await setEmbeddingTriggers(client, true);
        await client.query('commit');
        inTx = false;
        opts.onProgress?.(step.leads, scale, 'loading');
      }
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      throw err;
    }
    opts.onProgress?.(scale, scale, 'analyzing');
    await client.query('analyze');
  } finally {
    client.release();
  }
  const summary: SeedSummary = {
    users: counts.users ?? 0,
    clients: counts.clients ?? 0,
    contacts: counts.contacts ?? 0,
    leads: counts.leads ?? 0,
    communications: counts.communications ?? 0,
    notes: counts.notes ?? 0,
    followUps: counts.followUps ?? 0,
    tickets: counts.tickets ?? 0,
    anchorDate,
    ms: Math.round(performance.now() - started),
  };
  log.info(summary, 'seeded demo data');
  return summary;
}
