/** The scope of a knowledge search and the full-text query, shared by both arms and the snippets. */
import { sql, type SQL } from 'drizzle-orm';
import { KNOWLEDGE_SOURCES, SOURCE_TYPES, type SourceType } from './sources.js';
import type { DbOrTx } from '../../db/client.js';
import { NotFoundError } from '../../errors.js';
import { matchingLeadIdsSql, type LeadSearchFilters } from '../leads/search-filters.js';
import { recordInBook, type Book } from '../access/book.js';

export interface KnowledgeScope {
  leadId?: string;
  clientId?: string;
  /** Default: all four. */
  sourceTypes?: readonly SourceType[];
  /** Occurred at or after. */
  since?: Date;
  /** Occurred before. */
  until?: Date;
  /** search_leads filters (its `query` is ignored): only knowledge about leads matching them. */
  leadFilters?: LeadSearchFilters;
  /** The time the lead filters' "due"/"overdue" are measured against. */
  now?: Date;
  /**
   * The leads matching `leadFilters`, resolved once by resolveLeadFilters; when set, every arm
   * filters by this list instead of running the filters' subquery in each of its branches.
   */
  leadIds?: readonly string[];
  /** Only records in this book of business (src/crm/access); absent: the whole book. */
  book?: Book;
}

export interface ArmHit {
  sourceType: SourceType;
  sourceId: string;
}

/**
 * The tsquery of a question. Web-search syntax ("phrase", -word, or) is honoured as written.
 * With `match: 'any'` a plain question is loosened to any-word (OR) matching, since a question's
 * words rarely all appear in one note and ranking rewards the texts that share more of them;
 * `'all'` keeps websearch_to_tsquery's every-word matching (a filter, as in search_leads).
 */
export function tsQuery(question: string, match: 'any' | 'all' = 'any'): SQL {
  const q = sql`websearch_to_tsquery('crm', ${question})`;
  return match === 'all' || /"|(^|\s)-\S|\bor\b/i.test(question) ? q : sql`replace(${q}::text, ' & ', ' | ')::tsquery`;
}

/** Source-level scope conditions of one source type (alias `s`). */
export function scopeConditions(type: SourceType, scope: KnowledgeScope): SQL[] {
  const s = KNOWLEDGE_SOURCES[type];
  const c: SQL[] = [s.eligible];
  if (scope.leadId) c.push(sql`${s.leadId} = ${scope.leadId}`);
  if (scope.clientId) c.push(sql`${s.clientId} = ${scope.clientId}`);
  if (scope.since) c.push(sql`${s.occurredAt} >= ${scope.since.toISOString()}`);
  if (scope.until) c.push(sql`${s.occurredAt} < ${scope.until.toISOString()}`);
  const leads = leadFilterCondition(scope, s.leadId);
  if (leads) c.push(leads);
  if (scope.book) c.push(recordInBook(scope.book, s.leadId, s.clientId));
  return c;
}

/**
 * The lead filter of a scope over a lead id column: the resolved ids, else the filters' subquery;
 * null without filters. The ids go in as a sub-select, not as a constant array: the planner
 * estimates "= any" of a constant array element by element (5-11 ms of planning per statement for
 * 680 ids). `indexed`: let the planner drive the scan by the lead id index (the vector arm's exact
 * scan); otherwise the condition only filters the rows another index found (`is true` is not
 * indexable; with it the full-text arm ANDed a 3,000-row lead index scan into every GIN scan).
 */
export function leadFilterCondition(scope: KnowledgeScope, leadId: SQL, indexed = false): SQL | null {
  if (scope.leadIds) {
    const ids = sql`${leadId} = any(array(select unnest(${sql.param([...scope.leadIds])}::uuid[])))`;
    return indexed ? ids : sql`(${ids}) is true`;
  }
  if (scope.leadFilters) return sql`${leadId} in (${matchingLeadIdsSql(scope.leadFilters, scope.now ?? new Date())})`;
  return null;
}

/**
 * Above this many matching leads the filters stay a subquery and the vector arm uses HNSW: with a
 * resolved list it scans the listed leads' vectors exactly (vector-arm.ts), which grows with them.
 */
export const MAX_RESOLVED_LEADS = 1000;

/**
 * The scope with its lead filters resolved to the matching lead ids (one query), so the arms'
 * statements, each with a branch per source type, do not each run the filters again. Unchanged
 * without filters, with ids already resolved, or when more than MAX_RESOLVED_LEADS leads match.
 */
export async function resolveLeadFilters<S extends KnowledgeScope>(db: DbOrTx, scope: S): Promise<S & Pick<KnowledgeScope, 'leadIds'>> {
  if (!scope.leadFilters || scope.leadIds) return scope;
  const r = await db.execute<{ ids: string[] | null; n: number }>(
    sql`select array_agg(id) as ids, count(*)::int as n from (${matchingLeadIdsSql(scope.leadFilters, scope.now ?? new Date())} limit ${MAX_RESOLVED_LEADS + 1}) x(id)`,
  );
  const row = r.rows[0];
  if (!row || Number(row.n) > MAX_RESOLVED_LEADS) return scope;
  return { ...scope, leadIds: row.ids ?? [] };
}

export function scopedTypes(scope: KnowledgeScope): SourceType[] {
  return SOURCE_TYPES.filter((t) => !scope.sourceTypes || scope.sourceTypes.includes(t));
}

/** NOT_FOUND unless the client exists (a scoped search of an unknown client is a mistake, not "nothing found"). */
export async function requireClient(db: DbOrTx, clientId: string): Promise<void> {
  const r = await db.execute(sql`select 1 from clients where id = ${clientId}`);
  if (!r.rows.length) throw new NotFoundError('client', clientId, 'Use search_leads to find the client id.');
}
