/**
 * One valid call and several bad calls per tool, built from whatever the database holds, so the
 * same table drives every transport. A tool without a case here fails the parity test.
 */
export type Query = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

export interface ToolCase {
  valid: (q: Query) => Promise<Record<string, unknown>>;
  /** Bad inputs with the error code each must produce. */
  invalid: (q: Query) => Promise<{ args: unknown; code: string }[]>;
}

const one = async (q: Query, sql: string): Promise<string> => {
  const rows = await q<{ id: string }>(sql);
  if (!rows[0]) throw new Error(`test data missing for: ${sql}`);
  return rows[0].id;
};
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const HUGE = 'x'.repeat(200_000);
const SQLI = "'; drop table leads; --";
const openLead = (q: Query) =>
  one(q, "select l.id from leads l join lead_statuses s on s.id = l.status_id where s.code = 'new' order by l.id limit 1");
const anyLead = (q: Query) => one(q, 'select id from leads order by id limit 1');
let unique = 0;

export const TOOL_CASES: Record<string, ToolCase> = {
  search_leads: {
    valid: async () => ({ query: 'roof', limit: 5 }),
    invalid: async () => [
      { args: { limit: 'ten' }, code: 'VALIDATION' },
      { args: { limit: 10_000 }, code: 'VALIDATION' },
      { args: { cursor: 'not-a-cursor' }, code: 'VALIDATION' },
      { args: { statuses: [SQLI] }, code: 'VALIDATION' },
      { args: { query: HUGE }, code: 'VALIDATION' },
      { args: { detail: 'everything' }, code: 'VALIDATION' },
    ],
  },
  get_lead: {
    valid: async (q) => ({ leadId: await anyLead(q) }),
    invalid: async () => [
      { args: { leadId: 42 }, code: 'VALIDATION' },
      { args: { leadId: SQLI }, code: 'VALIDATION' },
      { args: { leadId: UNKNOWN }, code: 'NOT_FOUND' },
    ],
  },
  get_client: {
    valid: async (q) => ({ clientId: await one(q, 'select id from clients order by id limit 1') }),
    invalid: async () => [
      { args: {}, code: 'VALIDATION' },
      { args: { clientId: UNKNOWN }, code: 'NOT_FOUND' },
      { args: { clientId: UNKNOWN, detail: 'everything' }, code: 'VALIDATION' },
    ],
  },
  create_lead: {
    valid: async () => ({
      newClient: { clientType: 'individual', firstName: 'Jordan', lastName: `Contract${unique++}` },
      line: 'home',
      xDate: '2027-03-01',
    }),
    invalid: async () => [
      {
        args: {
          line: 'auto',
          newClient: { clientType: 'individual', firstName: 'A', lastName: 'B' },
          lineData: { vehicles: [{ vin: '!' }] },
        },
        code: 'VALIDATION',
      },
      { args: { line: 'spaceship', newClient: { clientType: 'individual', firstName: 'A', lastName: 'B' } }, code: 'VALIDATION' },
      { args: { line: 'home', clientId: UNKNOWN }, code: 'NOT_FOUND' },
      { args: { line: 'home', newClient: { clientType: 'business', businessName: HUGE } }, code: 'VALIDATION' },
    ],
  },
  update_lead_status: {
    valid: async (q) => ({ leadId: await openLead(q), status: 'contacted' }),
    invalid: async (q) => [
      { args: { leadId: await anyLead(q), status: SQLI }, code: 'VALIDATION' },
      { args: { leadId: UNKNOWN, status: 'contacted' }, code: 'NOT_FOUND' },
      {
        args: {
          leadId: await one(q, "select l.id from leads l join lead_statuses s on s.id = l.status_id where s.code = 'won' limit 1"),
          status: 'quoting',
        },
        code: 'INVALID_TRANSITION',
      },
    ],
  },
  add_note: {
    valid: async (q) => ({ leadId: await anyLead(q), body: 'Client asked about bundling home and auto.' }),
    invalid: async (q) => [
      { args: { leadId: await anyLead(q), body: HUGE }, code: 'VALIDATION' },
      { args: { leadId: await anyLead(q), body: '   ' }, code: 'VALIDATION' },
      { args: { leadId: UNKNOWN, body: 'x' }, code: 'NOT_FOUND' },
    ],
  },
  log_communication: {
    valid: async (q) => ({
      leadId: await anyLead(q),
      type: 'email',
      direction: 'inbound',
      subject: 'Question',
      body: 'Can you send the quote again?',
    }),
    invalid: async (q) => [
      { args: { leadId: await anyLead(q), type: 'carrier-pigeon', direction: 'inbound' }, code: 'VALIDATION' },
      { args: { leadId: await anyLead(q), type: 'email', direction: 'sideways' }, code: 'VALIDATION' },
      {
        args: {
          leadId: await one(q, 'select lead_id as id from lead_marketing_settings where do_not_call and contact_id is null limit 1'),
          type: 'call',
          direction: 'outbound',
        },
        code: 'CONSENT_REQUIRED',
      },
    ],
  },
  record_consent: {
    valid: async () => ({ action: 'unsubscribe', email: `contract${unique++}@example.com`, source: 'contract_test' }),
    invalid: async (q) => [
      {
        args: { action: 'grant', channel: 'sms', clientId: await one(q, 'select id from clients order by id limit 1') },
        code: 'VALIDATION',
      },
      { args: { action: 'revoke', channel: 'sms' }, code: 'VALIDATION' },
      { args: { action: 'do_not_call', phone: SQLI }, code: 'VALIDATION' },
      { args: { action: 'do_not_call', clientId: UNKNOWN }, code: 'NOT_FOUND' },
    ],
  },
  schedule_follow_up: {
    valid: async (q) => ({ leadId: await anyLead(q), when: '2027-06-15T10:30:00', channel: 'email', purpose: `Contract test ${unique++}` }),
    invalid: async (q) => [
      { args: { leadId: await anyLead(q), when: 'whenever you feel like it maybe', purpose: 'x' }, code: 'VALIDATION' },
      { args: { leadId: await anyLead(q), when: '2001-01-01T10:00:00Z', channel: 'email', purpose: 'x' }, code: 'VALIDATION' },
      { args: { leadId: UNKNOWN, when: 'tomorrow at 10am', purpose: 'x' }, code: 'NOT_FOUND' },
    ],
  },
  list_follow_ups: {
    valid: async () => ({ allUsers: true, limit: 5 }),
    invalid: async () => [
      { args: { status: 'sleeping' }, code: 'VALIDATION' },
      { args: { detail: 'everything' }, code: 'VALIDATION' },
    ],
  },
  complete_follow_up: {
    valid: async (q) => ({
      followUpId: await one(q, "select id from follow_ups where status = 'open' order by id limit 1"),
      outcome: 'Left a voicemail.',
    }),
    invalid: async () => [{ args: { followUpId: UNKNOWN }, code: 'NOT_FOUND' }],
  },
  create_ticket: {
    valid: async (q) => ({
      clientId: await one(q, 'select id from clients order by id limit 1'),
      subject: 'Need a certificate of insurance',
      description: 'Our general contractor needs a COI naming them as additional insured by Friday.',
      channel: 'email',
    }),
    invalid: async () => [
      { args: { subject: 'x', description: 'y', channel: 'email' }, code: 'VALIDATION' },
      { args: { clientId: UNKNOWN, subject: 'x', description: 'y', channel: 'email' }, code: 'NOT_FOUND' },
    ],
  },
  triage_ticket: {
    valid: async (q) => ({ ticketId: await one(q, 'select id from support_tickets order by id limit 1') }),
    invalid: async () => [{ args: { ticketId: UNKNOWN }, code: 'NOT_FOUND' }],
  },
  list_tickets: {
    valid: async () => ({ assignee: 'any', limit: 5 }),
    invalid: async () => [
      { args: { priority: ['apocalyptic'] }, code: 'VALIDATION' },
      { args: { detail: 'everything' }, code: 'VALIDATION' },
    ],
  },
  update_ticket: {
    valid: async (q) => ({
      ticketId: await one(q, "select id from support_tickets where status = 'new' order by id limit 1"),
      status: 'open',
    }),
    invalid: async (q) => [
      {
        args: { ticketId: await one(q, "select id from support_tickets where status = 'open' order by id limit 1"), status: 'resolved' },
        code: 'VALIDATION',
      },
      { args: { ticketId: UNKNOWN, status: 'open' }, code: 'NOT_FOUND' },
    ],
  },
  search_knowledge: {
    valid: async () => ({ question: 'who had a water damage claim?', limit: 5 }),
    invalid: async () => [{ args: { question: '' }, code: 'VALIDATION' }],
  },
  get_lead_context: {
    valid: async (q) => ({ leadId: await anyLead(q) }),
    invalid: async () => [{ args: { leadId: UNKNOWN }, code: 'NOT_FOUND' }],
  },
};

/** Row counts and last update per data table: equal before and after means nothing was written. */
export async function snapshot(q: Query): Promise<Record<string, string>> {
  const tables = [
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
  ];
  const out: Record<string, string> = {};
  for (const t of tables) {
    const [r] = await q<{ n: number; u: string | null }>(`select count(*)::int as n, max(updated_at)::text as u from ${t}`);
    out[t] = `${r?.n}@${r?.u}`;
  }
  return out;
}
