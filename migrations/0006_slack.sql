-- Slack: a durable inbox of acknowledged events and button clicks, and the map from a Slack
-- thread to its agent thread (with the approval it is waiting on).
CREATE TABLE "slack_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	-- Slack's event_id for events; "action:<trigger_id>" for button clicks. Unique, so a
	-- redelivery (X-Slack-Retry-Num) or a second instance inserts nothing.
	"event_id" text NOT NULL,
	"kind" text NOT NULL,
	"team_id" text,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"last_error" text,
	"run_after" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_by" text,
	"locked_at" timestamp with time zone,
	-- The "working…" message this event posted, so a retry updates it instead of posting another.
	"reply_ts" text,
	-- The agent's answer once it has one, so a retry (Slack was down) delivers it without asking again.
	"result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "slack_events_kind_check" CHECK ("slack_events"."kind" in ('event','action')),
	CONSTRAINT "slack_events_status_check" CHECK ("slack_events"."status" in ('pending','running','done','failed'))
);
CREATE UNIQUE INDEX "slack_events_event_id_key" ON "slack_events" USING btree ("event_id");
CREATE INDEX "slack_events_ready_idx" ON "slack_events" USING btree ("run_after") WHERE "slack_events"."status" = 'pending';
CREATE INDEX "slack_events_running_idx" ON "slack_events" USING btree ("locked_at") WHERE "slack_events"."status" = 'running';

CREATE TABLE "slack_threads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text DEFAULT '' NOT NULL,
	"channel_id" text NOT NULL,
	"thread_ts" text NOT NULL,
	"agent_thread_id" text NOT NULL,
	-- The CRM user who started the thread.
	"user_id" uuid REFERENCES "users"("id") ON DELETE SET NULL,
	-- The write waiting for a decision: its tool-call id, the user whose turn proposed it, the
	-- message carrying the buttons, and the click (slack_events.id) that took the decision.
	"pending_tool_call_id" text,
	"pending_summary" text,
	"pending_user_id" uuid REFERENCES "users"("id") ON DELETE SET NULL,
	"pending_message_ts" text,
	"decision_event_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE UNIQUE INDEX "slack_threads_thread_key" ON "slack_threads" USING btree ("team_id","channel_id","thread_ts");
CREATE UNIQUE INDEX "slack_threads_agent_thread_key" ON "slack_threads" USING btree ("agent_thread_id");

CREATE TRIGGER slack_events_touch_updated_at BEFORE UPDATE ON slack_events FOR EACH ROW EXECUTE FUNCTION crm_touch_updated_at();
CREATE TRIGGER slack_threads_touch_updated_at BEFORE UPDATE ON slack_threads FOR EACH ROW EXECUTE FUNCTION crm_touch_updated_at();
