/** A user's recent agent threads, from the turn rows of the audit trail (for `/threads`). */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { aiInteractions } from '../db/schema/index.js';
import type { AgentChannel } from './types.js';

export interface ThreadSummary {
  threadId: string;
  turns: number;
  lastAt: Date;
  /** The first message of the thread, cut to one line. */
  firstMessage: string;
}

export async function listThreads(db: DbOrTx, userId: string, channel: AgentChannel, limit = 10): Promise<ThreadSummary[]> {
  const rows = await db
    .select({
      threadId: aiInteractions.threadId,
      turns: sql<number>`count(*)::int`,
      lastAt: sql<Date>`max(${aiInteractions.createdAt})`,
      firstMessage: sql<string>`(array_agg(${aiInteractions.prompt} order by ${aiInteractions.createdAt}))[1]`,
    })
    .from(aiInteractions)
    .where(and(eq(aiInteractions.type, 'chat'), eq(aiInteractions.userId, userId), eq(aiInteractions.channel, channel)))
    .groupBy(aiInteractions.threadId)
    .orderBy(desc(sql`max(${aiInteractions.createdAt})`))
    .limit(limit);
  return rows.map((r) => ({
    threadId: r.threadId ?? '',
    turns: r.turns,
    lastAt: new Date(r.lastAt),
    firstMessage: (r.firstMessage ?? '').replace(/\s+/g, ' ').slice(0, 80),
  }));
}
