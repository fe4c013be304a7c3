import { z } from 'zod';
import { changeLeadStatus } from '../src/crm/leads.js';
import { defineTool, IDEMPOTENT_WRITE } from './define.js';

export const updateLeadStatusInput = z.strictObject({
  leadId: z.uuid().describe('Id of the lead (from search_leads or get_lead).'),
  status: z
    .string()
    .trim()
    .toLowerCase()
    .min(1)
    .max(40)
    .describe(
      "New status code. Only the moves in the lead's allowedNext (see get_lead) are permitted, e.g. new -> contacted -> qualified -> quoting -> quoted -> proposal_sent -> won.",
    ),
  lostReason: z
    .string()
    .trim()
    .min(3)
    .max(500)
    .optional()
    .describe('Why the lead was lost; required when status is lost, refused otherwise.'),
  quotedPremium: z.number().min(0).max(100_000_000).optional().describe('The quoted annual premium, USD; only when status is quoted.'),
});

export const updateLeadStatusOutput = z.object({
  leadId: z.uuid().describe('The lead.'),
  previousStatus: z.string().describe('Status before the call.'),
  status: z.string().describe('Status now.'),
  changed: z.boolean().describe('False when the lead already had this status (nothing changed).'),
  statusChangedAt: z.string().nullable().describe('When the status last changed (ISO 8601).'),
  allowedNext: z.array(z.string()).describe('Where the lead may move from here.'),
});

export const updateLeadStatusTool = defineTool({
  name: 'update_lead_status',
  title: 'Move a lead to another status',
  description:
    'Moves a lead to a status in its allowedNext (else INVALID_TRANSITION listing them), stamping the date. lost needs lostReason; quoted may set quotedPremium. Repeating the current status: changed false.',
  input: updateLeadStatusInput,
  output: updateLeadStatusOutput,
  annotations: IDEMPOTENT_WRITE,
  scope: 'crm:write',
  async handler(input, ctx) {
    const r = await changeLeadStatus(ctx.db, input, ctx.now);
    return { ...r, statusChangedAt: r.statusChangedAt?.toISOString() ?? null };
  },
  summarize: (o) => (o.changed ? `lead ${o.leadId}: ${o.previousStatus} -> ${o.status}` : `lead ${o.leadId} already ${o.status}`),
});
