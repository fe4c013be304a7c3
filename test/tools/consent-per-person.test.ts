/**
 * Compliance is per person (issue 7): opt-outs hold across every lead of the client, for the
 * contact, and for the phone number itself; follow-ups that could never be made lawfully are
 * refused; calls and texts keep off Sundays, federal holidays and outside state windows.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  addresses,
  aiInteractions,
  consentRecords,
  followUps,
  leadCommunications,
  leadMarketingSettings,
} from '../../src/db/schema/index.js';
import type { Db } from '../../src/db/client.js';
import { logCommunicationTool } from '../../tools/log-communication.js';
import { recordConsentTool } from '../../tools/record-consent.js';
import { scheduleFollowUpTool } from '../../tools/schedule-follow-up.js';
import { runTool, type ToolResult } from '../../tools/run-tool.js';
import type { AnyTool } from '../../tools/define.js';
import { actorOf, makeClient, makeContact, makeLead, makeUser, toolDeps } from '../helpers/fixtures.js';
import { useDatabase } from '../helpers/db.js';

const database = useDatabase();
// Tuesday 2026-03-10, 12:00 EDT / 11:00 CDT (agency).
const NOW = new Date('2026-03-10T16:00:00Z');
const T = new Date('2026-01-05T12:00:00Z');
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

async function setup(db: Db) {
  const user = await makeUser(db);
  const run = (tool: AnyTool, input: Record<string, unknown>, now = NOW) =>
    runTool(toolDeps(db, now), tool, input, { actor: actorOf(user), channel: 'mcp_memory' });
  return {
    user,
    log: (input: Record<string, unknown>, now = NOW) => run(logCommunicationTool, input, now),
    schedule: (input: Record<string, unknown>, now = NOW) => run(scheduleFollowUpTool, { purpose: 'Review quote', ...input }, now),
    record: (input: Record<string, unknown>, now = NOW) => run(recordConsentTool, input, now),
  };
}

const out = (r: ToolResult) => {
  if (!r.ok) throw new Error(`tool failed: ${JSON.stringify(r.error)}`);
  return r.output as Record<string, unknown>;
};
function refusal(r: ToolResult): string {
  expect(r).toMatchObject({ ok: false, error: { code: 'CONSENT_REQUIRED' } });
  if (r.ok) throw new Error('unreachable');
  return `${r.error.message} ${r.error.hint ?? ''}`;
}
const commsOf = (db: Db, leadId: string) => db.select().from(leadCommunications).where(eq(leadCommunications.leadId, leadId));
const followUpsOf = (db: Db, leadId: string) => db.select().from(followUps).where(eq(followUps.leadId, leadId));
const auditOf = async (db: Db, id: string) => (await db.select().from(aiInteractions).where(eq(aiInteractions.id, id)))[0];

let phoneSeq = 0;
/** A client with a life lead and an auto lead; each client gets its own number (numbers carry opt-outs). */
async function twoLeads(db: Db, client: Parameters<typeof makeClient>[1] = {}) {
  const phone = `(555) 201-${String(++phoneSeq).padStart(4, '0')}`;
  const c = await makeClient(db, { timezone: 'America/New_York', phone, ...client });
  return { client: c, a: await makeLead(db, { clientId: c.id, line: 'life' }), b: await makeLead(db, { clientId: c.id, line: 'auto' }) };
}

describe('per-person consent', () => {
  it('a do-not-call on the life lead refuses calls about the auto lead, logged or scheduled; email is still allowed', async () => {
    const { db } = database();
    const { log, schedule } = await setup(db);
    const { a, b } = await twoLeads(db);
    await db
      .insert(leadMarketingSettings)
      .values({ leadId: a.id, doNotCall: true, doNotCallSource: 'national_dnc_registry', doNotCallAt: T });

    const logged = await log({ leadId: b.id, type: 'call', direction: 'outbound' });
    expect(refusal(logged)).toMatch(
      new RegExp(
        `recorded on their life lead ${a.id}; it holds for all their leads\\) is on the do-not-call list \\(source: national_dnc_registry`,
      ),
    );
    expect(await commsOf(db, b.id)).toHaveLength(0);
    expect(await auditOf(db, logged.interactionId)).toMatchObject({
      toolName: 'log_communication',
      errorCode: 'CONSENT_REQUIRED',
      leadId: b.id,
    });

    const scheduled = await schedule({ leadId: b.id, when: 'tomorrow at 10am', channel: 'call' });
    expect(refusal(scheduled)).toMatch(/do-not-call list.*schedule it with channel "sms" or "email" or "task" instead/);
    expect(await followUpsOf(db, b.id)).toHaveLength(0);
    expect(await auditOf(db, scheduled.interactionId)).toMatchObject({ toolName: 'schedule_follow_up', errorCode: 'CONSENT_REQUIRED' });

    expect(out(await schedule({ leadId: b.id, when: 'tomorrow at 10am', channel: 'email' }))).toMatchObject({
      scheduled: true,
      channel: 'email',
      warnings: [],
    });
    expect(out(await log({ leadId: b.id, type: 'email', direction: 'outbound', subject: 'Your auto quote' }))).toMatchObject({
      type: 'email',
    });
  });

  it('an inbound STOP text revokes SMS for the person on every lead and their number, and says so', async () => {
    const { db } = database();
    const { log, schedule } = await setup(db);
    const { client, a, b } = await twoLeads(db, { phone: '(555) 201-9999' });
    const ordinary = out(await log({ leadId: a.id, type: 'sms', direction: 'inbound', body: 'Yes, Tuesday works' }));
    expect(ordinary.consentChange).toBeNull();
    const stop = out(await log({ leadId: a.id, type: 'sms', direction: 'inbound', body: 'Stop' }));
    expect(stop.consentChange).toMatch(/"STOP" revokes SMS consent .*revoked for the client and \+15552019999, across all their leads/);
    const recs = await db
      .select()
      .from(consentRecords)
      .where(eq(consentRecords.communicationId, stop.communicationId as string));
    expect(recs.map((r) => [r.level, r.state, r.address]).sort()).toEqual([
      ['address', 'revoked', '+15552019999'],
      ['client', 'revoked', null],
    ]);
    expect(recs[0]!.clientId).toBe(client.id);

    expect(refusal(await log({ leadId: b.id, type: 'sms', direction: 'outbound', body: 'Quote ready' }))).toMatch(
      /SMS consent for the client \(recorded for the person, all their leads\) is revoked \(source: sms_reply/,
    );
    expect(refusal(await schedule({ leadId: b.id, when: 'tomorrow at 10am', channel: 'sms' }))).toMatch(/"call" or "email" or "task"/);
    expect(await commsOf(db, b.id)).toHaveLength(0);
    // Calls are a different consent.
    expect(await log({ leadId: b.id, type: 'call', direction: 'outbound' })).toMatchObject({ ok: true });
  });

  it('a number two contacts share carries its opt-outs to both, however it is written', async () => {
    const { db } = database();
    const { log, record } = await setup(db);
    const lead1 = await makeLead(db);
    const lead2 = await makeLead(db);
    const x = await makeContact(db, lead1.clientId, { mobilePhone: '(555) 010-2030' });
    const y = await makeContact(db, lead2.clientId, { phone: '+1 555 010 2030' });
    out(await log({ leadId: lead1.id, contactId: x.id, type: 'sms', direction: 'inbound', body: 'UNSUBSCRIBE' }));
    expect(refusal(await log({ leadId: lead2.id, contactId: y.id, type: 'sms', direction: 'outbound' }))).toMatch(
      /SMS consent for the number \+15550102030 \(for everyone using it\) is revoked.*"phone":"\+15550102030"/,
    );
    expect(await log({ leadId: lead2.id, contactId: y.id, type: 'call', direction: 'outbound' })).toMatchObject({ ok: true });
    out(await record({ action: 'do_not_call', phone: '555.010.2030', source: 'customer_request' }));
    expect(refusal(await log({ leadId: lead2.id, contactId: y.id, type: 'call', direction: 'outbound' }))).toMatch(
      /the number \+15550102030 \(for everyone using it\) is on the do-not-call list/,
    );
  });

  it('a lead-level grant cannot override a person-level opt-out; a later person-level grant can', async () => {
    const { db } = database();
    const { log, record } = await setup(db);
    const { client, b } = await twoLeads(db);
    const first = out(await record({ action: 'revoke', channel: 'sms', clientId: client.id, source: 'verbal_request' }));
    expect(first).toMatchObject({ changed: true, level: 'client', state: 'revoked' });
    expect(
      out(await record({ action: 'revoke', channel: 'sms', clientId: client.id, source: 'verbal_request' }, hours(0.5))),
    ).toMatchObject({
      changed: false,
      consentRecordId: first.consentRecordId,
    });
    await db
      .insert(leadMarketingSettings)
      .values({ leadId: b.id, smsConsent: 'granted', smsConsentSource: 'web_form', smsConsentAt: hours(1) });
    expect(refusal(await log({ leadId: b.id, type: 'sms', direction: 'outbound' }, hours(2)))).toMatch(
      /SMS consent for the client .* is revoked/,
    );

    expect(await record({ action: 'grant', channel: 'sms', clientId: client.id }, hours(3))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ field: 'source' }] },
    });
    out(await record({ action: 'grant', channel: 'sms', clientId: client.id, source: 'recorded_call' }, hours(3)));
    expect(await log({ leadId: b.id, type: 'sms', direction: 'outbound' }, hours(4))).toMatchObject({ ok: true });
    const rows = await db
      .select()
      .from(consentRecords)
      .where(and(eq(consentRecords.clientId, client.id), eq(consentRecords.level, 'client')));
    expect(rows.map((r) => r.state).sort()).toEqual(['granted', 'revoked']);
  });

  it('validates record_consent: one subject, a channel that fits it', async () => {
    const { db } = database();
    const { record } = await setup(db);
    const c = await makeClient(db);
    expect(await record({ action: 'revoke', channel: 'sms' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await record({ action: 'revoke', channel: 'sms', clientId: c.id, phone: '5550102030' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await record({ action: 'unsubscribe', channel: 'sms', clientId: c.id })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ field: 'channel' }] },
    });
    expect(await record({ action: 'revoke', channel: 'mail', phone: '5550102030' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ field: 'channel' }] },
    });
    expect(await record({ action: 'do_not_call', phone: '12345' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ field: 'phone' }] },
    });
    expect(await db.select().from(consentRecords).where(eq(consentRecords.clientId, c.id))).toHaveLength(0);
  });
});

describe('contact calendar', () => {
  it('moves a Sunday or Thanksgiving call to the next allowed time', async () => {
    const { db } = database();
    const { schedule } = await setup(db);
    const { b } = await twoLeads(db);
    const sunday = out(await schedule({ leadId: b.id, when: 'Sunday at 11am', channel: 'call' }));
    expect(sunday).toMatchObject({
      scheduled: false,
      requestedDueAt: '2026-03-15T15:00:00.000Z',
      proposedDueAt: '2026-03-16T13:00:00.000Z',
    });
    expect(sunday.reason).toMatch(/Sun, Mar 15, 2026, 11:00 AM EDT is on a Sunday in the lead's time zone: no calls or texts that day/);
    const thanksgiving = out(await schedule({ leadId: b.id, when: '2026-11-26T11:00:00', channel: 'sms', purpose: 'Holiday' }));
    expect(thanksgiving).toMatchObject({ scheduled: false, proposedDueAt: '2026-11-27T14:00:00.000Z' });
    expect(thanksgiving.reason).toMatch(/on Thanksgiving Day/);
    expect(await followUpsOf(db, b.id)).toHaveLength(0);
    // Tasks have no calendar.
    expect(out(await schedule({ leadId: b.id, when: 'Sunday at 11am', channel: 'task', purpose: 'Prep' }))).toMatchObject({
      scheduled: true,
    });
  });

  it("applies the person's state window: 8:30 PM is allowed federally but not in Florida", async () => {
    const { db } = database();
    const { schedule } = await setup(db);
    const [addr] = await db
      .insert(addresses)
      .values({ line1: '1 Ocean Dr', city: 'Miami', state: 'FL', postalCode: '33139', timezone: 'America/New_York' })
      .returning();
    const { b } = await twoLeads(db, { timezone: null, addressId: addr!.id });
    const o = out(await schedule({ leadId: b.id, when: 'tomorrow at 8:30pm', channel: 'call' }));
    expect(o).toMatchObject({ scheduled: false, proposedDueAt: '2026-03-11T23:45:00.000Z' });
    expect(o.reason).toMatch(
      /outside 8:00 AM-8:00 PM in the lead's time zone \(America\/New_York, Florida \(Fla\. Stat\. 501\.616\(6\)\)\)/,
    );
  });

  it('refuses a future-dated outbound call on a Sunday but logs a past one with a note', async () => {
    const { db } = database();
    const { log } = await setup(db);
    const { b } = await twoLeads(db);
    const sunday = new Date('2026-03-15T16:00:00Z');
    const future = await log({ leadId: b.id, type: 'call', direction: 'outbound', occurredAt: '2026-03-15T16:03:00Z' }, sunday);
    expect(refusal(future)).toMatch(/future time refused: .*on a Sunday.*schedule_follow_up/);
    const past = out(await log({ leadId: b.id, type: 'call', direction: 'outbound', occurredAt: '2026-03-15T15:00:00Z' }, sunday));
    expect(past.consentNote).toMatch(/made outside the allowed contact hours \(.*on a Sunday/);
    expect(await commsOf(db, b.id)).toHaveLength(1);
  });
});
