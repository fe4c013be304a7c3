/**
 * Marketing consent: per-lead (optionally per-contact) settings, and person/number-level consent
 * records. Both hold across every lead of the client (see src/crm/compliance/consent.ts, docs/compliance.md).
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgTable, text, time, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { leadCommunications } from './activity.js';
import { clients, contacts } from './clients.js';
import { flexible, timestamps, tstz } from './common.js';
import { leads } from './leads.js';
import { users } from './users.js';

export const CONSENT_STATES = ['granted', 'denied', 'revoked', 'unknown'] as const;

export const leadMarketingSettings = pgTable(
  'lead_marketing_settings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    /** Null: the settings of the lead as a whole. Set: one contact's own settings. */
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'cascade' }),
    callConsent: text('call_consent', { enum: CONSENT_STATES }).notNull().default('unknown'),
    callConsentSource: text('call_consent_source'),
    callConsentAt: tstz('call_consent_at'),
    callConsentWording: text('call_consent_wording'),
    smsConsent: text('sms_consent', { enum: CONSENT_STATES }).notNull().default('unknown'),
    smsConsentSource: text('sms_consent_source'),
    smsConsentAt: tstz('sms_consent_at'),
    smsConsentWording: text('sms_consent_wording'),
    emailConsent: text('email_consent', { enum: CONSENT_STATES }).notNull().default('unknown'),
    emailConsentSource: text('email_consent_source'),
    emailConsentAt: tstz('email_consent_at'),
    emailConsentWording: text('email_consent_wording'),
    mailConsent: text('mail_consent', { enum: CONSENT_STATES }).notNull().default('unknown'),
    mailConsentSource: text('mail_consent_source'),
    mailConsentAt: tstz('mail_consent_at'),
    mailConsentWording: text('mail_consent_wording'),
    doNotCall: boolean('do_not_call').notNull().default(false),
    doNotCallSource: text('do_not_call_source'),
    doNotCallAt: tstz('do_not_call_at'),
    unsubscribedAt: tstz('unsubscribed_at'),
    unsubscribeSource: text('unsubscribe_source'),
    /** Local quiet hours, e.g. 21:00 to 08:00, in `timezone`. */
    quietHoursStart: time('quiet_hours_start'),
    quietHoursEnd: time('quiet_hours_end'),
    timezone: text('timezone'),
    ...flexible,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('lead_marketing_settings_lead_contact_key').on(
      t.leadId,
      sql`coalesce(${t.contactId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    index('lead_marketing_settings_contact_idx').on(t.contactId),
    index('lead_marketing_settings_dnc_idx')
      .on(t.doNotCall)
      .where(sql`${t.doNotCall}`),
    ...(['call', 'sms', 'email', 'mail'] as const).map((ch) =>
      check(`lead_marketing_settings_${ch}_consent_check`, sql.raw(`${ch}_consent in ('granted','denied','revoked','unknown')`)),
    ),
    check(
      'lead_marketing_settings_granted_has_evidence',
      sql`(call_consent <> 'granted' or (call_consent_source is not null and call_consent_at is not null)) and (sms_consent <> 'granted' or (sms_consent_source is not null and sms_consent_at is not null))`,
    ),
  ],
);

/** Kept for typing helpers that iterate channels. */
export const CONSENT_CHANNELS = ['call', 'sms', 'email', 'mail'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

export const CONSENT_RECORD_LEVELS = ['client', 'contact', 'address'] as const;
export const CONSENT_RECORD_STATES = ['granted', 'denied', 'revoked', 'do_not_call', 'unsubscribed'] as const;

/**
 * Append-only consent events for a person (client), a contact, or an address (normalised E.164
 * phone or lower-cased email; `client_id`/`contact_id` then say who it was recorded for). An
 * opt-out holds until a later grant for the same level, subject and channel.
 */
export const consentRecords = pgTable(
  'consent_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    level: text('level', { enum: CONSENT_RECORD_LEVELS }).notNull(),
    clientId: uuid('client_id').references(() => clients.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'cascade' }),
    address: text('address'),
    channel: text('channel', { enum: CONSENT_CHANNELS }).notNull(),
    state: text('state', { enum: CONSENT_RECORD_STATES }).notNull(),
    source: text('source').notNull(),
    evidence: text('evidence'),
    /** When the customer gave or withdrew it (not when it was typed in). */
    recordedAt: tstz('recorded_at').notNull(),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The communication that carried it, e.g. the inbound STOP text. */
    communicationId: uuid('communication_id').references(() => leadCommunications.id, { onDelete: 'set null' }),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps,
  },
  (t) => [
    index('consent_records_client_idx')
      .on(t.clientId, t.channel)
      .where(sql`level = 'client'`),
    index('consent_records_contact_idx')
      .on(t.contactId, t.channel)
      .where(sql`level = 'contact'`),
    index('consent_records_address_idx')
      .on(t.address, t.channel)
      .where(sql`level = 'address'`),
    check('consent_records_level_check', sql`level in ('client','contact','address')`),
    check('consent_records_channel_check', sql`channel in ('call','sms','email','mail')`),
    check('consent_records_state_check', sql`state in ('granted','denied','revoked','do_not_call','unsubscribed')`),
    check(
      'consent_records_subject_check',
      sql`(level = 'client' and client_id is not null and contact_id is null and address is null) or (level = 'contact' and contact_id is not null and address is null) or (level = 'address' and address is not null)`,
    ),
    check(
      'consent_records_state_channel_check',
      sql`(state <> 'do_not_call' or channel = 'call') and (state <> 'unsubscribed' or channel = 'email')`,
    ),
    check(
      'consent_records_address_channel_check',
      sql`level <> 'address' or (address like '+%' and channel in ('call','sms')) or (address like '%@%' and channel = 'email')`,
    ),
  ],
);
