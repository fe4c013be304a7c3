-- Idempotency keys of write-tool calls (tools/run-tool.ts), scoped per user. A row is inserted in
-- the transaction of the write it records, so a key exists exactly when its write committed; a
-- repeat with the same key returns the stored answer and writes nothing.
CREATE TABLE "tool_idempotency_keys" (
	"user_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"tool_name" text NOT NULL,
	"input_hash" text NOT NULL,
	"output" jsonb NOT NULL,
	"interaction_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tool_idempotency_keys_pkey" PRIMARY KEY ("user_id", "idempotency_key"),
	CONSTRAINT "tool_idempotency_keys_key_length" CHECK (length("idempotency_key") between 1 and 200)
);
--> statement-breakpoint
ALTER TABLE "tool_idempotency_keys" ADD CONSTRAINT "tool_idempotency_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "tool_idempotency_keys" ADD CONSTRAINT "tool_idempotency_keys_interaction_id_ai_interactions_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."ai_interactions"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "tool_idempotency_keys_created_idx" ON "tool_idempotency_keys" USING btree ("created_at");
