import { describe, expect, it } from 'vitest';
import { assertMayContact, mergeConsent } from './consent.js';
import { resolveConsent, type ConsentFact } from './consent-resolve.js';
import type { leadMarketingSettings } from '../../db/schema/index.js';

type Row = typeof leadMarketingSettings.$inferSelect;
const LEAD = '00000000-0000-4000-8000-000000000001';
const CONTACT = '00000000-0000-4000-8000-000000000002';
const T = new Date('2026-01-05T12:00:00Z');

function row(o: Partial<Row> = {}): Row {
  const channel = (p: string) => ({
    [`${p}Consent`]: 'unknown',
    [`${p}ConsentSource`]: null,
    [`${p}ConsentAt`]: null,
    [`${p}ConsentWording`]: null,
  });
  return {
    id: 'x',
    leadId: LEAD,
    contactId: null,
    ...channel('call'),
    ...channel('sms'),
    ...channel('email'),
    ...channel('mail'),
    doNotCall: false,
    doNotCallSource: null,
    doNotCallAt: null,
    unsubscribedAt: null,
    unsubscribeSource: null,
    quietHoursStart: null,
    quietHoursEnd: null,
    timezone: null,
    tags: [],
    customFields: {},
    metadata: {},
    createdAt: T,
    updatedAt: T,
    ...o,
  } as Row;
}

const refused = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as { code: string; message: string; hint?: string };
  }
  throw new Error('expected a refusal');
};

describe('consent', () => {
  it('allows anything with no settings, with a note for channels that require consent', () => {
    const s = mergeConsent(LEAD, null, undefined, undefined);
    expect(assertMayContact(s, 'call', 'outbound', { requiresConsent: true }).note).toMatch(/call consent .* is not recorded/);
    expect(assertMayContact(s, 'email', 'outbound').note).toBeNull();
    expect(assertMayContact(s, null, 'outbound').note).toBeNull();
  });

  it('refuses an outbound call on do-not-call, naming the fix and the alternative', () => {
    const s = mergeConsent(
      LEAD,
      null,
      row({
        doNotCall: true,
        doNotCallSource: 'customer request',
        doNotCallAt: T,
        callConsent: 'granted',
        callConsentSource: 'form',
        callConsentAt: T,
      }),
      undefined,
    );
    const e = refused(() => assertMayContact(s, 'call', 'outbound', { kind: 'phone call' }));
    expect(e.code).toBe('CONSENT_REQUIRED');
    expect(e.message).toMatch(/Outbound phone call refused: this lead is on the do-not-call list \(source: customer request/);
    expect(e.hint).toMatch(/record call consent with its source first, or log an email instead/);
    // Inbound is never refused.
    expect(assertMayContact(s, 'call', 'inbound').note).toBeNull();
  });

  it('refuses revoked SMS and unsubscribed email, not other channels', () => {
    const s = mergeConsent(
      LEAD,
      null,
      row({ smsConsent: 'revoked', smsConsentSource: 'STOP reply', unsubscribedAt: T, unsubscribeSource: 'link' }),
      undefined,
    );
    expect(refused(() => assertMayContact(s, 'sms', 'outbound')).message).toMatch(
      /SMS consent for this lead is revoked \(source: STOP reply/,
    );
    expect(refused(() => assertMayContact(s, 'email', 'outbound')).message).toMatch(/unsubscribed from email/);
    expect(assertMayContact(s, 'call', 'outbound').note).toBeNull();
  });

  it("applies the lead's and the contact's opt-outs together: a contact row cannot clear the lead's do-not-call", () => {
    const lead = row({
      callConsent: 'granted',
      callConsentSource: 'form',
      callConsentAt: T,
      smsConsent: 'revoked',
      doNotCall: true,
      doNotCallAt: T,
    });
    // The contact revoked calls; the row also says do-not-call is off for the contact, which
    // used to override the lead's do-not-call: a row may only add restrictions.
    const contact = row({
      contactId: CONTACT,
      callConsent: 'revoked',
      callConsentSource: 'voicemail',
      doNotCall: false,
      doNotCallAt: T,
      timezone: 'America/Denver',
    });
    const s = mergeConsent(LEAD, CONTACT, lead, contact);
    expect(s.channels.call).toMatchObject({ state: 'revoked', origin: 'contact' });
    expect(s.channels.sms).toMatchObject({ state: 'revoked', origin: 'lead' });
    expect(s.doNotCall).toMatchObject({ value: true, origin: 'lead' });
    expect(s.timezone).toBe('America/Denver');
    expect(refused(() => assertMayContact(s, 'call', 'outbound')).message).toMatch(
      /this lead is on the do-not-call list.*1 more opt-out also refuses it/,
    );
    expect(refused(() => assertMayContact({ ...s, doNotCall: { ...s.doNotCall, value: false } }, 'call', 'outbound')).message).toMatch(
      /call consent for this contact is revoked/,
    );
  });

  it('lets a later grant record lift an opt-out of its own level only, never a settings-row grant', () => {
    const at = (d: string) => new Date(d);
    const ids = { leadId: LEAD, contactId: null, clientId: 'c' };
    const optOut: ConsentFact = {
      channel: 'sms',
      state: 'revoked',
      origin: 'other_lead',
      group: 'client',
      record: false,
      source: 'STOP',
      at: at('2026-01-01T00:00:00Z'),
      leadId: 'B',
    };
    const rowGrant: ConsentFact = { ...optOut, origin: 'lead', state: 'granted', at: at('2026-02-01T00:00:00Z'), source: 'web_form' };
    expect(resolveConsent(ids, [optOut, rowGrant], []).channels.sms).toMatchObject({ state: 'revoked', origin: 'other_lead', leadId: 'B' });
    const numberGrant: ConsentFact = { ...rowGrant, origin: 'number', group: 'addr:+15550102030', record: true };
    expect(resolveConsent(ids, [optOut, numberGrant], []).channels.sms.state).toBe('revoked');
    const personGrant: ConsentFact = { ...rowGrant, origin: 'client', record: true };
    expect(resolveConsent(ids, [optOut, personGrant], []).channels.sms).toMatchObject({ state: 'granted', origin: 'client' });
    // An opt-out after the grant holds again.
    const again = { ...optOut, at: at('2026-03-01T00:00:00Z') };
    expect(resolveConsent(ids, [optOut, personGrant, again], []).channels.sms.state).toBe('revoked');
  });

  it('takes quiet hours from the contact row when set, else the lead row', () => {
    const s = mergeConsent(LEAD, CONTACT, row({ quietHoursStart: '21:00:00', quietHoursEnd: '08:00:00' }), row({ contactId: CONTACT }));
    expect(s.quietHours).toEqual({ start: '21:00:00', end: '08:00:00', origin: 'lead' });
  });
});
