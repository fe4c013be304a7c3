import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { vinCheckDigit } from '../../src/crm/leads/data/index.js';
import { addresses, clients, leads } from '../../src/db/schema/index.js';
import { createLeadTool } from '../../tools/create-lead.js';
import { runTool } from '../../tools/run-tool.js';
import { actorOf, makeClient, makeUser, newId, statusId, toolDeps } from '../helpers/fixtures.js';
import { useDatabase } from '../helpers/db.js';

const database = useDatabase();
const NOW = new Date('2025-04-10T14:30:00Z');
const GOOD_VIN = (() => {
  const v = '1HGCM82633A004352';
  return v.slice(0, 8) + vinCheckDigit(v) + v.slice(9);
})();

const autoData = (vin = GOOD_VIN) => ({
  drivers: [{ firstName: 'Dana', lastName: 'Reyes', relationship: 'named_insured', dateOfBirth: '1985-02-03' }],
  vehicles: [
    {
      year: 2019,
      make: 'Honda',
      model: 'Accord',
      vin,
      usage: 'commute',
      annualMiles: 11000,
      garagingZip: '78701',
      ownership: 'financed',
      coverages: { comprehensiveDeductible: 500, collisionDeductible: 500 },
    },
  ],
  limits: { bodilyInjuryPerPerson: 100000, bodilyInjuryPerAccident: 300000, propertyDamage: 100000 },
});

const newClient = (o: Record<string, unknown> = {}) => ({
  clientType: 'individual',
  firstName: 'Dana',
  lastName: 'Reyes',
  email: `dana.${newId().slice(0, 8)}@example.com`,
  phone: '+1 512 555 0100',
  address: { line1: '100 Congress Ave', city: 'Austin', state: 'tx', postalCode: '78701' },
  ...o,
});

async function create(input: Record<string, unknown>) {
  const { db } = database();
  const user = await makeUser(db);
  const r = await runTool(toolDeps(db, NOW), createLeadTool, input, { actor: actorOf(user), channel: 'mcp_memory' });
  return { r, user };
}
async function counts() {
  const { db } = database();
  const [c] = await db.select({ n: count() }).from(clients);
  const [l] = await db.select({ n: count() }).from(leads);
  const [a] = await db.select({ n: count() }).from(addresses);
  return { clients: c!.n, leads: l!.n, addresses: a!.n };
}

describe('create_lead', () => {
  it('creates a new individual client with address and an auto lead with validated data', async () => {
    const { r, user } = await create({
      newClient: newClient(),
      line: 'auto',
      source: 'referral',
      currentCarrier: 'State Farm',
      currentPremium: 1830.5,
      xDate: '2025-06-01',
      tags: ['bundle'],
      lineData: autoData(),
    });
    expect(r).toMatchObject({
      ok: true,
      output: { clientCreated: true, status: 'new', line: 'auto', dataField: 'autoData', dataVersion: 2 },
    });
    if (!r.ok) return;
    const { db } = database();
    const [lead] = await db
      .select()
      .from(leads)
      .where(eq(leads.id, r.output.leadId as string));
    expect(lead).toMatchObject({
      clientId: r.output.clientId,
      assignedUserId: user.id,
      currentPremium: '1830.50',
      xDate: '2025-06-01',
      autoDataVersion: 2,
      statusChangedAt: NOW,
      tags: ['bundle'],
    });
    expect((lead!.autoData as { vehicles: Array<{ vin: string; coverages: { rentalReimbursement: boolean } }> }).vehicles[0]).toMatchObject(
      { vin: GOOD_VIN, coverages: { rentalReimbursement: false } },
    );
    const [client] = await db
      .select()
      .from(clients)
      .where(eq(clients.id, r.output.clientId as string));
    expect(client).toMatchObject({ clientType: 'individual', displayName: 'Dana Reyes', assignedUserId: user.id });
    const [addr] = await db.select().from(addresses).where(eq(addresses.id, client!.addressId!));
    expect(addr).toMatchObject({ city: 'Austin', state: 'TX' });
  });

  it('adds a lead to an existing client, assigned by handle, starting in an open status', async () => {
    const { db } = database();
    const client = await makeClient(db, { clientType: 'business', businessName: 'Hill Country Tacos', firstName: null, lastName: null });
    const producer = await makeUser(db);
    const { r } = await create({ clientId: client.id, line: 'bop', status: 'contacted', assignedTo: producer.handle });
    expect(r).toMatchObject({ ok: true, output: { clientId: client.id, clientCreated: false, status: 'contacted', dataVersion: null } });
    if (!r.ok) return;
    const [lead] = await db
      .select()
      .from(leads)
      .where(eq(leads.id, r.output.leadId as string));
    expect(lead).toMatchObject({
      assignedUserId: producer.id,
      statusId: await statusId(db, 'contacted'),
      firstContactedAt: NOW,
      commercialData: null,
    });
  });

  it('refuses bad line data naming the field, and writes no client, address or lead', async () => {
    const before = await counts();
    const { r } = await create({ newClient: newClient(), line: 'auto', lineData: autoData('1HGCM82633A00435I') });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.details.map((d) => d.field)).toContain('autoData.vehicles.0.vin');
    expect(r.error.message).toContain('autoData.vehicles.0.vin');
    expect(await counts()).toEqual(before);
  });

  it('needs exactly one of clientId and newClient, and a complete new client', async () => {
    const { db } = database();
    const client = await makeClient(db);
    const before = await counts();
    expect((await create({ line: 'auto' })).r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await create({ clientId: client.id, newClient: newClient(), line: 'auto' })).r).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const incomplete = (await create({ newClient: newClient({ lastName: undefined, businessName: 'Oops' }), line: 'auto' })).r;
    expect(incomplete.ok).toBe(false);
    if (!incomplete.ok) expect(incomplete.error.details.map((d) => d.field)).toEqual(['newClient.lastName', 'newClient.businessName']);
    const business = (await create({ newClient: { clientType: 'business', email: 'x@y.test' }, line: 'bop' })).r;
    expect(business).toMatchObject({ ok: false, error: { details: [{ field: 'newClient.businessName' }] } });
    expect(await counts()).toEqual(before);
  });

  it('refuses a duplicate email with the existing client named, unless allowed', async () => {
    const { db } = database();
    const existing = await makeClient(db, { email: 'Family@Example.com' });
    const dup = (await create({ newClient: newClient({ email: 'family@example.com' }), line: 'home' })).r;
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining(existing.id) } });
    const allowed = (await create({ newClient: newClient({ email: 'family@example.com', allowDuplicateEmail: true }), line: 'home' })).r;
    expect(allowed).toMatchObject({ ok: true, output: { clientCreated: true } });
  });

  it('refuses an unknown line, a terminal status, an unknown client and an unknown assignee', async () => {
    const { db } = database();
    const client = await makeClient(db);
    expect((await create({ clientId: client.id, line: 'spaceship' })).r).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ field: 'line', message: expect.stringContaining('workers_comp') }] },
    });
    expect((await create({ clientId: client.id, line: 'auto', status: 'won' })).r).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ field: 'status' }] },
    });
    expect((await create({ clientId: newId(), line: 'auto' })).r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await create({ clientId: client.id, line: 'auto', assignedTo: 'ghost' })).r).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ field: 'assignedTo' }] },
    });
  });
});
