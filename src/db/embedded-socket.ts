/**
 * Where the embedded database's Unix socket lives. The wire-protocol server has no
 * authentication, so the socket's folder is the only lock on the door: it must be owned by this
 * user, not a symlink, and owner-only (0700). There is deliberately no TCP fallback.
 *
 * Socket paths are limited (sun_path: 108 bytes on Linux, 104 on macOS, NUL included), so a data
 * folder deeper than that gets its socket in a short private folder instead: the user's runtime
 * folder (`/run/user/<uid>`) when it exists and is private, else the system temp folder. Its name
 * is derived from the data folder, and `server.json` records the socket path for joiners.
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, rmSync, type Stats } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The file name `pg` looks for in a socket folder (`?host=<folder>`, default port 5432). */
export const SOCKET_NAME = '.s.PGSQL.5432';

/** Longest socket path that fits everywhere we run (macOS: 104 bytes with the NUL). */
export const MAX_SOCKET_PATH_BYTES = 103;

const uid = () => process.getuid?.() ?? -1;

/** Why `st` is not a folder only we can enter, or null when it is one. */
function unsafeReason(st: Stats): string | null {
  if (st.isSymbolicLink()) return 'is a symbolic link';
  if (!st.isDirectory()) return 'is not a folder';
  if (st.uid !== uid()) return `is owned by uid ${st.uid}, not ${uid()}`;
  return null;
}

/**
 * Creates `dir` (one level) owner-only, or accepts it if it already exists as our own real
 * folder, tightening its mode to 0700. Returns why it cannot be used, or null when it can.
 * The mode is set with chmod, so it does not depend on the umask.
 */
export function ensurePrivateDir(dir: string): string | null {
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return (e as Error).message;
  }
  const why = unsafeReason(lstatSync(dir));
  if (why) return why;
  chmodSync(dir, 0o700);
  return null;
}

/** Roots for a short socket folder, best first: the private runtime folder, then temp. */
export function defaultSocketRoots(): string[] {
  const roots: string[] = [];
  const runtime = `/run/user/${uid()}`;
  if (existsSync(runtime)) {
    const st = lstatSync(runtime);
    if (!unsafeReason(st) && (st.mode & 0o077) === 0) roots.push(runtime);
  }
  roots.push(os.tmpdir());
  return roots;
}

export interface SocketPlacement {
  /** Full path of the socket file. */
  socket: string;
  /** A folder we created outside the data folder, to remove when the server stops. */
  ownDir?: string;
}

const fits = (p: string) => Buffer.byteLength(p) <= MAX_SOCKET_PATH_BYTES;

/**
 * The socket of the data folder `dataDir` (already created owner-only by the caller): inside it
 * when the path fits, else in a short private folder under one of `roots`. Throws, saying what
 * to do, when no safe place exists.
 */
export function placeSocket(dataDir: string, roots: string[] = defaultSocketRoots()): SocketPlacement {
  const inside = path.join(dataDir, SOCKET_NAME);
  if (fits(inside)) return { socket: inside };
  const hash = createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
  const refused: string[] = [];
  for (const root of roots) {
    const dir = path.join(root, `crm-agent-${uid()}-${hash}`);
    const socket = path.join(dir, SOCKET_NAME);
    if (!fits(socket)) {
      refused.push(`${dir}: path too long for a socket`);
      continue;
    }
    const why = ensurePrivateDir(dir);
    if (!why) return { socket, ownDir: dir };
    refused.push(`${dir} ${why}`);
  }
  throw new Error(
    `Cannot serve the embedded database of ${dataDir}: its path is too long for a Unix socket ` +
      `(${Buffer.byteLength(inside)} bytes; at most ${MAX_SOCKET_PATH_BYTES}) and no private short folder could be used ` +
      `(${refused.join('; ')}). Use a shorter CRM_DATA_DIR, remove the folder named above if it is not yours, or set DATABASE_URL.`,
  );
}

/** A fresh private socket folder for an in-memory database (removed when it stops). */
export function memorySocket(): SocketPlacement {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'crm-mem-'));
  chmodSync(dir, 0o700);
  return { socket: path.join(dir, SOCKET_NAME), ownDir: dir };
}

/** Removes the socket file and, when we created it, its folder. */
export function removeSocket(p: SocketPlacement): void {
  rmSync(p.socket, { force: true });
  if (p.ownDir) rmSync(p.ownDir, { recursive: true, force: true });
}
