/** Lookup tables: statuses, lines of business, communication types, campaigns. */
import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamps, tstz } from './common.js';

/** Columns every lookup table has: code, label, UI hints, AI template, metadata, active flag, order. */
const lookupColumns = () => ({
  id: serial('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  description: text('description'),
  color: text('color'),
  icon: text('icon'),
  aiPromptTemplate: text('ai_prompt_template'),
  metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
  isActive: boolean('is_active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
  ...timestamps,
});

export const leadStatuses = pgTable(
  'lead_statuses',
  {
    ...lookupColumns(),
    /** Won, lost and archived leads are terminal: no further pipeline moves but reopen. */
    isTerminal: boolean('is_terminal').notNull().default(false),
    /** Codes this status may move to. */
    allowedNext: text('allowed_next')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [uniqueIndex('lead_statuses_code_key').on(t.code)],
);

export const insuranceTypes = pgTable(
  'insurance_types',
  {
    ...lookupColumns(),
    /** personal, commercial or specialty. */
    category: text('category').notNull(),
    /** Which JSONB payload of a lead carries this line's details. */
    dataField: text('data_field').notNull(),
  },
  (t) => [uniqueIndex('insurance_types_code_key').on(t.code)],
);

export const communicationTypes = pgTable(
  'communication_types',
  {
    ...lookupColumns(),
    /** Outbound use of this channel needs the lead's consent (calls, texts). */
    requiresConsent: boolean('requires_consent').notNull().default(false),
    /** Consent channel this type maps to: call, sms, email, mail or none. */
    consentChannel: text('consent_channel'),
  },
  (t) => [uniqueIndex('communication_types_code_key').on(t.code)],
);

export const campaigns = pgTable(
  'campaigns',
  {
    ...lookupColumns(),
    channel: text('channel'),
    startsAt: tstz('starts_at'),
    endsAt: tstz('ends_at'),
  },
  (t) => [uniqueIndex('campaigns_code_key').on(t.code)],
);
