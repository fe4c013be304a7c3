import { z } from 'zod';
import { FIELD } from '../src/crm/views/vocabulary.js';
import { completeFollowUp } from '../src/crm/follow-ups/complete.js';
import { defineTool, IDEMPOTENT_WRITE } from './define.js';

export const completeFollowUpInput = z.strictObject({
  followUpId: z.uuid().describe(FIELD.followUpId),
  outcome: z.string().trim().min(1).max(2000).optional().describe('What came of it.'),
  cancel: z.boolean().default(false).describe('Cancel instead (no longer needed).'),
});

export const completeFollowUpOutput = z.object({
  followUpId: z.uuid().describe('The follow-up.'),
  leadId: z.uuid().nullable().describe('Its lead, when it has one.'),
  status: z.string().describe('Status now: completed or cancelled.'),
  changed: z.boolean().describe('False when it already had that status (a repeated call): nothing was written.'),
  completedAt: z.string().nullable().describe('When it was completed (ISO 8601); null when cancelled.'),
  nextFollowUpAt: z.string().nullable().describe("The lead's next open follow-up time after this change (ISO 8601); null when none."),
});

export const completeFollowUpTool = defineTool({
  name: 'complete_follow_up',
  title: 'Complete a follow-up',
  description: 'Completes or cancels a follow-up; repeating is a no-op. Log the contact itself with log_communication.',
  input: completeFollowUpInput,
  output: completeFollowUpOutput,
  annotations: IDEMPOTENT_WRITE,
  scope: 'crm:write',
  async handler(input, ctx) {
    const r = await completeFollowUp(ctx.db, {
      id: input.followUpId,
      outcome: input.outcome,
      cancel: input.cancel,
      userId: ctx.actor.userId,
      now: ctx.now,
    });
    return {
      followUpId: r.row.id,
      leadId: r.row.leadId,
      status: r.row.status,
      changed: r.changed,
      completedAt: r.row.completedAt?.toISOString() ?? null,
      nextFollowUpAt: r.nextFollowUpAt?.toISOString() ?? null,
    };
  },
  summarize: (o) => `follow-up ${o.followUpId} ${o.changed ? '' : 'already '}${o.status}`,
});
