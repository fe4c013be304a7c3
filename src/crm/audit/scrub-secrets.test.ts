import { afterEach, describe, expect, it } from 'vitest';
import { secretValues } from '../../config.js';
import { configureSecrets, scrubDeep, scrubSecrets } from './scrub-secrets.js';

afterEach(() => configureSecrets([]));

describe('scrubSecrets', () => {
  it.each([
    ['Incorrect API key provided: sk-proj-Q7f3kZ9xL2mN8pR4tV6wY1aB5cD0eFgH.', 'Incorrect API key provided: [redacted].'],
    ['key sk-abcdefghijklmnopqrstuvwx rejected', 'key [redacted] rejected'],
    ['Incorrect API key provided: sk-proj-****************************0eFgH', 'Incorrect API key provided: [redacted]'],
    ['slack xoxb-1234567890-0987654321-AbCdEfGhIjKl failed', 'slack [redacted] failed'],
    ['user token xoxp-11-22-33-abcdef', 'user token [redacted]'],
    ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc123', 'Authorization: Bearer [redacted]'],
    ['token crm_' + 'A'.repeat(20) + 'b9_-' + 'c'.repeat(19) + ' revoked', 'token [redacted] revoked'],
    ['aws AKIAIOSFODNN7EXAMPLE leaked', 'aws [redacted] leaked'],
    ['connect postgres://crm:s3cret-pass@db.internal:5432/crm failed', 'connect postgres://crm:[redacted]@db.internal:5432/crm failed'],
  ])('%s', (text, expected) => {
    expect(scrubSecrets(text)).toBe(expected);
  });

  it('leaves prose and ordinary identifiers alone', () => {
    for (const text of [
      'Bearer instruments are not covered.',
      'task-1234567890abcdefgh',
      'Desk-level review',
      'see https://example.com/a:b@c',
      'ask-for-a-quote-today-please',
    ]) {
      expect(scrubSecrets(text)).toBe(text);
    }
  });

  it('removes configured secret values of any shape, and database passwords alone', () => {
    configureSecrets(
      secretValues({
        OPENAI_API_KEY: 'proxy-7d1e2c9a4b-key',
        DATABASE_URL: 'postgres://crm:p%40ss-w0rd-long@db:5432/crm',
        SLACK_SIGNING_SECRET: 'short',
      }),
    );
    expect(scrubSecrets('bad key proxy-7d1e2c9a4b-key')).toBe('bad key [redacted]');
    expect(scrubSecrets('password "p@ss-w0rd-long" rejected')).toBe('password "[redacted]" rejected');
    // Too short to scrub by value without mangling ordinary words.
    expect(scrubSecrets('a short answer')).toBe('a short answer');
  });

  it('scrubs every string of a JSON value', () => {
    expect(scrubDeep({ a: ['sk-abcdefghijklmnopqrstuvwx'], b: { c: 1, d: 'ok' } })).toEqual({ a: ['[redacted]'], b: { c: 1, d: 'ok' } });
  });
});
