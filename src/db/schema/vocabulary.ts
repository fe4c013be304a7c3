/** The insurance vocabulary full-text search expands questions with (migrations/0007_insurance_vocabulary.sql, 0010). */
import { sql } from 'drizzle-orm';
import { boolean, check, customType, index, pgTable, text } from 'drizzle-orm/pg-core';

const tsquery = customType<{ data: string }>({
  dataType() {
    return 'tsquery';
  },
});

/** Words and phrases that mean the same thing (one concept), in English and Spanish; maintained by migrations. */
export const crmVocabulary = pgTable(
  'crm_vocabulary',
  {
    term: text('term').primaryKey(),
    concept: text('concept').notNull(),
    /** stem: a question's word is recognised through the stemmer; exact: as written. */
    match: text('match').notNull().default('stem'),
    lang: text('lang').notNull().default('en'),
    /** false: names its concept in a question but is not searched for in documents (its stem is a common word's: migrations/0010). */
    inDocuments: boolean('in_documents').notNull().default(true),
    termQuery: tsquery('term_query').generatedAlwaysAs(sql`phraseto_tsquery('crm'::regconfig, term)`),
    marker: tsquery('marker').generatedAlwaysAs(sql`to_tsquery('crm'::regconfig, 'crmconcept' || concept)`),
  },
  (t) => [
    index('crm_vocabulary_concept_idx').on(t.concept),
    check('crm_vocabulary_term_check', sql`${t.term} ~ '^[a-z0-9áéíóúñü]+([ -][a-z0-9áéíóúñü]+)*$'`),
    check('crm_vocabulary_concept_check', sql`${t.concept} ~ '^[a-z]+$'`),
    check('crm_vocabulary_match_check', sql`${t.match} in ('stem','exact')`),
    check('crm_vocabulary_lang_check', sql`${t.lang} in ('en','es')`),
  ],
);
