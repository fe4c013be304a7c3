/**
 * Slack people and threads in CRM terms: a Slack user is the CRM user whose `slack_user_id` it
 * is (with that user's role), and each Slack thread is one agent thread, with the write it is
 * waiting on and who may decide it. No Slack SDK here: plain functions over the database.
 */
import { and, eq, isNull, ne, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { slackThreads, users } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { scopesForRole, type Actor } from '../access/actor.js';

export type SlackThread = typeof slackThreads.$inferSelect;

export interface SlackThreadKey {
  teamId: string;
  channelId: string;
  threadTs: string;
}

/** The active CRM user mapped to a Slack user, as an actor with their role's scopes; null if none. */
export async function actorForSlackUser(db: DbOrTx, slackUserId: string): Promise<Actor | null> {
  const [u] = await db.select().from(users).where(eq(users.slackUserId, slackUserId)).limit(1);
  if (!u || !u.isActive) return null;
  return { userId: u.id, handle: u.handle, fullName: u.fullName, role: u.role, timezone: u.timezone, scopes: scopesForRole(u.role) };
}

/** The agent thread id of a Slack thread: derived, so every instance names it the same. */
export function agentThreadIdFor(key: SlackThreadKey): string {
  return `slack:${key.teamId}:${key.channelId}:${key.threadTs}`;
}

/** The thread map row for a Slack thread, created (owned by `userId`) on first use. */
export async function ensureSlackThread(db: DbOrTx, key: SlackThreadKey, userId: string): Promise<SlackThread> {
  await db
    .insert(slackThreads)
    .values({ ...key, agentThreadId: agentThreadIdFor(key), userId })
    .onConflictDoNothing();
  const [row] = await db
    .select()
    .from(slackThreads)
    .where(and(eq(slackThreads.teamId, key.teamId), eq(slackThreads.channelId, key.channelId), eq(slackThreads.threadTs, key.threadTs)));
  return row!;
}

export async function findSlackThread(db: DbOrTx, agentThreadId: string): Promise<SlackThread | null> {
  const [row] = await db.select().from(slackThreads).where(eq(slackThreads.agentThreadId, agentThreadId));
  return row ?? null;
}

export interface PendingOnThread {
  toolCallId: string;
  summary: string;
  /** The CRM user whose turn proposed the write. */
  userId: string;
  /** The Slack message carrying the buttons. */
  messageTs: string;
}

/** Records the write a thread now waits on (or none), clearing any earlier decision. */
export async function setThreadPending(db: DbOrTx, id: string, pending: PendingOnThread | null): Promise<void> {
  await db
    .update(slackThreads)
    .set({
      pendingToolCallId: pending?.toolCallId ?? null,
      pendingSummary: pending?.summary ?? null,
      pendingUserId: pending?.userId ?? null,
      pendingMessageTs: pending?.messageTs ?? null,
      decisionEventId: null,
    })
    .where(eq(slackThreads.id, id));
}

/**
 * Takes the decision on the thread's pending write for the click `eventRowId`: succeeds once per
 * pending write (a double click or a second instance gets null), and again for the same click,
 * so a retried click whose first attempt crashed after deciding still resumes the thread.
 */
export async function takeThreadDecision(
  db: DbOrTx,
  agentThreadId: string,
  toolCallId: string,
  eventRowId: number,
): Promise<SlackThread | null> {
  const [row] = await db
    .update(slackThreads)
    .set({ decisionEventId: eventRowId })
    .where(
      and(
        eq(slackThreads.agentThreadId, agentThreadId),
        eq(slackThreads.pendingToolCallId, toolCallId),
        or(isNull(slackThreads.decisionEventId), eq(slackThreads.decisionEventId, eventRowId)),
      ),
    )
    .returning();
  return row ?? null;
}

/** Who may decide a pending write: the user who asked, or a manager or admin. */
export function mayDecide(actor: Pick<Actor, 'userId' | 'role'>, thread: Pick<SlackThread, 'pendingUserId'>): boolean {
  return actor.userId === thread.pendingUserId || actor.role === 'manager' || actor.role === 'admin';
}

/** A user's full name, for messages about them; null if unknown. */
export async function userFullName(db: DbOrTx, userId: string): Promise<string | null> {
  const [u] = await db.select({ fullName: users.fullName }).from(users).where(eq(users.id, userId));
  return u?.fullName ?? null;
}

/**
 * Links a CRM user to their Slack member ID (Slack: profile, "⋮", "Copy member ID"), so their
 * Slack messages act as them with their role. One Slack member per CRM user.
 */
export async function linkSlackUser(
  db: DbOrTx,
  handle: string,
  slackUserId: string,
): Promise<{ handle: string; fullName: string; role: Actor['role'] }> {
  if (!/^[UW][A-Z0-9]{2,20}$/.test(slackUserId)) {
    throw new AppError('VALIDATION', `"${slackUserId}" is not a Slack member ID.`, {
      hint: 'A member ID looks like U012AB3CD4E: in Slack, open the profile, click "⋮" and "Copy member ID".',
    });
  }
  const [other] = await db
    .select({ handle: users.handle })
    .from(users)
    .where(and(eq(users.slackUserId, slackUserId), ne(users.handle, handle)));
  if (other)
    throw new AppError('CONFLICT', `Slack member ${slackUserId} is already linked to "${other.handle}".`, {
      hint: `Link it to one CRM user only; unlink "${other.handle}" first.`,
    });
  const [u] = await db.update(users).set({ slackUserId }).where(eq(users.handle, handle)).returning();
  if (!u)
    throw new AppError('NOT_FOUND', `No user with handle "${handle}".`, { hint: 'Use a CRM user handle (the demo data has "demo").' });
  return { handle: u.handle, fullName: u.fullName, role: u.role };
}
