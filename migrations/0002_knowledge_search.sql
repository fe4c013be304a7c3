-- Hybrid search support.
-- Full-text index over the AI exchanges that hybrid search retrieves (the ones the embedding
-- trigger queues: prose answers, not tool-call audit rows). An expression index rather than a
-- generated column, so the audit table's tool-call rows carry no tsvector. Queries must use this
-- exact expression and a WHERE that implies the predicate (see src/crm/knowledge-sources.ts).
CREATE INDEX ai_interactions_search_gin ON ai_interactions
  USING gin (to_tsvector('english', coalesce(response, '')))
  WHERE type IN ('chat','insight','summary','triage','draft') AND response IS NOT NULL;
--> statement-breakpoint

-- A deleted note, communication, ticket or AI exchange takes its vectors with it (including rows
-- removed by a cascade from a deleted lead or client), so no search ever returns a dead chunk.
CREATE OR REPLACE FUNCTION crm_delete_embeddings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM embeddings WHERE source_type = TG_ARGV[0] AND source_id = OLD.id;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER lead_notes_delete_embeddings AFTER DELETE ON lead_notes
  FOR EACH ROW EXECUTE FUNCTION crm_delete_embeddings('note');
--> statement-breakpoint
CREATE TRIGGER lead_communications_delete_embeddings AFTER DELETE ON lead_communications
  FOR EACH ROW EXECUTE FUNCTION crm_delete_embeddings('communication');
--> statement-breakpoint
CREATE TRIGGER support_tickets_delete_embeddings AFTER DELETE ON support_tickets
  FOR EACH ROW EXECUTE FUNCTION crm_delete_embeddings('ticket');
--> statement-breakpoint
CREATE TRIGGER ai_interactions_delete_embeddings AFTER DELETE ON ai_interactions
  FOR EACH ROW EXECUTE FUNCTION crm_delete_embeddings('ai_interaction');
