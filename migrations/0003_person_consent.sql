-- Person-level and number/address-level consent (issue 7): do-not-call, revocations, unsubscribes
-- and grants recorded for a client, a contact, or a phone number / email address, with evidence.
-- Append-only: the effective state is computed (src/crm/consent.ts); an opt-out holds until a
-- later grant at the same level and subject. `address` is a normalised E.164 phone number or a
-- lower-cased email address; client_id/contact_id on an address row say who it was recorded for.
CREATE TABLE "consent_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"level" text NOT NULL,
	"client_id" uuid,
	"contact_id" uuid,
	"address" text,
	"channel" text NOT NULL,
	"state" text NOT NULL,
	"source" text NOT NULL,
	"evidence" text,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by_user_id" uuid,
	"communication_id" uuid,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_records_level_check" CHECK (level in ('client','contact','address')),
	CONSTRAINT "consent_records_channel_check" CHECK (channel in ('call','sms','email','mail')),
	CONSTRAINT "consent_records_state_check" CHECK (state in ('granted','denied','revoked','do_not_call','unsubscribed')),
	CONSTRAINT "consent_records_subject_check" CHECK ((level = 'client' and client_id is not null and contact_id is null and address is null) or (level = 'contact' and contact_id is not null and address is null) or (level = 'address' and address is not null)),
	CONSTRAINT "consent_records_state_channel_check" CHECK ((state <> 'do_not_call' or channel = 'call') and (state <> 'unsubscribed' or channel = 'email')),
	CONSTRAINT "consent_records_address_channel_check" CHECK (level <> 'address' or (address like '+%' and channel in ('call','sms')) or (address like '%@%' and channel = 'email'))
);
--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_communication_id_lead_communications_id_fk" FOREIGN KEY ("communication_id") REFERENCES "public"."lead_communications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_records_client_idx" ON "consent_records" USING btree ("client_id","channel") WHERE level = 'client';--> statement-breakpoint
CREATE INDEX "consent_records_contact_idx" ON "consent_records" USING btree ("contact_id","channel") WHERE level = 'contact';--> statement-breakpoint
CREATE INDEX "consent_records_address_idx" ON "consent_records" USING btree ("address","channel") WHERE level = 'address';
