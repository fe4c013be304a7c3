/** Per-lead (optionally per-contact) marketing consent, with the evidence for each channel. */
import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, time, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { contacts } from './clients.js';
import { flexible, timestamps, tstz } from './common.js';
import { leads } from './leads.js';

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
    uniqueIndex('lead_marketing_settings_lead_contact_key').on(t.leadId, sql`coalesce(${t.contactId}, '00000000-0000-0000-0000-000000000000'::uuid)`),
    index('lead_marketing_settings_contact_idx').on(t.contactId),
    index('lead_marketing_settings_dnc_idx').on(t.doNotCall).where(sql`${t.doNotCall}`),
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
