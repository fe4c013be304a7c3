-- Insurance vocabulary for full-text search (issue 10). See docs/search.md for why it is built
-- this way: synonym and thesaurus dictionaries need files in $SHAREDIR/tsearch_data, which a
-- managed Postgres (Supabase, RDS) and PGlite's WASM file system do not let us install. So:
--  * `crm`, a text-search configuration copied from english: every tsvector column and every
--    query names it, so a later migration can change how text is parsed in one place;
--  * `crm_vocabulary`, a table of words agencies and customers use for the same thing;
--  * `crm_tsquery(question)`, which parses a question (web-search syntax) and replaces each
--    vocabulary term by "any term of its concept". Expansion happens on the query side only, so
--    editing the vocabulary needs no re-indexing.
CREATE TEXT SEARCH CONFIGURATION crm (COPY = english);
--> statement-breakpoint

CREATE TABLE crm_vocabulary (
  -- A word or phrase, lower case: letters (Spanish included), digits, spaces, hyphens.
  term text PRIMARY KEY CHECK (term ~ '^[a-z0-9áéíóúñü]+([ -][a-z0-9áéíóúñü]+)*$'),
  -- Terms with the same concept mean the same thing; the concept is an id, never searched for.
  concept text NOT NULL CHECK (concept ~ '^[a-z]+$'),
  -- How a question's words are recognised as this term: 'stem' through the english stemmer
  -- (cancel finds cancelled, cancellation); 'exact' as written, plural s allowed (for words whose
  -- stem is a common word: totaled stems to total). Phrases and hyphenated terms: as written.
  -- Documents always match any term of the concept by its stemmed phrase.
  match text NOT NULL DEFAULT 'stem' CHECK (match IN ('stem', 'exact')),
  lang text NOT NULL DEFAULT 'en' CHECK (lang IN ('en', 'es')),
  -- Precomputed: the term as documents are parsed, and its concept's marker lexeme.
  term_query tsquery GENERATED ALWAYS AS (phraseto_tsquery('crm'::regconfig, term)) STORED,
  marker tsquery GENERATED ALWAYS AS (to_tsquery('crm'::regconfig, 'crmconcept' || concept)) STORED
);
--> statement-breakpoint
CREATE INDEX crm_vocabulary_concept_idx ON crm_vocabulary (concept);
--> statement-breakpoint

INSERT INTO crm_vocabulary (term, concept, match, lang) VALUES
  ('carrier', 'carrier', 'stem', 'en'), ('insurer', 'carrier', 'stem', 'en'), ('insurance company', 'carrier', 'stem', 'en'),
  ('insurance carrier', 'carrier', 'stem', 'en'), ('aseguradora', 'carrier', 'stem', 'es'), ('compañía de seguros', 'carrier', 'stem', 'es'),
  ('compania de seguros', 'carrier', 'stem', 'es'),
  ('cancel', 'cancel', 'stem', 'en'), ('terminate', 'cancel', 'stem', 'en'), ('non-renew', 'cancel', 'stem', 'en'),
  ('nonrenew', 'cancel', 'stem', 'en'), ('non-renewal', 'cancel', 'stem', 'en'), ('nonrenewal', 'cancel', 'stem', 'en'),
  ('cancelar', 'cancel', 'stem', 'es'), ('cancelación', 'cancel', 'stem', 'es'), ('cancelacion', 'cancel', 'stem', 'es'),
  ('cancelada', 'cancel', 'stem', 'es'), ('cancelado', 'cancel', 'stem', 'es'), ('dar de baja', 'cancel', 'stem', 'es'),
  ('totaled', 'totalloss', 'exact', 'en'), ('totalled', 'totalloss', 'exact', 'en'), ('total loss', 'totalloss', 'stem', 'en'),
  ('write-off', 'totalloss', 'stem', 'en'), ('pérdida total', 'totalloss', 'stem', 'es'), ('perdida total', 'totalloss', 'stem', 'es'),
  ('coi', 'coi', 'exact', 'en'), ('certificate of insurance', 'coi', 'stem', 'en'), ('insurance certificate', 'coi', 'stem', 'en'),
  ('proof of insurance', 'coi', 'stem', 'en'), ('certificado de seguro', 'coi', 'stem', 'es'),
  ('dui', 'dui', 'exact', 'en'), ('dwi', 'dui', 'exact', 'en'), ('owi', 'dui', 'exact', 'en'), ('drunk driving', 'dui', 'stem', 'en'),
  ('driving under the influence', 'dui', 'stem', 'en'), ('manejar ebrio', 'dui', 'stem', 'es'), ('manejar borracho', 'dui', 'stem', 'es'),
  ('x-date', 'xdate', 'stem', 'en'), ('xdate', 'xdate', 'exact', 'en'), ('expiration', 'xdate', 'stem', 'en'),
  ('expiration date', 'xdate', 'stem', 'en'), ('renewal date', 'xdate', 'stem', 'en'), ('expiry', 'xdate', 'stem', 'en'),
  ('fecha de vencimiento', 'xdate', 'stem', 'es'), ('vencimiento', 'xdate', 'stem', 'es'),
  ('endorsement', 'endorsement', 'stem', 'en'), ('policy change', 'endorsement', 'stem', 'en'), ('endoso', 'endorsement', 'stem', 'es'),
  ('cambio de póliza', 'endorsement', 'stem', 'es'), ('cambio de poliza', 'endorsement', 'stem', 'es'),
  ('gl', 'gl', 'exact', 'en'), ('general liability', 'gl', 'stem', 'en'), ('responsabilidad general', 'gl', 'stem', 'es'),
  ('bop', 'bop', 'exact', 'en'), ('businessowners policy', 'bop', 'stem', 'en'), ('business owners policy', 'bop', 'stem', 'en'),
  ('business owner policy', 'bop', 'stem', 'en'),
  ('umbrella', 'umbrella', 'stem', 'en'), ('excess liability', 'umbrella', 'stem', 'en'), ('paraguas', 'umbrella', 'stem', 'es'),
  ('comp', 'comprehensive', 'exact', 'en'), ('comprehensive', 'comprehensive', 'stem', 'en'), ('other than collision', 'comprehensive', 'stem', 'en'),
  ('cobertura amplia', 'comprehensive', 'stem', 'es'),
  ('policy', 'policy', 'stem', 'en'), ('póliza', 'policy', 'stem', 'es'), ('poliza', 'policy', 'stem', 'es'),
  ('premium', 'premium', 'stem', 'en'), ('prima', 'premium', 'exact', 'es'),
  ('claim', 'claim', 'stem', 'en'), ('reclamo', 'claim', 'stem', 'es'), ('reclamación', 'claim', 'stem', 'es'),
  ('car', 'auto', 'stem', 'en'), ('auto', 'auto', 'stem', 'en'), ('vehicle', 'auto', 'stem', 'en'), ('coche', 'auto', 'stem', 'es'),
  ('carro', 'auto', 'stem', 'es'), ('vehículo', 'auto', 'stem', 'es'),
  ('house', 'home', 'stem', 'en'), ('home', 'home', 'stem', 'en'), ('homeowners', 'home', 'stem', 'en'), ('casa', 'home', 'stem', 'es'),
  ('vivienda', 'home', 'stem', 'es'),
  ('water damage', 'waterdamage', 'stem', 'en'), ('water leak', 'waterdamage', 'stem', 'en'), ('pipe burst', 'waterdamage', 'stem', 'en'),
  ('burst pipe', 'waterdamage', 'stem', 'en'), ('flooded basement', 'waterdamage', 'stem', 'en'), ('daños por agua', 'waterdamage', 'stem', 'es'),
  ('fuga de agua', 'waterdamage', 'stem', 'es'),
  ('quote', 'quote', 'stem', 'en'), ('cotización', 'quote', 'stem', 'es'), ('cotizacion', 'quote', 'stem', 'es'),
  ('workers comp', 'workerscomp', 'stem', 'en'), ('workers compensation', 'workerscomp', 'stem', 'en'),
  ('compensación laboral', 'workerscomp', 'stem', 'es');
--> statement-breakpoint

-- A question (web-search syntax: "phrase", -word, or) as a tsquery in which every vocabulary term
-- stands for its whole concept. Phrases are found in the text first (longest first), then single
-- words by lexeme, so "cancelled" is found through "cancel".
CREATE OR REPLACE FUNCTION crm_tsquery(question text) RETURNS tsquery
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  q text := ' ' || lower(coalesce(question, '')) || ' ';
  t tsquery;
  r record;
BEGIN
  FOR r IN SELECT term, concept, match FROM crm_vocabulary WHERE term ~ '[ -]' OR match = 'exact' ORDER BY length(term) DESC, term LOOP
    IF position(split_part(replace(r.term, '-', ' '), ' ', 1) IN q) > 0 THEN
      q := regexp_replace(q, '(^|[^a-z0-9áéíóúñü])' || replace(replace(r.term, '-', '[- ]?'), ' ', '\s+')
                             || CASE WHEN r.match = 'exact' THEN 's?' ELSE '(s|es|d|ed|ing|al)?' END || '(?![a-z0-9áéíóúñü])',
                          '\1 crmconcept' || r.concept || ' ', 'g');
    END IF;
  END LOOP;
  t := websearch_to_tsquery('crm', q);
  -- Single stemmed words to their concept marker.
  FOR r IN SELECT v.term_query, v.marker FROM crm_vocabulary v WHERE v.match = 'stem' AND v.term !~ '[ -]' AND numnode(v.term_query) > 0 LOOP
    IF t @> r.term_query THEN
      t := ts_rewrite(t, r.term_query, r.marker);
    END IF;
  END LOOP;
  -- Each concept marker to "any of its terms" (one rewrite per concept: markers never nest).
  FOR r IN SELECT v.concept, min(v.marker::text)::tsquery AS marker FROM crm_vocabulary v GROUP BY v.concept LOOP
    IF t @> r.marker THEN
      t := ts_rewrite(t, r.marker, (SELECT string_agg('(' || w.term_query::text || ')', ' | ')
                                    FROM crm_vocabulary w WHERE w.concept = r.concept AND numnode(w.term_query) > 0)::tsquery);
    END IF;
  END LOOP;
  RETURN t;
END $$;
--> statement-breakpoint

-- Every full-text column and index, rebuilt on the `crm` configuration.
ALTER TABLE lead_notes DROP COLUMN search_vector;
--> statement-breakpoint
ALTER TABLE lead_notes ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('crm', body)) STORED;
--> statement-breakpoint
CREATE INDEX lead_notes_search_gin ON lead_notes USING gin (search_vector);
--> statement-breakpoint
ALTER TABLE lead_communications DROP COLUMN search_vector;
--> statement-breakpoint
ALTER TABLE lead_communications ADD COLUMN search_vector tsvector GENERATED ALWAYS AS
  (setweight(to_tsvector('crm', coalesce(subject, '')), 'A') || setweight(to_tsvector('crm', coalesce(body, '')), 'B')) STORED;
--> statement-breakpoint
CREATE INDEX lead_communications_search_gin ON lead_communications USING gin (search_vector);
--> statement-breakpoint
ALTER TABLE support_tickets DROP COLUMN search_vector;
--> statement-breakpoint
ALTER TABLE support_tickets ADD COLUMN search_vector tsvector GENERATED ALWAYS AS
  (setweight(to_tsvector('crm', coalesce(subject, '')), 'A') || setweight(to_tsvector('crm', coalesce(description, '')), 'B') || setweight(to_tsvector('crm', coalesce(resolution, '')), 'C')) STORED;
--> statement-breakpoint
CREATE INDEX support_tickets_search_gin ON support_tickets USING gin (search_vector);
--> statement-breakpoint
DROP INDEX ai_interactions_search_gin;
--> statement-breakpoint
CREATE INDEX ai_interactions_search_gin ON ai_interactions
  USING gin (to_tsvector('crm', coalesce(response, '')))
  WHERE type IN ('chat','insight','summary','triage','draft') AND response IS NOT NULL;
