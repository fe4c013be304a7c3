import { z } from 'zod';
import { hasScope } from '../src/crm/access/actor.js';
import { getLeadSummary } from '../src/crm/views/lead-summary.js';
import { getLeadView } from '../src/crm/views/lead.js';
import { AppError } from '../src/errors.js';
import { defineTool, READ_ONLY, type ToolContext } from './define.js';
import { detailInput, includePiiInput } from '../src/crm/views/schemas.js';
import { leadReadView } from '../src/crm/views/reads.js';
import { FIELD } from '../src/crm/views/vocabulary.js';

export const getLeadInput = z.strictObject({
  leadId: z.uuid().describe(FIELD.leadId),
  detail: detailInput,
  includePii: includePiiInput,
});

/** includePii needs the crm:pii scope: refused, not silently ignored. */
export function assertPiiAllowed(includePii: boolean, ctx: Pick<ToolContext, 'actor'>): void {
  if (includePii && !hasScope(ctx.actor, 'crm:pii')) {
    throw new AppError('FORBIDDEN', 'includePii needs the crm:pii scope, which this caller does not hold.', {
      hint: 'Call again without includePii (licence numbers, dates of birth and VINs come masked), or use a token created with --scopes crm:pii.',
    });
  }
}

export const getLeadTool = defineTool({
  name: 'get_lead',
  title: 'Get a lead',
  description:
    'One lead: summary (~2 KB: facts, client, contacts, consent, latest events, open work) or full (adds line details and records).',
  input: getLeadInput,
  output: leadReadView,
  annotations: READ_ONLY,
  scope: 'crm:read',
  async handler(input, ctx) {
    assertPiiAllowed(input.includePii, ctx);
    const opts = { fence: ctx.fence, now: ctx.now, includePii: input.includePii, book: ctx.book };
    if (input.detail === 'summary') return getLeadSummary(ctx.db, input.leadId, opts);
    return { detail: 'full' as const, ...(await getLeadView(ctx.db, input.leadId, opts)) };
  },
  summarize: (o) => `lead ${o.lead.id} (${o.lead.status}, ${o.lead.line}) of ${o.client.id}, ${o.detail}`,
  // Both details read the lead filtered by ctx.book first (loadLeadWithClient): no separate probe.
  bookCheckedInRead: ['leadId'],
});
