-- Search speed (issue 10, docs/search.md "Speed").
--
-- 1. Small GIN pending lists on the full-text indexes. With fastupdate (the default) new entries
--    wait in a pending list that every search scans linearly, up to gin_pending_list_limit (4 MB)
--    until a vacuum merges it. The embedded database has no autovacuum, so after a bulk load a
--    search read up to 4 MB of pending entries per index: 48 ms of a 5 ms query at 10k leads.
--    128 kB keeps inserts batched and bounds that scan; the current lists are merged now.
ALTER INDEX lead_notes_search_gin SET (gin_pending_list_limit = 128);
--> statement-breakpoint
ALTER INDEX lead_communications_search_gin SET (gin_pending_list_limit = 128);
--> statement-breakpoint
ALTER INDEX support_tickets_search_gin SET (gin_pending_list_limit = 128);
--> statement-breakpoint
ALTER INDEX ai_interactions_search_gin SET (gin_pending_list_limit = 128);
--> statement-breakpoint
SELECT gin_clean_pending_list(i::regclass)
  FROM unnest(ARRAY['lead_notes_search_gin', 'lead_communications_search_gin', 'support_tickets_search_gin', 'ai_interactions_search_gin']) AS i;
--> statement-breakpoint

-- 2. pgvector's iterative index scan as this database's default, so the vector arm no longer
--    opens a transaction and sets it per query (three extra round trips, about 5x the bare
--    query's time at 10k leads). With it, a filtered HNSW query keeps scanning the graph until
--    k rows pass the filters. The vector arm checks the setting on every query and, where it is
--    missing (pgvector older than 0.8, a role that may not alter the database, a connection
--    opened before this migration, the embedded database, which does not apply database defaults
--    to extension settings), sets it for the session on first use.
DO $$
BEGIN
  IF (SELECT string_to_array(extversion, '.')::int[] >= '{0,8}' FROM pg_extension WHERE extname = 'vector') THEN
    BEGIN
      EXECUTE format('ALTER DATABASE %I SET hnsw.iterative_scan = %L', current_database(), 'relaxed_order');
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE NOTICE 'hnsw.iterative_scan not set for the database (%); knowledge search sets it per session', SQLERRM;
    END;
  END IF;
END $$;
