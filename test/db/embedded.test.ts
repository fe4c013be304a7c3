import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { findRunningServer, hostEmbedded, MEMORY_DIR } from '../../src/db/embedded.js';
import { MAX_SOCKET_PATH_BYTES } from '../../src/db/embedded-socket.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-emb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function selectOne(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query('select 1 as one')).rows[0].one;
  } finally {
    await c.end();
  }
}

/** TCP sockets this process is listening on (Linux /proc), by inode. */
function tcpListeners(): Set<string> {
  const mine = new Set<string>();
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/self/fd/${fd}`));
      if (m) mine.add(m[1]!);
    } catch {
      // closed while we looked
    }
  }
  const out = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // f[3] is the state (0A = LISTEN), f[9] the inode.
      if (f[3] === '0A' && mine.has(f[9]!)) out.add(f[9]!);
    }
  }
  return out;
}
const hasProc = existsSync('/proc/self/fd') && existsSync('/proc/net/tcp');

/** Files or folders under `root` that group or others can read, write or enter. */
function looseModes(root: string): string[] {
  const loose: string[] = [];
  const walk = (p: string) => {
    const st = lstatSync(p);
    if (st.isSymbolicLink() || st.isSocket()) return;
    if (st.mode & 0o077) loose.push(`${p} ${(st.mode & 0o777).toString(8)}`);
    if (st.isDirectory()) for (const n of readdirSync(p)) walk(path.join(p, n));
  };
  walk(root);
  return loose;
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
      expect(await selectOne(host.url)).toBe(1);

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

  it('never trusts a server.json that names a TCP port', async () => {
    const d = path.join(dir, 'tcp-info');
    mkdirSync(d);
    // Anyone on the machine could be listening on a loopback port; here, this test.
    const squatter = net.createServer((s) => s.destroy());
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const { port } = squatter.address() as net.AddressInfo;
    writeFileSync(path.join(d, 'server.json'), JSON.stringify({ host: '127.0.0.1', port, pid: process.pid, startedAt: 'x' }));
    try {
      expect(await findRunningServer(d)).toBeNull();
    } finally {
      squatter.close();
    }
  });

  it('with a path too long for a socket, uses a short owner-only folder and listens on no TCP port', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'crm-sr-'));
    const long = path.join(dir, 'a-rather-deep-folder-name-'.repeat(5), 'data');
    expect(Buffer.byteLength(path.join(long, '.s.PGSQL.5432'))).toBeGreaterThan(MAX_SOCKET_PATH_BYTES);
    expect(long.length).toBeGreaterThan(140);
    const before = hasProc ? tcpListeners() : new Set<string>();
    const host = await hostEmbedded(long, { socketRoots: [root] });
    let socketDir = '';
    try {
      const info = JSON.parse(readFileSync(path.join(long, 'server.json'), 'utf8'));
      expect(info.port).toBeUndefined();
      socketDir = path.dirname(info.socket);
      expect(path.dirname(socketDir)).toBe(root);
      const st = lstatSync(socketDir);
      expect(st.isDirectory()).toBe(true);
      expect(st.uid).toBe(process.getuid!());
      expect(st.mode & 0o777).toBe(0o700);
      expect(host.url).toBe(`postgres://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`);
      expect(await selectOne(host.url)).toBe(1);
      if (hasProc) expect([...tcpListeners()].filter((i) => !before.has(i))).toEqual([]);
      // Another process on the same folder finds the socket through server.json.
      const joined = await hostEmbedded(long, { socketRoots: [root] });
      expect(joined.owner).toBe(false);
      expect(await selectOne(joined.url)).toBe(1);
    } finally {
      await host.stop();
    }
    expect(existsSync(socketDir)).toBe(false);

    // Someone planted a symlink where the short folder goes: refuse, never serve elsewhere.
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'crm-planted-'));
    symlinkSync(elsewhere, socketDir);
    try {
      await expect(hostEmbedded(long, { socketRoots: [root] })).rejects.toThrow(
        /too long for a Unix socket.*symbolic link.*shorter CRM_DATA_DIR/s,
      );
      expect(readdirSync(elsewhere)).toEqual([]);
    } finally {
      rmSync(socketDir, { force: true });
      rmSync(elsewhere, { recursive: true, force: true });
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('creates its files owner-only whatever the umask', async () => {
    const d = path.join(dir, 'modes');
    const old = process.umask(0);
    try {
      const host = await hostEmbedded(d);
      try {
        expect(statSync(path.join(d, 'server.json')).mode & 0o777).toBe(0o600);
        expect(statSync(d).mode & 0o777).toBe(0o700);
        expect(statSync(path.join(d, 'pgdata')).mode & 0o777).toBe(0o700);
        expect(looseModes(d)).toEqual([]);
      } finally {
        await host.stop();
      }
      expect(looseModes(d)).toEqual([]);
    } finally {
      process.umask(old);
    }
  });
});

describe('in-memory embedded database', () => {
  it('is served on a private Unix socket too, not on TCP', async () => {
    const before = hasProc ? tcpListeners() : new Set<string>();
    const host = await hostEmbedded(MEMORY_DIR);
    let socketDir = '';
    try {
      socketDir = decodeURIComponent(/host=([^&]+)/.exec(host.url)![1]!);
      expect(statSync(socketDir).mode & 0o777).toBe(0o700);
      expect(await selectOne(host.url)).toBe(1);
      if (hasProc) expect([...tcpListeners()].filter((i) => !before.has(i))).toEqual([]);
    } finally {
      await host.stop();
    }
    expect(existsSync(socketDir)).toBe(false);
  });
});
