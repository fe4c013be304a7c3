import { z } from 'zod';
import { FOLLOW_UP_CHANNELS } from '../src/db/schema/index.js';
import { followUpRow, followUpRowView, listFollowUps } from '../src/crm/follow-ups/list.js';
import { isValidTimeZone } from '../src/crm/time/zoned-time.js';
import { resolveUserRef } from '../src/crm/access/user-ref.js';
import { ValidationError } from '../src/errors.js';
import { defineTool, READ_ONLY } from './define.js';
import { detailInput } from '../src/crm/views/schemas.js';
import { FIELD } from '../src/crm/views/vocabulary.js';

export const listFollowUpsInput = z.strictObject({
  status: z.enum(['open', 'completed', 'cancelled', 'any']).default('open').describe('Status.'),
  due: z.boolean().default(false).describe('Due by the end of today (your zone), overdue included.'),
  overdue: z.boolean().default(false).describe('Open and past due.'),
  dueFrom: z.iso.datetime({ offset: true }).optional().describe('Due at/after.'),
  dueTo: z.iso.datetime({ offset: true }).optional().describe('Due at/before.'),
  assignee: z.string().trim().min(1).max(64).optional().describe('"me" (default), user id or handle.'),
  allUsers: z.boolean().default(false).describe("Everyone's (not with assignee)."),
  leadId: z.uuid().optional().describe(FIELD.onlyThisLead),
  channel: z.enum(FOLLOW_UP_CHANNELS).optional().describe('Only this channel.'),
  limit: z.number().int().min(1).max(100).default(10).describe(FIELD.pageSize),
  cursor: z.string().max(500).optional().describe(FIELD.cursor),
  detail: detailInput,
});

export const listFollowUpsOutput = z.object({
  items: z.array(followUpRowView).describe('Follow-ups, earliest due first.'),
  total: z.number().int().describe('How many follow-ups match the filters in all pages.'),
  nextCursor: z.string().nullable().describe('Pass as cursor to get the next page; null on the last page.'),
});

export const listFollowUpsTool = defineTool({
  name: 'list_follow_ups',
  title: 'List follow-ups',
  description: 'Follow-ups by due time, by default your open ones; compact rows, a total and nextCursor.',
  input: listFollowUpsInput,
  output: listFollowUpsOutput,
  annotations: READ_ONLY,
  scope: 'crm:read',
  async handler(input, ctx) {
    if (input.allUsers && input.assignee) {
      throw new ValidationError(
        'Pass either assignee or allUsers, not both.',
        [{ field: 'assignee', message: 'conflicts with allUsers' }],
        "Drop assignee to see everyone's, or drop allUsers.",
      );
    }
    const assignedUserId = input.allUsers ? null : (await resolveUserRef(ctx.db, input.assignee ?? 'me', ctx.actor.userId, 'assignee')).id;
    const r = await listFollowUps(
      ctx.db,
      {
        status: input.status,
        dueToday: input.due,
        overdue: input.overdue,
        dueFrom: input.dueFrom ? new Date(input.dueFrom) : undefined,
        dueTo: input.dueTo ? new Date(input.dueTo) : undefined,
        assignedUserId,
        leadId: input.leadId,
        channel: input.channel,
      },
      {
        limit: input.limit,
        cursor: input.cursor,
        now: ctx.now,
        dayZone: isValidTimeZone(ctx.actor.timezone) ? ctx.actor.timezone : ctx.settings.agencyTimezone,
        agencyZone: ctx.settings.agencyTimezone,
        book: ctx.book,
      },
    );
    return {
      items: r.items.map((i) => followUpRow(i, input.detail, ctx.fence)),
      total: r.total,
      nextCursor: r.nextCursor,
    };
  },
  summarize: (o) => `${o.items.length} of ${o.total} follow-ups`,
});
