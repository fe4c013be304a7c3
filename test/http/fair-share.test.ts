/** The HTTP surface in-process (hono's app.request): body limit, rate limits, readiness. */
import { describe, expect, it } from 'vitest';
import { createToken } from '../../src/crm/access/tokens.js';
import { createHttpApp } from '../../src/http/app.js';
import { useRuntime } from '../helpers/runtime.js';

const rt = useRuntime({ CRM_RATE_LIMIT_PER_MINUTE: '60', CRM_RATE_LIMIT_BURST: '5', CRM_RATE_LIMIT_CONCURRENT: '2' });

const init = (id: number) =>
  JSON.stringify({
    jsonrpc: '2.0',
    id,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } },
  });

function req(token: string, body: string) {
  return new Request('http://127.0.0.1/mcp', {
    method: 'POST',
    headers: {
      host: '127.0.0.1',
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    },
    body,
  });
}

describe('HTTP fair share and limits', () => {
  it('answers 413 with a JSON error for a body over 4 MB, not 500', async () => {
    const { app, mcp } = createHttpApp(rt());
    const t = await createToken(rt().database.db, { userHandle: 'demo', scopes: ['crm:read'] });
    const res = await app.request(req(t.token, JSON.stringify({ pad: 'x'.repeat(4 * 1024 * 1024 + 10) })));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { data: { code: string } } }).error.data.code).toBe('VALIDATION');
    await mcp.close();
  });

  it('refuses a token over its rate with 429 and Retry-After, and leaves another token alone', async () => {
    const { app, mcp } = createHttpApp(rt());
    const a = await createToken(rt().database.db, { userHandle: 'demo', scopes: ['crm:read'] });
    const b = await createToken(rt().database.db, { userHandle: 'demo', scopes: ['crm:read'] });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await app.request(req(a.token, init(i)))).status);
    expect(statuses.slice(0, 5).every((s) => s === 200)).toBe(true);
    const refused = await app.request(req(a.token, init(99)));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await refused.json()) as { error: { data: { code: string; hint: string } } };
    expect(body.error.data.code).toBe('RATE_LIMITED');
    expect((await app.request(req(b.token, init(1)))).status).toBe(200);
    await mcp.close();
  });

  it('reports readiness without deployment details', async () => {
    const { app, mcp } = createHttpApp(rt());
    const res = await app.request(new Request('http://127.0.0.1/readyz', { headers: { host: '127.0.0.1' } }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
    await mcp.close();
  });
});
