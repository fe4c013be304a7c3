import { z } from 'zod';
import { getClientSummary, getClientView } from '../src/crm/views/client.js';
import { defineTool, READ_ONLY } from './define.js';
import { detailInput } from '../src/crm/views/schemas.js';
import { clientReadView } from '../src/crm/views/reads.js';
import { FIELD } from '../src/crm/views/vocabulary.js';

export const getClientInput = z.strictObject({
  clientId: z.uuid().describe(FIELD.clientId),
  detail: detailInput,
});

export const getClientTool = defineTool({
  name: 'get_client',
  title: 'Get a client',
  description:
    'One client across its leads: summary (contacts, open leads with consent, latest events, open work) or full (adds addresses and records).',
  input: getClientInput,
  output: clientReadView,
  annotations: READ_ONLY,
  scope: 'crm:read',
  async handler(input, ctx) {
    const opts = { fence: ctx.fence, now: ctx.now, book: ctx.book };
    if (input.detail === 'summary') return { detail: 'summary' as const, ...(await getClientSummary(ctx.db, input.clientId, opts)) };
    return { detail: 'full' as const, ...(await getClientView(ctx.db, input.clientId, opts)) };
  },
  summarize: (o) => `client ${o.client.id}: ${o.openLeads.length} open leads, ${o.detail}`,
});
