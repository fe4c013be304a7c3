import { z } from 'zod';
import { rankLeadsByKnowledge } from '../src/crm/knowledge/lead-rank.js';
import { DEFAULT_LIMIT, LEAD_SORTS, leadSearchRow, leadSearchRowView, MAX_LIMIT, searchLeads } from '../src/crm/leads/search.js';
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

export const searchLeadsOutput = z.object({
  leads: z.array(leadSearchRowView).describe('One page of matching leads.'),
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
            book: ctx.book,
            rrfK: ctx.settings.rrfK,
            fusion: ctx.settings.fusion,
          })
      : undefined;
    const page = await searchLeads(ctx.db, filters, { now: ctx.now, book: ctx.book, sort, order, limit, cursor, textMatchLeadIds });
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
