/**
 * An opt-out stops the work already planned on that channel: open call, text or email
 * follow-ups that consent now refuses are cancelled (with an outcome saying why), across all the
 * person's leads, and only those: other channels and other people's follow-ups stay open.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { followUps, leads } from '../../src/db/schema/index.js';
import type { Db } from '../../src/db/client.js';
import { logCommunicationTool } from '../../tools/log-communication.js';
import { recordConsentTool } from '../../tools/record-consent.js';
import { runTool, type ToolResult } from '../../tools/run-tool.js';
import type { AnyTool } from '../../tools/define.js';
import { actorOf, makeClient, makeContact, makeLead, makeUser, toolDeps } from '../helpers/fixtures.js';
import { useDatabase } from '../helpers/db.js';

const database = useDatabase();
const NOW = new Date('2026-03-10T16:00:00Z');
const DUE = new Date('2026-03-12T15:00:00Z');

async function setup(db: Db) {
  const user = await makeUser(db);
  const run = (tool: AnyTool, input: Record<string, unknown>) =>
    runTool(toolDeps(db, NOW), tool, input, { actor: actorOf(user), channel: 'mcp_memory' });
  const followUp = async (leadId: string, channel: 'call' | 'sms' | 'email', contactId: string | null = null, dueAt = DUE) => {
    const [lead] = await db.select({ clientId: leads.clientId }).from(leads).where(eq(leads.id, leadId));
    const [f] = await db
      .insert(followUps)
      .values({
        leadId,
        clientId: lead!.clientId,
        contactId,
        dueAt,
        timezone: 'America/New_York',
        channel,
        purpose: `${channel} ${dueAt.toISOString()}`,
        assignedUserId: user.id,
      })
      .returning();
    await db.update(leads).set({ nextFollowUpAt: DUE }).where(eq(leads.id, leadId));
    return f!.id;
  };
  const statusOf = async (id: string) => (await db.select().from(followUps).where(eq(followUps.id, id)))[0]!;
  return { user, run, followUp, statusOf };
}

const out = (r: ToolResult) => {
  if (!r.ok) throw new Error(`tool failed: ${JSON.stringify(r.error)}`);
  return r.output as Record<string, unknown>;
};

describe('an opt-out cancels the follow-ups it makes unlawful', () => {
  it('do-not-call for the person cancels call follow-ups on every lead; email ones stay; repeating cancels nothing more', async () => {
    const { db } = database();
    const { run, followUp, statusOf } = await setup(db);
    const client = await makeClient(db, { timezone: 'America/New_York', phone: '(555) 301-0001' });
    const a = await makeLead(db, { clientId: client.id, line: 'life' });
    const b = await makeLead(db, { clientId: client.id, line: 'auto' });
    const callA = await followUp(a.id, 'call');
    const callB = await followUp(b.id, 'call', null, new Date('2026-03-11T15:00:00Z'));
    const mailB = await followUp(b.id, 'email', null, new Date('2026-03-13T15:00:00Z'));

    const r = out(await run(recordConsentTool, { action: 'do_not_call', clientId: client.id, source: 'verbal_request' }));
    expect(r.cancelledFollowUps).toEqual(expect.arrayContaining([callA, callB]));
    expect(r.cancelledFollowUps).toHaveLength(2);
    for (const id of [callA, callB]) {
      expect(await statusOf(id)).toMatchObject({ status: 'cancelled', outcome: expect.stringMatching(/do-not-call recorded for call/) });
    }
    expect(await statusOf(mailB)).toMatchObject({ status: 'open' });
    // The lead's next follow-up is the email one now; the life lead has none.
    const [lb] = await db.select().from(leads).where(eq(leads.id, b.id));
    expect(lb!.nextFollowUpAt?.toISOString()).toBe('2026-03-13T15:00:00.000Z');
    const [la] = await db.select().from(leads).where(eq(leads.id, a.id));
    expect(la!.nextFollowUpAt).toBeNull();

    const again = out(await run(recordConsentTool, { action: 'do_not_call', clientId: client.id, source: 'verbal_request' }));
    expect(again).toMatchObject({ changed: false });
    expect(again.cancelledFollowUps).toBeUndefined();
  });

  it("an inbound STOP from one contact cancels text follow-ups to that contact only, not to the client's own number", async () => {
    const { db } = database();
    const { run, followUp, statusOf } = await setup(db);
    const client = await makeClient(db, {
      clientType: 'business',
      businessName: 'Acme Roofing',
      firstName: null,
      lastName: null,
      timezone: 'America/New_York',
      phone: '(555) 301-0100',
    });
    const owner = await makeContact(db, client.id, { mobilePhone: '(555) 301-0101' });
    const lead = await makeLead(db, { clientId: client.id, line: 'bop' });
    const toOwner = await followUp(lead.id, 'sms', owner.id);
    const toOffice = await followUp(lead.id, 'sms', null, new Date('2026-03-13T15:00:00Z'));

    const r = out(
      await run(logCommunicationTool, { leadId: lead.id, type: 'sms', direction: 'inbound', body: 'STOP', contactId: owner.id }),
    );
    expect(r.consentChange).toMatch(new RegExp(`Cancelled 1 open text follow-up\\(s\\): ${toOwner}`));
    expect(await statusOf(toOwner)).toMatchObject({ status: 'cancelled', outcome: expect.stringMatching(/texted "STOP"/) });
    expect(await statusOf(toOffice)).toMatchObject({ status: 'open' });
  });

  it('do-not-call on a phone number cancels call follow-ups of the client using it, whatever its format', async () => {
    const { db } = database();
    const { run, followUp, statusOf } = await setup(db);
    const client = await makeClient(db, { timezone: 'America/New_York', phone: '555.301.0200' });
    const other = await makeClient(db, { timezone: 'America/New_York', phone: '(555) 301-0299' });
    const lead = await makeLead(db, { clientId: client.id, line: 'home' });
    const otherLead = await makeLead(db, { clientId: other.id, line: 'home' });
    const mine = await followUp(lead.id, 'call');
    const theirs = await followUp(otherLead.id, 'call');

    const r = out(await run(recordConsentTool, { action: 'do_not_call', phone: '+1 (555) 301-0200', source: 'national_dnc_registry' }));
    expect(r.cancelledFollowUps).toEqual([mine]);
    expect(await statusOf(mine)).toMatchObject({ status: 'cancelled' });
    expect(await statusOf(theirs)).toMatchObject({ status: 'open' });
  });

  it('a grant cancels nothing', async () => {
    const { db } = database();
    const { run, followUp, statusOf } = await setup(db);
    const client = await makeClient(db, { timezone: 'America/New_York', phone: '(555) 301-0300' });
    const lead = await makeLead(db, { clientId: client.id, line: 'home' });
    const f = await followUp(lead.id, 'sms');
    const r = out(await run(recordConsentTool, { action: 'grant', channel: 'sms', clientId: client.id, source: 'web_form' }));
    expect(r.cancelledFollowUps).toBeUndefined();
    expect(await statusOf(f)).toMatchObject({ status: 'open' });
  });
});
