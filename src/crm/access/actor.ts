/** Who is acting: an agency user with a set of scopes (from a token, or the local stdio user). */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { users, type USER_ROLES } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';

/** `crm:pii` lets a caller see unmasked licence numbers, dates of birth and VINs when it asks for them. */
export const SCOPES = ['crm:read', 'crm:write', 'crm:admin', 'crm:pii'] as const;
export type Scope = (typeof SCOPES)[number];

export interface Actor {
  userId: string;
  handle: string;
  fullName: string;
  role: (typeof USER_ROLES)[number];
  timezone: string;
  scopes: readonly Scope[];
  /** The API token the caller authenticated with (HTTP); absent for local users (stdio, chat). */
  tokenId?: string;
}

/** `crm:admin` implies every scope; write implies read; `crm:pii` is never implied by read or write. */
export function hasScope(actor: Pick<Actor, 'scopes'>, needed: Scope): boolean {
  if (actor.scopes.includes('crm:admin')) return true;
  if (needed === 'crm:read') return actor.scopes.includes('crm:read') || actor.scopes.includes('crm:write');
  return actor.scopes.includes(needed);
}

/** Scopes a user's role allows at most (a token never grants more than its user's role). */
export function scopesForRole(role: Actor['role']): Scope[] {
  switch (role) {
    case 'admin':
      return ['crm:read', 'crm:write', 'crm:admin', 'crm:pii'];
    case 'viewer':
      return ['crm:read'];
    default:
      // Producers and CSRs quote and service policies, so their role allows licence numbers and
      // dates of birth; a token still carries crm:pii only when created with it.
      return ['crm:read', 'crm:write', 'crm:pii'];
  }
}

/** Loads an active user by handle as an actor with the scopes of their role. */
export async function actorForHandle(db: DbOrTx, handle: string): Promise<Actor> {
  const [u] = await db.select().from(users).where(eq(users.handle, handle)).limit(1);
  if (!u || !u.isActive) {
    throw new AppError('UNAUTHORIZED', `No active user with handle "${handle}".`, {
      hint: 'Set CRM_USER to an existing user handle (run `crm-agent seed` for the demo user "demo").',
    });
  }
  return { userId: u.id, handle: u.handle, fullName: u.fullName, role: u.role, timezone: u.timezone, scopes: scopesForRole(u.role) };
}
