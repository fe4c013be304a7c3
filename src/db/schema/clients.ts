/** Clients (individuals and businesses) and their contact people. */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { addresses } from './addresses.js';
import { flexible, timestamps, tstz } from './common.js';
import { users } from './users.js';

export const CLIENT_TYPES = ['individual', 'business'] as const;
export const CONTACT_METHODS = ['call', 'email', 'sms', 'mail', 'any'] as const;

export const clients = pgTable(
  'clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientType: text('client_type', { enum: CLIENT_TYPES }).notNull(),
    // individual
    firstName: text('first_name'),
    lastName: text('last_name'),
    dateOfBirth: date('date_of_birth'),
    // business
    businessName: text('business_name'),
    dbaName: text('dba_name'),
    fein: text('fein'),
    industry: text('industry'),
    naicsCode: text('naics_code'),
    yearEstablished: integer('year_established'),
    annualRevenue: numeric('annual_revenue', { precision: 14, scale: 2 }),
    employeeCount: integer('employee_count'),
    /** Name to show and search: the business name, or "First Last". */
    displayName: text('display_name')
      .notNull()
      .generatedAlwaysAs(sql`coalesce(business_name, trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')))`),
    email: text('email'),
    phone: text('phone'),
    website: text('website'),
    addressId: uuid('address_id').references(() => addresses.id, { onDelete: 'set null' }),
    mailingAddressId: uuid('mailing_address_id').references(() => addresses.id, { onDelete: 'set null' }),
    preferredContactMethod: text('preferred_contact_method', { enum: CONTACT_METHODS }),
    timezone: text('timezone'),
    status: text('status', { enum: ['prospect', 'active', 'inactive'] })
      .notNull()
      .default('prospect'),
    assignedUserId: uuid('assigned_user_id').references(() => users.id, { onDelete: 'set null' }),
    ...flexible,
    aiSummary: text('ai_summary'),
    aiRiskScore: numeric('ai_risk_score', { precision: 5, scale: 2 }),
    aiLifetimeValue: numeric('ai_lifetime_value', { precision: 14, scale: 2 }),
    aiInsights: jsonb('ai_insights').$type<Record<string, unknown>>().notNull().default({}),
    aiUpdatedAt: tstz('ai_updated_at'),
    lastContactAt: tstz('last_contact_at'),
    nextContactAt: tstz('next_contact_at'),
    ...timestamps,
  },
  (t) => [
    check('clients_client_type_check', sql`${t.clientType} in ('individual','business')`),
    check('clients_status_check', sql`${t.status} in ('prospect','active','inactive')`),
    check(
      'clients_name_by_type',
      sql`(${t.clientType} = 'individual' and ${t.lastName} is not null and ${t.businessName} is null) or (${t.clientType} = 'business' and ${t.businessName} is not null)`,
    ),
    check(
      'clients_preferred_contact_method_check',
      sql`${t.preferredContactMethod} is null or ${t.preferredContactMethod} in ('call','email','sms','mail','any')`,
    ),
    check('clients_ai_risk_score_range', sql`${t.aiRiskScore} is null or ${t.aiRiskScore} between 0 and 100`),
    index('clients_display_name_idx').on(sql`lower(${t.displayName})`),
    index('clients_last_first_idx').on(sql`lower(${t.lastName})`, sql`lower(${t.firstName})`),
    index('clients_email_idx').on(sql`lower(${t.email})`),
    index('clients_client_type_idx').on(t.clientType),
    index('clients_assigned_user_idx').on(t.assignedUserId),
    index('clients_address_idx').on(t.addressId),
    index('clients_tags_gin').using('gin', t.tags),
    index('clients_custom_fields_gin').using('gin', t.customFields),
    index('clients_ai_risk_score_idx').on(t.aiRiskScore),
    index('clients_next_contact_at_idx').on(t.nextContactAt),
    index('clients_last_contact_at_idx').on(t.lastContactAt),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    title: text('title'),
    department: text('department'),
    /** e.g. owner, decision_maker, billing, named_insured, driver, spouse. */
    roles: text('roles')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    isPrimaryContact: boolean('is_primary_contact').notNull().default(false),
    email: text('email'),
    phone: text('phone'),
    mobilePhone: text('mobile_phone'),
    preferredContactMethod: text('preferred_contact_method', { enum: CONTACT_METHODS }),
    linkedinUrl: text('linkedin_url'),
    timezone: text('timezone'),
    ...flexible,
    aiRelationshipStrength: numeric('ai_relationship_strength', { precision: 4, scale: 3 }),
    aiSummary: text('ai_summary'),
    aiUpdatedAt: tstz('ai_updated_at'),
    lastContactAt: tstz('last_contact_at'),
    nextContactAt: tstz('next_contact_at'),
    ...timestamps,
  },
  (t) => [
    index('contacts_client_primary_idx').on(t.clientId, t.isPrimaryContact),
    index('contacts_client_name_idx').on(t.clientId, sql`lower(${t.lastName})`, sql`lower(${t.firstName})`),
    index('contacts_email_idx').on(sql`lower(${t.email})`),
    uniqueIndex('contacts_one_primary_per_client')
      .on(t.clientId)
      .where(sql`${t.isPrimaryContact}`),
    index('contacts_tags_gin').using('gin', t.tags),
    index('contacts_next_contact_at_idx').on(t.nextContactAt),
    index('contacts_ai_relationship_strength_idx').on(t.aiRelationshipStrength),
    check(
      'contacts_preferred_contact_method_check',
      sql`${t.preferredContactMethod} is null or ${t.preferredContactMethod} in ('call','email','sms','mail','any')`,
    ),
    check(
      'contacts_ai_relationship_strength_range',
      sql`${t.aiRelationshipStrength} is null or ${t.aiRelationshipStrength} between 0 and 1`,
    ),
  ],
);
