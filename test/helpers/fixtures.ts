/** Small builders for integration tests. Each returns the inserted row. */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { clients, contacts, insuranceTypes, leadStatuses, leads, users } from '../../src/db/schema/index.js';
import { scopesForRole, type Actor, type Scope } from '../../src/crm/access/actor.js';
import type { ToolDeps } from '../../tools/run-tool.js';

let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

export async function makeUser(db: Db, o: Partial<typeof users.$inferInsert> = {}) {
  const [u] = await db
    .insert(users)
    .values({ handle: `user-${uniq()}`, fullName: 'Test User', role: 'producer', timezone: 'America/Chicago', ...o })
    .returning();
  return u!;
}

export function actorOf(u: Awaited<ReturnType<typeof makeUser>>, scopes?: Scope[]): Actor {
  return {
    userId: u.id,
    handle: u.handle,
    fullName: u.fullName,
    role: u.role,
    timezone: u.timezone,
    scopes: scopes ?? scopesForRole(u.role),
  };
}

export async function makeClient(db: Db, o: Partial<typeof clients.$inferInsert> = {}) {
  const [c] = await db
    .insert(clients)
    .values({ clientType: 'individual', firstName: 'Pat', lastName: `Tester${uniq()}`, email: `pat.${uniq()}@example.com`, ...o })
    .returning();
  return c!;
}

export async function makeContact(db: Db, clientId: string, o: Partial<typeof contacts.$inferInsert> = {}) {
  const [c] = await db
    .insert(contacts)
    .values({ clientId, firstName: 'Sam', lastName: 'Contact', ...o })
    .returning();
  return c!;
}

export async function statusId(db: Db, code: string): Promise<number> {
  const [s] = await db.select({ id: leadStatuses.id }).from(leadStatuses).where(eq(leadStatuses.code, code));
  if (!s) throw new Error(`no status ${code}`);
  return s.id;
}

export async function insuranceTypeId(db: Db, code: string): Promise<number> {
  const [s] = await db.select({ id: insuranceTypes.id }).from(insuranceTypes).where(eq(insuranceTypes.code, code));
  if (!s) throw new Error(`no insurance type ${code}`);
  return s.id;
}

export async function makeLead(db: Db, o: Partial<typeof leads.$inferInsert> & { status?: string; line?: string } = {}) {
  const { status = 'new', line = 'auto', ...rest } = o;
  const clientId = rest.clientId ?? (await makeClient(db)).id;
  const [l] = await db
    .insert(leads)
    .values({ clientId, statusId: await statusId(db, status), insuranceTypeId: await insuranceTypeId(db, line), ...rest })
    .returning();
  return l!;
}

export function toolDeps(db: Db, now?: Date): ToolDeps {
  return {
    db,
    settings: { agencyTimezone: 'America/Chicago', businessHours: [8, 20], rrfK: 60 },
    services: {},
    ...(now ? { now: () => now } : {}),
  };
}

export const newId = () => randomUUID();
