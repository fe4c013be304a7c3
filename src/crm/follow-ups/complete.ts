/** Completing or cancelling a follow-up. */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { followUps } from '../../db/schema/index.js';
import { InvalidTransitionError, NotFoundError } from '../../errors.js';
import { recomputeNextFollowUp, type FollowUpRow } from './schedule.js';

/**
 * Completes (or with `cancel`, cancels) an open follow-up and recomputes the lead's
 * next_follow_up_at. Repeating the same action is a no-op with `changed: false`; completing a
 * cancelled one or cancelling a completed one is an InvalidTransitionError.
 */
export async function completeFollowUp(
  db: DbOrTx,
  req: { id: string; outcome?: string | null; cancel: boolean; userId: string; now: Date },
): Promise<{ row: FollowUpRow; changed: boolean; nextFollowUpAt: Date | null }> {
  const [cur] = await db.select().from(followUps).where(eq(followUps.id, req.id)).for('update');
  if (!cur) throw new NotFoundError('follow-up', req.id, 'Use list_follow_ups to find the follow-up id.');
  const target = req.cancel ? 'cancelled' : 'completed';
  const next = async () => (cur.leadId ? recomputeNextFollowUp(db, cur.leadId) : null);
  if (cur.status === target) return { row: cur, changed: false, nextFollowUpAt: await next() };
  if (cur.status !== 'open') {
    throw new InvalidTransitionError(
      `Follow-up ${cur.id} is ${cur.status}; it cannot be ${target}.`,
      cur.status === 'cancelled'
        ? 'Schedule a new follow-up with schedule_follow_up instead.'
        : 'It is already done; schedule a new follow-up if more work is needed.',
    );
  }
  const [row] = await db
    .update(followUps)
    .set(
      req.cancel
        ? { status: 'cancelled', outcome: req.outcome ?? cur.outcome }
        : { status: 'completed', completedAt: req.now, completedByUserId: req.userId, outcome: req.outcome ?? cur.outcome },
    )
    .where(eq(followUps.id, cur.id))
    .returning();
  return { row: row!, changed: true, nextFollowUpAt: await next() };
}
