/** Slack: the durable inbox of acknowledged events and clicks, and Slack thread -> agent thread. */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, jsonb, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps, tstz } from './common.js';
import { users } from './users.js';

export const SLACK_EVENT_KINDS = ['event', 'action'] as const;
export const SLACK_EVENT_STATUSES = ['pending', 'running', 'done', 'failed'] as const;

/** Written in the step that acknowledges Slack; the Slack worker processes it from here. */
export const slackEvents = pgTable(
  'slack_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Slack's event_id, or `action:<trigger_id>` for a button click. */
    eventId: text('event_id').notNull(),
    kind: text('kind', { enum: SLACK_EVENT_KINDS }).notNull(),
    teamId: text('team_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: SLACK_EVENT_STATUSES }).notNull().default('pending'),
    attempts: smallint('attempts').notNull().default(0),
    lastError: text('last_error'),
    runAfter: tstz('run_after').notNull().defaultNow(),
    lockedBy: text('locked_by'),
    lockedAt: tstz('locked_at'),
    /** The "working…" message posted for this event, reused by a retry. */
    replyTs: text('reply_ts'),
    /** The agent's answer, kept so a retry delivers it without a second turn. */
    result: jsonb('result').$type<Record<string, unknown>>(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('slack_events_event_id_key').on(t.eventId),
    index('slack_events_ready_idx')
      .on(t.runAfter)
      .where(sql`${t.status} = 'pending'`),
    index('slack_events_running_idx')
      .on(t.lockedAt)
      .where(sql`${t.status} = 'running'`),
    check('slack_events_kind_check', sql`${t.kind} in ('event','action')`),
    check('slack_events_status_check', sql`${t.status} in ('pending','running','done','failed')`),
  ],
);

/** One agent thread per Slack thread, and the approval it waits on. */
export const slackThreads = pgTable(
  'slack_threads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: text('team_id').notNull().default(''),
    channelId: text('channel_id').notNull(),
    threadTs: text('thread_ts').notNull(),
    agentThreadId: text('agent_thread_id').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    pendingToolCallId: text('pending_tool_call_id'),
    pendingSummary: text('pending_summary'),
    pendingUserId: uuid('pending_user_id').references(() => users.id, { onDelete: 'set null' }),
    pendingMessageTs: text('pending_message_ts'),
    /** The click (slack_events.id) that took the decision on the pending write. */
    decisionEventId: bigint('decision_event_id', { mode: 'number' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('slack_threads_thread_key').on(t.teamId, t.channelId, t.threadTs),
    uniqueIndex('slack_threads_agent_thread_key').on(t.agentThreadId),
  ],
);
