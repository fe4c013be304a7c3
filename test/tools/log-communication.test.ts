import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { clients, contacts, leadCommunications, leadMarketingSettings, leads } from '../../src/db/schema/index.js';
import type { Db } from '../../src/db/client.js';
import { logCommunicationTool } from '../../tools/log-communication.js';
import { runTool, type ToolResult } from '../../tools/run-tool.js';
import { actorOf, makeClient, makeContact, makeLead, makeUser, toolDeps } from '../helpers/fixtures.js';
import { useDatabase } from '../helpers/db.js';

const database = useDatabase();
const NOW = new Date('2026-03-10T16:00:00Z');
const T = new Date('2026-01-05T12:00:00Z');

async function setup(db: Db) {
  const user = await makeUser(db);
  const lead = await makeLead(db);
  const contact = await makeContact(db, lead.clientId);
  const call = (input: Record<string, unknown>, now = NOW) =>
    runTool(toolDeps(db, now), logCommunicationTool, { leadId: lead.id, ...input }, { actor: actorOf(user), channel: 'mcp_memory' });
  return { user, lead, contact, call };
}

const settings = (db: Db, leadId: string, o: Partial<typeof leadMarketingSettings.$inferInsert>) =>
  db.insert(leadMarketingSettings).values({ leadId, ...o });
const commsOf = (db: Db, leadId: string) => db.select().from(leadCommunications).where(eq(leadCommunications.leadId, leadId));
const leadRow = async (db: Db, id: string) => (await db.select().from(leads).where(eq(leads.id, id)))[0]!;

function refusal(r: ToolResult) {
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('unreachable');
  expect(r.error.code).toBe('CONSENT_REQUIRED');
  return `${r.error.message} ${r.error.hint ?? ''}`;
}

describe('log_communication', () => {
  it('logs an outbound call with unknown consent, with a note, and stamps lead, client and contact', async () => {
    const { db } = database();
    const { lead, contact, call } = await setup(db);
    const r = await call({
      type: 'call',
      direction: 'outbound',
      contactId: contact.id,
      outcome: 'connected',
      durationSeconds: 300,
      body: 'Discussed the auto quote.',
    });
    expect(r).toMatchObject({
      ok: true,
      output: {
        type: 'call',
        duplicate: false,
        occurredAt: NOW.toISOString(),
        leadLastContactedAt: NOW.toISOString(),
        leadFirstContactedAt: NOW.toISOString(),
      },
    });
    if (!r.ok) return;
    expect(r.output.consentNote).toMatch(/call consent .* not recorded/);
    const [row] = await commsOf(db, lead.id);
    expect(row).toMatchObject({ contactId: contact.id, outcome: 'connected', durationSeconds: 300, direction: 'outbound' });
    const [cl] = await db.select().from(clients).where(eq(clients.id, lead.clientId));
    const [ct] = await db.select().from(contacts).where(eq(contacts.id, contact.id));
    expect(cl!.lastContactAt?.toISOString()).toBe(NOW.toISOString());
    expect(ct!.lastContactAt?.toISOString()).toBe(NOW.toISOString());
  });

  it('refuses outbound calls and voicemails on do-not-call and writes nothing; inbound calls still log', async () => {
    const { db } = database();
    const { lead, call } = await setup(db);
    await settings(db, lead.id, { doNotCall: true, doNotCallSource: 'customer asked', doNotCallAt: T });
    expect(refusal(await call({ type: 'call', direction: 'outbound' }))).toMatch(
      /do-not-call list \(source: customer asked.*record call consent with its source first, or log an email instead/,
    );
    expect(refusal(await call({ type: 'voicemail', direction: 'outbound', outcome: 'left_voicemail' }))).toMatch(
      /Outbound voicemail refused/,
    );
    expect(await commsOf(db, lead.id)).toHaveLength(0);
    expect((await leadRow(db, lead.id)).lastContactedAt).toBeNull();
    expect(await call({ type: 'call', direction: 'inbound' })).toMatchObject({ ok: true });
  });

  it('refuses a text after SMS consent was revoked, and email after an unsubscribe', async () => {
    const { db } = database();
    const { lead, call } = await setup(db);
    await settings(db, lead.id, {
      smsConsent: 'revoked',
      smsConsentSource: 'replied STOP',
      smsConsentAt: T,
      unsubscribedAt: T,
      unsubscribeSource: 'email footer link',
    });
    expect(refusal(await call({ type: 'sms', direction: 'outbound', body: 'Your quote is ready' }))).toMatch(
      /SMS consent for this lead is revoked \(source: replied STOP/,
    );
    expect(refusal(await call({ type: 'email', direction: 'outbound', subject: 'Quote' }))).toMatch(
      /unsubscribed from email \(source: email footer link/,
    );
    expect(await commsOf(db, lead.id)).toHaveLength(0);
    expect(await call({ type: 'call', direction: 'outbound' })).toMatchObject({ ok: true });
  });

  it("applies a contact's own settings to that contact only", async () => {
    const { db } = database();
    const { lead, contact, call } = await setup(db);
    const other = await makeContact(db, lead.clientId, { firstName: 'Alex' });
    await settings(db, lead.id, { callConsent: 'granted', callConsentSource: 'web form', callConsentAt: T });
    await settings(db, lead.id, { contactId: contact.id, callConsent: 'revoked', callConsentSource: 'told producer', callConsentAt: T });
    expect(refusal(await call({ type: 'call', direction: 'outbound', contactId: contact.id }))).toMatch(
      /call consent for this contact is revoked \(source: told producer/,
    );
    expect(await commsOf(db, lead.id)).toHaveLength(0);
    const ok = await call({ type: 'call', direction: 'outbound', contactId: other.id });
    expect(ok).toMatchObject({ ok: true, output: { consentNote: null } });
  });

  it('logs once for a retried idempotency key, and refuses the key for a different payload', async () => {
    const { db } = database();
    const { lead, call } = await setup(db);
    const input = { type: 'email', direction: 'outbound', subject: 'Your quote', idempotencyKey: 'retry-key-0001' };
    const first = await call(input);
    // The retry comes a minute later: occurredAt defaulted to now is not part of the payload.
    const again = await call(input, new Date(NOW.getTime() + 60_000));
    expect(first).toMatchObject({ ok: true, output: { duplicate: false } });
    expect(again).toMatchObject({ ok: true, output: { duplicate: true } });
    if (!first.ok || !again.ok) return;
    expect(again.output.communicationId).toBe(first.output.communicationId);
    expect(await commsOf(db, lead.id)).toHaveLength(1);
    const clash = await call({ ...input, subject: 'Something else' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await commsOf(db, lead.id)).toHaveLength(1);
  });

  it('logs once when five identical calls with one key run concurrently', async () => {
    const { db } = database();
    const { lead, call } = await setup(db);
    const input = { type: 'call', direction: 'outbound', outcome: 'no_answer', idempotencyKey: 'concurrent-key-42' };
    const results = await Promise.all(Array.from({ length: 5 }, () => call(input)));
    expect(results.every((r) => r.ok)).toBe(true);
    const outs = results.flatMap((r) => (r.ok ? [r.output] : []));
    expect(outs.filter((o) => o.duplicate === false)).toHaveLength(1);
    expect(new Set(outs.map((o) => o.communicationId)).size).toBe(1);
    expect(await commsOf(db, lead.id)).toHaveLength(1);
  });

  it('moves last-contact times forward only; an older log can only move first contact back', async () => {
    const { db } = database();
    const { lead, contact, call } = await setup(db);
    const later = '2026-03-09T15:00:00.000Z';
    const earlier = '2026-02-01T15:00:00.000Z';
    await call({ type: 'meeting', direction: 'outbound', occurredAt: later, contactId: contact.id, outcome: 'meeting_held' });
    const r = await call({ type: 'letter', direction: 'outbound', occurredAt: earlier, contactId: contact.id, outcome: 'sent' });
    expect(r).toMatchObject({ ok: true, output: { leadLastContactedAt: later, leadFirstContactedAt: earlier } });
    const l = await leadRow(db, lead.id);
    expect(l.lastContactedAt?.toISOString()).toBe(later);
    const [cl] = await db.select().from(clients).where(eq(clients.id, lead.clientId));
    const [ct] = await db.select().from(contacts).where(eq(contacts.id, contact.id));
    expect(cl!.lastContactAt?.toISOString()).toBe(later);
    expect(ct!.lastContactAt?.toISOString()).toBe(later);
  });

  it("rejects another client's contact, an unknown type and a future time", async () => {
    const { db } = database();
    const { lead, call } = await setup(db);
    const stranger = await makeContact(db, (await makeClient(db)).id);
    expect(await call({ type: 'call', direction: 'inbound', contactId: stranger.id })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ field: 'contactId' }] },
    });
    const unknown = await call({ type: 'fax', direction: 'outbound' });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', hint: expect.stringContaining('call, voicemail, sms, email') },
    });
    expect(await call({ type: 'call', direction: 'inbound', occurredAt: '2026-03-11T16:00:00Z' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await commsOf(db, lead.id)).toHaveLength(0);
  });
});
