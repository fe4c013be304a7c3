import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { validateLeadData } from '../../src/crm/leads/data/index.js';
import { clients, contacts, followUps, leadMarketingSettings, leadNotes, leads } from '../../src/db/schema/index.js';
import { AppError, fromPgError } from '../../src/errors.js';
import { insuranceTypeId, makeClient, makeContact, makeLead, newId, statusId } from '../helpers/fixtures.js';
import { useDatabase } from '../helpers/db.js';

const database = useDatabase();

/** Runs `fn`, expects it to fail, and returns the error as fromPgError maps it. */
async function mapped(fn: () => Promise<unknown>): Promise<AppError> {
  const err = await fn().then(
    () => {
      throw new Error('expected the write to fail');
    },
    (e: unknown) => fromPgError(e),
  );
  if (!(err instanceof AppError)) throw err;
  return err;
}

const total = async (table: typeof clients | typeof leads | typeof leadMarketingSettings | typeof contacts) => {
  const [r] = await database().db.select({ n: count() }).from(table);
  return r!.n;
};

describe('database rules reject bad data with clear errors and leave nothing behind', () => {
  it('a lead with an unknown status is a VALIDATION error naming the foreign key, and the transaction leaves no client', async () => {
    const { db } = database();
    const [clientsBefore, leadsBefore] = [await total(clients), await total(leads)];
    // Look-ups happen before the transaction: the embedded pool has one connection, which the transaction holds.
    const auto = await insuranceTypeId(db, 'auto');
    const err = await mapped(() =>
      db.transaction(async (tx) => {
        const [c] = await tx.insert(clients).values({ clientType: 'individual', firstName: 'Ann', lastName: 'Orphan' }).returning();
        await tx.insert(leads).values({ clientId: c!.id, statusId: 99_999, insuranceTypeId: auto });
      }),
    );
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toMatch(/referenced record does not exist.*leads_status_id/);
    expect([await total(clients), await total(leads)]).toEqual([clientsBefore, leadsBefore]);
  });

  it('a business client without business_name breaks clients_name_by_type (VALIDATION)', async () => {
    const { db } = database();
    const before = await total(clients);
    const err = await mapped(() => db.insert(clients).values({ clientType: 'business', industry: 'Retail' }));
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toContain('clients_name_by_type');
    expect(await total(clients)).toBe(before);
  });

  it('granted SMS consent without source and time is rejected; with evidence it is accepted', async () => {
    const { db } = database();
    const lead = await makeLead(db);
    const before = await total(leadMarketingSettings);
    const err = await mapped(() =>
      db.insert(leadMarketingSettings).values({ leadId: lead.id, smsConsent: 'granted', smsConsentWording: 'Reply YES' }),
    );
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toContain('lead_marketing_settings_granted_has_evidence');
    expect(await total(leadMarketingSettings)).toBe(before);
    await db
      .insert(leadMarketingSettings)
      .values({ leadId: lead.id, smsConsent: 'granted', smsConsentSource: 'web_form', smsConsentAt: new Date('2026-10-01T15:00:00Z') });
    expect(await total(leadMarketingSettings)).toBe(before + 1);
  });

  it('a payload without its version column (and vice versa) breaks the versioned check', async () => {
    const { db } = database();
    const c = await makeClient(db);
    const base = { clientId: c.id, statusId: await statusId(db, 'new'), insuranceTypeId: await insuranceTypeId(db, 'home') };
    const a = await mapped(() => db.insert(leads).values({ ...base, homeData: { policyForm: 'HO3' } }));
    expect(a.message).toContain('leads_home_data_versioned');
    const b = await mapped(() => db.insert(leads).values({ ...base, homeDataVersion: 1 }));
    expect(b.message).toContain('leads_home_data_versioned');
  });

  it('an invalid JSONB payload is stopped by validateLeadData before it reaches the table; the transaction rolls back', async () => {
    const { db } = database();
    const before = [await total(clients), await total(leads)];
    const [newStatus, auto] = [await statusId(db, 'new'), await insuranceTypeId(db, 'auto')];
    const err = await db
      .transaction(async (tx) => {
        const [c] = await tx.insert(clients).values({ clientType: 'individual', firstName: 'Val', lastName: 'Idate' }).returning();
        const payload = validateLeadData('autoData', { drivers: [], vehicles: [{ year: 2020, make: 'Ford', vin: 'ABC' }], limits: {} });
        await tx.insert(leads).values({
          clientId: c!.id,
          statusId: newStatus,
          insuranceTypeId: auto,
          autoData: payload.data,
          autoDataVersion: payload.version,
        });
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('VALIDATION');
    expect((err as AppError).details.map((d) => d.field)).toEqual(
      expect.arrayContaining([
        'autoData.drivers',
        'autoData.vehicles.0.vin',
        'autoData.vehicles.0.model',
        'autoData.limits.bodilyInjuryPerPerson',
      ]),
    );
    expect([await total(clients), await total(leads)]).toEqual(before);
  });

  it('a second primary contact is a CONFLICT; a blank note and an inconsistent follow-up are VALIDATION', async () => {
    const { db } = database();
    const c = await makeClient(db);
    await makeContact(db, c.id, { isPrimaryContact: true });
    const dup = await mapped(() => makeContact(db, c.id, { isPrimaryContact: true }));
    expect(dup.code).toBe('CONFLICT');
    expect(dup.message).toContain('contacts_one_primary_per_client');
    const lead = await makeLead(db, { clientId: c.id });
    const blank = await mapped(() => db.insert(leadNotes).values({ leadId: lead.id, clientId: c.id, body: '   ' }));
    expect(blank.message).toContain('lead_notes_body_not_blank');
    const fu = await mapped(() =>
      db.insert(followUps).values({
        leadId: lead.id,
        dueAt: new Date('2026-11-02T15:00:00Z'),
        timezone: 'America/Chicago',
        channel: 'call',
        purpose: 'Call back',
        status: 'completed',
      }),
    );
    expect(fu.message).toContain('follow_ups_completed_consistent');
    expect(await db.select().from(followUps).where(eq(followUps.leadId, lead.id))).toEqual([]);
  });

  it('a contact of a missing client and a bad enum value are rejected', async () => {
    const { db } = database();
    const before = await total(contacts);
    const fk = await mapped(() => makeContact(db, newId()));
    expect(fk.message).toContain('contacts_client_id');
    const enumErr = await mapped(() => db.insert(clients).values({ clientType: 'individual', lastName: 'X', status: 'vip' as 'active' }));
    expect(enumErr.message).toContain('clients_status_check');
    expect(await total(contacts)).toBe(before);
  });
});
