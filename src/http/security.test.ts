/** The HTTP guards in-process (hono's app.request), on a bare app: no server, no database. */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client.js';
import { allowedHostnames, bearerAuth, hostGuard, originGuard, type AuthEnv } from './security.js';

const hosts = allowedHostnames('127.0.0.1', ['crm.example.com']);
const app = new Hono<AuthEnv>();
app.use('/guarded', hostGuard(hosts), originGuard(['https://app.example.com'], hosts));
app.get('/guarded', (c) => c.text('ok'));
// Malformed tokens are refused before any query, so this database is never touched.
app.use('/auth', bearerAuth({} as Db));
app.get('/auth', (c) => c.text('ok'));

const get = (path: string, headers: Record<string, string>) => app.request(`http://x${path}`, { headers });
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; hint: string } }).error;

describe('Host guard (DNS rebinding)', () => {
  it('serves loopback, the bind host and configured names', async () => {
    for (const host of ['127.0.0.1:3000', 'localhost', '[::1]:3000', 'crm.example.com']) {
      expect((await get('/guarded', { host })).status, host).toBe(200);
    }
  });

  it('refuses any other Host with 421 and a hint', async () => {
    const res = await get('/guarded', { host: 'evil.example.net' });
    expect(res.status).toBe(421);
    expect(await errorOf(res)).toMatchObject({ code: 'MISDIRECTED', hint: expect.stringMatching(/CRM_ALLOWED_HOSTS/) });
  });
});

describe('Origin guard (browsers)', () => {
  it('lets non-browser clients, listed origins and loopback origins through', async () => {
    for (const origin of [undefined, 'https://app.example.com', 'http://localhost:6274']) {
      const res = await get('/guarded', { host: 'localhost', ...(origin ? { origin } : {}) });
      expect(res.status, origin).toBe(200);
    }
  });

  it('refuses other and opaque origins with 403', async () => {
    for (const origin of ['https://evil.example.net', 'null']) {
      const res = await get('/guarded', { host: 'localhost', origin });
      expect(res.status, origin).toBe(403);
    }
  });
});

describe('bearer authentication', () => {
  it('answers 401 with WWW-Authenticate for a missing or malformed token', async () => {
    const cases: Record<string, string>[] = [{}, { authorization: 'Basic abc' }, { authorization: 'Bearer short' }];
    for (const headers of cases) {
      const res = await get('/auth', headers);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await errorOf(res)).code).toBe('UNAUTHORIZED');
    }
  });
});
