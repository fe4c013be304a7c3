/**
 * The vector arm of hybrid search: nearest chunks of one model by cosine distance over the
 * model's partial HNSW index, best chunk per source. With filters, pgvector 0.8's iterative index
 * scan keeps scanning the graph until enough rows pass them (plain HNSW stops after ef_search
 * candidates and a selective filter would leave fewer than k rows).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { logger } from '../../log.js';
import type { SourceType } from './sources.js';
import { leadFilterCondition, type KnowledgeScope } from './scope.js';
import type { Embedder } from '../ports.js';
import { recordInBook } from '../access/book.js';
import { modelIs, vectorDistance, type VectorSpace } from './vector-index.js';
import { SOURCE_TYPES } from './sources.js';
import { questionToEmbed } from './spanish-question.js';

export interface VectorQuery {
  space: VectorSpace;
  values: number[];
}

export interface VectorHit {
  sourceType: SourceType;
  sourceId: string;
  leadId: string | null;
  clientId: string | null;
  /** When the text happened (the source's time, as embedded). */
  occurredAt: Date | null;
  chunkIndex: number;
  content: string;
  /** Cosine distance, 0 (same direction) to 2. */
  distance: number;
}

/** Conditions over `embeddings e` equivalent to the source-level scope. */
function vectorScope(scope: KnowledgeScope): SQL[] {
  const c: SQL[] = [];
  if (scope.sourceTypes && scope.sourceTypes.length < SOURCE_TYPES.length)
    c.push(sql`e.source_type = any(${sql.param([...scope.sourceTypes])}::text[])`);
  if (scope.leadId) c.push(sql`e.lead_id = ${scope.leadId}`);
  if (scope.clientId) c.push(sql`e.client_id = ${scope.clientId}`);
  if (scope.since) c.push(sql`e.source_created_at >= ${scope.since.toISOString()}`);
  if (scope.until) c.push(sql`e.source_created_at < ${scope.until.toISOString()}`);
  const leads = leadFilterCondition(scope, sql`e.lead_id`, true);
  if (leads) c.push(leads);
  if (scope.book) c.push(recordInBook(scope.book, sql`e.lead_id`, sql`e.client_id`));
  return c;
}

const iterativeSupport = new WeakMap<object, Promise<boolean>>();

/** pgvector 0.8+ (iterative index scans)? Asked once per database handle. */
function supportsIterativeScan(db: DbOrTx): Promise<boolean> {
  let p = iterativeSupport.get(db);
  if (!p) {
    p = db.execute<{ v: string | null }>(sql`select extversion as v from pg_extension where extname = 'vector'`).then((r) => {
      const [major = 0, minor = 0] = (r.rows[0]?.v ?? '0.0').split('.').map(Number);
      return major > 0 || minor >= 8;
    });
    iterativeSupport.set(db, p);
  }
  return p;
}

/** The SQL of the arm's query (also used by the benchmark as the "bare" baseline). */
export function vectorArmSql(q: VectorQuery, scope: KnowledgeScope, chunkLimit: number): SQL {
  const dist = vectorDistance(q.space, q.values);
  const where = sql.join([modelIs(q.space.model), ...vectorScope(scope)], sql` and `);
  // Lead filters resolved to a short list (resolveLeadFilters): an exact scan of those leads'
  // vectors through the lead index ("+ 0" keeps the planner off HNSW). At 10k leads, 680 matching
  // (7.5% of the vectors), it is faster than HNSW's iterative scan and exact, where HNSW filtering
  // an id list finds 82% of the true 20 nearest.
  const order = scope.leadIds ? sql`${dist} + 0` : dist;
  // Materialised then re-sorted: relaxed_order may return rows slightly out of order.
  return sql`with nn as materialized (
      select e.source_type, e.source_id, e.lead_id, e.client_id, e.source_created_at, e.chunk_index, e.content, ${dist} as distance
      from embeddings e where ${where} order by ${order} limit ${chunkLimit})
    select distinct on (source_type, source_id) source_type, source_id, lead_id, client_id, source_created_at, chunk_index, content,
      distance::float8 as distance,
      current_setting('hnsw.iterative_scan', true) as iterative,
      (select count(*) from nn)::int as fetched
    from nn order by source_type, source_id, distance`;
}

/**
 * Nearest `depth` sources (best chunk each), best first. Where the database lacks the
 * iterative-scan default, runs in its own (sub)transaction for SET LOCAL. `info.exhausted`: every
 * vector in scope was read (a deeper call finds nothing more).
 */
export async function vectorArm(
  db: DbOrTx,
  q: VectorQuery,
  scope: KnowledgeScope,
  depth: number,
  info?: { exhausted: boolean },
): Promise<VectorHit[]> {
  if (info) info.exhausted = true;
  if (q.values.length !== q.space.dims)
    throw new Error(`query vector has ${q.values.length} dimensions, the model ${q.space.model} has ${q.space.dims}`);
  if (q.values.every((x) => x === 0)) return [];
  // Long texts have several chunks; over-fetch so `depth` distinct sources usually remain.
  const chunkLimit = Math.min(depth * 2, 1000);
  const iterative = await supportsIterativeScan(db);
  type Row = {
    source_type: SourceType;
    source_id: string;
    lead_id: string | null;
    client_id: string | null;
    source_created_at: Date | string | null;
    chunk_index: number;
    content: string;
    distance: number;
    iterative: string | null;
    fetched: number;
  };
  // Fast path: with the iterative scan on for the session (the database default from
  // migrations/0009, or set below), HNSW keeps scanning until the limit is met, so no transaction
  // and SET LOCAL are needed. The query reports the setting it ran with; without it (or with no
  // row to tell) it runs again with ef_search made local and the iterative scan turned on for the
  // session, so this connection takes the fast path next time (the embedded database, one
  // session per process, does not apply database defaults to extension settings).
  let rows = iterative ? (await db.execute<Row>(vectorArmSql(q, scope, chunkLimit))).rows : [];
  if (!rows.length || !['relaxed_order', 'strict_order'].includes(rows[0]!.iterative ?? '')) {
    rows = await db.transaction(async (tx) => {
      await tx.execute(
        sql`select set_config('hnsw.ef_search', ${String(Math.min(Math.max(40, chunkLimit), 1000))}, true)${iterative ? sql`, set_config('hnsw.iterative_scan', 'relaxed_order', false)` : sql``}`,
      );
      return (await tx.execute<Row>(vectorArmSql(q, scope, chunkLimit))).rows;
    });
  }
  if (info) info.exhausted = Number(rows[0]?.fetched ?? 0) < chunkLimit && rows.length <= depth;
  return rows
    .map((r) => ({
      sourceType: r.source_type,
      sourceId: r.source_id,
      leadId: r.lead_id,
      clientId: r.client_id,
      occurredAt: r.source_created_at ? new Date(r.source_created_at) : null,
      chunkIndex: Number(r.chunk_index),
      content: r.content,
      distance: Number(r.distance),
    }))
    .sort((a, b) => a.distance - b.distance || a.sourceId.localeCompare(b.sourceId))
    .slice(0, depth);
}

/** Cosine similarity of the best chunk of each given text (those the other arm found), by `type:id`; texts without a vector are absent. */
export async function similarityOf(
  db: DbOrTx,
  q: VectorQuery,
  hits: Array<{ sourceType: SourceType; sourceId: string }>,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!hits.length || q.values.every((x) => x === 0)) return out;
  const r = await db.execute<{ source_type: string; source_id: string; distance: number }>(
    sql`select e.source_type, e.source_id, min(${vectorDistance(q.space, q.values)})::float8 as distance from embeddings e
      where ${modelIs(q.space.model)} and e.source_id = any(${sql.param(hits.map((h) => h.sourceId))}::uuid[]) group by 1, 2`,
  );
  for (const x of r.rows) out.set(`${x.source_type}:${x.source_id}`, 1 - Number(x.distance));
  return out;
}

/**
 * Embeds a search question for the vector arm (a Spanish question as its English rendering, see
 * spanish-question.ts); null when no embedder is configured, the question
 * has no embeddable words, or the embedder fails (search then runs on full text; say so).
 * Call it outside any transaction: it may be a network call.
 */
export async function embedQuestion(
  embedder: Embedder | undefined,
  question: string,
): Promise<{ vector: VectorQuery | null; notice: string | null }> {
  if (!embedder) return { vector: null, notice: 'No embedding model is configured; full-text search only.' };
  try {
    const [values] = await embedder.embed([questionToEmbed(question)]);
    if (!values || values.every((x) => x === 0))
      return { vector: null, notice: 'The question has no words the embedding model knows; full-text search only.' };
    return { vector: { space: { model: embedder.model, dims: embedder.dimensions }, values }, notice: null };
  } catch (err) {
    logger('hybrid-search').warn({ model: embedder.model, err: (err as Error).message }, 'could not embed the question; full text only');
    return { vector: null, notice: `The embedding model ${embedder.model} failed (${(err as Error).message}); full-text search only.` };
  }
}
