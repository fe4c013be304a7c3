/** The agency's staff as the CLI lists them: who a token, a follow-up or CRM_USER can name. */
import { asc, desc } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { users, USER_ROLES } from '../../db/schema/index.js';

export interface UserListItem {
  handle: string;
  fullName: string;
  role: (typeof USER_ROLES)[number];
  slackUserId: string | null;
  isActive: boolean;
}

/** Every user, active ones first, then by handle. Emails are left out: handles are what commands take. */
export async function listUsers(db: DbOrTx): Promise<UserListItem[]> {
  return db
    .select({ handle: users.handle, fullName: users.fullName, role: users.role, slackUserId: users.slackUserId, isActive: users.isActive })
    .from(users)
    .orderBy(desc(users.isActive), asc(users.handle));
}

/** Aligned text lines (a header, then one per user) for a terminal. */
export function formatUserList(rows: readonly UserListItem[]): string[] {
  const table = [
    ['handle', 'name', 'role', 'slack', 'active'],
    ...rows.map((u) => [u.handle, u.fullName, u.role, u.slackUserId ?? '-', u.isActive ? 'yes' : 'no']),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  return table.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  '));
}
