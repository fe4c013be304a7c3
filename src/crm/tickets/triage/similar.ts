/** Similar resolved tickets by full text: the ticket's key terms OR-ed, ranked by ts_rank. */
import { and, desc, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { supportTickets } from '../../../db/schema/index.js';

export interface SimilarTicket {
  id: string;
  ticketNumber: number;
  subject: string;
  category: string | null;
  resolution: string;
  resolvedAt: Date | null;
  /** ts_rank score; higher is closer. */
  rank: number;
}

/**
 * Builds a tsquery source that ORs the terms. Terms are plain words (see `keyTerms`); anything
 * else is dropped so a term can never inject tsquery operators.
 */
export function orQuery(terms: readonly string[]): string | null {
  const clean = [...new Set(terms.filter((t) => /^[a-z0-9]+$/.test(t)))];
  return clean.length ? clean.join(' | ') : null;
}

/**
 * Up to `limit` resolved or closed tickets with a resolution that share terms with the given
 * ones, best first; excludes `excludeId`. Uses the `english` config, like the search_vector.
 */
export async function findSimilarResolved(
  db: DbOrTx,
  opts: { terms: readonly string[]; excludeId?: string; limit?: number },
): Promise<SimilarTicket[]> {
  const q = orQuery(opts.terms);
  if (!q) return [];
  const query = sql`to_tsquery('english', ${q})`;
  const rank = sql<number>`ts_rank(${supportTickets.searchVector}, ${query})`;
  const rows = await db
    .select({
      id: supportTickets.id,
      ticketNumber: supportTickets.ticketNumber,
      subject: supportTickets.subject,
      category: supportTickets.category,
      resolution: supportTickets.resolution,
      resolvedAt: supportTickets.resolvedAt,
      rank,
    })
    .from(supportTickets)
    .where(
      and(
        inArray(supportTickets.status, ['resolved', 'closed']),
        isNotNull(supportTickets.resolution),
        opts.excludeId ? ne(supportTickets.id, opts.excludeId) : undefined,
        sql`${supportTickets.searchVector} @@ ${query}`,
      ),
    )
    .orderBy(desc(rank), sql`${supportTickets.resolvedAt} desc nulls last`, supportTickets.id)
    .limit(opts.limit ?? 3);
  return rows.map((r) => ({ ...r, resolution: r.resolution ?? '', rank: Math.round(Number(r.rank) * 10_000) / 10_000 }));
}
