import { describe, expect, it } from 'vitest';
import { normalizeEmail, normalizePhone } from './contact-points.js';
import { revocationKeyword } from './sms-revocation.js';

describe('revocationKeyword', () => {
  it('reads the FCC keywords, carrier keywords and Spanish replies, in any case and punctuation', () => {
    for (const [body, kw] of [
      ['STOP', 'STOP'],
      ['stop.', 'STOP'],
      ['  Stop please!!', 'STOP'],
      ['STOPALL', 'STOPALL'],
      ['stop all', 'STOPALL'],
      ['Unsubscribe', 'UNSUBSCRIBE'],
      ['cancel', 'CANCEL'],
      ['END', 'END'],
      ['quit', 'QUIT'],
      ['Revoke', 'REVOKE'],
      ['opt-out', 'OPT OUT'],
      ['Opt out of these', 'OPT OUT'],
      ['ALTO', 'ALTO'],
      ['parar', 'PARAR'],
      ['Baja', 'BAJA'],
      ['CANCELAR', 'CANCELAR'],
      ['Please stop texting me', 'STOP TEXTING'],
      ["don't text this number again", "DON'T TEXT"],
    ] as const) {
      expect(revocationKeyword(body), body).toBe(kw);
    }
  });

  it('leaves ordinary replies alone', () => {
    for (const body of [
      'Yes, Tuesday works',
      'End of the month is fine',
      'Cancel my old policy and start the new one',
      'thanks!',
      '',
      null,
    ]) {
      expect(revocationKeyword(body), String(body)).toBeNull();
    }
  });
});

describe('contact points', () => {
  it('normalises US numbers to E.164 and drops extensions', () => {
    expect(normalizePhone('(555) 010-2030')).toBe('+15550102030');
    expect(normalizePhone('1-555-010-2030 x12')).toBe('+15550102030');
    expect(normalizePhone('+44 20 7946 0958')).toBe('+442079460958');
    expect(normalizePhone('010-2030')).toBeNull();
    expect(normalizeEmail(' Pat@Example.COM ')).toBe('pat@example.com');
    expect(normalizeEmail('not an email')).toBeNull();
  });
});
