-- Vocabulary terms whose english stem is also the stem of common words of another meaning
-- (docs/search.md, "The insurance vocabulary"). Found by running every single-word `stem` term of
-- crm_vocabulary through the crm configuration against the 40,000 most frequent words of the local
-- embedder's corpus:
--   insurer       -> insur:      insurance, insured, insure, insuring (every question saying
--                                "insurance" got the whole carrier concept)
--   terminate     -> termin:     terminal, terminals, terminally, terminator
--   house         -> hous:       housing, housed
--   car           -> car:        Carly (a client's first name)
--   comprehensive -> comprehens: comprehension, comprehensively
-- These are now recognised in a question as written ('exact': plural s allowed), with the
-- inflections that mean the same thing listed as their own terms. Kept as stems because their
-- other words mean the same thing: cancel, claim, quote, endorsement, expiration, policy.
UPDATE crm_vocabulary SET match = 'exact' WHERE term IN ('insurer', 'terminate', 'house', 'car', 'comprehensive');
--> statement-breakpoint
INSERT INTO crm_vocabulary (term, concept, match, lang) VALUES
  ('terminated', 'cancel', 'exact', 'en'), ('terminating', 'cancel', 'exact', 'en'), ('termination', 'cancel', 'exact', 'en');
--> statement-breakpoint

-- The document side has the same collision: a concept matches documents holding any of its
-- terms' stemmed phrases, and 'insur' is in nearly every text of an agency ("insurance"), so a
-- question saying "carrier" matched all of them. A term with in_documents = false still names its
-- concept in a question but is not searched for in documents (the concept's other terms are).
ALTER TABLE crm_vocabulary ADD COLUMN in_documents boolean NOT NULL DEFAULT true;
--> statement-breakpoint
UPDATE crm_vocabulary SET in_documents = false WHERE term = 'insurer';
--> statement-breakpoint

-- As in 0007, with the concept expansion limited to terms searched for in documents.
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
  -- Each concept marker to "any of its terms searched for in documents" (one rewrite per concept).
  FOR r IN SELECT v.concept, min(v.marker::text)::tsquery AS marker FROM crm_vocabulary v GROUP BY v.concept LOOP
    IF t @> r.marker THEN
      t := ts_rewrite(t, r.marker, (SELECT string_agg(DISTINCT '(' || w.term_query::text || ')', ' | ')
                                    FROM crm_vocabulary w WHERE w.concept = r.concept AND w.in_documents AND numnode(w.term_query) > 0)::tsquery);
    END IF;
  END LOOP;
  RETURN t;
END $$;
