/** Creating a lead, for an existing or a new client (pipeline moves are in status.ts). */
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { addresses, clients, insuranceTypes, leads } from '../../db/schema/index.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { fieldForDataColumn, validateLeadData } from './data/index.js';
import { lifecycleStamp, money, statusByCode } from './status.js';
import { FIELD } from '../views/vocabulary.js';

export interface AddressInput {
  line1: string;
  line2?: string;
  city: string;
  /** Two-letter code. */
  state: string;
  postalCode: string;
  country?: string;
}

export interface NewClientInput {
  clientType: 'individual' | 'business';
  firstName?: string;
  lastName?: string;
  businessName?: string;
  dbaName?: string;
  email?: string;
  phone?: string;
  address?: AddressInput;
  /** Create even when a client with the same email exists (e.g. a household sharing one address). */
  allowDuplicateEmail?: boolean;
}

export interface NewLeadInput {
  /** Exactly one of clientId and newClient. */
  clientId?: string;
  newClient?: NewClientInput;
  /** insurance_types.code */
  line: string;
  /** lead_statuses.code of an open status; default 'new'. */
  status?: string;
  source?: string;
  currentCarrier?: string;
  currentPremium?: number;
  targetPremium?: number;
  /** YYYY-MM-DD */
  xDate?: string;
  umbrellaRequested?: boolean;
  umbrellaLimit?: number;
  tags?: string[];
  assignedUserId: string;
  /** The line's JSONB payload (autoData for auto, homeData for home, ...), validated at its current version. */
  lineData?: Record<string, unknown>;
}

/** What createLead reports, its zod schema create_lead's output. */
export const createdLeadView = z.object({
  leadId: z.uuid().describe('Id of the new lead.'),
  clientId: z.uuid().describe('Its client (new or existing).'),
  clientCreated: z.boolean().describe('True when a new client was created.'),
  status: z.string().describe('Status the lead starts in.'),
  line: z.string().describe(FIELD.line),
  dataField: z.string().describe("Payload field of the line's details."),
  dataVersion: z.number().int().nullable().describe('Schema version the details were stored at; null when none were given.'),
});
export type CreatedLead = z.infer<typeof createdLeadView>;

function checkNewClient(c: NewClientInput): void {
  const missing: string[] = [];
  const misplaced: string[] = [];
  if (c.clientType === 'individual') {
    if (!c.firstName) missing.push('firstName');
    if (!c.lastName) missing.push('lastName');
    if (c.businessName) misplaced.push('businessName');
    if (c.dbaName) misplaced.push('dbaName');
  } else if (!c.businessName) {
    missing.push('businessName');
  }
  const details = [
    ...missing.map((f) => ({ field: `newClient.${f}`, message: `required for a ${c.clientType} client` })),
    ...misplaced.map((f) => ({ field: `newClient.${f}`, message: 'only for business clients' })),
  ];
  if (details.length)
    throw new ValidationError(
      `The new ${c.clientType} client is incomplete: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}.`,
      details,
      'Fill the named fields and try again.',
    );
}

/**
 * Creates a lead, and its client when `newClient` is given. Everything is checked before the
 * first write (client choice, codes, payload), so a failure writes nothing even outside a
 * transaction. The line's payload is stored at its current schema version.
 */
export async function createLead(db: DbOrTx, input: NewLeadInput, now: Date): Promise<CreatedLead> {
  if (Boolean(input.clientId) === Boolean(input.newClient)) {
    throw new ValidationError('Give exactly one of clientId (an existing client) or newClient (to create one).', [
      { field: input.clientId ? 'newClient' : 'clientId', message: 'exactly one of clientId, newClient' },
    ]);
  }
  const [line] = await db.select().from(insuranceTypes).where(eq(insuranceTypes.code, input.line)).limit(1);
  if (!line || !line.isActive) {
    const valid = (
      await db
        .select({ code: insuranceTypes.code })
        .from(insuranceTypes)
        .where(eq(insuranceTypes.isActive, true))
        .orderBy(insuranceTypes.sortOrder)
    ).map((r) => r.code);
    throw new ValidationError(
      `Unknown line of business "${input.line}".`,
      [{ field: 'line', message: `valid: ${valid.join(', ')}` }],
      `Use one of: ${valid.join(', ')}.`,
    );
  }
  const status = await statusByCode(db, input.status ?? 'new', 'status');
  if (status.isTerminal) {
    throw new ValidationError(
      `A lead cannot be created as ${status.code}.`,
      [{ field: 'status', message: 'must be an open status' }],
      'Create it as new (or another open status), then use update_lead_status.',
    );
  }
  const dataField = fieldForDataColumn(line.dataField);
  const payload = input.lineData === undefined ? undefined : validateLeadData(dataField, input.lineData);

  let clientId = input.clientId;
  if (clientId) {
    const [c] = await db.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId)).limit(1);
    if (!c) throw new NotFoundError('client', clientId, 'Use search_leads to find the client, or pass newClient to create one.');
  } else {
    const nc = input.newClient!;
    checkNewClient(nc);
    if (nc.email && !nc.allowDuplicateEmail) {
      const [dup] = await db
        .select({ id: clients.id, name: clients.displayName })
        .from(clients)
        .where(sql`lower(${clients.email}) = lower(${nc.email})`)
        .limit(1);
      if (dup) {
        throw new ConflictError(
          `A client with email ${nc.email} already exists: ${dup.name} (${dup.id}).`,
          `Pass clientId ${dup.id} to add the lead to that client, or set newClient.allowDuplicateEmail if this really is a different client.`,
        );
      }
    }
    let addressId: string | undefined;
    if (nc.address) {
      const a = nc.address;
      const [row] = await db
        .insert(addresses)
        .values({
          line1: a.line1,
          line2: a.line2,
          city: a.city,
          state: a.state.toUpperCase(),
          postalCode: a.postalCode,
          country: a.country ?? 'US',
        })
        .returning({ id: addresses.id });
      addressId = row!.id;
    }
    const [created] = await db
      .insert(clients)
      .values({
        clientType: nc.clientType,
        firstName: nc.firstName,
        lastName: nc.lastName,
        businessName: nc.businessName,
        dbaName: nc.dbaName,
        email: nc.email,
        phone: nc.phone,
        addressId,
        assignedUserId: input.assignedUserId,
      })
      .returning({ id: clients.id });
    clientId = created!.id;
  }

  const [lead] = await db
    .insert(leads)
    .values({
      clientId,
      statusId: status.id,
      insuranceTypeId: line.id,
      assignedUserId: input.assignedUserId,
      source: input.source,
      currentCarrier: input.currentCarrier,
      currentPremium: money(input.currentPremium),
      targetPremium: money(input.targetPremium),
      xDate: input.xDate,
      umbrellaRequested: input.umbrellaRequested ?? false,
      umbrellaLimit: money(input.umbrellaLimit),
      tags: input.tags ?? [],
      ...(payload ? { [dataField]: payload.data, [`${dataField}Version`]: payload.version } : {}),
      statusChangedAt: now,
      // On insert there is no earlier first contact to keep.
      ...(status.code === 'contacted'
        ? { firstContactedAt: now }
        : (lifecycleStamp(status.code, now) as Partial<typeof leads.$inferInsert>)),
    })
    .returning({ id: leads.id });
  return {
    leadId: lead!.id,
    clientId,
    clientCreated: !input.clientId,
    status: status.code,
    line: line.code,
    dataField,
    dataVersion: payload?.version ?? null,
  };
}
