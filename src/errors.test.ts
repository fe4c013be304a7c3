import { describe, expect, it } from 'vitest';
import { AppError, fromPgError, isDatabaseUnavailable, isTimeoutError, loggableError } from './errors.js';

describe('loggableError', () => {
  const pg = Object.assign(new Error('duplicate key value violates unique constraint "clients_email_key"'), {
    code: '23505',
    constraint: 'clients_email_key',
    table: 'clients',
    detail: 'Key (email)=(pat@example.com) already exists.',
    routine: '_bt_check_unique',
  });

  it('keeps a Postgres error to its code, constraint, table, column and routine', () => {
    expect(loggableError(pg)).toEqual({ pgCode: '23505', constraint: 'clients_email_key', table: 'clients', routine: '_bt_check_unique' });
  });

  it("sees through drizzle's wrapper, whose message carries the query parameters", () => {
    // The shape of drizzle-orm's DrizzleQueryError.
    const wrapper = Object.assign(new Error('Failed query: insert into "clients" ...\nparams: pat@example.com,Pat'), {
      query: 'insert ...',
      params: ['pat@example.com'],
      cause: pg,
    });
    const logged = JSON.stringify(loggableError(wrapper));
    expect(logged).not.toContain('pat@example.com');
    expect(logged).toContain('23505');
    const noPgCause = Object.assign(new Error('Failed query: select 1\nparams: pat@example.com'), {
      params: ['pat@example.com'],
      cause: new Error('Connection terminated'),
    });
    expect(JSON.stringify(loggableError(noPgCause))).not.toContain('pat@example.com');
  });

  it('gives an AppError by code, and other errors by name, message and stack', () => {
    expect(loggableError(new AppError('NOT_FOUND', 'No lead with id x.'))).toEqual({ code: 'NOT_FOUND' });
    expect(loggableError(new TypeError('boom'))).toMatchObject({ name: 'TypeError', message: 'boom' });
  });
});

describe('fromPgError and timeouts', () => {
  it("maps the client's read timeout and the server's statement cancel to a retriable UNAVAILABLE", () => {
    const readTimeout = Object.assign(new Error('Failed query: insert ...'), { params: [], cause: new Error('Query read timeout') });
    const cancelled = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
    for (const err of [readTimeout, cancelled]) {
      expect(isTimeoutError(err)).toBe(true);
      expect(isDatabaseUnavailable(err)).toBe(true);
      const mapped = fromPgError(err);
      expect(mapped).toBeInstanceOf(AppError);
      expect((mapped as AppError).toJSON()).toMatchObject({ code: 'UNAVAILABLE', hint: expect.stringMatching(/retry/i) });
    }
    expect(isTimeoutError(Object.assign(new Error('duplicate'), { code: '23505' }))).toBe(false);
  });
});
