/**
 * The embedded database: PGlite (Postgres in WASM) with pgvector, served over the Postgres wire
 * protocol on loopback so the rest of the product talks `pg` exactly as to a server.
 *
 * PGlite is single-session and its data folder must be opened by one process only. The process
 * that opens the folder hosts it and writes `server.json` (socket, pid) in the folder; other
 * processes (an MCP stdio server started by Claude Desktop while `serve` runs, `db url`) find it
 * there and connect over the socket instead of opening the folder a second time.
 *
 * The wire protocol server has no authentication, so for a data folder it listens on a Unix
 * socket inside the folder, which is made owner-only (0700): other users of the machine cannot
 * connect. (`memory://` databases, used by tests, listen on a random loopback TCP port; so does
 * Windows, which has no such permissions on sockets.)
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { logger } from '../log.js';

export const MEMORY_DIR = 'memory://';

export interface EmbeddedHost {
  /** postgres://... on 127.0.0.1 */
  url: string;
  /** True when this process opened the data folder; false when it joined another process's server. */
  owner: boolean;
  stop(): Promise<void>;
}

interface ServerInfo {
  /** Unix socket path, or a loopback host and port. */
  socket?: string;
  host?: string;
  port?: number;
  pid: number;
  startedAt: string;
}

const INFO_FILE = 'server.json';

const SOCKET_NAME = '.s.PGSQL.5432';

function urlOf(info: Pick<ServerInfo, 'socket' | 'host' | 'port'>): string {
  if (info.socket) return `postgres://postgres@localhost/postgres?host=${encodeURIComponent(path.dirname(info.socket))}`;
  return `postgres://postgres@${info.host}:${info.port}/postgres?sslmode=disable`;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function canConnect(info: Pick<ServerInfo, 'socket' | 'host' | 'port'>, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const s = info.socket ? net.connect({ path: info.socket }) : net.connect({ host: info.host!, port: info.port! });
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

/** The running embedded server of a data folder, if a live process hosts it. */
export async function findRunningServer(dataDir: string): Promise<{ url: string; pid: number } | null> {
  if (dataDir === MEMORY_DIR) return null;
  const file = path.join(dataDir, INFO_FILE);
  if (!existsSync(file)) return null;
  let info: ServerInfo;
  try {
    info = JSON.parse(readFileSync(file, 'utf8')) as ServerInfo;
  } catch {
    return null;
  }
  if (!pidAlive(info.pid) || !(await canConnect(info))) return null;
  return { url: urlOf(info), pid: info.pid };
}

/**
 * Opens (or joins) the embedded database of `dataDir` and returns a loopback URL for `pg`.
 * `memory://` opens a fresh in-memory database, private to this process.
 */
export async function hostEmbedded(dataDir: string): Promise<EmbeddedHost> {
  const log = logger('embedded-db');
  const running = await findRunningServer(dataDir);
  if (running) {
    log.info({ pid: running.pid }, 'joining the embedded database hosted by another process');
    return { url: running.url, owner: false, stop: async () => {} };
  }
  const inMemory = dataDir === MEMORY_DIR;
  // Unix socket paths are limited to ~104 bytes; a deeper folder falls back to loopback TCP.
  const candidate = path.join(path.resolve(dataDir), SOCKET_NAME);
  const useUnixSocket = !inMemory && process.platform !== 'win32' && Buffer.byteLength(candidate) < 100;
  if (!inMemory && !useUnixSocket) log.warn({ dataDir }, 'serving the embedded database on loopback TCP (no Unix socket here); any local user can reach it');
  if (!inMemory) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    // Customer data: the folder (and the socket in it) is the owner's only.
    if (process.platform !== 'win32') chmodSync(dataDir, 0o700);
  }
  const pgDir = inMemory ? undefined : path.join(dataDir, 'pgdata');
  const started = Date.now();
  const db = await PGlite.create({ dataDir: pgDir, extensions: { vector }, });
  const socketPath = useUnixSocket ? candidate : undefined;
  // No live process holds the folder (checked above): a socket file left by a crash is stale.
  if (socketPath) rmSync(socketPath, { force: true });
  // Several connections may attach (our pool, other local processes); the socket server runs one
  // query at a time and keeps a transaction's queries together.
  const server = socketPath
    ? new PGLiteSocketServer({ db, path: socketPath, maxConnections: 16 })
    : new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 16 });
  await server.start();
  let info: ServerInfo;
  if (socketPath) {
    info = { socket: socketPath, pid: process.pid, startedAt: new Date().toISOString() };
  } else {
    const [host, portText] = server.getServerConn().split(':');
    info = { host: host ?? '127.0.0.1', port: Number(portText), pid: process.pid, startedAt: new Date().toISOString() };
  }
  const infoFile = inMemory ? null : path.join(dataDir, INFO_FILE);
  if (infoFile) writeFileSync(infoFile, JSON.stringify(info, null, 2), { mode: 0o600 });
  log.debug({ ms: Date.now() - started, dataDir: inMemory ? 'memory' : dataDir }, 'embedded database open');
  let stopped = false;
  return {
    url: urlOf(info),
    owner: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      if (infoFile) rmSync(infoFile, { force: true });
      if (socketPath) rmSync(socketPath, { force: true });
    },
  };
}
