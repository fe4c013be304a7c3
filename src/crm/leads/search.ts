/**
 * Lead search: filters, free text (client name/email plus full text over the lead's notes and
 * communications, ranked), sorting and keyset pagination with a total count.
 *
 * Free text has two sources of matching leads, added together into `relevance`:
 * - the client's display name, business/DBA name or email containing the query (ILIKE): +2 for an
 *   exact name/email match, +1 for a partial one;
 * - a text score in [0, 1): by default the best `ts_rank` of the lead's notes and communications
 *   against crm_tsquery(q) (web-search syntax, insurance vocabulary); or, in hybrid mode, the caller's ranked lead ids
 *   (`opts.textMatchLeadIds`), scored by position.
 */
import { leadAssigneeInBook, type Book } from '../access/book.js';
import { and, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { addresses, clients, insuranceTypes, leadCommunications, leadNotes, leads, leadStatuses, users } from '../../db/schema/index.js';
import { ValidationError } from '../../errors.js';
import { decodeCursor, encodeCursor, type CursorScope } from '../cursor.js';
import { cleanField } from '../views/fence.js';
import { assertFiltersValid, LEAD_FROM, leadFilterConditions, type LeadSearchFilters } from './search-filters.js';
import { type Compact, dropNulls, sec } from '../views/summary.js';
import { num } from '../views/format.js';
import { FIELD } from '../views/vocabulary.js';

export const LEAD_SORTS = ['relevance', 'x_date', 'next_follow_up_at', 'created_at', 'updated_at', 'ai_score'] as const;
export type LeadSort = (typeof LEAD_SORTS)[number];
export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 100;
/** Most ids a hybrid ranker may hand us; more would not change the first pages. */
const MAX_RANKED_IDS = 1000;

export interface LeadSearchOptions {
  /** The time "due" and "overdue" are measured against. */
  now: Date;
  /**
   * Hybrid mode: returns the lead ids matching `q`, best first (e.g. fused vector + full-text
   * ranks), replacing the built-in full-text match over notes and communications. Returning
   * undefined (no embedder configured, say) falls back to the built-in full text. Called before any
   * query runs, so it may be slow; it is never called inside our queries.
   */
  textMatchLeadIds?: (q: string) => Promise<string[]> | undefined;
  /** Only leads in this book of business (src/crm/access); absent: the whole book. */
  book?: Book;
  /** Default: relevance with a query, else updated_at. */
  sort?: LeadSort;
  /** Default: asc for x_date and next_follow_up_at (soonest first), desc otherwise. */
  order?: 'asc' | 'desc';
  /** nextCursor of the previous page. */
  cursor?: string;
  /** Page size, 1-100; default 20. */
  limit?: number;
}

/**
 * A search row, its zod schema the tool's output: summary rows have the fields to pick a lead by,
 * empty ones left out; full rows have every field. `relevance` is the free-text score, null
 * without a query.
 */
export const leadSearchRowView = z.object({
  leadId: z.uuid().describe('Lead id (for get_lead, update_lead_status, add_note).'),
  clientId: z.uuid().describe('Client id (for get_client).'),
  clientName: z.string().describe(FIELD.clientName),
  status: z.string().describe(FIELD.statusCode),
  line: z.string().describe(FIELD.line),
  xDate: z.string().nullable().optional().describe(FIELD.xDate),
  currentPremium: z.number().nullable().optional().describe(FIELD.currentPremium),
  nextFollowUpAt: z.string().nullable().optional().describe('Next follow-up (ISO 8601).'),
  assignedUserHandle: z.string().nullable().optional().describe(FIELD.assignedUserHandle),
  relevance: z
    .number()
    .nullable()
    .optional()
    .describe('Match score for the query (higher is better): +2 exact name/email, +1 partial, plus up to 1 for notes and communications.'),
  clientType: z.enum(['individual', 'business']).optional().describe('Full: individual or business.'),
  quotedPremium: z.number().nullable().optional().describe('Full: our quoted annual premium, USD.'),
  targetPremium: z.number().nullable().optional().describe('Full: premium the prospect hopes for, USD.'),
  aiScore: z.number().nullable().optional().describe('Full: AI likelihood to bind, 0-100.'),
  city: z.string().nullable().optional().describe("Full: city of the client's address."),
  state: z.string().nullable().optional().describe("Full: state of the client's address."),
  tags: z.array(z.string()).optional().describe('Full: lead tags.'),
});
/** A row as searchLeads finds it (and as `detail: "full"` shows it): every field present. */
export type LeadSearchRow = Required<z.infer<typeof leadSearchRowView>>;

export interface LeadSearchPage {
  rows: LeadSearchRow[];
  /** All leads matching the filters and query, across pages. */
  total: number;
  /** Pass back to get the next page; null on the last page. */
  nextCursor: string | null;
  sort: LeadSort;
  order: 'asc' | 'desc';
}

/** ISO 8601 UTC text of a timestamptz expression, computed in SQL so microseconds never get rounded by a JS Date. */
const isoText = (e: SQL | typeof leads.nextFollowUpAt) => sql`to_char(${e} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The sort key expression and the Postgres type its text form casts back to (for the keyset bound). */
function sortKey(sort: LeadSort, relevance: SQL): { expr: SQL; type: SQL } {
  switch (sort) {
    case 'relevance':
      return { expr: relevance, type: sql.raw('numeric') };
    case 'x_date':
      return { expr: sql`${leads.xDate}`, type: sql.raw('date') };
    case 'next_follow_up_at':
      return { expr: sql`${leads.nextFollowUpAt}`, type: sql.raw('timestamptz') };
    case 'created_at':
      return { expr: sql`${leads.createdAt}`, type: sql.raw('timestamptz') };
    case 'updated_at':
      return { expr: sql`${leads.updatedAt}`, type: sql.raw('timestamptz') };
    case 'ai_score':
      return { expr: sql`${leads.aiScore}::int`, type: sql.raw('int') };
  }
}

/**
 * Built-in full text: (lead_id, score in [0,1)) for leads whose notes or communications match.
 * ts_rank normalisation 32 maps rank r to r/(r+1).
 */
export function fullTextLeadScoresSql(q: string): SQL {
  const tsq = sql`crm_tsquery(${q})`;
  return sql`select lead_id, max(score)::float8 as score from (
      select ${leadNotes.leadId} as lead_id, ts_rank(${leadNotes.searchVector}, ${tsq}, 32) as score
        from ${leadNotes} where ${leadNotes.searchVector} @@ ${tsq}
      union all
      select ${leadCommunications.leadId}, ts_rank(${leadCommunications.searchVector}, ${tsq}, 32)
        from ${leadCommunications} where ${leadCommunications.searchVector} @@ ${tsq}
    ) hits group by lead_id`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Hybrid: (lead_id, score in (0,1)) from a ranked id list, first = highest. */
function rankedIdScoresSql(ids: string[]): SQL {
  const clean = [...new Set(ids.filter((id) => UUID.test(id)))].slice(0, MAX_RANKED_IDS);
  const n = clean.length;
  // A text[] literal of validated uuids: one bound parameter however many ids there are.
  return sql`select id as lead_id, (${n} - ord + 1)::float8 / (${n} + 1) as score
    from unnest(${`{${clean.join(',')}}`}::uuid[]) with ordinality as r(id, ord)`;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Searches leads; see LeadSearchOptions for sorting and paging. Throws ValidationError on bad filters or cursor. */
export async function searchLeads(db: DbOrTx, filters: LeadSearchFilters, opts: LeadSearchOptions): Promise<LeadSearchPage> {
  const q = filters.query?.trim() || undefined;
  const sort: LeadSort = opts.sort ?? (q ? 'relevance' : 'updated_at');
  if (sort === 'relevance' && !q) {
    throw new ValidationError(
      'Sorting by relevance needs a query.',
      [{ field: 'sort', message: 'relevance needs query' }],
      'Pass a query, or sort by another field.',
    );
  }
  const order = opts.order ?? (sort === 'x_date' || sort === 'next_follow_up_at' ? 'asc' : 'desc');
  const limit = Math.min(Math.max(Math.trunc(opts.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  const scope: CursorScope = { sort, order, filters: { ...filters, query: q } };
  const after = opts.cursor ? decodeCursor(opts.cursor, scope) : undefined;
  await assertFiltersValid(db, filters);

  const ranked = q ? await opts.textMatchLeadIds?.(q) : undefined;
  const textScores = q ? (ranked ? rankedIdScoresSql(ranked) : fullTextLeadScoresSql(q)) : undefined;

  const conds = leadFilterConditions(filters, opts.now);
  if (opts.book) conds.push(leadAssigneeInBook(opts.book, sql`${leads.assignedUserId}`));
  let relevance: SQL = sql`null::numeric`;
  if (q) {
    const pat = `%${escapeLike(q)}%`;
    const partial = sql`(${clients.displayName} ilike ${pat} or ${clients.email} ilike ${pat} or ${clients.businessName} ilike ${pat} or ${clients.dbaName} ilike ${pat})`;
    const exact = sql`(lower(${clients.displayName}) = lower(${q}) or lower(${clients.email}) = lower(${q}) or lower(${clients.dbaName}) = lower(${q}))`;
    conds.push(sql`(${partial} or tm.lead_id is not null)`);
    // Rounded so the value survives the cursor round trip exactly.
    relevance = sql`round((case when ${exact} then 2 when ${partial} then 1 else 0 end + coalesce(tm.score, 0))::numeric, 6)`;
  }
  const from = textScores ? sql`${LEAD_FROM} left join (${textScores}) tm on tm.lead_id = ${leads.id}` : LEAD_FROM;
  const where = conds.length ? and(...conds)! : sql`true`;

  const { expr, type } = sortKey(sort, relevance);
  const dir = sql.raw(order);
  let keyset: SQL = sql`true`;
  if (after) {
    const cmp = sql.raw(order === 'asc' ? '>' : '<');
    // Nulls sort last in both directions.
    keyset =
      after.key === null
        ? sql`(${expr} is null and ${leads.id} ${cmp} ${after.id})`
        : sql`(${expr} ${cmp} ${after.key}::${type} or (${expr} = ${after.key}::${type} and ${leads.id} ${cmp} ${after.id}) or ${expr} is null)`;
  }

  const page = await db.execute<{
    lead_id: string;
    client_id: string;
    client_name: string;
    client_type: 'individual' | 'business';
    status: string;
    line: string;
    x_date: string | null;
    current_premium: string | null;
    quoted_premium: string | null;
    target_premium: string | null;
    next_follow_up_at: string | null;
    ai_score: number | null;
    handle: string | null;
    city: string | null;
    state: string | null;
    tags: string[];
    relevance: string | null;
    sort_key: string | null;
    total: number;
  }>(sql`select ${leads.id} as lead_id, ${leads.clientId} as client_id, ${clients.displayName} as client_name,
      ${clients.clientType} as client_type, ${leadStatuses.code} as status, ${insuranceTypes.code} as line,
      ${leads.xDate}::text as x_date, ${leads.currentPremium}::text as current_premium,
      ${leads.quotedPremium}::text as quoted_premium, ${leads.targetPremium}::text as target_premium,
      ${isoText(leads.nextFollowUpAt)} as next_follow_up_at, ${leads.aiScore}::int as ai_score,
      ${users.handle} as handle, ${addresses.city} as city, ${addresses.state} as state, ${leads.tags} as tags,
      ${relevance}::text as relevance, (${expr})::text as sort_key,
      (select count(*)::int from ${from} where ${where}) as total
    from ${from}
    where ${where} and ${keyset}
    order by (${expr}) is null, ${expr} ${dir}, ${leads.id} ${dir}
    limit ${limit + 1}`);
  // The total comes with the page, in the same statement (a round trip less; inside the subquery
  // the table names are the subquery's own); only an empty page needs its own count.
  const total =
    page.rows[0]?.total ?? (await db.execute<{ n: number }>(sql`select count(*)::int as n from ${from} where ${where}`)).rows[0]?.n ?? 0;

  const more = page.rows.length > limit;
  const rows = page.rows.slice(0, limit);
  const last = rows.at(-1);
  return {
    rows: rows.map((r) => ({
      leadId: r.lead_id,
      clientId: r.client_id,
      // Customer-written: cleaned of fence markers and line breaks (fence.ts).
      clientName: cleanField(r.client_name),
      clientType: r.client_type,
      status: r.status,
      line: r.line,
      xDate: r.x_date,
      currentPremium: num(r.current_premium),
      quotedPremium: num(r.quoted_premium),
      targetPremium: num(r.target_premium),
      nextFollowUpAt: r.next_follow_up_at,
      aiScore: r.ai_score,
      assignedUserHandle: r.handle,
      city: cleanField(r.city),
      state: cleanField(r.state),
      tags: r.tags.map((t) => cleanField(t)),
      relevance: num(r.relevance),
    })),
    total,
    nextCursor: more && last ? encodeCursor(scope, { key: page.rows[limit - 1]!.sort_key, id: last.lead_id }) : null,
    sort,
    order,
  };
}

/** A search row as `detail: "summary"` shows it: the fields to pick a lead by, empty ones left out. */
export type LeadSearchSummaryRow = Compact<
  Pick<
    LeadSearchRow,
    | 'leadId'
    | 'clientId'
    | 'clientName'
    | 'status'
    | 'line'
    | 'xDate'
    | 'currentPremium'
    | 'nextFollowUpAt'
    | 'assignedUserHandle'
    | 'relevance'
  >
>;

/** The row for the requested detail: full is the row as found, summary the fields to choose by. */
export function leadSearchRow(r: LeadSearchRow, detail: 'summary' | 'full'): LeadSearchRow | LeadSearchSummaryRow {
  if (detail === 'full') return r;
  return dropNulls({
    leadId: r.leadId,
    clientId: r.clientId,
    clientName: r.clientName,
    status: r.status,
    line: r.line,
    xDate: r.xDate,
    currentPremium: r.currentPremium,
    nextFollowUpAt: sec(r.nextFollowUpAt),
    assignedUserHandle: r.assignedUserHandle,
    relevance: r.relevance,
  });
}
