/** Support tickets (every category, status and priority) and a few AI interaction records. */
import { TICKET_CATEGORIES, TICKET_CHANNELS, TICKET_STATUSES, PRIORITIES } from '../schema/work.js';
import { Rng, at } from './prng.js';
import { TICKET_TEXT } from './text-tickets.js';
import type { LeadCtx } from './book-leads.js';
import { push, type Batch, type SeedUser } from './book-types.js';

const SLA_HOURS: Record<string, number> = { urgent: 4, high: 24, normal: 72, low: 168 };

/** Cycles through values first so a small book still has every one, then picks at random (by weight when given). */
export class Cover<T> {
  private i = 0;
  constructor(
    private readonly values: readonly T[],
    private readonly weights?: readonly (readonly [T, number])[],
  ) {}
  next(rng: Rng): T {
    if (this.i < this.values.length) return this.values[this.i++]!;
    return this.weights ? rng.weighted(this.weights) : rng.pick(this.values);
  }
}

export interface TicketCovers {
  category: Cover<string>;
  status: Cover<string>;
  priority: Cover<string>;
}

export const ticketCovers = (): TicketCovers => ({ category: new Cover(TICKET_CATEGORIES), status: new Cover(TICKET_STATUSES), priority: new Cover(PRIORITIES) });

export function makeTicket(rng: Rng, batch: Batch, lead: LeadCtx, csrs: SeedUser[], covers: TicketCovers): string {
  const category = covers.category.next(rng);
  const status = covers.status.next(rng);
  const priority = covers.priority.next(rng);
  const [subject, description, resolution] = rng.pick(TICKET_TEXT[category]!);
  const opened = status === 'new' ? -rng.float(0.05, 2) : -rng.float(1, Math.min(200, -lead.createdDays + 1));
  const done = status === 'resolved' || status === 'closed';
  const resolvedDays = Math.min(-0.01, opened + rng.float(0.1, 6));
  const id = rng.uuid();
  const c = lead.client;
  push(batch, 'tickets', {
    id, client_id: c.id, lead_id: rng.chance(0.6) ? lead.id : null, contact_id: c.contacts[0]!.id, subject: subject(lead.ctx, rng), description: description(lead.ctx, rng), status, priority, category,
    channel: rng.pick(TICKET_CHANNELS), assigned_user_id: status === 'new' ? null : rng.pick(csrs).id, created_by_user_id: rng.chance(0.5) ? rng.pick(csrs).id : null,
    sla_due_at: at(opened + SLA_HOURS[priority]! / 24), resolution: done ? resolution(lead.ctx, rng) : null, tags: [category.replace('_', '-')], opened_at: at(opened),
    first_response_at: status === 'new' ? null : at(Math.min(-0.01, opened + rng.float(0.01, 1))), resolved_at: done ? at(resolvedDays) : null,
    closed_at: status === 'closed' ? at(Math.min(-0.005, resolvedDays + rng.float(0.5, 3))) : null, created_at: at(opened), updated_at: at(done ? resolvedDays : opened),
  });
  return id;
}

/** A handful of past AI exchanges of different types and channels, tied to seeded records. */
export function makeAiInteractions(rng: Rng, batch: Batch, leads: LeadCtx[], tickets: string[], demo: SeedUser): void {
  const kinds = [
    ['summary', 'mcp_stdio', 'Summarise this lead', (l: LeadCtx) => `${l.ctx.client}: ${l.ctx.lineName} with ${l.ctx.carrier} at $${l.ctx.premium}; x-date ${l.ctx.xDate}. Best quote so far ${l.ctx.newCarrier} at $${l.ctx.quoted}.`],
    ['tool_call', 'mcp_http', null, null],
    ['insight', 'system', 'Which open leads are most likely to bind this month?', (l: LeadCtx) => `${l.ctx.client} (${l.ctx.lineName}) looks likely to bind: quote is below the current premium and the x-date is close.`],
    ['chat', 'slack', 'what did we last talk about with this client?', (l: LeadCtx) => `Last contact with ${l.ctx.first} was about the ${l.ctx.lineName} renewal; they asked us to shop it.`],
    ['triage', 'system', 'Triage ticket', () => 'Category billing, priority normal: customer reports a duplicate charge; refund request.'],
    ['follow_up', 'cli', 'Remind me to call them next week', (l: LeadCtx) => `Created a call follow-up with ${l.ctx.first} for next Tuesday 10:00 local time.`],
    ['draft', 'slack', 'Draft a renewal email', (l: LeadCtx) => `Hi ${l.ctx.first}, your ${l.ctx.lineName} renews on ${l.ctx.xDate}. We found a better option with ${l.ctx.newCarrier}.`],
    ['search', 'mcp_stdio', 'roof replacement leads in Texas', () => 'Found 4 matching notes.'],
  ] as const;
  kinds.forEach(([type, channel, prompt, respond], i) => {
    const lead = leads[(i * 7) % leads.length]!;
    const created = at(-rng.float(0.5, 30));
    const tokens = [rng.int(200, 2400), rng.int(40, 600)] as const;
    push(batch, 'aiInteractions', {
      id: rng.uuid(), type, channel, session_id: `seed-session-${i}`, user_id: demo.id, client_name: channel === 'slack' ? 'slack' : channel.startsWith('mcp') ? 'claude-desktop' : 'crm-agent',
      crm_client_id: lead.client.id, lead_id: lead.id, ticket_id: type === 'triage' ? (tickets[0] ?? null) : null,
      prompt: prompt, response: respond ? respond(lead) : null, model: type === 'tool_call' ? null : 'gpt-4o-mini', provider: type === 'tool_call' ? null : 'openai',
      prompt_tokens: type === 'tool_call' ? null : tokens[0], completion_tokens: type === 'tool_call' ? null : tokens[1], total_tokens: type === 'tool_call' ? null : tokens[0] + tokens[1],
      latency_ms: rng.int(40, 4000), tool_name: type === 'tool_call' ? 'get_lead' : null, tool_arguments: type === 'tool_call' ? { leadId: lead.id } : null,
      tool_result: type === 'tool_call' ? { id: lead.id, status: lead.status } : null, result_summary: type === 'tool_call' ? `lead ${lead.ctx.client} (${lead.status})` : null, created_at: created,
    });
  });
}
