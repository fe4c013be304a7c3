/** Lead rows with payloads and pipeline timestamps, plus their opportunity, consent and follow-ups. */
import { payloadFor } from './payloads.js';
import { Rng, at, dateAt } from './prng.js';
import { LEAD_SOURCES, LENDERS, PERSONAL_CARRIERS, COMMERCIAL_CARRIERS, LIFE_CARRIERS } from './reference.js';
import { makeMarketing, type Consent } from './book-marketing.js';
import { push, type Batch, type ClientCtx, type Lookups, type SeedUser } from './book-types.js';
import type { Ctx } from './text-kit.js';

const GCS = ['Turner Construction', 'BrightBuild General Contractors', 'Hill & Sons Builders', 'Lone Oak Development', 'Keller Commercial Builders', 'Summit Ridge Construction'];
const PROJECTS = ['Maple Street townhomes', 'Riverside medical office', 'Lincoln Elementary renovation', 'Westgate retail center', 'Oak Hollow subdivision', 'Harbor Point condos'];
/** Order of the pipeline; a lead at a status passed through the ones before it. */
const MILESTONES = ['new', 'contacted', 'qualified', 'quoting', 'quoted', 'proposal_sent'] as const;
const LOST_REASONS = ['Price: went with a direct writer', 'Stayed with current carrier after a rate match', 'No response after quote', 'Underwriting declined (roof age)', 'Bought through their bank', 'Moved out of state'];

export interface LeadCtx {
  id: string;
  client: ClientCtx;
  line: string;
  status: string;
  createdDays: number;
  /** Activity happens between createdDays and endDays. */
  endDays: number;
  consent: Consent;
  ctx: Ctx;
  terminal: boolean;
}

function money(n: number) {
  return Math.round(n * 100) / 100;
}

export function makeLead(rng: Rng, batch: Batch, client: ClientCtx, line: string, status: string, lk: Lookups, users: SeedUser[], legacy: boolean): LeadCtx {
  const id = rng.uuid();
  const type = lk.types[line]!;
  const createdDays = status === 'new' ? -rng.float(0.5, 14) : status === 'archived' ? -rng.float(200, 700) : -rng.float(10, 420);
  const span = -createdDays;
  // Milestones of the pipeline, spread over the lead's life.
  const reached = status === 'won' || status === 'lost' || status === 'archived' || status === 'nurturing' ? rng.int(1, 5) : MILESTONES.indexOf(status as (typeof MILESTONES)[number]);
  const times: Record<string, string> = {};
  let t = createdDays;
  for (let i = 1; i <= reached; i++) {
    t += rng.float(0.2, Math.max(0.5, span / (reached + 2)));
    times[MILESTONES[i]!] = at(t);
  }
  const closedDays = t + rng.float(0.5, Math.max(1, Math.min(30, -t)));
  const terminal = status === 'won' || status === 'lost' || status === 'archived';
  const endDays = terminal ? Math.min(-0.1, closedDays) : -0.05;
  const carriers = type.category === 'commercial' ? COMMERCIAL_CARRIERS : line === 'life' ? LIFE_CARRIERS : PERSONAL_CARRIERS;
  const carrier = rng.pick(carriers);
  const newCarrier = rng.pick(carriers.filter((c) => c !== carrier));
  const base = type.category === 'commercial' ? rng.int(1800, 42000) : line === 'renters' ? rng.int(120, 400) : line === 'life' ? rng.int(300, 2400) : rng.int(600, 4200);
  const premium = money(base);
  const quoted = money(base * rng.float(0.78, 1.08));
  const quotedYet = ['quoted', 'proposal_sent', 'won'].includes(status) || (['lost', 'nurturing', 'archived'].includes(status) && reached >= 4);
  const xDays = status === 'won' ? closedDays + rng.int(0, 20) : rng.int(3, 365);
  const payload = payloadFor(rng, line, client.household, client.business, legacy);
  const source = rng.pick(LEAD_SOURCES);
  const campaignCodes = Object.keys(lk.campaigns);
  const score = { new: [20, 60], contacted: [25, 65], qualified: [40, 75], quoting: [45, 80], quoted: [50, 85], proposal_sent: [55, 90], nurturing: [10, 45], won: [90, 100], lost: [0, 20], archived: [0, 15] }[status] as [number, number];
  const producer = rng.chance(0.85) ? client.producer : rng.pick(users.filter((u) => u.role === 'producer'));
  const hh = client.household;
  const vehicles = (payload.data.vehicles as { year: number; make: string; model: string }[] | undefined) ?? [];
  const v = vehicles[0];
  const tags = [line, ...(legacy ? ['legacy-intake'] : []), ...(rng.chance(0.2) ? [rng.pick(['hot', 'price-shopper', 'bundle-candidate', 'referral', 'renewal'])] : [])];
  const row: Record<string, unknown> = {
    id, client_id: client.id, status_id: lk.status[status], insurance_type_id: type.id, campaign_id: source === 'campaign' && campaignCodes.length ? lk.campaigns[rng.pick(campaignCodes)] : null,
    assigned_user_id: producer.id, source, current_carrier: carrier, current_premium: premium, quoted_premium: quotedYet ? quoted : null, target_premium: rng.chance(0.3) ? money(premium * 0.85) : null,
    umbrella_requested: line === 'umbrella' || rng.chance(0.08), umbrella_limit: line === 'umbrella' ? (payload.data.limit as number) : null,
    x_date: status === 'won' ? null : dateAt(xDays), policy_effective_date: status === 'won' ? dateAt(xDays) : null,
    [`${snake(payload.field)}`]: payload.data, [`${snake(payload.field)}_version`]: payload.version,
    tags, custom_fields: rng.chance(0.2) ? { referredBy: 'existing client' } : {}, metadata: { seed: true },
    ai_summary: rng.chance(0.3) ? `${type.name} lead for ${client.displayName}, currently with ${carrier} at $${premium}.` : null,
    ai_next_action: terminal ? null : rng.pick(['Call to confirm coverage details', 'Send quote comparison', 'Ask for the declarations page', 'Schedule a review before the x-date']),
    ai_follow_up_priority: terminal ? null : rng.int(1, 5), ai_score: rng.int(score[0], score[1]),
    created_at: at(createdDays), updated_at: at(endDays), status_changed_at: at(terminal ? closedDays : t),
    first_contacted_at: times.contacted ?? null, last_contacted_at: reached > 0 ? at(endDays) : null, qualified_at: times.qualified ?? null, quoted_at: times.quoted ?? null,
    proposal_sent_at: times.proposal_sent ?? null, won_at: status === 'won' ? at(closedDays) : null, lost_at: status === 'lost' ? at(closedDays) : null,
    lost_reason: status === 'lost' ? rng.pick(LOST_REASONS) : null, archived_at: status === 'archived' ? at(closedDays) : null,
  };
  push(batch, 'leads', row);
  const contactIds = client.contacts.map((c) => c.id);
  const consent = makeMarketing(rng, batch, id, contactIds, client.timezone, createdDays);
  const stage = { quoting: 'quoting', quoted: 'proposal', proposal_sent: 'negotiation', won: 'won', lost: 'lost' }[status];
  if (stage && (status !== 'lost' || rng.chance(0.5))) {
    push(batch, 'opportunities', {
      id: rng.uuid(), lead_id: id, client_id: client.id, insurance_type_id: type.id, assigned_user_id: producer.id, name: `${client.displayName} - ${type.name}`, stage, carrier: newCarrier,
      estimated_premium: quoted, probability: { quoting: 30, proposal: 50, negotiation: 70, won: 100, lost: 0 }[stage], expected_close_date: dateAt(Math.min(xDays, 120)), tags: [], custom_fields: {}, metadata: {},
      created_at: times.quoting ?? at(createdDays + 1), updated_at: at(endDays), stage_changed_at: at(terminal ? closedDays : t), closed_at: terminal ? at(closedDays) : null,
      lost_reason: status === 'lost' ? row.lost_reason : null,
    });
  }
  const primary = client.contacts[0]!;
  const ctx: Ctx = {
    first: primary.first, last: primary.last, client: client.displayName, business: client.business?.name ?? null,
    spouse: hh?.members.find((m) => m.relationship === 'spouse')?.firstName ?? null, teen: hh?.members.find((m) => m.relationship === 'child')?.firstName ?? null,
    producer: producer.fullName.split(' ')[0]!, line, lineName: type.name.toLowerCase(), carrier, newCarrier, premium, quoted, xDate: monthDay(xDays),
    city: client.city, state: client.state, vehicle: v ? `${v.year} ${v.make} ${v.model}` : rng.pick(['2022 Honda CR-V', '2019 Ford F-150', '2024 Toyota Camry', '2021 Chevrolet Silverado']),
    lender: rng.pick(LENDERS), roofYear: ((payload.data.dwelling as { roofYear?: number } | undefined)?.roofYear) ?? rng.int(2003, 2025), gc: rng.pick(GCS), project: rng.pick(PROJECTS),
  };
  return { id, client, line, status, createdDays, endDays, consent, ctx, terminal };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "March 14" without Intl (which is slow enough to dominate a 100k-lead seed). */
function monthDay(days: number): string {
  const d = dateAt(days);
  return `${MONTHS[Number(d.slice(5, 7)) - 1]} ${Number(d.slice(8, 10))}`;
}

function snake(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

const PURPOSES: Record<string, readonly string[]> = {
  open: ['Call to review the quote', 'Collect the declarations page', 'Confirm vehicle VINs and drivers', 'Ask for roof year and updates', 'Send the proposal', 'Check in before the x-date', 'Get signed application', 'Request loss runs from the current carrier', 'Confirm payroll by class code'],
  won: ['Cross-sell umbrella', 'Annual review', 'Welcome call and ID cards'],
};

/** One open follow-up for live leads (some overdue), completed ones from the past, some AI-created. */
export function makeFollowUps(rng: Rng, batch: Batch, lead: LeadCtx): void {
  const c = lead.client;
  const channels = (['call', 'email', 'sms', 'meeting', 'task'] as const).filter((ch) => (ch !== 'call' || lead.consent.call) && (ch !== 'sms' || lead.consent.sms));
  const purposes = rng.sample(lead.status === 'won' ? PURPOSES.won! : PURPOSES.open!, 3);
  const base = (purpose: string, dueDays: number, ai: boolean) => ({
    id: rng.uuid(), lead_id: lead.id, client_id: c.id, contact_id: c.contacts[0]!.id, assigned_user_id: c.producer.id, created_by_user_id: ai ? null : c.producer.id, created_by_ai: ai,
    due_at: at(dueDays), timezone: c.timezone, channel: rng.pick(channels), purpose, notes: rng.chance(0.4) ? `Re ${lead.ctx.lineName}: ${lead.ctx.carrier} at $${lead.ctx.premium}.` : null,
    priority: rng.weighted([['normal', 5], ['high', 2], ['low', 2], ['urgent', 0.5]] as const), created_at: at(Math.min(-0.01, Math.max(lead.createdDays, dueDays - 7))), updated_at: at(Math.min(-0.01, Math.max(lead.createdDays, dueDays - 7))),
  });
  if (!lead.terminal || (lead.status === 'won' && rng.chance(0.5))) {
    const due = rng.chance(0.3) ? -rng.float(0.5, 10) : rng.float(0.1, 30);
    push(batch, 'followUps', { ...base(purposes[0]!, due, rng.chance(0.2)), status: 'open' });
  }
  if (lead.createdDays < -3 && rng.chance(0.6)) {
    const due = rng.float(lead.createdDays + 1, lead.endDays);
    const done = { ...base(purposes[1]!, due, rng.chance(0.15)), status: rng.chance(0.9) ? 'completed' : 'cancelled' };
    const completed = done.status === 'completed';
    push(batch, 'followUps', { ...done, completed_at: completed ? at(due + rng.float(0, 0.5)) : null, completed_by_user_id: completed ? c.producer.id : null, outcome: completed ? rng.pick(['Reached, next steps agreed', 'Left voicemail', 'Documents received', 'Quote reviewed']) : 'No longer needed' });
  }
}
