CREATE TABLE "lead_communications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"contact_id" uuid,
	"communication_type_id" integer NOT NULL,
	"campaign_id" integer,
	"user_id" uuid,
	"direction" text NOT NULL,
	"subject" text,
	"body" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"duration_seconds" integer,
	"outcome" text,
	"idempotency_key" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ai_summary" text,
	"ai_sentiment" numeric(4, 3),
	"ai_entities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ai_action_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ai_updated_at" timestamp with time zone,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(subject, '')), 'A') || setweight(to_tsvector('english', coalesce(body, '')), 'B')) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lead_communications_direction_check" CHECK ("lead_communications"."direction" in ('inbound','outbound')),
	CONSTRAINT "lead_communications_duration_non_negative" CHECK ("lead_communications"."duration_seconds" is null or "lead_communications"."duration_seconds" >= 0),
	CONSTRAINT "lead_communications_ai_sentiment_range" CHECK ("lead_communications"."ai_sentiment" is null or "lead_communications"."ai_sentiment" between -1 and 1)
);
--> statement-breakpoint
CREATE TABLE "lead_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"author_user_id" uuid,
	"note_type" text DEFAULT 'general' NOT NULL,
	"body" text NOT NULL,
	"is_pinned" boolean DEFAULT false NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ai_summary" text,
	"ai_sentiment" numeric(4, 3),
	"ai_entities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ai_action_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ai_updated_at" timestamp with time zone,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', body)) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lead_notes_body_not_blank" CHECK (length(btrim("lead_notes"."body")) > 0)
);
--> statement-breakpoint
CREATE TABLE "addresses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"line1" text NOT NULL,
	"line2" text,
	"city" text NOT NULL,
	"state" text NOT NULL,
	"postal_code" text NOT NULL,
	"county" text,
	"country" text DEFAULT 'US' NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"geocode_source" text,
	"geocode_accuracy" text,
	"geocoded_at" timestamp with time zone,
	"is_verified" boolean DEFAULT false NOT NULL,
	"verification_source" text,
	"verified_at" timestamp with time zone,
	"timezone" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "addresses_state_format" CHECK ("addresses"."state" ~ '^[A-Z]{2}$'),
	CONSTRAINT "addresses_latitude_range" CHECK ("addresses"."latitude" is null or "addresses"."latitude" between -90 and 90),
	CONSTRAINT "addresses_longitude_range" CHECK ("addresses"."longitude" is null or "addresses"."longitude" between -180 and 180)
);
--> statement-breakpoint
CREATE TABLE "ai_interactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"channel" text NOT NULL,
	"session_id" text,
	"thread_id" text,
	"user_id" uuid,
	"client_name" text,
	"client_version" text,
	"crm_client_id" uuid,
	"lead_id" uuid,
	"ticket_id" uuid,
	"parent_interaction_id" uuid,
	"prompt" text,
	"response" text,
	"model" text,
	"provider" text,
	"temperature" numeric(3, 2),
	"prompt_tokens" integer,
	"completion_tokens" integer,
	"total_tokens" integer,
	"latency_ms" integer,
	"tool_name" text,
	"tool_arguments" jsonb,
	"tool_result" jsonb,
	"result_summary" text,
	"error_code" text,
	"error_message" text,
	"summary" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ai_interactions_tokens_non_negative" CHECK (coalesce("ai_interactions"."prompt_tokens", 0) >= 0 and coalesce("ai_interactions"."completion_tokens", 0) >= 0 and coalesce("ai_interactions"."latency_ms", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "embedding_jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"last_error" text,
	"run_after" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_by" text,
	"locked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "embedding_jobs_status_check" CHECK ("embedding_jobs"."status" in ('pending','running','done','failed'))
);
--> statement-breakpoint
CREATE TABLE "embeddings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid NOT NULL,
	"chunk_index" smallint DEFAULT 0 NOT NULL,
	"lead_id" uuid,
	"client_id" uuid,
	"model" text NOT NULL,
	"dimensions" smallint NOT NULL,
	"embedding" vector NOT NULL,
	"content" text NOT NULL,
	"content_hash" text NOT NULL,
	"source_created_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "embeddings_dimensions_match" CHECK (vector_dims("embeddings"."embedding") = "embeddings"."dimensions")
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_type" text NOT NULL,
	"first_name" text,
	"last_name" text,
	"date_of_birth" date,
	"business_name" text,
	"dba_name" text,
	"fein" text,
	"industry" text,
	"naics_code" text,
	"year_established" integer,
	"annual_revenue" numeric(14, 2),
	"employee_count" integer,
	"display_name" text GENERATED ALWAYS AS (coalesce(business_name, trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')))) STORED NOT NULL,
	"email" text,
	"phone" text,
	"website" text,
	"address_id" uuid,
	"mailing_address_id" uuid,
	"preferred_contact_method" text,
	"timezone" text,
	"status" text DEFAULT 'prospect' NOT NULL,
	"assigned_user_id" uuid,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ai_summary" text,
	"ai_risk_score" numeric(5, 2),
	"ai_lifetime_value" numeric(14, 2),
	"ai_insights" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ai_updated_at" timestamp with time zone,
	"last_contact_at" timestamp with time zone,
	"next_contact_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clients_client_type_check" CHECK ("clients"."client_type" in ('individual','business')),
	CONSTRAINT "clients_status_check" CHECK ("clients"."status" in ('prospect','active','inactive')),
	CONSTRAINT "clients_name_by_type" CHECK (("clients"."client_type" = 'individual' and "clients"."last_name" is not null and "clients"."business_name" is null) or ("clients"."client_type" = 'business' and "clients"."business_name" is not null)),
	CONSTRAINT "clients_preferred_contact_method_check" CHECK ("clients"."preferred_contact_method" is null or "clients"."preferred_contact_method" in ('call','email','sms','mail','any')),
	CONSTRAINT "clients_ai_risk_score_range" CHECK ("clients"."ai_risk_score" is null or "clients"."ai_risk_score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"title" text,
	"department" text,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_primary_contact" boolean DEFAULT false NOT NULL,
	"email" text,
	"phone" text,
	"mobile_phone" text,
	"preferred_contact_method" text,
	"linkedin_url" text,
	"timezone" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ai_relationship_strength" numeric(4, 3),
	"ai_summary" text,
	"ai_updated_at" timestamp with time zone,
	"last_contact_at" timestamp with time zone,
	"next_contact_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contacts_preferred_contact_method_check" CHECK ("contacts"."preferred_contact_method" is null or "contacts"."preferred_contact_method" in ('call','email','sms','mail','any')),
	CONSTRAINT "contacts_ai_relationship_strength_range" CHECK ("contacts"."ai_relationship_strength" is null or "contacts"."ai_relationship_strength" between 0 and 1)
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"token_prefix" text NOT NULL,
	"scopes" text[] NOT NULL,
	"last_used_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"handle" text NOT NULL,
	"full_name" text NOT NULL,
	"email" text,
	"role" text DEFAULT 'producer' NOT NULL,
	"timezone" text DEFAULT 'America/Chicago' NOT NULL,
	"slack_user_id" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('admin','manager','producer','csr','viewer')),
	CONSTRAINT "users_handle_format" CHECK ("users"."handle" ~ '^[a-z0-9][a-z0-9._-]{1,62}$')
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"color" text,
	"icon" text,
	"ai_prompt_template" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"channel" text,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "communication_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"color" text,
	"icon" text,
	"ai_prompt_template" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"requires_consent" boolean DEFAULT false NOT NULL,
	"consent_channel" text
);
--> statement-breakpoint
CREATE TABLE "insurance_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"color" text,
	"icon" text,
	"ai_prompt_template" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"category" text NOT NULL,
	"data_field" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lead_statuses" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"color" text,
	"icon" text,
	"ai_prompt_template" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_terminal" boolean DEFAULT false NOT NULL,
	"allowed_next" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"status_id" integer NOT NULL,
	"insurance_type_id" integer NOT NULL,
	"campaign_id" integer,
	"assigned_user_id" uuid,
	"source" text,
	"current_carrier" text,
	"current_premium" numeric(12, 2),
	"quoted_premium" numeric(12, 2),
	"target_premium" numeric(12, 2),
	"umbrella_requested" boolean DEFAULT false NOT NULL,
	"umbrella_limit" numeric(14, 2),
	"x_date" date,
	"policy_effective_date" date,
	"auto_data" jsonb,
	"auto_data_version" smallint,
	"home_data" jsonb,
	"home_data_version" smallint,
	"specialty_data" jsonb,
	"specialty_data_version" smallint,
	"commercial_data" jsonb,
	"commercial_data_version" smallint,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ai_summary" text,
	"ai_next_action" text,
	"ai_follow_up_priority" smallint,
	"ai_score" smallint,
	"ai_insights" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ai_updated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp with time zone,
	"first_contacted_at" timestamp with time zone,
	"last_contacted_at" timestamp with time zone,
	"next_follow_up_at" timestamp with time zone,
	"qualified_at" timestamp with time zone,
	"quoted_at" timestamp with time zone,
	"proposal_sent_at" timestamp with time zone,
	"won_at" timestamp with time zone,
	"lost_at" timestamp with time zone,
	"lost_reason" text,
	"archived_at" timestamp with time zone,
	CONSTRAINT "leads_ai_score_range" CHECK ("leads"."ai_score" is null or "leads"."ai_score" between 0 and 100),
	CONSTRAINT "leads_ai_follow_up_priority_range" CHECK ("leads"."ai_follow_up_priority" is null or "leads"."ai_follow_up_priority" between 1 and 5),
	CONSTRAINT "leads_premiums_non_negative" CHECK (coalesce("leads"."current_premium", 0) >= 0 and coalesce("leads"."quoted_premium", 0) >= 0 and coalesce("leads"."target_premium", 0) >= 0),
	CONSTRAINT "leads_auto_data_versioned" CHECK (("leads"."auto_data" is null) = ("leads"."auto_data_version" is null)),
	CONSTRAINT "leads_home_data_versioned" CHECK (("leads"."home_data" is null) = ("leads"."home_data_version" is null)),
	CONSTRAINT "leads_specialty_data_versioned" CHECK (("leads"."specialty_data" is null) = ("leads"."specialty_data_version" is null)),
	CONSTRAINT "leads_commercial_data_versioned" CHECK (("leads"."commercial_data" is null) = ("leads"."commercial_data_version" is null))
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" uuid,
	"client_id" uuid NOT NULL,
	"insurance_type_id" integer,
	"assigned_user_id" uuid,
	"name" text NOT NULL,
	"stage" text DEFAULT 'prospecting' NOT NULL,
	"carrier" text,
	"estimated_premium" numeric(12, 2),
	"probability" smallint,
	"expected_close_date" date,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ai_win_probability" numeric(4, 3),
	"ai_next_step" text,
	"ai_summary" text,
	"ai_updated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stage_changed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"lost_reason" text,
	CONSTRAINT "opportunities_stage_check" CHECK ("opportunities"."stage" in ('prospecting','quoting','proposal','negotiation','won','lost')),
	CONSTRAINT "opportunities_probability_range" CHECK ("opportunities"."probability" is null or "opportunities"."probability" between 0 and 100),
	CONSTRAINT "opportunities_ai_win_probability_range" CHECK ("opportunities"."ai_win_probability" is null or "opportunities"."ai_win_probability" between 0 and 1)
);
--> statement-breakpoint
CREATE TABLE "lead_marketing_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" uuid NOT NULL,
	"contact_id" uuid,
	"call_consent" text DEFAULT 'unknown' NOT NULL,
	"call_consent_source" text,
	"call_consent_at" timestamp with time zone,
	"call_consent_wording" text,
	"sms_consent" text DEFAULT 'unknown' NOT NULL,
	"sms_consent_source" text,
	"sms_consent_at" timestamp with time zone,
	"sms_consent_wording" text,
	"email_consent" text DEFAULT 'unknown' NOT NULL,
	"email_consent_source" text,
	"email_consent_at" timestamp with time zone,
	"email_consent_wording" text,
	"mail_consent" text DEFAULT 'unknown' NOT NULL,
	"mail_consent_source" text,
	"mail_consent_at" timestamp with time zone,
	"mail_consent_wording" text,
	"do_not_call" boolean DEFAULT false NOT NULL,
	"do_not_call_source" text,
	"do_not_call_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	"unsubscribe_source" text,
	"quiet_hours_start" time,
	"quiet_hours_end" time,
	"timezone" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lead_marketing_settings_call_consent_check" CHECK (call_consent in ('granted','denied','revoked','unknown')),
	CONSTRAINT "lead_marketing_settings_sms_consent_check" CHECK (sms_consent in ('granted','denied','revoked','unknown')),
	CONSTRAINT "lead_marketing_settings_email_consent_check" CHECK (email_consent in ('granted','denied','revoked','unknown')),
	CONSTRAINT "lead_marketing_settings_mail_consent_check" CHECK (mail_consent in ('granted','denied','revoked','unknown')),
	CONSTRAINT "lead_marketing_settings_granted_has_evidence" CHECK ((call_consent <> 'granted' or (call_consent_source is not null and call_consent_at is not null)) and (sms_consent <> 'granted' or (sms_consent_source is not null and sms_consent_at is not null)))
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" uuid,
	"client_id" uuid,
	"contact_id" uuid,
	"ticket_id" uuid,
	"assigned_user_id" uuid,
	"created_by_user_id" uuid,
	"created_by_ai" boolean DEFAULT false NOT NULL,
	"ai_interaction_id" uuid,
	"due_at" timestamp with time zone NOT NULL,
	"timezone" text NOT NULL,
	"channel" text NOT NULL,
	"purpose" text NOT NULL,
	"purpose_key" text GENERATED ALWAYS AS (lower(regexp_replace(btrim(purpose), '\s+', ' ', 'g'))) STORED NOT NULL,
	"notes" text,
	"status" text DEFAULT 'open' NOT NULL,
	"priority" text DEFAULT 'normal' NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by_user_id" uuid,
	"outcome" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_ups_channel_check" CHECK ("follow_ups"."channel" in ('call','email','sms','meeting','task')),
	CONSTRAINT "follow_ups_status_check" CHECK ("follow_ups"."status" in ('open','completed','cancelled')),
	CONSTRAINT "follow_ups_priority_check" CHECK ("follow_ups"."priority" in ('low','normal','high','urgent')),
	CONSTRAINT "follow_ups_has_subject" CHECK ("follow_ups"."lead_id" is not null or "follow_ups"."client_id" is not null),
	CONSTRAINT "follow_ups_purpose_not_blank" CHECK (length(btrim("follow_ups"."purpose")) > 0),
	CONSTRAINT "follow_ups_completed_consistent" CHECK (("follow_ups"."status" = 'completed') = ("follow_ups"."completed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "support_tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_number" serial NOT NULL,
	"client_id" uuid,
	"lead_id" uuid,
	"contact_id" uuid,
	"subject" text NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"priority" text DEFAULT 'normal' NOT NULL,
	"category" text,
	"channel" text DEFAULT 'email' NOT NULL,
	"assigned_user_id" uuid,
	"created_by_user_id" uuid,
	"sla_due_at" timestamp with time zone,
	"resolution" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ai_summary" text,
	"ai_category" text,
	"ai_priority" text,
	"ai_sentiment" numeric(4, 3),
	"ai_language" text,
	"ai_urgency_signals" text[] DEFAULT '{}'::text[] NOT NULL,
	"ai_suggested_assignee_id" uuid,
	"ai_suggested_resolution" text,
	"ai_rationale" text,
	"ai_confidence" numeric(4, 3),
	"ai_model" text,
	"ai_triaged_at" timestamp with time zone,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(subject, '')), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B') || setweight(to_tsvector('english', coalesce(resolution, '')), 'C')) STORED,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"first_response_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_tickets_status_check" CHECK ("support_tickets"."status" in ('new','open','pending','on_hold','resolved','closed')),
	CONSTRAINT "support_tickets_priority_check" CHECK ("support_tickets"."priority" in ('low','normal','high','urgent')),
	CONSTRAINT "support_tickets_category_check" CHECK ("support_tickets"."category" is null or "support_tickets"."category" in ('billing','claim','policy_change','certificate','cancellation','coverage_question','complaint','other')),
	CONSTRAINT "support_tickets_ai_confidence_range" CHECK ("support_tickets"."ai_confidence" is null or "support_tickets"."ai_confidence" between 0 and 1),
	CONSTRAINT "support_tickets_ai_sentiment_range" CHECK ("support_tickets"."ai_sentiment" is null or "support_tickets"."ai_sentiment" between -1 and 1),
	CONSTRAINT "support_tickets_has_subject" CHECK (length(btrim("support_tickets"."subject")) > 0)
);
--> statement-breakpoint
ALTER TABLE "lead_communications" ADD CONSTRAINT "lead_communications_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_communications" ADD CONSTRAINT "lead_communications_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_communications" ADD CONSTRAINT "lead_communications_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_communications" ADD CONSTRAINT "lead_communications_communication_type_id_communication_types_id_fk" FOREIGN KEY ("communication_type_id") REFERENCES "public"."communication_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_communications" ADD CONSTRAINT "lead_communications_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_communications" ADD CONSTRAINT "lead_communications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_notes" ADD CONSTRAINT "lead_notes_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_notes" ADD CONSTRAINT "lead_notes_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_notes" ADD CONSTRAINT "lead_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_interactions" ADD CONSTRAINT "ai_interactions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_interactions" ADD CONSTRAINT "ai_interactions_crm_client_id_clients_id_fk" FOREIGN KEY ("crm_client_id") REFERENCES "public"."clients"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_interactions" ADD CONSTRAINT "ai_interactions_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_interactions" ADD CONSTRAINT "ai_interactions_ticket_id_support_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."support_tickets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_interactions" ADD CONSTRAINT "ai_interactions_parent_interaction_id_ai_interactions_id_fk" FOREIGN KEY ("parent_interaction_id") REFERENCES "public"."ai_interactions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_address_id_addresses_id_fk" FOREIGN KEY ("address_id") REFERENCES "public"."addresses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_mailing_address_id_addresses_id_fk" FOREIGN KEY ("mailing_address_id") REFERENCES "public"."addresses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_assigned_user_id_users_id_fk" FOREIGN KEY ("assigned_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_status_id_lead_statuses_id_fk" FOREIGN KEY ("status_id") REFERENCES "public"."lead_statuses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_insurance_type_id_insurance_types_id_fk" FOREIGN KEY ("insurance_type_id") REFERENCES "public"."insurance_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_assigned_user_id_users_id_fk" FOREIGN KEY ("assigned_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_insurance_type_id_insurance_types_id_fk" FOREIGN KEY ("insurance_type_id") REFERENCES "public"."insurance_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_assigned_user_id_users_id_fk" FOREIGN KEY ("assigned_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_marketing_settings" ADD CONSTRAINT "lead_marketing_settings_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_marketing_settings" ADD CONSTRAINT "lead_marketing_settings_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_ticket_id_support_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."support_tickets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_assigned_user_id_users_id_fk" FOREIGN KEY ("assigned_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_completed_by_user_id_users_id_fk" FOREIGN KEY ("completed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_assigned_user_id_users_id_fk" FOREIGN KEY ("assigned_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_ai_suggested_assignee_id_users_id_fk" FOREIGN KEY ("ai_suggested_assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lead_communications_lead_time_idx" ON "lead_communications" USING btree ("lead_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "lead_communications_client_time_idx" ON "lead_communications" USING btree ("client_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "lead_communications_contact_time_idx" ON "lead_communications" USING btree ("contact_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "lead_communications_type_time_idx" ON "lead_communications" USING btree ("communication_type_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "lead_communications_user_idx" ON "lead_communications" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lead_communications_idempotency_key" ON "lead_communications" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "lead_communications_search_gin" ON "lead_communications" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "lead_communications_tags_gin" ON "lead_communications" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "lead_communications_ai_sentiment_idx" ON "lead_communications" USING btree ("ai_sentiment");--> statement-breakpoint
CREATE INDEX "lead_notes_lead_time_idx" ON "lead_notes" USING btree ("lead_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "lead_notes_client_time_idx" ON "lead_notes" USING btree ("client_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "lead_notes_search_gin" ON "lead_notes" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "lead_notes_tags_gin" ON "lead_notes" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "addresses_state_city_idx" ON "addresses" USING btree ("state","city");--> statement-breakpoint
CREATE INDEX "addresses_postal_code_idx" ON "addresses" USING btree ("postal_code");--> statement-breakpoint
CREATE INDEX "ai_interactions_created_at_idx" ON "ai_interactions" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "ai_interactions_type_created_idx" ON "ai_interactions" USING btree ("type","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "ai_interactions_session_idx" ON "ai_interactions" USING btree ("session_id","created_at");--> statement-breakpoint
CREATE INDEX "ai_interactions_thread_idx" ON "ai_interactions" USING btree ("thread_id","created_at");--> statement-breakpoint
CREATE INDEX "ai_interactions_user_idx" ON "ai_interactions" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "ai_interactions_lead_idx" ON "ai_interactions" USING btree ("lead_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "ai_interactions_client_idx" ON "ai_interactions" USING btree ("crm_client_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "ai_interactions_ticket_idx" ON "ai_interactions" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "ai_interactions_tool_idx" ON "ai_interactions" USING btree ("tool_name","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "ai_interactions_parent_idx" ON "ai_interactions" USING btree ("parent_interaction_id");--> statement-breakpoint
CREATE INDEX "ai_interactions_errors_idx" ON "ai_interactions" USING btree ("error_code") WHERE "ai_interactions"."error_code" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "embedding_jobs_pending_source_key" ON "embedding_jobs" USING btree ("source_type","source_id") WHERE "embedding_jobs"."status" in ('pending','running');--> statement-breakpoint
CREATE INDEX "embedding_jobs_ready_idx" ON "embedding_jobs" USING btree ("run_after") WHERE "embedding_jobs"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "embeddings_source_chunk_model_key" ON "embeddings" USING btree ("source_type","source_id","model","chunk_index");--> statement-breakpoint
CREATE INDEX "embeddings_lead_idx" ON "embeddings" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "embeddings_client_idx" ON "embeddings" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "embeddings_model_idx" ON "embeddings" USING btree ("model");--> statement-breakpoint
CREATE INDEX "clients_display_name_idx" ON "clients" USING btree (lower("display_name"));--> statement-breakpoint
CREATE INDEX "clients_last_first_idx" ON "clients" USING btree (lower("last_name"),lower("first_name"));--> statement-breakpoint
CREATE INDEX "clients_email_idx" ON "clients" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "clients_client_type_idx" ON "clients" USING btree ("client_type");--> statement-breakpoint
CREATE INDEX "clients_assigned_user_idx" ON "clients" USING btree ("assigned_user_id");--> statement-breakpoint
CREATE INDEX "clients_address_idx" ON "clients" USING btree ("address_id");--> statement-breakpoint
CREATE INDEX "clients_tags_gin" ON "clients" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "clients_custom_fields_gin" ON "clients" USING gin ("custom_fields");--> statement-breakpoint
CREATE INDEX "clients_ai_risk_score_idx" ON "clients" USING btree ("ai_risk_score");--> statement-breakpoint
CREATE INDEX "clients_next_contact_at_idx" ON "clients" USING btree ("next_contact_at");--> statement-breakpoint
CREATE INDEX "clients_last_contact_at_idx" ON "clients" USING btree ("last_contact_at");--> statement-breakpoint
CREATE INDEX "contacts_client_primary_idx" ON "contacts" USING btree ("client_id","is_primary_contact");--> statement-breakpoint
CREATE INDEX "contacts_client_name_idx" ON "contacts" USING btree ("client_id",lower("last_name"),lower("first_name"));--> statement-breakpoint
CREATE INDEX "contacts_email_idx" ON "contacts" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_one_primary_per_client" ON "contacts" USING btree ("client_id") WHERE "contacts"."is_primary_contact";--> statement-breakpoint
CREATE INDEX "contacts_tags_gin" ON "contacts" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "contacts_next_contact_at_idx" ON "contacts" USING btree ("next_contact_at");--> statement-breakpoint
CREATE INDEX "contacts_ai_relationship_strength_idx" ON "contacts" USING btree ("ai_relationship_strength");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_handle_key" ON "users" USING btree ("handle");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_slack_user_id_key" ON "users" USING btree ("slack_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_code_key" ON "campaigns" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "communication_types_code_key" ON "communication_types" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "insurance_types_code_key" ON "insurance_types" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "lead_statuses_code_key" ON "lead_statuses" USING btree ("code");--> statement-breakpoint
CREATE INDEX "leads_client_id_idx" ON "leads" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "leads_status_id_idx" ON "leads" USING btree ("status_id");--> statement-breakpoint
CREATE INDEX "leads_insurance_type_id_idx" ON "leads" USING btree ("insurance_type_id");--> statement-breakpoint
CREATE INDEX "leads_status_type_idx" ON "leads" USING btree ("status_id","insurance_type_id");--> statement-breakpoint
CREATE INDEX "leads_assigned_user_idx" ON "leads" USING btree ("assigned_user_id","status_id");--> statement-breakpoint
CREATE INDEX "leads_campaign_id_idx" ON "leads" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "leads_x_date_idx" ON "leads" USING btree ("x_date");--> statement-breakpoint
CREATE INDEX "leads_next_follow_up_at_idx" ON "leads" USING btree ("next_follow_up_at");--> statement-breakpoint
CREATE INDEX "leads_created_at_idx" ON "leads" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "leads_updated_at_idx" ON "leads" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "leads_ai_score_idx" ON "leads" USING btree ("ai_score");--> statement-breakpoint
CREATE INDEX "leads_ai_follow_up_priority_idx" ON "leads" USING btree ("ai_follow_up_priority","next_follow_up_at");--> statement-breakpoint
CREATE INDEX "leads_tags_gin" ON "leads" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "leads_custom_fields_gin" ON "leads" USING gin ("custom_fields");--> statement-breakpoint
CREATE INDEX "leads_auto_data_gin" ON "leads" USING gin ("auto_data" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "leads_home_data_gin" ON "leads" USING gin ("home_data" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "leads_specialty_data_gin" ON "leads" USING gin ("specialty_data" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "leads_commercial_data_gin" ON "leads" USING gin ("commercial_data" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "opportunities_lead_id_idx" ON "opportunities" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "opportunities_client_stage_idx" ON "opportunities" USING btree ("client_id","stage");--> statement-breakpoint
CREATE INDEX "opportunities_expected_close_idx" ON "opportunities" USING btree ("expected_close_date");--> statement-breakpoint
CREATE INDEX "opportunities_tags_gin" ON "opportunities" USING gin ("tags");--> statement-breakpoint
CREATE UNIQUE INDEX "lead_marketing_settings_lead_contact_key" ON "lead_marketing_settings" USING btree ("lead_id",coalesce("contact_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "lead_marketing_settings_contact_idx" ON "lead_marketing_settings" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "lead_marketing_settings_dnc_idx" ON "lead_marketing_settings" USING btree ("do_not_call") WHERE "lead_marketing_settings"."do_not_call";--> statement-breakpoint
CREATE INDEX "follow_ups_open_due_idx" ON "follow_ups" USING btree ("due_at") WHERE "follow_ups"."status" = 'open';--> statement-breakpoint
CREATE INDEX "follow_ups_assignee_due_idx" ON "follow_ups" USING btree ("assigned_user_id","status","due_at");--> statement-breakpoint
CREATE INDEX "follow_ups_lead_idx" ON "follow_ups" USING btree ("lead_id","status");--> statement-breakpoint
CREATE INDEX "follow_ups_client_idx" ON "follow_ups" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "follow_ups_one_open_per_lead_purpose" ON "follow_ups" USING btree ("lead_id","purpose_key") WHERE "follow_ups"."status" = 'open' and "follow_ups"."lead_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "support_tickets_ticket_number_key" ON "support_tickets" USING btree ("ticket_number");--> statement-breakpoint
CREATE INDEX "support_tickets_status_priority_idx" ON "support_tickets" USING btree ("status","priority");--> statement-breakpoint
CREATE INDEX "support_tickets_client_idx" ON "support_tickets" USING btree ("client_id","opened_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "support_tickets_lead_idx" ON "support_tickets" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "support_tickets_assignee_status_idx" ON "support_tickets" USING btree ("assigned_user_id","status");--> statement-breakpoint
CREATE INDEX "support_tickets_sla_due_idx" ON "support_tickets" USING btree ("sla_due_at") WHERE "support_tickets"."status" not in ('resolved','closed');--> statement-breakpoint
CREATE INDEX "support_tickets_category_idx" ON "support_tickets" USING btree ("category");--> statement-breakpoint
CREATE INDEX "support_tickets_ai_category_idx" ON "support_tickets" USING btree ("ai_category","ai_priority");--> statement-breakpoint
CREATE INDEX "support_tickets_search_gin" ON "support_tickets" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "support_tickets_tags_gin" ON "support_tickets" USING gin ("tags");