import { describe, expect, it } from 'vitest';
import { englishRendering, isSpanish, questionToEmbed, spanishSegments } from './spanish-question.js';

describe('isSpanish', () => {
  it.each([
    '¿Quién tuvo agua en el sótano?',
    'quien tuvo agua en el sotano',
    'poliza paraguas de dos millones',
    'le devuelven el deducible',
    'lo recomendo su primo',
    'sotano',
    'cuanto paga de prima por la casa',
  ])('Spanish: %s', (q) => expect(isSpanish(q)).toBe(true));

  it.each([
    'Did Rosa Martinez renew her auto policy?',
    'rosa martinez claim',
    'José García water damage',
    'Luz Flores asked about the casa in Santa Fe',
    'who has a DUI and an SR-22',
    'value',
    'roof age on the Torres home',
    'El Paso client with a patio fire',
    'umbrella quote for Dan Reyes',
    'any note about a tornado or hail',
  ])('English: %s', (q) => expect(isSpanish(q)).toBe(false));
});

describe('spanishSegments', () => {
  it('takes glossary phrases before words', () => {
    const s = spanishSegments('póliza paraguas de dos millones');
    expect(s[0]).toMatchObject({ spanish: 'póliza paraguas', english: ['umbrella policy'] });
  });

  it('reduces verb forms and plurals to the glossary entry', () => {
    expect(englishRendering(spanishSegments('pagaron'))).toBe('pay');
    expect(englishRendering(spanishSegments('devuelven'))).toBe('refund');
    expect(englishRendering(spanishSegments('luces'))).toBe('lights');
    expect(englishRendering(spanishSegments('crucen'))).toBe('cross');
  });

  it('keeps names and unknown words as written and drops function words', () => {
    expect(englishRendering(spanishSegments('¿Cuándo chocó Martínez con el venado?'))).toBe('when crash Martínez with deer');
  });
});

describe('questionToEmbed', () => {
  it('renders Spanish questions and leaves English ones alone', () => {
    expect(questionToEmbed('quien tuvo agua en el sotano')).toBe('who had water basement');
    expect(questionToEmbed('Did Rosa Martinez renew?')).toBe('Did Rosa Martinez renew?');
  });
});
