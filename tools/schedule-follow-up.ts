import { z } from 'zod';
import { FOLLOW_UP_CHANNELS, PRIORITIES } from '../src/db/schema/index.js';
import { scheduleFollowUp } from '../src/crm/follow-ups.js';
import { formatLocal } from '../src/crm/time/zoned-time.js';
import { resolveUserRef } from '../src/crm/user-ref.js';
import { defineTool, WRITE } from './define.js';

export const scheduleFollowUpInput = z.strictObject({
  leadId: z.uuid().describe('Id of the lead to follow up on (from search_leads or get_lead).'),
  when: z
    .string()
    .trim()
    .min(2)
    .max(100)
    .describe(
      'When it is due: ISO 8601 (with offset, or without one to mean the lead\'s local time) or a phrase read in the lead\'s time zone, e.g. "next Tuesday at 3pm", "in 2 days", "tomorrow morning". A day without a time means 10:00 local.',
    ),
  channel: z
    .enum(FOLLOW_UP_CHANNELS)
    .default('call')
    .describe('How to follow up: call, email, sms, meeting or task. Calls and texts must fall in allowed contact hours.'),
  purpose: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('What the follow-up is for, e.g. "Review auto quote". One open follow-up per lead and purpose.'),
  priority: z.enum(PRIORITIES).default('normal').describe('low, normal, high or urgent.'),
  notes: z.string().trim().min(1).max(2000).optional().describe('Extra instructions for whoever does it.'),
  assignee: z.string().trim().min(1).max(64).default('me').describe('User to do it: "me" (default), a user id or a handle.'),
  contactId: z
    .uuid()
    .optional()
    .describe("Contact person to reach; must be a contact of the lead's client. Their time zone and consent apply."),
  acceptProposed: z
    .boolean()
    .default(false)
    .describe('When the time is outside allowed contact hours, schedule at the nearest allowed time instead of returning a proposal.'),
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
  dueLocal: z.string().nullable().describe('Due time in the lead\'s time zone, e.g. "Tue, Mar 10, 2026, 3:00 PM EDT".'),
  timezone: z.string().describe("The lead's IANA time zone used to read `when` and to check contact hours."),
  requestedDueAt: z.string().describe('The time `when` was read as (ISO 8601, UTC).'),
  proposedDueAt: z
    .string()
    .nullable()
    .describe('Nearest allowed time when the requested one was refused (or the time used with acceptProposed); null otherwise.'),
  proposedDueLocal: z.string().nullable().describe("proposedDueAt in the lead's time zone."),
  reason: z.string().nullable().describe('Why the requested time was refused, and how to proceed; null when scheduled.'),
  assignedUserId: z.uuid().nullable().describe('Who the follow-up is assigned to.'),
  warnings: z.array(z.string()).describe('Adjustments made, e.g. moved to the accepted proposed time; empty when none.'),
  nextFollowUpAt: z.string().nullable().describe("The lead's next follow-up time after this call (earliest open follow-up, ISO 8601)."),
});

export const scheduleFollowUpTool = defineTool({
  name: 'schedule_follow_up',
  title: 'Schedule a follow-up on a lead',
  description:
    'Schedules a follow-up (call, email, sms, meeting, task) on a lead. `when` may be ISO 8601 or a phrase like "next Tuesday at 3pm", read in the lead\'s local time zone. ' +
    'A channel the person opted out of (do-not-call, revoked SMS, unsubscribe, on any of their leads, contacts or numbers) is refused with CONSENT_REQUIRED naming the open channels; nothing is saved. ' +
    "Calls and texts must fall in the person's calling window (8 AM-9 PM local, stricter in some states), not on Sundays or federal holidays, within agency business hours and outside quiet hours; otherwise nothing is saved and the result has scheduled: false with proposedDueAt and reason " +
    '(call again with acceptProposed: true, or with that time). If an open follow-up for the same lead and purpose exists it is returned (existing: true), not duplicated. Past times are rejected.',
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
