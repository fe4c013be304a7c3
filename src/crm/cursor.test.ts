import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, fingerprint } from './cursor.js';
import { ValidationError } from '../errors.js';

const scope = { sort: 'x_date', order: 'asc' as const, filters: { statuses: ['new'], state: 'TX' } };
const id = '3f2c6f1e-8a7b-4c3d-9e0f-1a2b3c4d5e6f';

describe('keyset cursors', () => {
  it('round-trip the key (including null) and id for the same scope', () => {
    expect(decodeCursor(encodeCursor(scope, { key: '2025-01-02', id }), scope)).toEqual({ key: '2025-01-02', id });
    expect(decodeCursor(encodeCursor(scope, { key: null, id }), scope)).toEqual({ key: null, id });
  });

  it('fingerprint filters independently of key order and undefined fields', () => {
    expect(fingerprint({ a: 1, b: [1, 2], c: undefined })).toBe(fingerprint({ b: [1, 2], a: 1 }));
    expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ a: 2 }));
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['not JSON', Buffer.from('hello').toString('base64url')],
    ['wrong shape', Buffer.from(JSON.stringify({ v: 1, s: 'x_date' })).toString('base64url')],
    ['another sort', encodeCursor({ ...scope, sort: 'ai_score' }, { key: '1', id })],
    ['another direction', encodeCursor({ ...scope, order: 'desc' }, { key: '1', id })],
    ['other filters', encodeCursor({ ...scope, filters: { statuses: ['won'] } }, { key: '1', id })],
  ])('refuse %s with a ValidationError on cursor', (_why, raw) => {
    let err: unknown;
    try {
      decodeCursor(raw, scope);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).details[0]?.field).toBe('cursor');
  });
});
