/**
 * The embedded database: PGlite (Postgres in WASM) with pgvector, served over the Postgres wire
 * protocol on a Unix socket so the rest of the product talks `pg` exactly as to a server.
 *
 * PGlite is single-session and its data folder must be opened by one process only. The process
 * that opens the folder hosts it and writes `server.json` (socket, pid) in the folder; other
 * processes (an MCP stdio server started by Claude Desktop while `serve` runs, `db url`) find it
 * there and connect over the socket instead of opening the folder a second time.
 *
 * The wire protocol server has no authentication, so it is never put on TCP: the socket lives in
 * an owner-only (0700) folder (see embedded-socket.ts), the data folder itself or, when that path
 * is too long for a socket, a short private one. `memory://` databases (tests) get a private
 * temp folder for theirs. Windows has no such folder permissions for sockets: refused there.
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { hardenQueryQueue } from './socket-queue.js';
import { logger } from '../log.js';
import { memorySocket, placeSocket, removeSocket, type SocketPlacement } from './embedded-socket.js';

export const MEMORY_DIR = 'memory://';

export interface EmbeddedHost {
  /** postgres://postgres@localhost/postgres?host=<socket folder>: a Unix-socket URL, no password. */
  url: string;
  /** True when this process opened the data folder; false when it joined another process's server. */
  owner: boolean;
  stop(): Promise<void>;
}

interface ServerInfo {
  /** Unix socket path (in the data folder, or in a short private folder when that path is too long). */
  socket: string;
  pid: number;
  startedAt: string;
}

export interface HostOptions {
  /** Roots tried for a short socket folder when the data folder's path is too long (tests). */
  socketRoots?: string[];
}

const INFO_FILE = 'server.json';

function urlOf(socket: string): string {
  return `postgres://postgres@localhost/postgres?host=${encodeURIComponent(path.dirname(socket))}`;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function canConnect(socket: string, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ path: socket });
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
  // An older server.json may name a TCP port: never connect to one (anyone could be listening).
  if (typeof info.socket !== 'string' || !pidAlive(info.pid) || !(await canConnect(info.socket))) return null;
  return { url: urlOf(info.socket), pid: info.pid };
}

/** Writes `file` owner-only whatever the umask or an earlier file's mode, atomically for readers. */
function writePrivateFile(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

/** Creates `dir` (and parents) and makes it owner-only: customer data lives here. */
function privateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/**
 * Makes every file under `dir` 0600 and every folder 0700. PGlite's file system layer creates
 * files 0666 and folders 0755 whatever the umask; the owner-only data folder already keeps other
 * users out, and this keeps the files private if the folder is ever copied or loosened.
 */
function tightenTree(dir: string): void {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const st = lstatSync(p);
    if (st.isSymbolicLink()) continue;
    if (st.isDirectory()) {
      if (st.mode & 0o077) chmodSync(p, 0o700);
      tightenTree(p);
    } else if (st.mode & 0o077) chmodSync(p, 0o600);
  }
}

/**
 * Opens (or joins) the embedded database of `dataDir` and returns a Unix-socket URL for `pg`.
 * `memory://` opens a fresh in-memory database, private to this process. Throws, saying what to
 * do, when the socket cannot be placed in an owner-only folder; never falls back to TCP.
 */
export async function hostEmbedded(dataDir: string, opts: HostOptions = {}): Promise<EmbeddedHost> {
  const log = logger('embedded-db');
  const running = await findRunningServer(dataDir);
  if (running) {
    log.info({ pid: running.pid }, 'joining the embedded database hosted by another process');
    return { url: running.url, owner: false, stop: async () => {} };
  }
  if (process.platform === 'win32') {
    throw new Error(
      'The embedded database is served on an owner-only Unix socket, which Windows cannot provide. Run under WSL, or set DATABASE_URL to a Postgres server.',
    );
  }
  const inMemory = dataDir === MEMORY_DIR;
  const dir = inMemory ? null : path.resolve(dataDir);
  if (dir) privateFolder(dir);
  const placement: SocketPlacement = dir ? placeSocket(dir, opts.socketRoots) : memorySocket();
  const pgDir = dir ? path.join(dir, 'pgdata') : undefined;
  if (pgDir) privateFolder(pgDir);
  const started = Date.now();
  let db: PGlite;
  try {
    db = await PGlite.create({ dataDir: pgDir, extensions: { vector } });
  } catch (err) {
    removeSocket(placement);
    throw err;
  }
  if (pgDir) tightenTree(pgDir);
  // No live process holds the folder (checked above): a socket file left by a crash is stale.
  rmSync(placement.socket, { force: true });
  // Several connections may attach (our pool, other local processes); the socket server runs one
  // query at a time and keeps a transaction's queries together.
  const server = hardenQueryQueue(new PGLiteSocketServer({ db, path: placement.socket, maxConnections: 16 }));
  await server.start();
  const info: ServerInfo = { socket: placement.socket, pid: process.pid, startedAt: new Date().toISOString() };
  const infoFile = dir ? path.join(dir, INFO_FILE) : null;
  if (infoFile) writePrivateFile(infoFile, JSON.stringify(info, null, 2));
  log.debug({ ms: Date.now() - started, dataDir: dir ?? 'memory', socket: placement.socket }, 'embedded database open');
  let stopped = false;
  return {
    url: urlOf(placement.socket),
    owner: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      if (pgDir) tightenTree(pgDir);
      if (infoFile) rmSync(infoFile, { force: true });
      removeSocket(placement);
    },
  };
}
