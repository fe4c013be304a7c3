/**
 * Bulk loading: rows go in as `INSERT ... SELECT FROM unnest($1::uuid[], $2::text[], ...)`, one
 * array parameter per column, so a statement carries thousands of rows without hitting the
 * 65,535-parameter limit. Array-typed columns travel as array literals and are cast back.
 */
import type pg from 'pg';

export type Row = Record<string, unknown>;

/** Column name and Postgres type, in insert order. */
export type TableSpec = { table: string; columns: readonly (readonly [string, string])[] };

const FLEX: readonly (readonly [string, string])[] = [
  ['tags', 'text[]'],
  ['custom_fields', 'jsonb'],
  ['metadata', 'jsonb'],
];
const TS: readonly (readonly [string, string])[] = [
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];

export const TABLES = {
  users: {
    table: 'users',
    columns: [
      ['id', 'uuid'],
      ['handle', 'text'],
      ['full_name', 'text'],
      ['email', 'text'],
      ['role', 'text'],
      ['timezone', 'text'],
      ['slack_user_id', 'text'],
      ...TS,
    ],
  },
  addresses: {
    table: 'addresses',
    columns: [
      ['id', 'uuid'],
      ['line1', 'text'],
      ['line2', 'text'],
      ['city', 'text'],
      ['state', 'text'],
      ['postal_code', 'text'],
      ['county', 'text'],
      ['latitude', 'float8'],
      ['longitude', 'float8'],
      ['geocode_source', 'text'],
      ['is_verified', 'bool'],
      ['timezone', 'text'],
      ...TS,
    ],
  },
  clients: {
    table: 'clients',
    columns: [
      ['id', 'uuid'],
      ['client_type', 'text'],
      ['first_name', 'text'],
      ['last_name', 'text'],
      ['date_of_birth', 'date'],
      ['business_name', 'text'],
      ['dba_name', 'text'],
      ['fein', 'text'],
      ['industry', 'text'],
      ['naics_code', 'text'],
      ['year_established', 'int4'],
      ['annual_revenue', 'numeric'],
      ['employee_count', 'int4'],
      ['email', 'text'],
      ['phone', 'text'],
      ['website', 'text'],
      ['address_id', 'uuid'],
      ['mailing_address_id', 'uuid'],
      ['preferred_contact_method', 'text'],
      ['timezone', 'text'],
      ['status', 'text'],
      ['assigned_user_id', 'uuid'],
      ...FLEX,
      ['ai_risk_score', 'numeric'],
      ['last_contact_at', 'timestamptz'],
      ['next_contact_at', 'timestamptz'],
      ...TS,
    ],
  },
  contacts: {
    table: 'contacts',
    columns: [
      ['id', 'uuid'],
      ['client_id', 'uuid'],
      ['first_name', 'text'],
      ['last_name', 'text'],
      ['title', 'text'],
      ['roles', 'text[]'],
      ['is_primary_contact', 'bool'],
      ['email', 'text'],
      ['phone', 'text'],
      ['mobile_phone', 'text'],
      ['preferred_contact_method', 'text'],
      ['timezone', 'text'],
      ...FLEX,
      ['last_contact_at', 'timestamptz'],
      ...TS,
    ],
  },
  leads: {
    table: 'leads',
    columns: [
      ['id', 'uuid'],
      ['client_id', 'uuid'],
      ['status_id', 'int4'],
      ['insurance_type_id', 'int4'],
      ['campaign_id', 'int4'],
      ['assigned_user_id', 'uuid'],
      ['source', 'text'],
      ['current_carrier', 'text'],
      ['current_premium', 'numeric'],
      ['quoted_premium', 'numeric'],
      ['target_premium', 'numeric'],
      ['umbrella_requested', 'bool'],
      ['umbrella_limit', 'numeric'],
      ['x_date', 'date'],
      ['policy_effective_date', 'date'],
      ['auto_data', 'jsonb'],
      ['auto_data_version', 'int2'],
      ['home_data', 'jsonb'],
      ['home_data_version', 'int2'],
      ['specialty_data', 'jsonb'],
      ['specialty_data_version', 'int2'],
      ['commercial_data', 'jsonb'],
      ['commercial_data_version', 'int2'],
      ...FLEX,
      ['ai_summary', 'text'],
      ['ai_next_action', 'text'],
      ['ai_follow_up_priority', 'int2'],
      ['ai_score', 'int2'],
      ...TS,
      ['status_changed_at', 'timestamptz'],
      ['first_contacted_at', 'timestamptz'],
      ['last_contacted_at', 'timestamptz'],
      ['next_follow_up_at', 'timestamptz'],
      ['qualified_at', 'timestamptz'],
      ['quoted_at', 'timestamptz'],
      ['proposal_sent_at', 'timestamptz'],
      ['won_at', 'timestamptz'],
      ['lost_at', 'timestamptz'],
      ['lost_reason', 'text'],
      ['archived_at', 'timestamptz'],
    ],
  },
  opportunities: {
    table: 'opportunities',
    columns: [
      ['id', 'uuid'],
      ['lead_id', 'uuid'],
      ['client_id', 'uuid'],
      ['insurance_type_id', 'int4'],
      ['assigned_user_id', 'uuid'],
      ['name', 'text'],
      ['stage', 'text'],
      ['carrier', 'text'],
      ['estimated_premium', 'numeric'],
      ['probability', 'int2'],
      ['expected_close_date', 'date'],
      ...FLEX,
      ...TS,
      ['stage_changed_at', 'timestamptz'],
      ['closed_at', 'timestamptz'],
      ['lost_reason', 'text'],
    ],
  },
  marketing: {
    table: 'lead_marketing_settings',
    columns: [
      ['id', 'uuid'],
      ['lead_id', 'uuid'],
      ['contact_id', 'uuid'],
      ...(['call', 'sms', 'email', 'mail'] as const).flatMap(
        (ch) =>
          [
            [`${ch}_consent`, 'text'],
            [`${ch}_consent_source`, 'text'],
            [`${ch}_consent_at`, 'timestamptz'],
            [`${ch}_consent_wording`, 'text'],
          ] as const,
      ),
      ['do_not_call', 'bool'],
      ['do_not_call_source', 'text'],
      ['do_not_call_at', 'timestamptz'],
      ['unsubscribed_at', 'timestamptz'],
      ['unsubscribe_source', 'text'],
      ['quiet_hours_start', 'time'],
      ['quiet_hours_end', 'time'],
      ['timezone', 'text'],
      ...TS,
    ],
  },
  communications: {
    table: 'lead_communications',
    columns: [
      ['id', 'uuid'],
      ['lead_id', 'uuid'],
      ['client_id', 'uuid'],
      ['contact_id', 'uuid'],
      ['communication_type_id', 'int4'],
      ['campaign_id', 'int4'],
      ['user_id', 'uuid'],
      ['direction', 'text'],
      ['subject', 'text'],
      ['body', 'text'],
      ['occurred_at', 'timestamptz'],
      ['duration_seconds', 'int4'],
      ['outcome', 'text'],
      ['tags', 'text[]'],
      ['ai_sentiment', 'numeric'],
      ...TS,
    ],
  },
  notes: {
    table: 'lead_notes',
    columns: [
      ['id', 'uuid'],
      ['lead_id', 'uuid'],
      ['client_id', 'uuid'],
      ['author_user_id', 'uuid'],
      ['note_type', 'text'],
      ['body', 'text'],
      ['is_pinned', 'bool'],
      ['tags', 'text[]'],
      ...TS,
    ],
  },
  followUps: {
    table: 'follow_ups',
    columns: [
      ['id', 'uuid'],
      ['lead_id', 'uuid'],
      ['client_id', 'uuid'],
      ['contact_id', 'uuid'],
      ['assigned_user_id', 'uuid'],
      ['created_by_user_id', 'uuid'],
      ['created_by_ai', 'bool'],
      ['due_at', 'timestamptz'],
      ['timezone', 'text'],
      ['channel', 'text'],
      ['purpose', 'text'],
      ['notes', 'text'],
      ['status', 'text'],
      ['priority', 'text'],
      ['completed_at', 'timestamptz'],
      ['completed_by_user_id', 'uuid'],
      ['outcome', 'text'],
      ...TS,
    ],
  },
  tickets: {
    table: 'support_tickets',
    columns: [
      ['id', 'uuid'],
      ['client_id', 'uuid'],
      ['lead_id', 'uuid'],
      ['contact_id', 'uuid'],
      ['subject', 'text'],
      ['description', 'text'],
      ['status', 'text'],
      ['priority', 'text'],
      ['category', 'text'],
      ['channel', 'text'],
      ['assigned_user_id', 'uuid'],
      ['created_by_user_id', 'uuid'],
      ['sla_due_at', 'timestamptz'],
      ['resolution', 'text'],
      ['tags', 'text[]'],
      ['opened_at', 'timestamptz'],
      ['first_response_at', 'timestamptz'],
      ['resolved_at', 'timestamptz'],
      ['closed_at', 'timestamptz'],
      ...TS,
    ],
  },
  aiInteractions: {
    table: 'ai_interactions',
    columns: [
      ['id', 'uuid'],
      ['type', 'text'],
      ['channel', 'text'],
      ['session_id', 'text'],
      ['user_id', 'uuid'],
      ['client_name', 'text'],
      ['crm_client_id', 'uuid'],
      ['lead_id', 'uuid'],
      ['ticket_id', 'uuid'],
      ['prompt', 'text'],
      ['response', 'text'],
      ['model', 'text'],
      ['provider', 'text'],
      ['prompt_tokens', 'int4'],
      ['completion_tokens', 'int4'],
      ['total_tokens', 'int4'],
      ['latency_ms', 'int4'],
      ['tool_name', 'text'],
      ['tool_arguments', 'jsonb'],
      ['tool_result', 'jsonb'],
      ['result_summary', 'text'],
      ['created_at', 'timestamptz'],
    ],
  },
} as const satisfies Record<string, TableSpec>;

export type TableKey = keyof typeof TABLES;

/** Postgres array literal of text values: {"a","b \"c\""}. */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

function toParam(type: string, v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (type === 'jsonb') return JSON.stringify(v);
  if (type.endsWith('[]')) return textArrayLiteral(v as string[]);
  return v;
}

const sqlCache = new Map<string, string>();

function insertSql(spec: TableSpec): string {
  let text = sqlCache.get(spec.table);
  if (!text) {
    const cols = spec.columns.map(([c]) => `"${c}"`).join(', ');
    const params = spec.columns.map(([, t], i) => (t.endsWith('[]') ? `$${i + 1}::text[]` : `$${i + 1}::${t}[]`)).join(', ');
    const select = spec.columns.map(([, t], i) => (t.endsWith('[]') ? `c${i}::${t}` : `c${i}`)).join(', ');
    const alias = spec.columns.map((_, i) => `c${i}`).join(', ');
    text = `insert into ${spec.table} (${cols}) select ${select} from unnest(${params}) as u(${alias})`;
    sqlCache.set(spec.table, text);
  }
  return text;
}

/** Inserts `rows` into a table in statements of `chunk` rows. Missing keys are NULL. */
export async function insertRows(client: pg.ClientBase, key: TableKey, rows: readonly Row[], chunk = 1000): Promise<void> {
  const spec: TableSpec = TABLES[key];
  const text = insertSql(spec);
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    const values = spec.columns.map(([col, type]) => part.map((r) => toParam(type, r[col])));
    await client.query(text, values);
  }
}
