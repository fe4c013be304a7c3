/**
 * Fixtures: the rows a dialog adds to the demo book, named symbolically (`lead: rivera-auto`
 * is `${lead:rivera-auto}` everywhere else). The first key of a fixture is its kind and name;
 * ref keys (client, contact, lead, ticket, assignedTo, author, line, status, type) name other
 * fixtures, users by handle, or lookup codes; every other key is a column (drizzle field name).
 */
import { eq, getTableColumns, type Table } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';
import {
  clients,
  communicationTypes,
  consentRecords,
  contacts,
  followUps,
  insuranceTypes,
  leadCommunications,
  leadMarketingSettings,
  leadNotes,
  leads,
  leadStatuses,
  supportTickets,
  users,
} from '../src/db/schema/index.js';
import { FIXTURE_KINDS, type Fixture, type FixtureKind } from './dialog-schema.js';
import type { Symbols } from './symbols.js';

type Ref = 'client' | 'contact' | 'lead' | 'ticket' | 'user' | 'line' | 'status' | 'commType';

interface KindSpec {
  table: Table;
  /** Ref keys this kind takes, and the column each one fills. */
  refs: Record<string, { ref: Ref; column: string }>;
  defaults?: (f: Fixture) => Record<string, unknown>;
}

const assigned = { assignedTo: { ref: 'user', column: 'assignedUserId' } } as const;
const SPECS: Record<FixtureKind, KindSpec> = {
  user: { table: users, refs: {}, defaults: (f) => ({ handle: f.user, fullName: f.user, role: 'producer', timezone: 'America/Chicago' }) },
  client: {
    table: clients,
    refs: { ...assigned },
    defaults: (f) => ({ clientType: 'businessName' in f ? 'business' : 'individual', status: 'active' }),
  },
  contact: { table: contacts, refs: { client: { ref: 'client', column: 'clientId' } } },
  lead: {
    table: leads,
    refs: {
      client: { ref: 'client', column: 'clientId' },
      line: { ref: 'line', column: 'insuranceTypeId' },
      status: { ref: 'status', column: 'statusId' },
      ...assigned,
    },
    defaults: () => ({ line: 'auto', status: 'new' }),
  },
  note: {
    table: leadNotes,
    refs: { lead: { ref: 'lead', column: 'leadId' }, author: { ref: 'user', column: 'authorUserId' } },
  },
  communication: {
    table: leadCommunications,
    refs: {
      lead: { ref: 'lead', column: 'leadId' },
      contact: { ref: 'contact', column: 'contactId' },
      type: { ref: 'commType', column: 'communicationTypeId' },
      user: { ref: 'user', column: 'userId' },
    },
  },
  followUp: {
    table: followUps,
    refs: {
      lead: { ref: 'lead', column: 'leadId' },
      contact: { ref: 'contact', column: 'contactId' },
      ...assigned,
    },
    defaults: () => ({ timezone: 'America/Chicago', channel: 'call' }),
  },
  ticket: {
    table: supportTickets,
    refs: {
      client: { ref: 'client', column: 'clientId' },
      lead: { ref: 'lead', column: 'leadId' },
      contact: { ref: 'contact', column: 'contactId' },
      ...assigned,
    },
  },
  marketing: {
    table: leadMarketingSettings,
    refs: { lead: { ref: 'lead', column: 'leadId' }, contact: { ref: 'contact', column: 'contactId' } },
  },
  consent: {
    table: consentRecords,
    refs: { client: { ref: 'client', column: 'clientId' }, contact: { ref: 'contact', column: 'contactId' } },
  },
};

export function kindOf(f: Fixture): { kind: FixtureKind; name: string } {
  const first = Object.keys(f)[0] as FixtureKind;
  return { kind: first, name: String(f[first]) };
}

/** Problems with a fixture's keys ("field: message"), for the loader's errors. */
export function checkFixtureColumns(f: Fixture): string[] {
  const first = Object.keys(f)[0] ?? '';
  if (!(FIXTURE_KINDS as readonly string[]).includes(first))
    return [`${first || '(fixture)'}: the first key must be the kind (${FIXTURE_KINDS.join(', ')})`];
  const spec = SPECS[first as FixtureKind];
  const columns = getTableColumns(spec.table) as Record<string, unknown>;
  return Object.keys(f)
    .slice(1)
    .filter((k) => !(k in spec.refs) && !(k in columns))
    .map((k) => `${k}: not a column or reference of a ${first} fixture`);
}

const isTimestamp = (col: unknown) => (col as { columnType?: string }).columnType === 'PgTimestamp';

/** Inserts the fixtures in order (parents first) and names them in `symbols`. */
export async function insertFixtures(db: Db, fixtures: Fixture[], symbols: Symbols, now: Date): Promise<void> {
  // Rows exist before the dialog starts: an hour before its clock, so nothing depends on the real date.
  const before = new Date(now.getTime() - 3_600_000);
  const lookup = async (ref: Ref, value: string): Promise<unknown> => {
    switch (ref) {
      case 'client':
      case 'contact':
      case 'lead':
      case 'ticket':
        return symbols.idOf(`${ref}:${value}`);
      case 'user': {
        const [u] = await db.select({ id: users.id }).from(users).where(eq(users.handle, value));
        if (!u) throw new Error(`no user with handle "${value}"`);
        return u.id;
      }
      case 'line': {
        const [r] = await db.select({ id: insuranceTypes.id }).from(insuranceTypes).where(eq(insuranceTypes.code, value));
        if (!r) throw new Error(`no insurance line "${value}"`);
        return r.id;
      }
      case 'status': {
        const [r] = await db.select({ id: leadStatuses.id }).from(leadStatuses).where(eq(leadStatuses.code, value));
        if (!r) throw new Error(`no lead status "${value}"`);
        return r.id;
      }
      case 'commType': {
        const [r] = await db.select({ id: communicationTypes.id }).from(communicationTypes).where(eq(communicationTypes.code, value));
        if (!r) throw new Error(`no communication type "${value}"`);
        return r.id;
      }
    }
  };
  for (const [i, f] of fixtures.entries()) {
    const { kind, name } = kindOf(f);
    const spec = SPECS[kind];
    const columns = getTableColumns(spec.table) as Record<string, unknown>;
    const stamps = Object.fromEntries(['createdAt', 'updatedAt', 'openedAt'].filter((c) => c in columns).map((c) => [c, before]));
    const given = { ...stamps, ...spec.defaults?.(f), ...Object.fromEntries(Object.entries(f).slice(1)) };
    const values: Record<string, unknown> = {};
    try {
      for (const [k, v] of Object.entries(given)) {
        const r = spec.refs[k];
        if (r) values[r.column] = await lookup(r.ref, String(v));
        else values[k] = isTimestamp(columns[k]) && typeof v === 'string' ? new Date(v) : v;
      }
      // Notes and communications carry their lead's client.
      if ((kind === 'note' || kind === 'communication') && values.leadId && !values.clientId) {
        const [l] = await db
          .select({ clientId: leads.clientId })
          .from(leads)
          .where(eq(leads.id, values.leadId as string));
        values.clientId = l?.clientId;
      }
      if (kind === 'ticket' && values.leadId && !values.clientId) {
        const [l] = await db
          .select({ clientId: leads.clientId })
          .from(leads)
          .where(eq(leads.id, values.leadId as string));
        values.clientId = l?.clientId;
      }
      const [row] = (await db
        .insert(spec.table as typeof clients)
        .values(values as never)
        .returning()) as unknown as Record<string, unknown>[];
      if (kind === 'user' && row!.handle !== name) throw new Error(`a user fixture's name must be its handle (${String(row!.handle)})`);
      symbols.add(`${kind}:${name}`, row!.id as string, row!);
    } catch (err) {
      throw new Error(`fixtures.${i} (${kind} ${name}): ${(err as Error).message}`);
    }
  }
}
