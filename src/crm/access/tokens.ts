/**
 * API tokens for the HTTP surface. A token is shown once at creation; only its SHA-256 is stored.
 * A token's effective scopes never exceed what its user's role allows.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { apiTokens, users } from '../../db/schema/index.js';
import { AppError, UnauthorizedError, ValidationError } from '../../errors.js';
import { SCOPES, scopesForRole, type Actor, type Scope } from './actor.js';

const PREFIX = 'crm_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function parseScopes(text: string): Scope[] {
  const scopes = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (bad.length || scopes.length === 0) {
    throw new ValidationError(`Unknown or missing scopes: ${bad.join(', ') || '(none)'}.`, [
      { field: 'scopes', message: `use one or more of ${SCOPES.join(', ')}` },
    ]);
  }
  return [...new Set(scopes)] as Scope[];
}

export interface CreatedToken {
  id: string;
  token: string;
  userHandle: string;
  scopes: Scope[];
  expiresAt: Date | null;
}

export async function createToken(
  db: DbOrTx,
  opts: { userHandle: string; scopes: Scope[]; name?: string; expiresInDays?: number },
): Promise<CreatedToken> {
  const [user] = await db.select().from(users).where(eq(users.handle, opts.userHandle)).limit(1);
  if (!user || !user.isActive)
    throw new AppError('NOT_FOUND', `No active user with handle "${opts.userHandle}".`, {
      hint: 'List users with `crm-agent users list` (node dist/src/cli.js users list), or seed demo data.',
    });
  const allowed = scopesForRole(user.role);
  const excess = opts.scopes.filter((s) => !allowed.includes(s));
  if (excess.length)
    throw new AppError('FORBIDDEN', `User ${user.handle} (${user.role}) cannot hold ${excess.join(', ')}.`, {
      hint: `Allowed: ${allowed.join(', ')}.`,
    });
  const secret = randomBytes(32).toString('base64url');
  const token = `${PREFIX}${secret}`;
  const expiresAt = opts.expiresInDays ? new Date(Date.now() + opts.expiresInDays * 86_400_000) : null;
  const [row] = await db
    .insert(apiTokens)
    .values({
      userId: user.id,
      name: opts.name ?? `token for ${user.handle}`,
      tokenHash: hashToken(token),
      tokenPrefix: token.slice(0, 10),
      scopes: opts.scopes,
      expiresAt,
    })
    .returning({ id: apiTokens.id });
  return { id: row!.id, token, userHandle: user.handle, scopes: opts.scopes, expiresAt };
}

/** Resolves a bearer token to an actor, or throws UNAUTHORIZED. Records last use (at most once a minute). */
export async function authenticateToken(db: DbOrTx, token: string, now = new Date()): Promise<Actor & { tokenId: string }> {
  if (!token.startsWith(PREFIX) || token.length < 20 || token.length > 200)
    throw new UnauthorizedError('Malformed bearer token.', 'Create one with `crm-agent token create`.');
  const hash = hashToken(token);
  const [row] = await db
    .select({ t: apiTokens, u: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hash))
    .limit(1);
  // Constant-time compare of the stored hash, although the lookup was by hash already.
  if (!row || !timingSafeEqual(Buffer.from(row.t.tokenHash), Buffer.from(hash)))
    throw new UnauthorizedError('Unknown bearer token.', 'Create one with `crm-agent token create`.');
  if (row.t.revokedAt) throw new UnauthorizedError('This token was revoked.', 'Create a new token.');
  if (row.t.expiresAt && row.t.expiresAt <= now) throw new UnauthorizedError('This token has expired.', 'Create a new token.');
  if (!row.u.isActive) throw new UnauthorizedError('The token belongs to a deactivated user.');
  if (!row.t.lastUsedAt || now.getTime() - row.t.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.t.id));
  }
  const allowed = scopesForRole(row.u.role);
  const scopes = (row.t.scopes as Scope[]).filter((s) => allowed.includes(s));
  return {
    tokenId: row.t.id,
    userId: row.u.id,
    handle: row.u.handle,
    fullName: row.u.fullName,
    role: row.u.role,
    timezone: row.u.timezone,
    scopes,
  };
}

export async function revokeToken(db: DbOrTx, id: string): Promise<boolean> {
  const r = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return r.length > 0;
}

export async function listTokens(db: DbOrTx) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.tokenPrefix,
      user: users.handle,
      scopes: apiTokens.scopes,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .orderBy(apiTokens.createdAt);
}
