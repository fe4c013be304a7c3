import { z } from 'zod';
import { FOLLOW_UP_CHANNELS, PRIORITIES } from '../src/db/schema/index.js';
import { scheduleFollowUp } from '../src/crm/follow-ups/schedule.js';
import { formatLocal } from '../src/crm/time/zoned-time.js';
import { resolveUserRef } from '../src/crm/access/user-ref.js';
import { defineTool, WRITE } from './define.js';
import { FIELD } from '../src/crm/views/vocabulary.js';

export const scheduleFollowUpInput = z.strictObject({
  leadId: z.uuid().describe(FIELD.leadId),
  when: z
    .string()
    .trim()
    .min(2)
    .max(100)
    .describe('ISO 8601 (no offset: lead-local) or a phrase in the lead\'s zone, e.g. "next Tuesday at 3pm"; a bare day means 10:00.'),
  channel: z.enum(FOLLOW_UP_CHANNELS).default('call').describe('How to follow up.'),
  purpose: z.string().trim().min(1).max(200).describe('E.g. "Review auto quote"; one open follow-up per lead and purpose.'),
  priority: z.enum(PRIORITIES).default('normal').describe('Priority.'),
  notes: z.string().trim().min(1).max(2000).optional().describe('Instructions for the assignee.'),
  assignee: z.string().trim().min(1).max(64).default('me').describe(FIELD.userRef),
  contactId: z.uuid().optional().describe("Contact to reach (of the lead's client); their zone and consent apply."),
  acceptProposed: z.boolean().default(false).describe('Outside contact hours, use the nearest allowed time instead of proposing it.'),
});

export const scheduleFollowUpOutput = z.object({
  scheduled: z
    .boolean()
    .describe(
      'True when a follow-up now exists for this request (new, or the existing open one); false when the time was refused and a proposal returned.',
    ),
  existing: z.boolean().describe('True when an open follow-up for the same lead and purpose already existed; it is returned unchanged.'),
  followUpId: z.uuid().nullable().describe('Id of the follow-up; null when not scheduled.'),
  leadId: z.uuid().describe('The lead.'),
  channel: z.string().describe("Channel of the follow-up (the existing one's when existing)."),
  purpose: z.string().describe("Purpose of the follow-up (the existing one's when existing)."),
  dueAt: z.string().nullable().describe('Due time (ISO 8601, UTC); null when not scheduled.'),
  dueLocal: z.string().nullable().describe(FIELD.dueLocal),
  timezone: z.string().describe("The lead's IANA time zone used to read `when` and to check contact hours."),
  requestedDueAt: z.string().describe('The time `when` was read as (ISO 8601, UTC).'),
  proposedDueAt: z
    .string()
    .nullable()
    .describe('Nearest allowed time when the requested one was refused (or the time used with acceptProposed); null otherwise.'),
  proposedDueLocal: z.string().nullable().describe("proposedDueAt in the lead's time zone."),
  reason: z.string().nullable().describe('Why the requested time was refused, and how to proceed; null when scheduled.'),
  assignedUserId: z.uuid().nullable().describe('Who the follow-up is assigned to.'),
  warnings: z.array(z.string()).describe('Adjustments made.'),
  nextFollowUpAt: z.string().nullable().describe("The lead's next follow-up time after this call (earliest open follow-up, ISO 8601)."),
});

export const scheduleFollowUpTool = defineTool({
  name: 'schedule_follow_up',
  title: 'Schedule a follow-up',
  description:
    'Schedules a follow-up on a lead; an opted-out channel is refused. Calls and texts must fall in legal calling hours (8 AM-9 PM local, no Sundays or holidays), business hours and outside quiet hours: ' +
    'else scheduled: false with proposedDueAt and reason (retry with acceptProposed).',
  input: scheduleFollowUpInput,
  output: scheduleFollowUpOutput,
  annotations: WRITE,
  scope: 'crm:write',
  async handler(input, ctx) {
    const assignee = await resolveUserRef(ctx.db, input.assignee, ctx.actor.userId, 'assignee');
    const r = await scheduleFollowUp(ctx.db, {
      leadId: input.leadId,
      when: input.when,
      channel: input.channel,
      purpose: input.purpose,
      priority: input.priority,
      notes: input.notes,
      assignedUserId: assignee.id,
      contactId: input.contactId,
      acceptProposed: input.acceptProposed,
      createdByUserId: ctx.actor.userId,
      now: ctx.now,
      agencyZone: ctx.settings.agencyTimezone,
      businessHours: ctx.settings.businessHours,
    });
    const row = r.row;
    return {
      scheduled: r.scheduled,
      existing: r.existing,
      followUpId: row?.id ?? null,
      leadId: input.leadId,
      channel: row?.channel ?? input.channel,
      purpose: row?.purpose ?? input.purpose,
      dueAt: row?.dueAt.toISOString() ?? null,
      dueLocal: row ? formatLocal(row.dueAt, row.timezone) : null,
      timezone: r.zone,
      requestedDueAt: r.requestedDueAt.toISOString(),
      proposedDueAt: r.proposedDueAt?.toISOString() ?? null,
      proposedDueLocal: r.proposedDueAt ? formatLocal(r.proposedDueAt, r.zone) : null,
      reason: r.reason,
      assignedUserId: row?.assignedUserId ?? null,
      warnings: r.warnings,
      nextFollowUpAt: r.nextFollowUpAt?.toISOString() ?? null,
    };
  },
  summarize: (o) =>
    o.scheduled
      ? `${o.existing ? 'existing' : 'new'} follow-up ${o.followUpId} due ${o.dueAt} on lead ${o.leadId}`
      : `not scheduled; proposed ${o.proposedDueAt ?? 'none'}`,
});
