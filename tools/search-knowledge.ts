import { z } from 'zod';
import { searchKnowledge } from '../src/crm/knowledge/hybrid-search.js';
import { requireClient } from '../src/crm/knowledge/scope.js';
import { SOURCE_TYPES } from '../src/crm/knowledge/sources.js';
import { requireLead } from '../src/crm/leads/lookup.js';
import { isoInstant } from '../src/crm/leads/search-filters.js';
import { embedQuestion } from '../src/crm/knowledge/vector-arm.js';
import { knowledgeHitView, knowledgeHitViewOf } from '../src/crm/views/knowledge-hit.js';
import { defineTool, READ_ONLY } from './define.js';
import { FIELD } from '../src/crm/views/vocabulary.js';

export const searchKnowledgeInput = z.strictObject({
  question: z.string().trim().min(1).max(500).describe('Plain words or "phrase", -word, or.'),
  leadId: z.uuid().optional().describe(FIELD.onlyThisLead),
  clientId: z.uuid().optional().describe('Only this client (all its leads).'),
  sourceTypes: z.array(z.enum(SOURCE_TYPES)).min(1).max(4).optional().describe('Default all; ai_interaction = past AI answers.'),
  since: isoInstant.optional().describe('From (ISO date or datetime).'),
  until: isoInstant.optional().describe('Before.'),
  limit: z.number().int().min(1).max(25).default(8).describe('How many snippets.'),
});

export const searchKnowledgeOutput = z.object({
  mode: z.enum(['hybrid', 'fulltext']).describe('fulltext: words only (no embedding model).'),
  notice: z.string().nullable().describe('Why the search ran in fulltext mode, or null.'),
  hits: z.array(knowledgeHitView).describe('Best first; cite sourceType and sourceId.'),
  lowConfidence: z.boolean().describe('Nothing matched well: hits are guesses; say so.'),
  collapsed: z.number().int().describe('Near-duplicates left out.'),
});

export const searchKnowledgeTool = defineTool({
  name: 'search_knowledge',
  title: 'Search records',
  description: 'Searches notes, communications, tickets and past AI answers by words and meaning; cited snippets.',
  input: searchKnowledgeInput,
  output: searchKnowledgeOutput,
  annotations: READ_ONLY,
  scope: 'crm:read',
  // The embedding call may go over the network: outside any transaction.
  prepare: (input, ctx) => embedQuestion(ctx.services.embedder, input.question),
  async handler(input, ctx, prepared) {
    if (input.leadId) await requireLead(ctx.db, input.leadId);
    if (input.clientId) await requireClient(ctx.db, input.clientId);
    const result = await searchKnowledge(ctx.db, {
      question: input.question,
      vector: prepared.vector,
      leadId: input.leadId,
      clientId: input.clientId,
      sourceTypes: input.sourceTypes,
      since: input.since ? new Date(input.since) : undefined,
      until: input.until ? new Date(input.until) : undefined,
      limit: input.limit,
      rrfK: ctx.settings.rrfK,
      fusion: ctx.settings.fusion,
      now: ctx.now,
      book: ctx.book,
    });
    return {
      mode: result.mode === 'hybrid' ? ('hybrid' as const) : ('fulltext' as const),
      notice: prepared.notice,
      lowConfidence: result.lowConfidence,
      collapsed: result.collapsed,
      hits: result.hits.map((h) => knowledgeHitViewOf(h, ctx.fence)),
    };
  },
  summarize: (o) => `${o.hits.length} snippets (${o.mode})`,
});
