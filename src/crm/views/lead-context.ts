/**
 * A compact RAG context for one lead, for the agent and the MCP prompts: the lead in one line,
 * open follow-ups and tickets, the latest activity, and the notes/communications/tickets most
 * relevant to a question (by default to the lead's line and status: what matters at this stage).
 * Customer text is fenced, short customer fields cleaned. The rendered `text` is an outline that
 * points at the records by id; the customer text itself appears once, in the structured fields.
 */
import type { Book } from '../access/book.js';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { clients, insuranceTypes, leads, leadStatuses, users } from '../../db/schema/index.js';
import { NotFoundError } from '../../errors.js';
import { cleanField, type Fence } from './fence.js';
import { searchKnowledge } from '../knowledge/hybrid-search.js';
import { SOURCE_TYPES } from '../knowledge/sources.js';
import { leadTimeline, TIMELINE_KINDS } from './timeline.js';
import { embedQuestion, type VectorQuery } from '../knowledge/vector-arm.js';
import type { Embedder } from '../ports.js';
import { openFollowUps, openTickets, truncate } from './activity.js';
import { followUpView, ticketCardView } from './schemas.js';
import { FIELD } from './vocabulary.js';

export interface LeadContextOptions {
  /** What the context should be relevant to; default: the lead's line and status. */
  question?: string;
  /** The question already embedded (tools embed in `prepare`); otherwise `embedder` embeds it. */
  vector?: VectorQuery | null;
  fence: Fence;
  now: Date;
  rrfK?: number;
  /** The caller's book: the client's tickets on leads outside it are left out. */
  book?: Book;
  /** Latest events shown (default 6) and relevant snippets (default 5). */
  highlights?: number;
  relevant?: number;
}

const highlightView = z.object({
  kind: z.enum(TIMELINE_KINDS).describe('Kind of event.'),
  id: z.uuid().describe('Id of the record.'),
  at: z.string().describe(FIELD.at),
  title: z.string().describe('One line about the event (our own text).'),
  text: z.string().nullable().describe('Customer-written text, truncated and fenced, or null.'),
});

const relevantItemView = z.object({
  sourceType: z.enum(SOURCE_TYPES).describe(FIELD.sourceType),
  sourceId: z.uuid().describe(FIELD.citedSourceId),
  occurredAt: z.string().nullable().describe(FIELD.at),
  score: z.number().describe('Fused relevance to the question (higher is better).'),
  snippet: z.string().describe('The relevant passage, fenced.'),
});
export type RelevantItem = z.infer<typeof relevantItemView>;

/** The context as get_lead_context returns it (its output schema): everything but the outline `text`. */
export const leadContextView = z.object({
  leadId: z.uuid().describe('The lead.'),
  clientId: z.uuid().describe('Its client.'),
  clientName: z.string().describe('Client display name.'),
  summary: z.string().describe('The lead in one line: line, status, x-date, carrier, premiums, assignee, next follow-up.'),
  query: z.string().describe('What the relevant items were ranked against.'),
  mode: z.enum(['hybrid', 'fulltext']).describe('hybrid: words and meaning; fulltext: words only (no embedding model).'),
  highlights: z.array(highlightView).describe('Latest events.'),
  relevant: z.array(relevantItemView).describe('Records most relevant to the question.'),
  openFollowUps: z.array(followUpView).describe('Soonest first.'),
  openTickets: z.array(ticketCardView).describe("The client's."),
});

/** The context, with an outline of it (ids, dates, titles) in `text` that does not repeat the fenced texts (for prompts). */
export type LeadContext = z.infer<typeof leadContextView> & { text: string };

async function loadLead(db: DbOrTx, leadId: string) {
  const [row] = await db
    .select({ l: leads, clientName: clients.displayName, status: leadStatuses, line: insuranceTypes, handle: users.handle })
    .from(leads)
    .innerJoin(clients, eq(clients.id, leads.clientId))
    .innerJoin(leadStatuses, eq(leadStatuses.id, leads.statusId))
    .innerJoin(insuranceTypes, eq(insuranceTypes.id, leads.insuranceTypeId))
    .leftJoin(users, eq(users.id, leads.assignedUserId))
    .where(eq(leads.id, leadId))
    .limit(1);
  if (!row) throw new NotFoundError('lead', leadId, 'Use search_leads to find the lead id.');
  return row;
}

/** The caller's question, else what matters for the lead's line at its status. */
function contextQueryOf(row: Pick<Awaited<ReturnType<typeof loadLead>>, 'status' | 'line'>, question?: string): string {
  if (question?.trim()) return question.trim();
  return [row.line.aiPromptTemplate ?? row.line.name, row.status.aiPromptTemplate ?? row.status.name].join(' ');
}

/** The question a context is ranked against (see contextQueryOf); NOT_FOUND for an unknown lead. */
export async function leadContextQuery(db: DbOrTx, leadId: string, question?: string): Promise<string> {
  return contextQueryOf(await loadLead(db, leadId), question);
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '-');

/** Assembles the context; NOT_FOUND for an unknown lead. Embeds the query with `embedder` unless `opts.vector` is given. */
export async function getLeadContext(
  db: DbOrTx,
  embedder: Embedder | undefined,
  leadId: string,
  opts: LeadContextOptions,
): Promise<LeadContext> {
  const { l, status, line, handle, ...row } = await loadLead(db, leadId);
  const clientName = cleanField(row.clientName);
  const query = contextQueryOf({ status, line }, opts.question);
  const vector = opts.vector !== undefined ? opts.vector : (await embedQuestion(embedder, query)).vector;
  const highlights = await leadTimeline(db, leadId, { limit: opts.highlights ?? 6, fence: opts.fence });
  const shown = new Set(highlights.map((h) => h.id));
  const found = await searchKnowledge(db, {
    question: query,
    vector,
    leadId,
    limit: (opts.relevant ?? 5) + shown.size,
    rrfK: opts.rrfK,
    now: opts.now,
  });
  const relevant = found.hits
    .filter((h) => !shown.has(h.sourceId))
    .slice(0, opts.relevant ?? 5)
    .map((h) => ({
      sourceType: h.sourceType,
      sourceId: h.sourceId,
      occurredAt: h.occurredAt?.toISOString() ?? null,
      score: Number(h.score.toFixed(5)),
      snippet: opts.fence(truncate(h.snippet, 400).text, `${h.sourceType}:${h.sourceId}`)!,
    }));
  const followUps = await openFollowUps(db, { leadId }, opts.now, 10);
  const tickets = await openTickets(db, { clientId: l.clientId, book: opts.book }, opts.fence, 5);
  // An open ticket's text is in openTickets already; its highlight keeps the title only.
  const ticketIds = new Set(tickets.map((t) => t.id));
  for (const h of highlights) if (h.kind === 'ticket' && ticketIds.has(h.id)) h.text = null;

  const money = (v: string | null) => (v === null ? null : `$${Number(v).toLocaleString('en-US')}`);
  const facts = [
    `x-date ${l.xDate ?? 'unknown'}`,
    l.currentCarrier && `current carrier ${cleanField(l.currentCarrier)}`,
    money(l.currentPremium) && `current premium ${money(l.currentPremium)}`,
    money(l.quotedPremium) && `quoted ${money(l.quotedPremium)}`,
    `assigned to ${handle ? `@${handle}` : 'nobody'}`,
    l.nextFollowUpAt && `next follow-up ${l.nextFollowUpAt.toISOString()}`,
  ].filter(Boolean);
  // Customer-written names are quoted (JSON-escaped) so they read as a value, not as prose.
  const summary = `${line.name} lead for ${JSON.stringify(clientName)}, status ${status.name}; ${facts.join(', ')}.`;
  const text = [
    `Lead ${l.id} (client ${l.clientId}): ${summary}`,
    `Open follow-ups:${followUps.length ? '' : ' none'}`,
    ...followUps.map((f) => `- due ${f.dueAt}${f.overdue ? ' (OVERDUE)' : ''}, ${f.channel}, ${f.priority}: ${JSON.stringify(f.purpose)}`),
    `Open tickets of the client:${tickets.length ? '' : ' none'}`,
    ...tickets.map((t) => `- T-${t.ticketNumber} ${t.id} [${t.status}, ${t.priority}] opened ${day(t.openedAt)}`),
    `Latest activity (texts in highlights):${highlights.length ? '' : ' none'}`,
    ...highlights.map((h) => `- ${day(h.at)} ${h.title} (${h.kind} ${h.id})`),
    `Most relevant to ${JSON.stringify(truncate(cleanField(query), 120).text)} (snippets in relevant):${relevant.length ? '' : ' nothing found'}`,
    ...relevant.map((r) => `- ${r.sourceType} ${r.sourceId}, ${day(r.occurredAt)}`),
  ].join('\n');
  return {
    leadId: l.id,
    clientId: l.clientId,
    clientName,
    summary,
    query,
    mode: vector ? 'hybrid' : 'fulltext',
    highlights,
    relevant,
    openFollowUps: followUps,
    openTickets: tickets,
    text,
  };
}
