import { z } from 'zod';
import { rankLeadsByKnowledge } from '../src/crm/knowledge/lead-rank.js';
import { DEFAULT_LIMIT, LEAD_SORTS, leadSearchRow, MAX_LIMIT, searchLeads } from '../src/crm/leads/search.js';
import { leadSearchFilterFields } from '../src/crm/leads/search-filters.js';
import { embedQuestion } from '../src/crm/knowledge/vector-arm.js';
import { defineTool, READ_ONLY } from './define.js';
import { detailInput } from '../src/crm/views/schemas.js';
import { FIELD } from '../src/crm/views/vocabulary.js';

export const searchLeadsInput = z.strictObject({
  ...leadSearchFilterFields,
  sort: z.enum(LEAD_SORTS).optional().describe('Default: relevance with a query, else updated_at.'),
  order: z.enum(['asc', 'desc']).optional().describe('Default asc for x_date, next_follow_up_at; else desc. Nulls last.'),
  limit: z.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT).describe(FIELD.pageSize),
  detail: detailInput,
  cursor: z.string().max(500).optional().describe(FIELD.cursor),
});

// Summary rows have the fields to pick a lead by, empty ones left out; full rows have every field.
const row = z.object({
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
    const { sort, order, limit, cursor, detail, ...filters } = input;
    if (filters.assignedTo?.toLowerCase() === 'me') filters.assignedTo = ctx.actor.userId;
    // With an embedding model, free text ranks leads by hybrid search (words and meaning) over their knowledge.
    const textMatchLeadIds = queryVector
      ? (q: string) =>
          rankLeadsByKnowledge(ctx.db, {
            question: q,
            vector: queryVector,
            filters,
            now: ctx.now,
            rrfK: ctx.settings.rrfK,
            fusion: ctx.settings.fusion,
          })
      : undefined;
    const page = await searchLeads(ctx.db, filters, { now: ctx.now, sort, order, limit, cursor, textMatchLeadIds });
    return {
      leads: page.rows.map((r) => leadSearchRow(r, detail)),
      total: page.total,
      nextCursor: page.nextCursor,
      sort: page.sort,
      order: page.order,
    };
  },
  summarize: (o) => `${o.leads.length} of ${o.total} leads${o.nextCursor ? ' (more)' : ''}`,
});
