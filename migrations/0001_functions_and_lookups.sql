-- Hand-written: functions, triggers and reference data drizzle-kit cannot express.

-- updated_at maintained by the database, whatever the writer.
CREATE OR REPLACE FUNCTION crm_touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END $$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['users','api_tokens','addresses','clients','contacts','lead_statuses','insurance_types',
    'communication_types','campaigns','leads','opportunities','lead_communications','lead_notes',
    'lead_marketing_settings','follow_ups','support_tickets','embedding_jobs']
  LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION crm_touch_updated_at()', t || '_touch_updated_at', t);
  END LOOP;
END $$;
--> statement-breakpoint

-- Embedding jobs are queued in the same transaction as the write that needs them.
-- Arguments: the source type, then the text columns whose change needs a new embedding.
CREATE OR REPLACE FUNCTION crm_enqueue_embedding() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed boolean := TG_OP = 'INSERT';
  i int;
BEGIN
  IF NOT changed THEN
    FOR i IN 1 .. TG_NARGS - 1 LOOP
      IF to_jsonb(NEW) -> TG_ARGV[i] IS DISTINCT FROM to_jsonb(OLD) -> TG_ARGV[i] THEN
        changed := true;
        EXIT;
      END IF;
    END LOOP;
  END IF;
  IF changed THEN
    INSERT INTO embedding_jobs (source_type, source_id) VALUES (TG_ARGV[0], NEW.id)
    ON CONFLICT (source_type, source_id) WHERE status IN ('pending','running') DO NOTHING;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER lead_notes_enqueue_embedding AFTER INSERT OR UPDATE ON lead_notes
  FOR EACH ROW EXECUTE FUNCTION crm_enqueue_embedding('note', 'body');
--> statement-breakpoint
CREATE TRIGGER lead_communications_enqueue_embedding AFTER INSERT OR UPDATE ON lead_communications
  FOR EACH ROW WHEN (NEW.body IS NOT NULL OR NEW.subject IS NOT NULL) EXECUTE FUNCTION crm_enqueue_embedding('communication', 'subject', 'body');
--> statement-breakpoint
CREATE TRIGGER support_tickets_enqueue_embedding AFTER INSERT OR UPDATE ON support_tickets
  FOR EACH ROW EXECUTE FUNCTION crm_enqueue_embedding('ticket', 'subject', 'description', 'resolution');
--> statement-breakpoint
-- Only AI exchanges with prose worth retrieving; plain tool calls are audit, not knowledge.
CREATE TRIGGER ai_interactions_enqueue_embedding AFTER INSERT ON ai_interactions
  FOR EACH ROW WHEN (NEW.type IN ('chat','insight','summary','triage','draft') AND NEW.response IS NOT NULL)
  EXECUTE FUNCTION crm_enqueue_embedding('ai_interaction', 'response');
--> statement-breakpoint

-- Reference data. Lookups are data, not enums: agencies add their own rows.
INSERT INTO lead_statuses (code, name, description, sort_order, is_terminal, allowed_next, color, icon, ai_prompt_template) VALUES
  ('new',           'New',           'Just arrived; nobody has reached the prospect yet.',           10, false, '{contacted,qualified,nurturing,lost,archived}',            '#64748b', 'sparkles',     'A new lead. Suggest the first outreach within one business day.'),
  ('contacted',     'Contacted',     'We reached the prospect at least once.',                        20, false, '{qualified,quoting,nurturing,lost,archived}',              '#0ea5e9', 'phone',        'Contacted. Suggest the questions that qualify the risk.'),
  ('qualified',     'Qualified',     'Risk and budget fit; gathering details to quote.',              30, false, '{quoting,nurturing,lost,archived}',                        '#6366f1', 'check-circle', 'Qualified. List the details still missing for a quote.'),
  ('quoting',       'Quoting',       'Running rates with carriers.',                                  40, false, '{quoted,nurturing,lost,archived}',                         '#a855f7', 'calculator',   'Quoting. Track carriers approached and what underwriting needs.'),
  ('quoted',        'Quoted',        'A quote is ready or was presented.',                            50, false, '{proposal_sent,quoting,won,lost,nurturing}',               '#f59e0b', 'file-text',    'Quoted. Suggest how to present the quote against the current carrier.'),
  ('proposal_sent', 'Proposal sent', 'Proposal sent; waiting on the prospect.',                       60, false, '{won,lost,quoting,nurturing}',                             '#f97316', 'send',         'Proposal out. Suggest a follow-up before the x-date.'),
  ('nurturing',     'Nurturing',     'Not now; revisit before the x-date.',                           70, false, '{contacted,qualified,quoting,lost,archived}',              '#14b8a6', 'clock',        'Nurturing. Suggest when to reach out again, relative to the x-date.'),
  ('won',           'Won',           'Bound. The lead became a policy.',                              80, true,  '{archived}',                                               '#22c55e', 'trophy',       'Won. Suggest cross-sell lines (umbrella, home/auto bundle).'),
  ('lost',          'Lost',          'Chose another agency or carrier, or went silent.',              90, true,  '{nurturing,archived}',                                     '#ef4444', 'x-circle',     'Lost. Record why, and when to try again.'),
  ('archived',      'Archived',      'Closed out; kept for history.',                                100, true,  '{nurturing}',                                              '#94a3b8', 'archive',      'Archived.');
--> statement-breakpoint
INSERT INTO insurance_types (code, name, category, data_field, sort_order, color, icon, ai_prompt_template) VALUES
  ('auto',                'Personal auto',          'personal',   'auto_data',       10, '#3b82f6', 'car',       'Personal auto: drivers, vehicles, violations, prior coverage and limits.'),
  ('motorcycle',          'Motorcycle',             'personal',   'auto_data',       15, '#1d4ed8', 'bike',      'Motorcycle: riders, bikes, storage and riding season.'),
  ('home',                'Homeowners',             'personal',   'home_data',       20, '#10b981', 'home',      'Homeowners: dwelling, roof age, construction, protection class, claims.'),
  ('renters',             'Renters',                'personal',   'home_data',       25, '#059669', 'key',       'Renters: contents value and liability.'),
  ('condo',               'Condo',                  'personal',   'home_data',       27, '#047857', 'building',  'Condo (HO-6): walls-in coverage, loss assessment.'),
  ('umbrella',            'Personal umbrella',      'personal',   'specialty_data',  30, '#8b5cf6', 'umbrella',  'Umbrella: underlying auto and home limits, household drivers, exposures.'),
  ('boat',                'Boat / watercraft',      'specialty',  'specialty_data',  40, '#06b6d4', 'anchor',    'Watercraft: hull value, length, horsepower, navigation area.'),
  ('flood',               'Flood',                  'specialty',  'specialty_data',  45, '#0891b2', 'waves',     'Flood: zone, elevation, prior flood losses.'),
  ('life',                'Life',                   'specialty',  'specialty_data',  50, '#db2777', 'heart',     'Life: face amount, term, health class.'),
  ('bop',                 'Business owners policy', 'commercial', 'commercial_data', 60, '#f59e0b', 'briefcase', 'BOP: locations, building and contents values, revenue, class of business.'),
  ('general_liability',   'General liability',      'commercial', 'commercial_data', 65, '#d97706', 'shield',    'GL: class codes, revenue, payroll, subcontracting.'),
  ('commercial_auto',     'Commercial auto',        'commercial', 'commercial_data', 70, '#b45309', 'truck',     'Commercial auto: fleet, drivers, radius, cargo.'),
  ('workers_comp',        'Workers compensation',   'commercial', 'commercial_data', 75, '#92400e', 'hard-hat',  'Workers comp: payroll by class code, experience mod, claims.'),
  ('commercial_property', 'Commercial property',    'commercial', 'commercial_data', 80, '#78350f', 'factory',   'Property: locations, construction, occupancy, protection, values.');
--> statement-breakpoint
INSERT INTO communication_types (code, name, requires_consent, consent_channel, sort_order, color, icon) VALUES
  ('call',      'Phone call',     true,  'call',  10, '#0ea5e9', 'phone'),
  ('voicemail', 'Voicemail',      true,  'call',  15, '#38bdf8', 'voicemail'),
  ('sms',       'Text message',   true,  'sms',   20, '#22c55e', 'message-square'),
  ('email',     'Email',          false, 'email', 30, '#6366f1', 'mail'),
  ('meeting',   'Meeting',        false, NULL,    40, '#f59e0b', 'users'),
  ('letter',    'Letter',         false, 'mail',  50, '#a8a29e', 'file'),
  ('chat',      'Web chat',       false, NULL,    60, '#ec4899', 'message-circle');
