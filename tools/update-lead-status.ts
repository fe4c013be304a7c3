import { z } from 'zod';
import { changeLeadStatus, statusChangeView } from '../src/crm/leads/status.js';
import { defineTool, IDEMPOTENT_WRITE } from './define.js';
import { FIELD } from '../src/crm/views/vocabulary.js';

export const updateLeadStatusInput = z.strictObject({
  leadId: z.uuid().describe(FIELD.leadId),
  status: z.string().trim().toLowerCase().min(1).max(40).describe("A status in the lead's allowedNext (get_lead)."),
  lostReason: z.string().trim().min(3).max(500).optional().describe('Required for lost, only then.'),
  quotedPremium: z.number().min(0).max(100_000_000).optional().describe('USD/year; only with quoted.'),
});

export const updateLeadStatusTool = defineTool({
  name: 'update_lead_status',
  title: 'Move a lead along',
  description: 'Moves a lead along its allowedNext (else INVALID_TRANSITION listing them); repeating is a no-op.',
  input: updateLeadStatusInput,
  output: statusChangeView,
  annotations: IDEMPOTENT_WRITE,
  scope: 'crm:write',
  async handler(input, ctx) {
    const r = await changeLeadStatus(ctx.db, input, ctx.now);
    return { ...r, statusChangedAt: r.statusChangedAt?.toISOString() ?? null };
  },
  summarize: (o) => (o.changed ? `lead ${o.leadId}: ${o.previousStatus} -> ${o.status}` : `lead ${o.leadId} already ${o.status}`),
});
