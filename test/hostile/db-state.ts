/** What a hostile-input test compares before and after a call: row counts and last updates of every domain table. */
import type pg from 'pg';

/** Tables a tool may write (all but the audit trail, which every call writes, and auth). */
export const DOMAIN_TABLES = [
  'clients',
  'contacts',
  'addresses',
  'leads',
  'opportunities',
  'lead_communications',
  'lead_notes',
  'lead_marketing_settings',
  'consent_records',
  'follow_ups',
  'support_tickets',
  'embeddings',
  'embedding_jobs',
  'tool_idempotency_keys',
  'users',
  'lead_statuses',
  'insurance_types',
  'communication_types',
  'campaigns',
] as const;

/** A function that returns one string per table: `count@max(updated_at)` (or just the count). */
export async function stateReader(pool: pg.Pool): Promise<() => Promise<Record<string, string>>> {
  const { rows } = await pool.query<{ table_name: string }>(
    "select table_name from information_schema.columns where table_schema = 'public' and column_name = 'updated_at'",
  );
  const withUpdated = new Set(rows.map((r) => r.table_name));
  const parts = DOMAIN_TABLES.map(
    (t) => `(select count(*)::text${withUpdated.has(t) ? ` || '@' || coalesce(max(updated_at)::text, '-')` : ''} from ${t}) as ${t}`,
  );
  const sql = `select ${parts.join(', ')}`;
  return async () => (await pool.query<Record<string, string>>(sql)).rows[0]!;
}

/** Top-level audit rows (model turns made while serving a call are its children). */
export async function auditCount(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>('select count(*)::int as n from ai_interactions where parent_interaction_id is null');
  return rows[0]!.n;
}

/** Ids from the database for fuzzed uuid fields, by field name (`*`: any kind). */
export async function idPools(pool: pg.Pool): Promise<Record<string, string[]>> {
  const ids = async (sql: string) => (await pool.query<{ id: string }>(sql)).rows.map((r) => r.id);
  const leads = await ids('select id from leads order by id limit 15');
  const clients = await ids('select id from clients order by id limit 15');
  const users = await ids('select id from users order by id limit 8');
  return {
    leadId: leads,
    clientId: clients,
    contactId: await ids('select id from contacts order by id limit 10'),
    ticketId: await ids('select id from support_tickets order by id limit 15'),
    followUpId: await ids("select id from follow_ups order by status = 'open' desc, id limit 15"),
    assigneeId: users,
    '*': [...leads.slice(0, 3), ...clients.slice(0, 3), ...users.slice(0, 2)],
  };
}
