/**
 * Support tickets (every category, status and priority, themed by the lead's line) with the SLA
 * target the tools set (slaDueAt over the agency's business calendar), and a few AI interaction
 * records. Open tickets are a realistic queue at the anchor: most inside their SLA, a few breached.
 */
import { slaDueAt, type BusinessCalendar, type Priority } from '../crm/tickets/sla.js';
import { TICKET_CATEGORIES, TICKET_CHANNELS, TICKET_STATUSES, PRIORITIES } from '../db/schema/work.js';
import type { BookClock } from './clock.js';
import type { Rng } from './prng.js';
import { ticketCategoriesFor, ticketTemplates } from './text-tickets.js';
import type { LeadCtx } from './book-leads.js';
import { push, type Batch, type SeedUser } from './book-types.js';

/** About how many calendar days each priority's target spans (for choosing when a ticket opened). */
const SLA_DAYS: Record<Priority, number> = { urgent: 0.5, high: 1.5, normal: 3, low: 8 };
/** Share of open tickets past their SLA at the anchor. */
const BREACHED_SHARE = 0.15;

/** Cycles through values first so a small book still has every one, then picks at random (by weight when given). */
export class Cover<T> {
  private i = 0;
  constructor(
    private readonly values: readonly T[],
    private readonly weights?: readonly (readonly [T, number])[],
  ) {}
  private readonly seen = new Set<T>();
  /** The next value not yet given out (among `allowed`, when given), else a random one. */
  next(rng: Rng, allowed?: readonly T[]): T {
    if (this.seen.size < this.values.length) {
      const fresh = this.values.find((v) => !this.seen.has(v) && (!allowed || allowed.includes(v)));
      if (fresh !== undefined) {
        this.seen.add(fresh);
        return fresh;
      }
    }
    if (!allowed) return this.weights ? rng.weighted(this.weights) : rng.pick(this.values);
    const weights = this.weights?.filter(([v]) => allowed.includes(v));
    return weights?.length ? rng.weighted(weights) : rng.pick(allowed);
  }
}

export interface TicketCovers {
  category: Cover<string>;
  status: Cover<string>;
  priority: Cover<string>;
}

export const ticketCovers = (): TicketCovers => ({
  category: new Cover(TICKET_CATEGORIES),
  status: new Cover(TICKET_STATUSES),
  priority: new Cover(PRIORITIES),
});

/**
 * When an open ticket opened (after its lead, at most `maxBack` days before the anchor) and its
 * SLA target: within the target at the anchor unless `breached`. The back-off moves without
 * drawing from the generator, so ids do not depend on the anchor date.
 */
function openedFor(
  rng: Rng,
  clock: BookClock,
  cal: BusinessCalendar,
  priority: Priority,
  status: string,
  breached: boolean,
  maxBack: number,
): [opened: Date, due: Date] {
  const span = SLA_DAYS[priority];
  const limit = Math.min(60, maxBack);
  let back = breached ? rng.float(span * 1.2, span * 4 + 2) : status === 'new' ? rng.float(0.05, Math.min(2, span)) : rng.float(0.05, span);
  back = Math.min(back, limit);
  for (;;) {
    const opened = new Date(clock.anchorMs - back * 86_400_000);
    const due = slaDueAt(priority, opened, cal);
    const late = due.getTime() < clock.anchorMs;
    if (breached ? late || back >= limit : !late || back <= 0.01) return [opened, due];
    back = breached ? Math.min(limit, back * 1.5) : back * 0.6;
  }
}

export function makeTicket(
  rng: Rng,
  clock: BookClock,
  cal: BusinessCalendar,
  batch: Batch,
  lead: LeadCtx,
  csrs: SeedUser[],
  covers: TicketCovers,
): string {
  const category = covers.category.next(rng, ticketCategoriesFor(lead.line));
  const status = covers.status.next(rng);
  const priority = covers.priority.next(rng) as Priority;
  const { subject, description, resolution } = rng.pick(ticketTemplates(category, lead.line));
  const done = status === 'resolved' || status === 'closed';
  const breached = rng.chance(BREACHED_SHARE);
  const closedOpen = new Date(clock.anchorMs - rng.float(1, Math.min(200, -lead.createdDays + 1)) * 86_400_000);
  const [openedAt, dueAt] = done
    ? [closedOpen, slaDueAt(priority, closedOpen, cal)]
    : openedFor(rng, clock, cal, priority, status, breached, -lead.createdDays);
  const opened = clock.daysOf(openedAt.getTime());
  const resolvedDays = Math.min(-0.01, opened + rng.float(0.1, 6));
  const id = rng.uuid();
  const c = lead.client;
  push(batch, 'tickets', {
    id,
    client_id: c.id,
    lead_id: rng.chance(0.6) ? lead.id : null,
    contact_id: c.contacts[0]!.id,
    subject: subject(lead.ctx, rng),
    description: description(lead.ctx, rng),
    status,
    priority,
    category,
    channel: rng.pick(TICKET_CHANNELS),
    assigned_user_id: status === 'new' ? null : rng.pick(csrs).id,
    created_by_user_id: rng.chance(0.5) ? rng.pick(csrs).id : null,
    sla_due_at: dueAt.toISOString(),
    resolution: done ? resolution(lead.ctx, rng) : null,
    tags: [category.replace('_', '-')],
    opened_at: openedAt.toISOString(),
    first_response_at:
      status === 'new'
        ? null
        : clock.at(opened + Math.min(rng.float(0.01, 1), done ? (resolvedDays - opened) * 0.8 : Infinity, -opened * 0.8)),
    resolved_at: done ? clock.at(resolvedDays) : null,
    closed_at: status === 'closed' ? clock.at(Math.min(-0.005, resolvedDays + rng.float(0.5, 3))) : null,
    created_at: openedAt.toISOString(),
    updated_at: clock.at(done ? resolvedDays : opened),
  });
  return id;
}

/** A handful of past AI exchanges of different types and channels, tied to seeded records. */
export function makeAiInteractions(rng: Rng, clock: BookClock, batch: Batch, leads: LeadCtx[], tickets: string[], demo: SeedUser): void {
  const kinds = [
    [
      'summary',
      'mcp_stdio',
      'Summarise this lead',
      (l: LeadCtx) =>
        `${l.ctx.client}: ${l.ctx.lineName} with ${l.ctx.carrier} at $${l.ctx.premium}; x-date ${l.ctx.xDate}. Best quote so far ${l.ctx.newCarrier} at $${l.ctx.quoted}.`,
    ],
    ['tool_call', 'mcp_http', null, null],
    [
      'insight',
      'system',
      'Which open leads are most likely to bind this month?',
      (l: LeadCtx) =>
        `${l.ctx.client} (${l.ctx.lineName}) looks likely to bind: quote is below the current premium and the x-date is close.`,
    ],
    [
      'chat',
      'slack',
      'what did we last talk about with this client?',
      (l: LeadCtx) => `Last contact with ${l.ctx.first} was about the ${l.ctx.lineName} renewal; they asked us to shop it.`,
    ],
    ['triage', 'system', 'Triage ticket', () => 'Category billing, priority normal: customer reports a duplicate charge; refund request.'],
    [
      'follow_up',
      'cli',
      'Remind me to call them next week',
      (l: LeadCtx) => `Created a call follow-up with ${l.ctx.first} for next Tuesday 10:00 local time.`,
    ],
    [
      'draft',
      'slack',
      'Draft a renewal email',
      (l: LeadCtx) =>
        `Hi ${l.ctx.first}, your ${l.ctx.lineName} renews on ${l.ctx.xDate}. We found a better option with ${l.ctx.newCarrier}.`,
    ],
    ['search', 'mcp_stdio', 'roof replacement leads in Texas', () => 'Found 4 matching notes.'],
  ] as const;
  kinds.forEach(([type, channel, prompt, respond], i) => {
    const lead = leads[(i * 7) % leads.length]!;
    const created = clock.at(-rng.float(0.5, 30));
    const tokens = [rng.int(200, 2400), rng.int(40, 600)] as const;
    push(batch, 'aiInteractions', {
      id: rng.uuid(),
      type,
      channel,
      session_id: `seed-session-${i}`,
      user_id: demo.id,
      client_name: channel === 'slack' ? 'slack' : channel.startsWith('mcp') ? 'claude-desktop' : 'crm-agent',
      crm_client_id: lead.client.id,
      lead_id: lead.id,
      ticket_id: type === 'triage' ? (tickets[0] ?? null) : null,
      prompt: prompt,
      response: respond ? respond(lead) : null,
      model: type === 'tool_call' ? null : 'gpt-4o-mini',
      provider: type === 'tool_call' ? null : 'openai',
      prompt_tokens: type === 'tool_call' ? null : tokens[0],
      completion_tokens: type === 'tool_call' ? null : tokens[1],
      total_tokens: type === 'tool_call' ? null : tokens[0] + tokens[1],
      latency_ms: rng.int(40, 4000),
      tool_name: type === 'tool_call' ? 'get_lead' : null,
      tool_arguments: type === 'tool_call' ? { leadId: lead.id } : null,
      tool_result: type === 'tool_call' ? { id: lead.id, status: lead.status } : null,
      result_summary: type === 'tool_call' ? `lead ${lead.ctx.client} (${lead.status})` : null,
      created_at: created,
    });
  });
}
