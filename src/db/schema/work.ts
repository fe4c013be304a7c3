/** Work items: follow-ups and service tickets. */
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, index, numeric, pgTable, serial, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clients, contacts } from './clients.js';
import { flexible, timestamps, tsvector, tstz } from './common.js';
import { leads } from './leads.js';
import { users } from './users.js';

export const FOLLOW_UP_CHANNELS = ['call', 'email', 'sms', 'meeting', 'task'] as const;
export const FOLLOW_UP_STATUSES = ['open', 'completed', 'cancelled'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

export const followUps = pgTable(
  'follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    leadId: uuid('lead_id').references(() => leads.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id').references(() => clients.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    ticketId: uuid('ticket_id').references((): AnyPgColumn => supportTickets.id, { onDelete: 'set null' }),
    assignedUserId: uuid('assigned_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdByAi: boolean('created_by_ai').notNull().default(false),
    aiInteractionId: uuid('ai_interaction_id'),
    dueAt: tstz('due_at').notNull(),
    /** IANA zone the due time was expressed in (the lead's local zone for calls and texts). */
    timezone: text('timezone').notNull(),
    channel: text('channel', { enum: FOLLOW_UP_CHANNELS }).notNull(),
    purpose: text('purpose').notNull(),
    /** Normalised purpose, to find an open follow-up for the same lead and purpose. */
    purposeKey: text('purpose_key')
      .notNull()
      .generatedAlwaysAs(sql`lower(regexp_replace(btrim(purpose), '\\s+', ' ', 'g'))`),
    notes: text('notes'),
    status: text('status', { enum: FOLLOW_UP_STATUSES }).notNull().default('open'),
    priority: text('priority', { enum: PRIORITIES }).notNull().default('normal'),
    completedAt: tstz('completed_at'),
    completedByUserId: uuid('completed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    outcome: text('outcome'),
    ...flexible,
    ...timestamps,
  },
  (t) => [
    index('follow_ups_open_due_idx')
      .on(t.dueAt)
      .where(sql`${t.status} = 'open'`),
    index('follow_ups_assignee_due_idx').on(t.assignedUserId, t.status, t.dueAt),
    index('follow_ups_lead_idx').on(t.leadId, t.status),
    index('follow_ups_client_idx').on(t.clientId),
    uniqueIndex('follow_ups_one_open_per_lead_purpose')
      .on(t.leadId, t.purposeKey)
      .where(sql`${t.status} = 'open' and ${t.leadId} is not null`),
    check('follow_ups_channel_check', sql`${t.channel} in ('call','email','sms','meeting','task')`),
    check('follow_ups_status_check', sql`${t.status} in ('open','completed','cancelled')`),
    check('follow_ups_priority_check', sql`${t.priority} in ('low','normal','high','urgent')`),
    check('follow_ups_has_subject', sql`${t.leadId} is not null or ${t.clientId} is not null`),
    check('follow_ups_purpose_not_blank', sql`length(btrim(${t.purpose})) > 0`),
    check('follow_ups_completed_consistent', sql`(${t.status} = 'completed') = (${t.completedAt} is not null)`),
  ],
);

export const TICKET_STATUSES = ['new', 'open', 'pending', 'on_hold', 'resolved', 'closed'] as const;
export const TICKET_CATEGORIES = [
  'billing',
  'claim',
  'policy_change',
  'certificate',
  'cancellation',
  'coverage_question',
  'complaint',
  'other',
] as const;
export const TICKET_CHANNELS = ['email', 'phone', 'sms', 'portal', 'chat', 'slack', 'walk_in'] as const;

export const supportTickets = pgTable(
  'support_tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Human-friendly number, e.g. T-1042. */
    ticketNumber: serial('ticket_number').notNull(),
    clientId: uuid('client_id').references(() => clients.id, { onDelete: 'cascade' }),
    leadId: uuid('lead_id').references(() => leads.id, { onDelete: 'set null' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    subject: text('subject').notNull(),
    description: text('description').notNull(),
    status: text('status', { enum: TICKET_STATUSES }).notNull().default('new'),
    priority: text('priority', { enum: PRIORITIES }).notNull().default('normal'),
    category: text('category', { enum: TICKET_CATEGORIES }),
    channel: text('channel', { enum: TICKET_CHANNELS }).notNull().default('email'),
    assignedUserId: uuid('assigned_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    slaDueAt: tstz('sla_due_at'),
    resolution: text('resolution'),
    ...flexible,
    aiSummary: text('ai_summary'),
    aiCategory: text('ai_category', { enum: TICKET_CATEGORIES }),
    aiPriority: text('ai_priority', { enum: PRIORITIES }),
    /** -1 (angry) to 1 (happy). */
    aiSentiment: numeric('ai_sentiment', { precision: 4, scale: 3 }),
    aiLanguage: text('ai_language'),
    aiUrgencySignals: text('ai_urgency_signals')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    aiSuggestedAssigneeId: uuid('ai_suggested_assignee_id').references(() => users.id, { onDelete: 'set null' }),
    aiSuggestedResolution: text('ai_suggested_resolution'),
    aiRationale: text('ai_rationale'),
    /** 0 to 1. */
    aiConfidence: numeric('ai_confidence', { precision: 4, scale: 3 }),
    aiModel: text('ai_model'),
    aiTriagedAt: tstz('ai_triaged_at'),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('crm', coalesce(subject, '')), 'A') || setweight(to_tsvector('crm', coalesce(description, '')), 'B') || setweight(to_tsvector('crm', coalesce(resolution, '')), 'C')`,
    ),
    openedAt: tstz('opened_at').notNull().defaultNow(),
    firstResponseAt: tstz('first_response_at'),
    resolvedAt: tstz('resolved_at'),
    closedAt: tstz('closed_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('support_tickets_ticket_number_key').on(t.ticketNumber),
    index('support_tickets_status_priority_idx').on(t.status, t.priority),
    index('support_tickets_client_idx').on(t.clientId, t.openedAt.desc()),
    index('support_tickets_lead_idx').on(t.leadId),
    index('support_tickets_assignee_status_idx').on(t.assignedUserId, t.status),
    index('support_tickets_sla_due_idx')
      .on(t.slaDueAt)
      .where(sql`${t.status} not in ('resolved','closed')`),
    index('support_tickets_category_idx').on(t.category),
    index('support_tickets_ai_category_idx').on(t.aiCategory, t.aiPriority),
    index('support_tickets_search_gin').using('gin', t.searchVector),
    index('support_tickets_tags_gin').using('gin', t.tags),
    check('support_tickets_status_check', sql`${t.status} in ('new','open','pending','on_hold','resolved','closed')`),
    check('support_tickets_priority_check', sql`${t.priority} in ('low','normal','high','urgent')`),
    check(
      'support_tickets_category_check',
      sql`${t.category} is null or ${t.category} in ('billing','claim','policy_change','certificate','cancellation','coverage_question','complaint','other')`,
    ),
    check('support_tickets_ai_confidence_range', sql`${t.aiConfidence} is null or ${t.aiConfidence} between 0 and 1`),
    check('support_tickets_ai_sentiment_range', sql`${t.aiSentiment} is null or ${t.aiSentiment} between -1 and 1`),
    check('support_tickets_has_subject', sql`length(btrim(${t.subject})) > 0`),
  ],
);
