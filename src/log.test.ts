import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { configSchema, SECRET_KEYS } from './config.js';
import { configureSecrets, scrubSecrets } from './crm/audit/scrub-secrets.js';
import { configureLogger, logger, REDACT } from './log.js';

afterAll(() => {
  configureLogger('silent');
  configureSecrets([]);
});

function capture(scrub?: (line: string) => string): () => string {
  let out = '';
  configureLogger(
    'info',
    new Writable({
      write(chunk, _e, done) {
        out += String(chunk);
        done();
      },
    }),
    scrub,
  );
  return () => out;
}

describe('secret keys and log redaction', () => {
  it('lists every secret-looking configuration key as a secret', () => {
    const looksSecret = Object.keys(configSchema.shape).filter((k) =>
      /(_KEY|_TOKEN|_SECRET|PASSWORD|_CREDENTIALS?)$|^DATABASE_URL$/.test(k),
    );
    expect(looksSecret.length).toBeGreaterThanOrEqual(5);
    for (const k of looksSecret) expect(SECRET_KEYS, k).toContain(k);
  });

  it('redacts every secret key, at the top level and one object deep', () => {
    for (const k of SECRET_KEYS) {
      expect(REDACT).toContain(k);
      expect(REDACT).toContain(`*.${k}`);
    }
    let out = '';
    configureLogger(
      'info',
      new Writable({
        write(chunk, _e, done) {
          out += String(chunk);
          done();
        },
      }),
    );
    logger('test').info(
      {
        CRM_EMBEDDING_API_KEY: 'sk-embed-secret-1',
        config: { SLACK_SIGNING_SECRET: 'signing-secret-2', DATABASE_URL: 'postgres://u:pw-3@h/db' },
      },
      'config',
    );
    expect(out).toContain('"CRM_EMBEDDING_API_KEY":"[Redacted]"');
    for (const s of ['sk-embed-secret-1', 'signing-secret-2', 'pw-3']) expect(out).not.toContain(s);
  });

  it('scrubs configured secret values inside messages and error texts, which key redaction cannot see', () => {
    configureSecrets(['dbpass-77aa', 'xoxb-1234-abcdef']);
    const read = capture(scrubSecrets);
    const err = new Error('connect ECONNREFUSED postgres://crm:dbpass-77aa@db.internal:5432/crm');
    logger('test').error({ err, note: 'token xoxb-1234-abcdef pasted' }, 'database down: postgres://crm:dbpass-77aa@db.internal/crm');
    const out = read();
    expect(out).toContain('database down');
    expect(out).toContain('ECONNREFUSED');
    for (const s of ['dbpass-77aa', 'xoxb-1234-abcdef']) expect(out).not.toContain(s);
    // Without the scrubber the same line carries them: the test above is not vacuous.
    const raw = capture();
    logger('test').error({ err }, 'x');
    expect(raw()).toContain('dbpass-77aa');
  });
});
