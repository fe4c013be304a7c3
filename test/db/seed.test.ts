import { beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import {
  fieldForDataColumn,
  readLeadData,
  validateLeadData,
  CURRENT_VERSIONS,
  type LeadDataField,
} from '../../src/crm/leads/data/index.js';
import type { Database } from '../../src/db/client.js';
import { isDatabaseEmpty, seedDemoData, type SeedSummary } from '../../src/seed/index.js';
import { AppError } from '../../src/errors.js';
import { freshDatabase, useDatabase } from '../helpers/db.js';

const database = useDatabase();
/** A fixed anchor (the US DST change, a Sunday), so the book's timestamps do not move with the clock. */
const ANCHOR_DATE = '2026-11-01';
const KEY_TABLES = [
  'users',
  'addresses',
  'clients',
  'contacts',
  'leads',
  'opportunities',
  'lead_marketing_settings',
  'lead_communications',
  'lead_notes',
  'follow_ups',
  'support_tickets',
  'ai_interactions',
];

/** One digest per key table over every column of every row, in id order. */
async function digest(pool: pg.Pool): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of KEY_TABLES) {
    const { rows } = await pool.query<{ d: string | null; n: number }>(
      `select md5(string_agg(x::text, '|' order by x.id)) as d, count(*)::int as n from ${t} x`,
    );
    out[t] = `${rows[0]!.n}:${rows[0]!.d}`;
  }
  return out;
}

const one = async <T>(pool: pg.Pool, sql: string, params: unknown[] = []): Promise<T> => (await pool.query(sql, params)).rows[0] as T;

let first: SeedSummary;
let firstDigest: Record<string, string>;

beforeAll(async () => {
  const { db, pool } = database();
  expect(await isDatabaseEmpty(db)).toBe(true);
  first = await seedDemoData(db, pool, { anchorDate: ANCHOR_DATE });
  firstDigest = await digest(pool);
});

describe('seedDemoData (default book)', () => {
  it('is deterministic: a second fresh database gets identical rows, ids included', async () => {
    let other: Database | undefined;
    try {
      other = await freshDatabase();
      const second = await seedDemoData(other.db, other.pool, { anchorDate: ANCHOR_DATE });
      expect({ ...second, ms: 0 }).toEqual({ ...first, ms: 0 });
      expect(await digest(other.pool)).toEqual(firstDigest);
    } finally {
      await other?.close();
    }
  });

  it('moves with its anchor date: another anchor shifts the timestamps and keeps the ids', async () => {
    let other: Database | undefined;
    const ids = async (pool: pg.Pool) =>
      (
        await pool.query('select id from leads union all select id from follow_ups union all select id from support_tickets order by 1')
      ).rows.map((r) => r.id as string);
    const span = async (pool: pg.Pool) =>
      await one<{ lo: Date; hi: Date }>(pool, "select min(due_at) as lo, max(due_at) as hi from follow_ups where status = 'open'");
    try {
      other = await freshDatabase();
      const s = await seedDemoData(other.db, other.pool, { anchorDate: '2027-06-15' });
      expect(s.anchorDate).toBe('2027-06-15');
      expect(await ids(other.pool)).toEqual(await ids(database().pool));
      expect((await digest(other.pool)).follow_ups).not.toEqual(firstDigest.follow_ups);
      const [here, there] = [await span(database().pool), await span(other.pool)];
      const days = (later: Date, earlier: Date) => (later.getTime() - earlier.getTime()) / 86_400_000;
      // 2026-11-01 to 2027-06-15 is 226 days; slots move by hours to stay in working hours.
      expect(days(there.lo, here.lo)).toBeGreaterThan(222);
      expect(days(there.hi, here.hi)).toBeLessThan(230);
    } finally {
      await other?.close();
    }
  });

  it('reports what it wrote and covers every status, line of business and activity kind', async () => {
    const { db, pool } = database();
    expect(await isDatabaseEmpty(db)).toBe(false);
    expect(first.leads).toBe(120);
    for (const [table, n] of [
      ['users', first.users],
      ['clients', first.clients],
      ['contacts', first.contacts],
      ['leads', first.leads],
      ['lead_communications', first.communications],
      ['lead_notes', first.notes],
      ['follow_ups', first.followUps],
      ['support_tickets', first.tickets],
    ] as const) {
      expect((await one<{ n: number }>(pool, `select count(*)::int as n from ${table}`)).n, table).toBe(n);
    }
    expect((first.notes + first.communications) / first.leads).toBeGreaterThan(7);
    const missing = async (sql: string) => (await pool.query(sql)).rows.map((r) => Object.values(r)[0]);
    expect(await missing('select code from lead_statuses s where not exists (select 1 from leads l where l.status_id = s.id)')).toEqual([]);
    expect(
      await missing('select code from insurance_types t where not exists (select 1 from leads l where l.insurance_type_id = t.id)'),
    ).toEqual([]);
    expect(
      await missing(
        'select code from communication_types t where not exists (select 1 from lead_communications c where c.communication_type_id = t.id)',
      ),
    ).toEqual([]);
    expect(
      await missing(`select v from unnest(array['billing','claim','policy_change','certificate','cancellation','coverage_question','complaint','other','new','open','pending','on_hold','resolved','closed','low','normal','high','urgent']) v
      where not exists (select 1 from support_tickets t where v in (t.category, t.status, t.priority))`),
    ).toEqual([]);
    expect(
      await one(
        pool,
        "select count(*)::int as n from support_tickets where status in ('resolved','closed') and (resolution is null or resolved_at is null)",
      ),
    ).toEqual({ n: 0 });
    // The anchor day starts at midnight in the agency zone (America/Chicago by default).
    const fu = await one<Record<string, number>>(
      pool,
      `select count(*) filter (where status = 'open' and due_at < '2026-11-01T05:00Z')::int as overdue,
      count(*) filter (where status = 'open' and due_at >= '2026-11-01T05:00Z')::int as upcoming, count(*) filter (where status = 'completed')::int as completed,
      count(*) filter (where created_by_ai)::int as by_ai from follow_ups`,
    );
    for (const k of ['overdue', 'upcoming', 'completed', 'by_ai']) expect(fu[k], k).toBeGreaterThan(0);
    const dir = await pool.query('select distinct direction from lead_communications order by 1');
    expect(dir.rows.map((r) => r.direction)).toEqual(['inbound', 'outbound']);
  });

  it('has the demo user and other staff', async () => {
    const { pool } = database();
    expect(await one(pool, "select role, full_name from users where handle = 'demo'")).toEqual({
      role: 'producer',
      full_name: 'Demo Producer',
    });
    const roles = await pool.query('select distinct role from users order by 1');
    expect(roles.rows.map((r) => r.role)).toEqual(expect.arrayContaining(['admin', 'csr', 'producer']));
    expect(
      (
        await one<{ n: number }>(
          pool,
          "select count(*)::int as n from leads l join users u on u.id = l.assigned_user_id where u.handle = 'demo'",
        )
      ).n,
    ).toBeGreaterThan(20);
  });

  it('stores payloads that read (old versions upgraded) and validate at the current version', async () => {
    const { pool } = database();
    const types = await pool.query<{ id: number; data_field: string }>('select id, data_field from insurance_types');
    const fieldOf = new Map(types.rows.map((t) => [t.id, fieldForDataColumn(t.data_field)]));
    const { rows } = await pool.query(
      'select insurance_type_id, auto_data, auto_data_version, home_data, home_data_version, specialty_data, specialty_data_version, commercial_data, commercial_data_version from leads',
    );
    const versions = new Set<string>();
    for (const r of rows) {
      const field = fieldOf.get(r.insurance_type_id)!;
      const col = field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      expect(r[col], `${field} of a lead`).not.toBeNull();
      versions.add(`${field}@${r[`${col}_version`]}`);
      const current = readLeadData(field, r[col], r[`${col}_version`]);
      expect(validateLeadData(field, current).version).toBe(CURRENT_VERSIONS[field as LeadDataField]);
    }
    expect(versions).toContain('autoData@1');
    expect(versions).toContain('autoData@2');
    const vehicles = await one<{ n: number }>(
      pool,
      "select count(*)::int as n from leads where auto_data_version = 2 and jsonb_array_length(auto_data->'vehicles') > 0 and jsonb_array_length(auto_data->'drivers') > 0",
    );
    expect(vehicles.n).toBeGreaterThan(0);
    const locations = await one<{ n: number }>(
      pool,
      "select count(*)::int as n from leads where jsonb_array_length(commercial_data->'locations') > 0",
    );
    expect(locations.n).toBeGreaterThan(0);
  });

  it('records consent with evidence, opt-outs, and never contacts a lead by call or text without consent', async () => {
    const { pool } = database();
    const m = await one<Record<string, number>>(
      pool,
      `select count(*) filter (where sms_consent = 'revoked')::int as sms_revoked, count(*) filter (where do_not_call)::int as dnc,
      count(*) filter (where unsubscribed_at is not null)::int as unsub, count(*) filter (where quiet_hours_start is not null)::int as quiet,
      count(*) filter (where contact_id is not null)::int as per_contact,
      count(*) filter (where call_consent = 'granted' and call_consent_wording is null)::int as granted_without_wording from lead_marketing_settings`,
    );
    for (const k of ['sms_revoked', 'dnc', 'unsub', 'quiet']) expect(m[k], k).toBeGreaterThan(0);
    expect(m.granted_without_wording).toBe(0);
    const violations = await one<{ n: number }>(
      pool,
      `select count(*)::int as n from lead_communications c join communication_types t on t.id = c.communication_type_id
      join lead_marketing_settings s on s.lead_id = c.lead_id and s.contact_id is null
      where c.direction = 'outbound' and ((t.code in ('call','voicemail') and (s.call_consent <> 'granted' or s.do_not_call)) or (t.code = 'sms' and s.sms_consent <> 'granted'))`,
    );
    expect(violations.n).toBe(0);
  });

  it('gives full-text search varied prose to find', async () => {
    const { pool } = database();
    for (const q of [
      'roof replacement',
      'teen driver',
      'DUI',
      'water damage claim',
      'bundle discount',
      'cancellation non-payment',
      'certificate of insurance',
      'workers comp audit',
    ]) {
      const r = await one<{ n: number }>(
        pool,
        `select (select count(*) from lead_notes where search_vector @@ websearch_to_tsquery('english', $1))
        + (select count(*) from lead_communications where search_vector @@ websearch_to_tsquery('english', $1))
        + (select count(*) from support_tickets where search_vector @@ websearch_to_tsquery('english', $1)) as n`,
        [q],
      );
      expect(Number(r.n), q).toBeGreaterThan(0);
    }
    const broken = await one<{ n: number }>(
      pool,
      `select ((select count(*) from lead_notes where body ~ '(undefined|null|NaN|\\[object)')
      + (select count(*) from lead_communications where coalesce(subject, '') || body ~ '(undefined|null|NaN|\\[object)')
      + (select count(*) from support_tickets where subject || description || coalesce(resolution, '') ~ '(undefined|null|NaN|\\[object)'))::int as n`,
    );
    expect(broken.n).toBe(0);
    const distinct = await one<{ d: number; n: number }>(pool, 'select count(distinct body)::int as d, count(*)::int as n from lead_notes');
    expect(distinct.d / distinct.n).toBeGreaterThan(0.9);
  });

  it('queues an embedding job for every text the triggers would have queued, and leaves the triggers on', async () => {
    const { pool } = database();
    const jobs = await one<{ n: number }>(pool, 'select count(*)::int as n from embedding_jobs');
    const expected = await one<{ n: number }>(
      pool,
      `select ((select count(*) from lead_notes) + (select count(*) from lead_communications where body is not null or subject is not null)
      + (select count(*) from support_tickets) + (select count(*) from ai_interactions where type in ('chat','insight','summary','triage','draft') and response is not null))::int as n`,
    );
    expect(jobs.n).toBe(expected.n);
    const lead = await one<{ id: string; client_id: string }>(pool, 'select id, client_id from leads order by id limit 1');
    const note = await one<{ id: string }>(
      pool,
      "insert into lead_notes (lead_id, client_id, body) values ($1, $2, 'trigger check') returning id",
      [lead.id, lead.client_id],
    );
    expect(
      await one(pool, "select count(*)::int as n from embedding_jobs where source_type = 'note' and source_id = $1", [note.id]),
    ).toEqual({ n: 1 });
    await pool.query('delete from lead_notes where id = $1', [note.id]);
  });

  it('refuses to seed a non-empty database without reset, writing nothing', async () => {
    const { db, pool } = database();
    const before = await digest(pool);
    const err = await seedDemoData(db, pool, { scale: 5 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('CONFLICT');
    expect(`${(err as AppError).message} ${(err as AppError).hint}`).toMatch(/--reset/);
    expect(await digest(pool)).toEqual(before);
  });

  it('with reset replaces the book (another seed gives other ids), keeping lookups', async () => {
    const { db, pool } = database();
    const statuses = await one<{ n: number }>(pool, 'select count(*)::int as n from lead_statuses');
    const progress: string[] = [];
    // 03:00 UTC on New Year's Day is still New Year's Eve in the agency's zone: the default anchor is that local day.
    const now = new Date('2027-01-01T03:00:00Z');
    const s = await seedDemoData(db, pool, { scale: 30, reset: true, seed: 7, now, onProgress: (_d, _t, phase) => progress.push(phase) });
    expect(s.leads).toBe(30);
    expect(s.anchorDate).toBe('2026-12-31');
    const latest = await one<{ t: Date }>(pool, 'select max(occurred_at) as t from lead_communications');
    expect(latest.t.getTime()).toBeLessThan(Date.parse('2026-12-31T06:00:00Z'));
    expect(latest.t.getTime()).toBeGreaterThan(Date.parse('2026-12-01T06:00:00Z'));
    expect(progress).toContain('loading');
    expect(await one(pool, 'select count(*)::int as n from leads')).toEqual({ n: 30 });
    expect(await one(pool, 'select count(*)::int as n from lead_statuses')).toEqual(statuses);
    expect(await one(pool, "select count(*)::int as n from users where handle = 'demo'")).toEqual({ n: 1 });
    const after = await digest(pool);
    expect(after.leads).not.toEqual(firstDigest.leads);
    expect(after.users).not.toEqual(firstDigest.users);
    expect(await one(pool, 'select min(ticket_number) as m from support_tickets')).toEqual({ m: 1 });
  });
});
