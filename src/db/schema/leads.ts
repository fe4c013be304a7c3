/** Leads: quoting and sales activity for a client, with line-specific JSONB payloads. */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, numeric, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { clients } from './clients.js';
import { flexible, timestamps, tstz } from './common.js';
import { campaigns, insuranceTypes, leadStatuses } from './lookups.js';
import { users } from './users.js';

export const leads = pgTable(
  'leads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    statusId: integer('status_id')
      .notNull()
      .references(() => leadStatuses.id),
    insuranceTypeId: integer('insurance_type_id')
      .notNull()
      .references(() => insuranceTypes.id),
    campaignId: integer('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    assignedUserId: uuid('assigned_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Where the lead came from: referral, website, phone-in, campaign, walk-in, ... */
    source: text('source'),
    currentCarrier: text('current_carrier'),
    currentPremium: numeric('current_premium', { precision: 12, scale: 2 }),
    quotedPremium: numeric('quoted_premium', { precision: 12, scale: 2 }),
    targetPremium: numeric('target_premium', { precision: 12, scale: 2 }),
    umbrellaRequested: boolean('umbrella_requested').notNull().default(false),
    umbrellaLimit: numeric('umbrella_limit', { precision: 14, scale: 2 }),
    /** X-date: when the prospect's current policy expires. */
    xDate: date('x_date'),
    policyEffectiveDate: date('policy_effective_date'),
    autoData: jsonb('auto_data').$type<Record<string, unknown>>(),
    autoDataVersion: smallint('auto_data_version'),
    homeData: jsonb('home_data').$type<Record<string, unknown>>(),
    homeDataVersion: smallint('home_data_version'),
    specialtyData: jsonb('specialty_data').$type<Record<string, unknown>>(),
    specialtyDataVersion: smallint('specialty_data_version'),
    commercialData: jsonb('commercial_data').$type<Record<string, unknown>>(),
    commercialDataVersion: smallint('commercial_data_version'),
    ...flexible,
    aiSummary: text('ai_summary'),
    aiNextAction: text('ai_next_action'),
    /** 1 (highest) to 5. */
    aiFollowUpPriority: smallint('ai_follow_up_priority'),
    /** 0 to 100: likelihood to bind. */
    aiScore: smallint('ai_score'),
    aiInsights: jsonb('ai_insights').$type<Record<string, unknown>>().notNull().default({}),
    aiUpdatedAt: tstz('ai_updated_at'),
    ...timestamps,
    statusChangedAt: tstz('status_changed_at'),
    firstContactedAt: tstz('first_contacted_at'),
    lastContactedAt: tstz('last_contacted_at'),
    nextFollowUpAt: tstz('next_follow_up_at'),
    qualifiedAt: tstz('qualified_at'),
    quotedAt: tstz('quoted_at'),
    proposalSentAt: tstz('proposal_sent_at'),
    wonAt: tstz('won_at'),
    lostAt: tstz('lost_at'),
    lostReason: text('lost_reason'),
    archivedAt: tstz('archived_at'),
  },
  (t) => [
    index('leads_client_id_idx').on(t.clientId),
    index('leads_status_id_idx').on(t.statusId),
    index('leads_insurance_type_id_idx').on(t.insuranceTypeId),
    index('leads_status_type_idx').on(t.statusId, t.insuranceTypeId),
    index('leads_assigned_user_idx').on(t.assignedUserId, t.statusId),
    index('leads_campaign_id_idx').on(t.campaignId),
    index('leads_x_date_idx').on(t.xDate),
    index('leads_next_follow_up_at_idx').on(t.nextFollowUpAt),
    index('leads_created_at_idx').on(t.createdAt),
    index('leads_updated_at_idx').on(t.updatedAt),
    index('leads_ai_score_idx').on(t.aiScore),
    index('leads_ai_follow_up_priority_idx').on(t.aiFollowUpPriority, t.nextFollowUpAt),
    index('leads_tags_gin').using('gin', t.tags),
    index('leads_custom_fields_gin').using('gin', t.customFields),
    index('leads_auto_data_gin').using('gin', sql`${t.autoData} jsonb_path_ops`),
    index('leads_home_data_gin').using('gin', sql`${t.homeData} jsonb_path_ops`),
    index('leads_specialty_data_gin').using('gin', sql`${t.specialtyData} jsonb_path_ops`),
    index('leads_commercial_data_gin').using('gin', sql`${t.commercialData} jsonb_path_ops`),
    check('leads_ai_score_range', sql`${t.aiScore} is null or ${t.aiScore} between 0 and 100`),
    check('leads_ai_follow_up_priority_range', sql`${t.aiFollowUpPriority} is null or ${t.aiFollowUpPriority} between 1 and 5`),
    check(
      'leads_premiums_non_negative',
      sql`coalesce(${t.currentPremium}, 0) >= 0 and coalesce(${t.quotedPremium}, 0) >= 0 and coalesce(${t.targetPremium}, 0) >= 0`,
    ),
    check('leads_auto_data_versioned', sql`(${t.autoData} is null) = (${t.autoDataVersion} is null)`),
    check('leads_home_data_versioned', sql`(${t.homeData} is null) = (${t.homeDataVersion} is null)`),
    check('leads_specialty_data_versioned', sql`(${t.specialtyData} is null) = (${t.specialtyDataVersion} is null)`),
    check('leads_commercial_data_versioned', sql`(${t.commercialData} is null) = (${t.commercialDataVersion} is null)`),
  ],
);

export const OPPORTUNITY_STAGES = ['prospecting', 'quoting', 'proposal', 'negotiation', 'won', 'lost'] as const;

export const opportunities = pgTable(
  'opportunities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    leadId: uuid('lead_id').references(() => leads.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    insuranceTypeId: integer('insurance_type_id').references(() => insuranceTypes.id),
    assignedUserId: uuid('assigned_user_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    stage: text('stage', { enum: OPPORTUNITY_STAGES }).notNull().default('prospecting'),
    carrier: text('carrier'),
    estimatedPremium: numeric('estimated_premium', { precision: 12, scale: 2 }),
    /** 0 to 100. */
    probability: smallint('probability'),
    expectedCloseDate: date('expected_close_date'),
    ...flexible,
    aiWinProbability: numeric('ai_win_probability', { precision: 4, scale: 3 }),
    aiNextStep: text('ai_next_step'),
    aiSummary: text('ai_summary'),
    aiUpdatedAt: tstz('ai_updated_at'),
    ...timestamps,
    stageChangedAt: tstz('stage_changed_at'),
    closedAt: tstz('closed_at'),
    lostReason: text('lost_reason'),
  },
  (t) => [
    index('opportunities_lead_id_idx').on(t.leadId),
    index('opportunities_client_stage_idx').on(t.clientId, t.stage),
    index('opportunities_expected_close_idx').on(t.expectedCloseDate),
    index('opportunities_tags_gin').using('gin', t.tags),
    check('opportunities_stage_check', sql`${t.stage} in ('prospecting','quoting','proposal','negotiation','won','lost')`),
    check('opportunities_probability_range', sql`${t.probability} is null or ${t.probability} between 0 and 100`),
    check('opportunities_ai_win_probability_range', sql`${t.aiWinProbability} is null or ${t.aiWinProbability} between 0 and 1`),
  ],
);
