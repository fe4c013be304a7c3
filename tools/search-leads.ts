import { z } from 'zod';
import { rankLeadsByKnowledge } from '../src/crm/knowledge-lead-rank.js';
import { DEFAULT_LIMIT, LEAD_SORTS, leadSearchFilterFields, MAX_LIMIT, searchLeads } from '../src/crm/lead-search.js';
import { embedQuestion } from '../src/crm/vector-arm.js';
import { defineTool, READ_ONLY } from './define.js';

export const searchLeadsInput = z.strictObject({
  ...leadSearchFilterFields,
  sort: z.enum(LEAD_SORTS).optional().describe('Default: relevance with a query, else updated_at.'),
  order: z.enum(['asc', 'desc']).optional().describe('Default asc for x_date, next_follow_up_at; else desc. Nulls last.'),
  limit: z.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT).describe('Page size.'),
  cursor: z.string().max(500).optional().describe('nextCursor of the previous page (same filters).'),
});

const row = z.object({
  leadId: z.uuid().describe('Lead id (for get_lead, update_lead_status, add_note).'),
  clientId: z.uuid().describe('Client id (for get_client).'),
  clientName: z.string().describe('Client display name (person or business).'),
  clientType: z.enum(['individual', 'business']).describe('individual or business.'),
  status: z.string().describe('Status code.'),
  line: z.string().describe('Line of business code.'),
  xDate: z.string().nullable().describe('X-date (current policy expiry), YYYY-MM-DD.'),
  currentPremium: z.number().nullable().describe('Current annual premium, USD.'),
  quotedPremium: z.number().nullable().describe('Our quoted annual premium, USD.'),
  targetPremium: z.number().nullable().describe('Premium the prospect hopes for, USD.'),
  nextFollowUpAt: z.string().nullable().describe('Next follow-up (ISO 8601).'),
  aiScore: z.number().nullable().describe('AI likelihood to bind, 0-100.'),
  assignedUserHandle: z.string().nullable().describe('Assigned user handle.'),
  city: z.string().nullable().describe("City of the client's address."),
  state: z.string().nullable().describe("State of the client's address."),
  tags: z.array(z.string()).describe('Lead tags.'),
  relevance: z
    .number()
    .nullable()
    .describe(
      'Match score for the query (higher is better): +2 exact name/email, +1 partial name/email, plus up to 1 for matching notes and communications. Null without a query.',
    ),
});

export const searchLeadsOutput = z.object({
  leads: z.array(row).describe('One page of matching leads.'),
  total: z.number().int().describe('How many leads match in all pages.'),
  nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page.'),
  sort: z.string().describe('The sort applied.'),
  order: z.enum(['asc', 'desc']).describe('The direction applied.'),
});

export const searchLeadsTool = defineTool({
  name: 'search_leads',
  title: 'Search leads',
  description: 'Finds leads by filters and free text; compact rows, a total and nextCursor. get_lead reads one.',
  input: searchLeadsInput,
  output: searchLeadsOutput,
  annotations: READ_ONLY,
  scope: 'crm:read',
  // Embedding the free text may be a network call: outside any transaction.
  prepare: async (input, ctx) => (input.query ? (await embedQuestion(ctx.services.embedder, input.query)).vector : null),
  async handler(input, ctx, queryVector) {
    const { sort, order, limit, cursor, ...filters } = input;
    if (filters.assignedTo?.toLowerCase() === 'me') filters.assignedTo = ctx.actor.userId;
    // With an embedding model, free text ranks leads by hybrid search (words and meaning) over their knowledge.
    const textMatchLeadIds = queryVector
      ? (q: string) => rankLeadsByKnowledge(ctx.db, { question: q, vector: queryVector, filters, now: ctx.now, rrfK: ctx.settings.rrfK })
      : undefined;
    const page = await searchLeads(ctx.db, filters, { now: ctx.now, sort, order, limit, cursor, textMatchLeadIds });
    return { leads: page.rows, total: page.total, nextCursor: page.nextCursor, sort: page.sort, order: page.order };
  },
  summarize: (o) => `${o.leads.length} of ${o.total} leads${o.nextCursor ? ' (more)' : ''}`,
});
