/** Resolves "who" references in tool input: a user id, a handle, or "me". */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { ValidationError } from '../../errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The id and handle of the active user `ref` names ("me" is `selfId`). Throws ValidationError
 * naming `field` when there is no such active user.
 */
export async function resolveUserRef(db: DbOrTx, ref: string, selfId: string, field: string): Promise<{ id: string; handle: string }> {
  const r = ref.trim();
  const where = r.toLowerCase() === 'me' ? eq(users.id, selfId) : UUID.test(r) ? eq(users.id, r) : eq(users.handle, r.toLowerCase());
  const [u] = await db.select({ id: users.id, handle: users.handle, isActive: users.isActive }).from(users).where(where).limit(1);
  if (!u || !u.isActive) {
    throw new ValidationError(
      `No active user "${ref}".`,
      [{ field, message: 'unknown or inactive user' }],
      'Pass an active user\'s id or handle, or "me".',
    );
  }
  return { id: u.id, handle: u.handle };
}
