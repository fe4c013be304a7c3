/** The audit trail of every AI exchange, and the vector store over notes, communications, tickets and interactions. */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { clients } from './clients.js';
import { anyVector, tstz } from './common.js';
import { leads } from './leads.js';
import { users } from './users.js';
import { supportTickets } from './work.js';

export const AI_INTERACTION_TYPES = ['chat', 'tool_call', 'follow_up', 'insight', 'triage', 'summary', 'draft', 'search'] as const;
export const AI_CHANNELS = ['mcp_stdio', 'mcp_http', 'mcp_memory', 'slack', 'cli', 'eval', 'api', 'system'] as const;

export const aiInteractions = pgTable(
  'ai_interactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: text('type', { enum: AI_INTERACTION_TYPES }).notNull(),
    channel: text('channel', { enum: AI_CHANNELS }).notNull(),
    sessionId: text('session_id'),
    threadId: text('thread_id'),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** MCP client (or other caller) name and version, as it introduced itself. */
    clientName: text('client_name'),
    clientVersion: text('client_version'),
    crmClientId: uuid('crm_client_id').references(() => clients.id, { onDelete: 'set null' }),
    leadId: uuid('lead_id').references(() => leads.id, { onDelete: 'set null' }),
    ticketId: uuid('ticket_id').references(() => supportTickets.id, { onDelete: 'set null' }),
    parentInteractionId: uuid('parent_interaction_id').references((): AnyPgColumn => aiInteractions.id, { onDelete: 'set null' }),
    prompt: text('prompt'),
    response: text('response'),
    model: text('model'),
    provider: text('provider'),
    temperature: numeric('temperature', { precision: 3, scale: 2 }),
    promptTokens: integer('prompt_tokens'),
    completionTokens: integer('completion_tokens'),
    totalTokens: integer('total_tokens'),
    latencyMs: integer('latency_ms'),
    toolName: text('tool_name'),
    toolArguments: jsonb('tool_arguments').$type<unknown>(),
    toolResult: jsonb('tool_result').$type<unknown>(),
    resultSummary: text('result_summary'),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    summary: text('summary'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('ai_interactions_created_at_idx').on(t.createdAt.desc()),
    index('ai_interactions_type_created_idx').on(t.type, t.createdAt.desc()),
    index('ai_interactions_session_idx').on(t.sessionId, t.createdAt),
    index('ai_interactions_thread_idx').on(t.threadId, t.createdAt),
    index('ai_interactions_user_idx').on(t.userId, t.createdAt.desc()),
    index('ai_interactions_lead_idx').on(t.leadId, t.createdAt.desc()),
    index('ai_interactions_client_idx').on(t.crmClientId, t.createdAt.desc()),
    index('ai_interactions_ticket_idx').on(t.ticketId),
    index('ai_interactions_tool_idx').on(t.toolName, t.createdAt.desc()),
    index('ai_interactions_parent_idx').on(t.parentInteractionId),
    index('ai_interactions_errors_idx')
      .on(t.errorCode)
      .where(sql`${t.errorCode} is not null`),
    check(
      'ai_interactions_tokens_non_negative',
      sql`coalesce(${t.promptTokens}, 0) >= 0 and coalesce(${t.completionTokens}, 0) >= 0 and coalesce(${t.latencyMs}, 0) >= 0`,
    ),
  ],
);

/**
 * Idempotency keys of write-tool calls, per user: the first call's answer, kept so a repeat (a
 * retry, or an agent node re-run on resume) returns it and writes nothing again. A key row
 * commits in the same transaction as the write it records.
 */
export const toolIdempotencyKeys = pgTable(
  'tool_idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    idempotencyKey: text('idempotency_key').notNull(),
    toolName: text('tool_name').notNull(),
    /** SHA-256 of the tool name and the canonical JSON of the parsed input. */
    inputHash: text('input_hash').notNull(),
    /** The answer the first call returned. */
    output: jsonb('output').$type<Record<string, unknown>>().notNull(),
    interactionId: uuid('interaction_id').references(() => aiInteractions.id, { onDelete: 'set null' }),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'tool_idempotency_keys_pkey', columns: [t.userId, t.idempotencyKey] }),
    index('tool_idempotency_keys_created_idx').on(t.createdAt),
    check('tool_idempotency_keys_key_length', sql`length(${t.idempotencyKey}) between 1 and 200`),
  ],
);

export const EMBEDDING_SOURCES = ['note', 'communication', 'ticket', 'ai_interaction'] as const;

/**
 * One row per chunk of a source text per embedding model. The vector column has no fixed
 * dimension; `dimensions` says it, and an HNSW index is built per model over `embedding::vector(d)`.
 */
export const embeddings = pgTable(
  'embeddings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    sourceType: text('source_type', { enum: EMBEDDING_SOURCES }).notNull(),
    sourceId: uuid('source_id').notNull(),
    chunkIndex: smallint('chunk_index').notNull().default(0),
    leadId: uuid('lead_id'),
    clientId: uuid('client_id'),
    model: text('model').notNull(),
    dimensions: smallint('dimensions').notNull(),
    embedding: anyVector('embedding').notNull(),
    content: text('content').notNull(),
    contentHash: text('content_hash').notNull(),
    sourceCreatedAt: tstz('source_created_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('embeddings_source_chunk_model_key').on(t.sourceType, t.sourceId, t.model, t.chunkIndex),
    index('embeddings_lead_idx').on(t.leadId),
    index('embeddings_client_idx').on(t.clientId),
    index('embeddings_model_idx').on(t.model),
    check('embeddings_dimensions_match', sql`vector_dims(${t.embedding}) = ${t.dimensions}`),
  ],
);

/** Work queue for the embedding worker; rows are added in the writing transaction. */
export const embeddingJobs = pgTable(
  'embedding_jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    sourceType: text('source_type', { enum: EMBEDDING_SOURCES }).notNull(),
    sourceId: uuid('source_id').notNull(),
    status: text('status', { enum: ['pending', 'running', 'done', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: smallint('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** Pending: when the job may run (retry backoff). Running: when its worker's lease ends and another may take it over. */
    runAfter: tstz('run_after').notNull().defaultNow(),
    lockedBy: text('locked_by'),
    lockedAt: tstz('locked_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('embedding_jobs_pending_source_key')
      .on(t.sourceType, t.sourceId)
      .where(sql`${t.status} in ('pending','running')`),
    index('embedding_jobs_ready_idx')
      .on(t.runAfter)
      .where(sql`${t.status} = 'pending'`),
    check('embedding_jobs_status_check', sql`${t.status} in ('pending','running','done','failed')`),
  ],
);
