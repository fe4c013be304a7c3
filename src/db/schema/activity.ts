/** What happened on a lead: communications (calls, emails, texts, meetings) and notes. */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clients, contacts } from './clients.js';
import { flexible, timestamps, tsvector, tstz } from './common.js';
import { leads } from './leads.js';
import { campaigns, communicationTypes } from './lookups.js';
import { users } from './users.js';

/** AI annotations shared by communications and notes. */
const aiAnnotations = () => ({
  aiSummary: text('ai_summary'),
  /** -1 (negative) to 1 (positive). */
  aiSentiment: numeric('ai_sentiment', { precision: 4, scale: 3 }),
  aiEntities: jsonb('ai_entities').$type<unknown[]>().notNull().default([]),
  aiActionItems: jsonb('ai_action_items').$type<unknown[]>().notNull().default([]),
  aiUpdatedAt: tstz('ai_updated_at'),
});

export const leadCommunications = pgTable(
  'lead_communications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    communicationTypeId: integer('communication_type_id')
      .notNull()
      .references(() => communicationTypes.id),
    campaignId: integer('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    direction: text('direction', { enum: ['inbound', 'outbound'] }).notNull(),
    subject: text('subject'),
    body: text('body'),
    occurredAt: tstz('occurred_at').notNull().defaultNow(),
    durationSeconds: integer('duration_seconds'),
    /** connected, left_voicemail, no_answer, sent, replied, bounced, scheduled_meeting, ... */
    outcome: text('outcome'),
    /** Caller-supplied key: a retried call with the same key does not log twice. */
    idempotencyKey: text('idempotency_key'),
    ...flexible,
    ...aiAnnotations(),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('crm', coalesce(subject, '')), 'A') || setweight(to_tsvector('crm', coalesce(body, '')), 'B')`,
    ),
    ...timestamps,
  },
  (t) => [
    index('lead_communications_lead_time_idx').on(t.leadId, t.occurredAt.desc()),
    index('lead_communications_client_time_idx').on(t.clientId, t.occurredAt.desc()),
    index('lead_communications_contact_time_idx').on(t.contactId, t.occurredAt.desc()),
    index('lead_communications_type_time_idx').on(t.communicationTypeId, t.occurredAt.desc()),
    index('lead_communications_user_idx').on(t.userId),
    uniqueIndex('lead_communications_idempotency_key').on(t.idempotencyKey),
    index('lead_communications_search_gin').using('gin', t.searchVector),
    index('lead_communications_tags_gin').using('gin', t.tags),
    index('lead_communications_ai_sentiment_idx').on(t.aiSentiment),
    check('lead_communications_direction_check', sql`${t.direction} in ('inbound','outbound')`),
    check('lead_communications_duration_non_negative', sql`${t.durationSeconds} is null or ${t.durationSeconds} >= 0`),
    check('lead_communications_ai_sentiment_range', sql`${t.aiSentiment} is null or ${t.aiSentiment} between -1 and 1`),
  ],
);

export const leadNotes = pgTable(
  'lead_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** general, underwriting, call_summary, claim_history, coverage, ai_generated */
    noteType: text('note_type').notNull().default('general'),
    body: text('body').notNull(),
    isPinned: boolean('is_pinned').notNull().default(false),
    ...flexible,
    ...aiAnnotations(),
    searchVector: tsvector('search_vector').generatedAlwaysAs(sql`to_tsvector('crm', body)`),
    ...timestamps,
  },
  (t) => [
    index('lead_notes_lead_time_idx').on(t.leadId, t.createdAt.desc()),
    index('lead_notes_client_time_idx').on(t.clientId, t.createdAt.desc()),
    index('lead_notes_search_gin').using('gin', t.searchVector),
    index('lead_notes_tags_gin').using('gin', t.tags),
    check('lead_notes_body_not_blank', sql`length(btrim(${t.body})) > 0`),
  ],
);
