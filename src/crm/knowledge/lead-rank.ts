/**
 * Hybrid free text for search_leads: ranks leads by what their notes, communications, tickets and
 * AI exchanges say, fusing the full-text and vector arms under the same lead filters. Plugged into
 * `searchLeads` as `textMatchLeadIds` (which adds client-name matches itself).
 */
import type { DbOrTx } from '../../db/client.js';
import { DEFAULT_ARM_WEIGHTS, knowledgeCandidates } from './hybrid-search.js';
import { questionTerms } from './fulltext.js';
import { resolveLeadFilters } from './scope.js';
import { DEFAULT_FUSION, fuse, MIN_COVERAGE, type FusionParams } from './fusion.js';
import type { LeadSearchFilters } from '../leads/search-filters.js';
import type { VectorQuery } from './vector-arm.js';
import type { Book } from '../access/book.js';

export interface LeadRankQuery {
  question: string;
  vector: VectorQuery | null;
  /** The search_leads filters (`query` ignored). */
  filters: LeadSearchFilters;
  now: Date;
  /** Only leads in this book of business; absent: the whole book. */
  book?: Book;
  rrfK?: number;
  /** Fusion parameters (default DEFAULT_FUSION); `minSimilarity` is the meaning-only floor. */
  fusion?: Partial<FusionParams>;
  /** Candidates per arm (default 300). */
  depth?: number;
  /** Run the full-text arm (default true; benchmarks turn it off to measure the vector arm alone). */
  fulltext?: boolean;
}

/**
 * Lead ids whose knowledge matches the question, best first (a lead's best fused text counts, ties
 * by how many of its texts match). A lead search filters as well as ranks, so a lead matches only
 * when one of its texts holds every term of the question (vocabulary synonyms count) or is close
 * in meaning (cosine >= minSimilarity: nearest neighbours always exist, so without a floor every
 * question would "match" some leads).
 */
export async function rankLeadsByKnowledge(db: DbOrTx, q: LeadRankQuery): Promise<string[]> {
  const depth = q.depth ?? 300;
  const params: FusionParams = { ...DEFAULT_FUSION, ...(q.rrfK ? { rrfK: q.rrfK } : {}), ...q.fusion };
  const { query: _ignored, ...filters } = q.filters;
  const scope = await resolveLeadFilters(db, { leadFilters: filters, now: q.now, book: q.book });
  const terms = q.fulltext === false ? null : await questionTerms(db, q.question);
  const { candidates } = await knowledgeCandidates(db, terms, q.vector, scope, depth, depth, params.method === 'convex');
  const matching = candidates.filter((c) => (c.coverage ?? 0) >= MIN_COVERAGE || (c.similarity ?? -1) >= params.minSimilarity);
  const leads = new Map<string, { score: number; hits: number }>();
  for (const f of fuse(matching, params, DEFAULT_ARM_WEIGHTS)) {
    const leadId = f.hit.leadId;
    if (!leadId) continue;
    const l = leads.get(leadId) ?? { score: 0, hits: 0 };
    l.score = Math.max(l.score, f.score);
    l.hits++;
    leads.set(leadId, l);
  }
  return [...leads].sort(([a, x], [b, y]) => y.score - x.score || y.hits - x.hits || a.localeCompare(b)).map(([id]) => id);
}
