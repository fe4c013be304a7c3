/**
 * Hybrid free text for search_leads: ranks leads by what their notes, communications, tickets and
 * AI exchanges say, fusing the full-text and vector arms under the same lead filters. Plugged into
 * `searchLeads` as `textMatchLeadIds` (which adds client-name matches itself).
 */
import type { DbOrTx } from '../db/client.js';
import { DEFAULT_ARM_WEIGHTS, fullTextArm, fuseRrf, type ArmHit } from './hybrid-search.js';
import type { LeadSearchFilters } from './lead-search-filters.js';
import { vectorArm, type VectorQuery } from './vector-arm.js';

export interface LeadRankQuery {
  question: string;
  vector: VectorQuery | null;
  /** The search_leads filters (`query` ignored). */
  filters: LeadSearchFilters;
  now: Date;
  rrfK: number;
  /** Candidates per arm (default 300). */
  depth?: number;
  /**
   * Least cosine similarity for a vector-only hit to make its lead match. Nearest neighbours
   * always exist, so without a floor every query would "match" some leads. Default 0.4 (the
   * local embedder; hosted models may want more, see docs/embeddings.md).
   */
  minSimilarity?: number;
}

/** Lead ids whose knowledge matches the question, best first (a lead's best fused hit counts, ties by hit count). */
export async function rankLeadsByKnowledge(db: DbOrTx, q: LeadRankQuery): Promise<string[]> {
  const depth = q.depth ?? 300;
  const { query: _ignored, ...filters } = q.filters;
  const scope = { leadFilters: filters, now: q.now };
  // Every word must appear, as in search_leads' own full text: a lead search filters as well as ranks.
  const fts = await fullTextArm(db, q.question, scope, depth, 'all');
  const minSimilarity = q.minSimilarity ?? 0.4;
  const vec = q.vector ? (await vectorArm(db, q.vector, scope, depth)).filter((h) => 1 - h.distance >= minSimilarity) : [];
  const leads = new Map<string, { score: number; hits: number }>();
  for (const f of fuseRrf<ArmHit & { leadId: string | null }>([fts, vec], q.rrfK, DEFAULT_ARM_WEIGHTS)) {
    const leadId = f.hit.leadId;
    if (!leadId) continue;
    const l = leads.get(leadId) ?? { score: 0, hits: 0 };
    l.score = Math.max(l.score, f.score);
    l.hits++;
    leads.set(leadId, l);
  }
  return [...leads].sort(([a, x], [b, y]) => y.score - x.score || y.hits - x.hits || a.localeCompare(b)).map(([id]) => id);
}
