/** The consent facts the lead prompts carry: pure rendering from a ConsentState. */
import { describe, expect, it } from 'vitest';
import { mergeConsent } from '../../src/crm/compliance/consent.js';
import { consentFacts, emailBlock, inQuietHours } from '../../src/mcp/prompt-consent.js';

type Row = NonNullable<Parameters<typeof mergeConsent>[2]>;
const row = (o: Partial<Row>): Row =>
  ({
    callConsent: 'unknown',
    smsConsent: 'unknown',
    emailConsent: 'unknown',
    mailConsent: 'unknown',
    doNotCall: false,
    doNotCallAt: null,
    unsubscribedAt: null,
    quietHoursStart: null,
    quietHoursEnd: null,
    timezone: null,
    ...o,
  }) as Row;
const LEAD = '11111111-1111-4111-8111-111111111111';
const CONTACT = '22222222-2222-4222-8222-222222222222';
const zone = { zone: 'America/New_York', source: 'client' as const };

describe('inQuietHours', () => {
  it('handles windows that wrap midnight and ones that do not', () => {
    // 02:00 UTC on 15 Jan = 21:00 in New York.
    expect(inQuietHours(new Date('2026-01-15T02:00:00Z'), 'America/New_York', '21:00:00', '08:00:00')).toBe(true);
    expect(inQuietHours(new Date('2026-01-15T12:59:00Z'), 'America/New_York', '21:00:00', '08:00:00')).toBe(true);
    expect(inQuietHours(new Date('2026-01-15T01:59:00Z'), 'America/New_York', '21:00:00', '08:00:00')).toBe(false);
    expect(inQuietHours(new Date('2026-01-15T13:00:00Z'), 'America/New_York', '21:00:00', '08:00:00')).toBe(false);
    expect(inQuietHours(new Date('2026-01-15T17:30:00Z'), 'America/New_York', '12:00', '13:00')).toBe(true);
    expect(inQuietHours(new Date('2026-01-15T17:30:00Z'), 'America/New_York', '12:00', '12:00')).toBe(false);
  });
});

describe('consentFacts', () => {
  it("a contact's own opt-out wins over the lead's grant and says where it comes from", () => {
    const state = mergeConsent(
      LEAD,
      CONTACT,
      row({ smsConsent: 'granted', smsConsentSource: 'web_form', emailConsent: 'granted' }),
      row({ smsConsent: 'revoked', smsConsentSource: 'STOP reply', smsConsentAt: new Date('2026-02-02T00:00:00Z') }),
    );
    const text = consentFacts({ state, zone, now: new Date('2026-01-15T17:00:00Z') }).join('\n');
    expect(text).toContain(
      "- SMS / texts: consent revoked (source STOP reply, recorded 2026-02-02, on this contact's own settings). Do not text.",
    );
    expect(text).toContain('- Do-not-call: not on the do-not-call list (nothing recorded).');
    expect(text).toContain("Local time zone: America/New_York, from the client's record; local time now Thu, Jan 15, 2026, 12:00 PM EST.");
    expect(emailBlock(state)).toBeNull();
  });

  it('an unsubscribe blocks email even with email consent granted; do-not-call overrides call consent', () => {
    const state = mergeConsent(
      LEAD,
      null,
      row({
        emailConsent: 'granted',
        unsubscribedAt: new Date('2026-01-02T00:00:00Z'),
        unsubscribeSource: 'link',
        doNotCall: true,
        callConsent: 'granted',
      }),
      undefined,
    );
    const text = consentFacts({ state, zone, now: new Date('2026-01-15T17:00:00Z') }).join('\n');
    expect(emailBlock(state)).toMatch(/unsubscribed from email \(source link, recorded 2026-01-02/);
    expect(text).toMatch(/EMAIL BLOCKED: .* No marketing email may be sent\./);
    expect(text).toMatch(/DO NOT CALL/);
    expect(text).toContain('- Phone calls: call consent granted, overridden by do-not-call.');
    expect(text).toContain('- Quiet hours: none recorded');
  });

  it('quiet hours are read in the settings time zone when one is recorded', () => {
    const state = mergeConsent(
      LEAD,
      null,
      row({ quietHoursStart: '21:00:00', quietHoursEnd: '08:00:00', timezone: 'America/Los_Angeles' }),
      undefined,
    );
    // 04:30 UTC = 20:30 in Los Angeles (outside), 23:30 in New York (would be inside).
    const text = consentFacts({ state, zone, now: new Date('2026-01-15T04:30:00Z') }).join('\n');
    expect(text).toContain(
      "- Quiet hours: no calls or texts 21:00-08:00 America/Los_Angeles time (on the lead's settings); it is now outside them.",
    );
  });
});
