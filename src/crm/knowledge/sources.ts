/**
 * The four kinds of text the knowledge base holds, described once for the embedding worker,
 * the backfill and both arms of hybrid search: the table, the text that is embedded, its lead,
 * client and time, its full-text vector (the GIN-indexed expression) and which rows qualify.
 * Every fragment refers to the source table under the alias `s`.
 */
import { sql, type SQL } from 'drizzle-orm';
import { EMBEDDING_SOURCES } from '../../db/schema/index.js';

export type SourceType = (typeof EMBEDDING_SOURCES)[number];
export const SOURCE_TYPES = EMBEDDING_SOURCES;

export interface KnowledgeSource {
  table: SQL;
  /** The text that is embedded and shown as the snippet. */
  text: SQL;
  leadId: SQL;
  clientId: SQL;
  /** When it happened (a call's time, a ticket's opening), for the timeline and the time filter. */
  occurredAt: SQL;
  /** tsvector, exactly the indexed expression, so the GIN index is used. */
  tsv: SQL;
  /** Rows that belong to the knowledge base (mirrors the embedding triggers). */
  eligible: SQL;
}

export const KNOWLEDGE_SOURCES: Record<SourceType, KnowledgeSource> = {
  note: {
    table: sql.raw('lead_notes'),
    text: sql.raw('s.body'),
    leadId: sql.raw('s.lead_id'),
    clientId: sql.raw('s.client_id'),
    occurredAt: sql.raw('s.created_at'),
    tsv: sql.raw('s.search_vector'),
    eligible: sql.raw('true'),
  },
  communication: {
    table: sql.raw('lead_communications'),
    text: sql.raw(`concat_ws(E'\\n\\n', s.subject, s.body)`),
    leadId: sql.raw('s.lead_id'),
    clientId: sql.raw('s.client_id'),
    occurredAt: sql.raw('s.occurred_at'),
    tsv: sql.raw('s.search_vector'),
    eligible: sql.raw('(s.body is not null or s.subject is not null)'),
  },
  ticket: {
    table: sql.raw('support_tickets'),
    text: sql.raw(`concat_ws(E'\\n\\n', s.subject, s.description, s.resolution)`),
    leadId: sql.raw('s.lead_id'),
    clientId: sql.raw('s.client_id'),
    occurredAt: sql.raw('s.opened_at'),
    tsv: sql.raw('s.search_vector'),
    eligible: sql.raw('true'),
  },
  ai_interaction: {
    table: sql.raw('ai_interactions'),
    text: sql.raw('s.response'),
    leadId: sql.raw('s.lead_id'),
    clientId: sql.raw('s.crm_client_id'),
    occurredAt: sql.raw('s.created_at'),
    // migrations/0007_insurance_vocabulary.sql indexes this expression under `eligible`.
    tsv: sql.raw(`to_tsvector('crm', coalesce(s.response, ''))`),
    eligible: sql.raw(`(s.type in ('chat','insight','summary','triage','draft') and s.response is not null)`),
  },
};

/** `source_type, source_id, lead_id, client_id, occurred_at, text` of every eligible row of one type (alias `s`). */
export function sourceRowsSql(type: SourceType, where: SQL = sql`true`): SQL {
  const s = KNOWLEDGE_SOURCES[type];
  return sql`select ${type}::text as source_type, s.id as source_id, ${s.leadId} as lead_id, ${s.clientId} as client_id,
      ${s.occurredAt} as occurred_at, ${s.text} as text
    from ${s.table} s where ${s.eligible} and ${where}`;
}
