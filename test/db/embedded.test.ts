import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { findRunningServer, hostEmbedded } from '../../src/db/embedded.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-emb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function count(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query('select 1 as one')).rows[0].one;
  } finally {
    await c.end();
  }
}

describe('embedded database on a data folder', () => {
  it('is served on an owner-only Unix socket, joined by a second process, and cleaned up', async () => {
    // A crashed earlier run left its server.json behind: it must not be trusted.
    writeFileSync(path.join(dir, 'server.json'), JSON.stringify({ socket: path.join(dir, '.s.PGSQL.5432'), pid: 999_999, startedAt: 'x' }));
    const host = await hostEmbedded(dir);
    try {
      expect(host.owner).toBe(true);
      const info = JSON.parse(readFileSync(path.join(dir, 'server.json'), 'utf8'));
      expect(info.pid).toBe(process.pid);
      expect(info.socket).toBe(path.join(dir, '.s.PGSQL.5432'));
      expect(info.port).toBeUndefined();
      expect(statSync(dir).mode & 0o077).toBe(0);
      expect(host.url).toContain(`host=${encodeURIComponent(dir)}`);
      expect(await count(host.url)).toBe(1);

      const joined = await hostEmbedded(dir);
      expect(joined.owner).toBe(false);
      expect(joined.url).toBe(host.url);
      expect((await findRunningServer(dir))?.pid).toBe(process.pid);
    } finally {
      await host.stop();
    }
    expect(await findRunningServer(dir)).toBeNull();
    expect(() => statSync(path.join(dir, '.s.PGSQL.5432'))).toThrow();
  });
});
