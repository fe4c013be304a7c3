import { describe, expect, it } from 'vitest';
import { CLIENT_TIMEOUT_MARGIN_MS, timeoutOptions } from './timeouts.js';

describe('timeoutOptions', () => {
  it("gives the client a little longer than the server, so the server's clean cancel comes first", () => {
    expect(timeoutOptions({ DATABASE_STATEMENT_TIMEOUT_MS: 30_000, DATABASE_QUERY_TIMEOUT_MS: undefined })).toEqual({
      statement_timeout: 30_000,
      query_timeout: 30_000 + CLIENT_TIMEOUT_MARGIN_MS,
    });
  });

  it('takes an explicit client timeout, and 0 turns a limit off', () => {
    expect(timeoutOptions({ DATABASE_STATEMENT_TIMEOUT_MS: 500, DATABASE_QUERY_TIMEOUT_MS: 1000 })).toEqual({
      statement_timeout: 500,
      query_timeout: 1000,
    });
    expect(timeoutOptions({ DATABASE_STATEMENT_TIMEOUT_MS: 0, DATABASE_QUERY_TIMEOUT_MS: undefined })).toEqual({});
    expect(timeoutOptions({ DATABASE_STATEMENT_TIMEOUT_MS: 0, DATABASE_QUERY_TIMEOUT_MS: 2000 })).toEqual({ query_timeout: 2000 });
  });
});
