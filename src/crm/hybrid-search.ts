/**
 * Hybrid search over the knowledge base (notes, communications, tickets, AI exchanges): a
 * full-text arm (tsvector, websearch_to_tsquery, GIN) and a vector arm (the model's partial HNSW
 * index, with pgvector's iterative scan so filters still yield k rows), fused by reciprocal rank
 * (score = sum over arms of 1 / (k + rank)). Both arms apply the same filters: lead, client,
 * source types, time window and the lead filters of search_leads.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { scopeConditions, scopedTypes, tsQuery, type ArmHit, type KnowledgeScope } from './knowledge-scope.js';
import { KNOWLEDGE_SOURCES, type SourceType } from './knowledge-sources.js';
import { loadSnippets } from './knowledge-snippets.js';
import { vectorArm, type VectorQuery } from './vector-arm.js';

export type { ArmHit, KnowledgeScope } from './knowledge-scope.js';

export interface KnowledgeQuery extends KnowledgeScope {
  question: string;
  /** The question embedded with the model whose vectors to search; absent: full text only. */
  vector?: VectorQuery | null;
  /** Which arms run (benchmarks compare them); default: full text, plus vector when given. */
  arms?: { fulltext?: boolean; vector?: boolean };
  /** Hits returned, 1-100 (default 10). */
  limit?: number;
  /** RRF constant k (default 60): larger flattens the advantage of the top ranks. */
  rrfK?: number;
  /** Full-text matching: any word (default, ranked) or every word. */
  match?: 'any' | 'all';
  /**
   * Weight of each arm's RRF term, [fulltext, vector]; default DEFAULT_ARM_WEIGHTS. Full text of a
   * plain question matches any of its words with no word rarity in the rank, so its list is
   * noisier; 0.8 keeps its top hits competitive (rank 1 scores like the vector arm's rank 16).
   */
  weights?: [number, number];
  /** Candidates taken from each arm before fusing (default max(50, 5 x limit)). */
  depth?: number;
}

export interface KnowledgeHit {
  sourceType: SourceType;
  sourceId: string;
  leadId: string | null;
  clientId: string | null;
  clientName: string | null;
  occurredAt: Date | null;
  /** Fused RRF score (higher is better). */
  score: number;
  /** 1-based rank in each arm, null when that arm did not find it. */
  fulltextRank: number | null;
  vectorRank: number | null;
  /** Cosine similarity of the best chunk, when the vector arm found it. */
  similarity: number | null;
  /** Untrusted text: the best-matching chunk, or a full-text headline. Fence it before showing it to a model. */
  snippet: string;
}

export interface KnowledgeResult {
  mode: 'hybrid' | 'fulltext' | 'vector';
  hits: KnowledgeHit[];
}

/** Default RRF weights [fulltext, vector]; measured in bench/retrieval-quality.ts (see docs/embeddings.md). */
export const DEFAULT_ARM_WEIGHTS: [number, number] = [0.8, 1];

/** Reciprocal rank fusion of ranked lists (best first); returns keys with their score and per-list ranks, best first. */
export function fuseRrf<T extends ArmHit>(lists: T[][], k: number, weights: number[] = []): Array<{ key: string; hit: T; score: number; ranks: Array<number | null> }> {
  const fused = new Map<string, { key: string; hit: T; score: number; ranks: Array<number | null> }>();
  lists.forEach((list, li) =>
    list.forEach((hit, i) => {
      const key = `${hit.sourceType}:${hit.sourceId}`;
      const f = fused.get(key) ?? { key, hit, score: 0, ranks: lists.map(() => null) };
      f.score += (weights[li] ?? 1) / (k + i + 1);
      f.ranks[li] = i + 1;
      fused.set(key, f);
    }),
  );
  const best = (r: Array<number | null>) => Math.min(...r.map((x) => x ?? Infinity));
  return [...fused.values()].sort((a, b) => b.score - a.score || best(a.ranks) - best(b.ranks) || a.key.localeCompare(b.key));
}

/** Full-text arm: best `depth` sources by ts_rank, best first. `match`: see tsQuery. */
export async function fullTextArm(
  db: DbOrTx,
  question: string,
  scope: KnowledgeScope,
  depth: number,
  match: 'any' | 'all' = 'any',
): Promise<Array<ArmHit & { leadId: string | null; rank: number }>> {
  const q = tsQuery(question, match);
  const all = tsQuery(question, 'all');
  const branches = scopedTypes(scope).map((type) => {
    const s = KNOWLEDGE_SOURCES[type];
    const where = sql.join([...scopeConditions(type, scope), sql`${s.tsv} @@ ${q}`], sql` and `);
    // Texts with every word first, then by ts_rank (any-word matching alone lets common words win).
    return sql`(select ${type}::text as source_type, s.id as source_id, ${s.leadId} as lead_id,
        (case when ${s.tsv} @@ ${all} then 1 else 0 end + ts_rank(${s.tsv}, ${q}))::float8 as rank
      from ${s.table} s where ${where} order by rank desc limit ${depth})`;
  });
  if (!branches.length) return [];
  const r = await db.execute<{ source_type: SourceType; source_id: string; lead_id: string | null; rank: number }>(
    sql`select * from (${sql.join(branches, sql` union all `)}) hits order by rank desc, source_id limit ${depth}`,
  );
  return r.rows.map((x) => ({ sourceType: x.source_type, sourceId: x.source_id, leadId: x.lead_id, rank: Number(x.rank) }));
}

/** Searches the knowledge base; see KnowledgeQuery. Empty question: no hits. */
export async function searchKnowledge(db: DbOrTx, query: KnowledgeQuery): Promise<KnowledgeResult> {
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? 10), 1), 100);
  const depth = query.depth ?? Math.max(50, limit * 5);
  const useFts = query.arms?.fulltext ?? true;
  const useVector = (query.arms?.vector ?? true) && Boolean(query.vector);
  const mode = useFts && useVector ? 'hybrid' : useVector ? 'vector' : 'fulltext';
  if (!query.question.trim() || !scopedTypes(query).length) return { mode, hits: [] };
  const fts = useFts ? await fullTextArm(db, query.question, query, depth, query.match) : [];
  const vec = useVector ? await vectorArm(db, query.vector!, query, depth) : [];
  const fused = fuseRrf<ArmHit>([fts, vec], query.rrfK ?? 60, query.weights ?? DEFAULT_ARM_WEIGHTS).slice(0, limit);
  const chunks = new Map(vec.map((v) => [`${v.sourceType}:${v.sourceId}`, v]));
  const details = await loadSnippets(db, fused.map((f) => f.hit), useFts ? query.question : null);
  const hits: KnowledgeHit[] = [];
  for (const f of fused) {
    const d = details.get(f.key);
    if (!d) continue; // deleted between the arms and now
    const v = chunks.get(f.key);
    hits.push({
      ...f.hit,
      leadId: d.leadId,
      clientId: d.clientId,
      clientName: d.clientName,
      occurredAt: d.occurredAt,
      score: f.score,
      fulltextRank: f.ranks[0] ?? null,
      vectorRank: f.ranks[1] ?? null,
      similarity: v ? 1 - v.distance : null,
      snippet: v ? v.content : (d.headline ?? d.text),
    });
  }
  return { mode, hits };
}
