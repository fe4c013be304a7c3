/** The offline triage's phrase-level cues and customer-state priority (issue 9). Pure. */
import { describe, expect, it } from 'vitest';
import { daysUntil } from '../../src/crm/tickets/triage/customer-state.js';
import { classifyTicket } from '../../src/crm/tickets/triage/rules.js';
import { sentimentScore } from '../../src/crm/tickets/triage/sentiment.js';

const t = (subject: string, description: string, state = { openClaim: false, lapseInDays: null as number | null }) =>
  classifyTicket({ subject, description }, state);

describe('sentiment: phrases, courtesy, sarcasm, contrast, shouting', () => {
  it('hears frustration the word list missed, in both languages', () => {
    expect(sentimentScore('Still nothing. Nobody ever gets back to me, this is the third time I write.')).toBeLessThan(-0.4);
    expect(sentimentScore('Ya estoy harta de que me den largas, es una vergüenza.')).toBeLessThan(-0.4);
    expect(sentimentScore('Me colgaron dos veces. Qué falta de respeto.')).toBeLessThan(-0.4);
  });
  it('reads sarcasm as negative', () => {
    expect(sentimentScore('Just great. Another increase.')).toBeLessThan(-0.2);
    expect(sentimentScore('Gracias por nada.')).toBeLessThan(-0.2);
    expect(sentimentScore('Thanks for nothing')).toBeLessThan(-0.2);
  });
  it('keeps a sign-off thanks neutral but thanks FOR something positive', () => {
    expect(Math.abs(sentimentScore('Please send my ID cards. Thanks'))).toBeLessThan(0.2);
    expect(Math.abs(sentimentScore('¿Me pueden reenviar la factura? Gracias.'))).toBeLessThan(0.2);
    expect(sentimentScore('Thank you for walking me through the claim.')).toBeGreaterThan(0.2);
  });
  it('weighs the clause after "but" more', () => {
    expect(sentimentScore('Happy with you but the price is getting hard to swallow')).toBeLessThan(0);
    expect(sentimentScore('The renewal went up, but you were so helpful, thank you!')).toBeGreaterThan(0.2);
  });
  it('hears shouting and "??" as anger, and handles negation of a positive word', () => {
    expect(sentimentScore('WHY IS MY PAYMENT HIGHER I WANT AN EXPLANATION')).toBeLessThan(-0.4);
    expect(sentimentScore('My payment is higher, I want an explanation')).toBeGreaterThan(-0.2);
    expect(sentimentScore('This is not okay.')).toBeLessThan(-0.4);
    expect(sentimentScore('No es justo.')).toBeLessThan(-0.2);
  });
  it('is not moved by topic words like cancel', () => {
    expect(sentimentScore('Please cancel the policy effective the 1st and send the cancellation form.')).toBe(0);
  });
});

describe('priority from customer state and timing', () => {
  it('an already lapsed policy is urgent, a lapse within 10 days high, a far one not', () => {
    const ask = 'Can you send me the link to pay my balance?';
    expect(t('Payment', ask, { openClaim: false, lapseInDays: -4 }).priority).toBe('urgent');
    expect(t('Payment', ask, { openClaim: false, lapseInDays: 6 }).priority).toBe('high');
    expect(t('Payment', ask, { openClaim: false, lapseInDays: 40 }).priority).toBe('normal');
    expect(t('Payment', ask).rationale).not.toMatch(/lapse/);
  });
  it('an unhappy message about an open claim is high', () => {
    const text = 'Any news on the adjuster? I have been waiting and I am frustrated.';
    expect(t('Claim', text, { openClaim: true, lapseInDays: null }).priority).toBe('high');
    expect(t('Claim', 'Any news on my claim? Thanks', { openClaim: true, lapseInDays: null }).priority).toBe('normal');
  });
  it('a deadline counts only when something is due then, and "no rush" lowers', () => {
    expect(t('New car', 'Picked up my new car today, VIN attached, please add it.').priority).toBe('normal');
    expect(t('Cert', 'Need the certificate today or my crew cannot start.').priority).toBe('high');
    expect(t('Tarjeta', 'Necesito mi tarjeta del seguro para mañana.').priority).toBe('high');
    expect(t('Documento', 'Me pueden mandar la factura? Esta mañana no la encontré.').priority).toBe('normal');
    expect(t('Address', 'We moved, new address is 10 Elm St. No rush.').priority).toBe('low');
  });
});

describe('category cues', () => {
  it('a thank-you note is other and low, even when it mentions a loss', () => {
    const c = t('Thanks!', 'Just wanted to thank Ana, the flood claim was paid quickly. You are the best!');
    expect(c).toMatchObject({ category: 'other', priority: 'low' });
  });
  it('a carrier cancelling is not a request to cancel', () => {
    expect(t('Letter', 'My insurance was cancelled and the DMV will suspend my registration, what happened?').category).not.toBe(
      'cancellation',
    );
    expect(t('Cancel', 'Please cancel my policy at the end of the month.').category).toBe('cancellation');
  });
  it('a quote request is other; a lawyer letter about a fall is a claim; an angry grievance is a complaint', () => {
    expect(t('Quote', 'Can I get a quote for a boat we are buying next spring?').category).toBe('other');
    expect(t('Letter', 'A woman slipped on our steps and her lawyer sent us a letter.').category).toBe('claim');
    expect(t('Adjuster', 'Your adjuster was condescending and rude. I am very upset and disgusted.').category).toBe('complaint');
  });
  it('repeated contact with no answer is a complaint, in both languages', () => {
    expect(t('Hello?', 'Nobody ever gets back to me. I have left three messages.').category).toBe('complaint');
    expect(t('Nadie contesta', 'Nadie me ha regresado la llamada, ya dejé tres mensajes.').category).toBe('complaint');
  });
});

describe('daysUntil', () => {
  const now = new Date('2026-11-10T15:00:00Z');
  it('counts whole days to an ISO date and ignores anything else', () => {
    expect(daysUntil('2026-11-13', now)).toBe(3);
    expect(daysUntil('2026-11-10', now)).toBe(0);
    expect(daysUntil('2026-11-01', now)).toBe(-9);
    expect(daysUntil('next week', now)).toBeNull();
    expect(daysUntil(20261113, now)).toBeNull();
  });
});
