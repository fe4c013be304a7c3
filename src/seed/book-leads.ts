/** Lead rows with payloads and pipeline timestamps, plus their opportunity, consent and follow-ups. */
import type { Row } from './bulk.js';
import type { BookClock } from './clock.js';
import { payloadFor } from './payloads.js';
import type { Rng } from './prng.js';
import { AUTO_LENDERS, LEAD_SOURCES, LENDERS, PERSONAL_CARRIERS, COMMERCIAL_CARRIERS, LIFE_CARRIERS } from './reference.js';
import { makeMarketing, type Consent, type Profile } from './book-marketing.js';
import { push, type Batch, type ClientCtx, type Lookups, type SeedUser } from './book-types.js';
import type { Ctx } from './text-kit.js';

const GCS = [
  'Turner Construction',
  'BrightBuild General Contractors',
  'Hill & Sons Builders',
  'Lone Oak Development',
  'Keller Commercial Builders',
  'Summit Ridge Construction',
];
const PROJECTS = [
  'Maple Street townhomes',
  'Riverside medical office',
  'Lincoln Elementary renovation',
  'Westgate retail center',
  'Oak Hollow subdivision',
  'Harbor Point condos',
];
/** Order of the pipeline; a lead at a status passed through the ones before it. */
const MILESTONES = ['new', 'contacted', 'qualified', 'quoting', 'quoted', 'proposal_sent'] as const;
const LOST_REASONS = [
  'Price: went with a direct writer',
  'Stayed with current carrier after a rate match',
  'No response after quote',
  'Underwriting declined (roof age)',
  'Bought through their bank',
  'Moved out of state',
];

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
  commercial: boolean;
  /** The lead's row, for the derived columns (contact times, next follow-up). */
  row: Row;
}

function money(n: number) {
  return Math.round(n * 100) / 100;
}

/** `person` is the consent profile of the client's earlier lead (opt-outs carry over), null for the first. */
export function makeLead(
  rng: Rng,
  clock: BookClock,
  batch: Batch,
  client: ClientCtx,
  line: string,
  status: string,
  lk: Lookups,
  users: SeedUser[],
  legacy: boolean,
  person: Profile | null,
): LeadCtx {
  const at = (days: number) => clock.at(days);
  const dateAt = (days: number) => clock.dateAt(days);
  const id = rng.uuid();
  const type = lk.types[line]!;
  const createdDays = status === 'new' ? -rng.float(0.5, 14) : status === 'archived' ? -rng.float(200, 700) : -rng.float(10, 420);
  const span = -createdDays;
  // Milestones of the pipeline, spread over the lead's life.
  const reached =
    status === 'won' || status === 'lost' || status === 'archived' || status === 'nurturing'
      ? rng.int(1, 5)
      : MILESTONES.indexOf(status as (typeof MILESTONES)[number]);
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
  const base =
    type.category === 'commercial'
      ? rng.int(1800, 42000)
      : line === 'renters'
        ? rng.int(120, 400)
        : line === 'life'
          ? rng.int(300, 2400)
          : rng.int(600, 4200);
  const premium = money(base);
  const quoted = money(base * rng.float(0.78, 1.08));
  const quotedYet =
    ['quoted', 'proposal_sent', 'won'].includes(status) || (['lost', 'nurturing', 'archived'].includes(status) && reached >= 4);
  const xDays = status === 'won' ? closedDays + rng.int(0, 20) : rng.int(3, 365);
  const payload = payloadFor(rng.fork(), clock, line, client.household, client.business, legacy);
  const source = rng.pick(LEAD_SOURCES);
  const campaignCodes = Object.keys(lk.campaigns);
  const score = {
    new: [20, 60],
    contacted: [25, 65],
    qualified: [40, 75],
    quoting: [45, 80],
    quoted: [50, 85],
    proposal_sent: [55, 90],
    nurturing: [10, 45],
    won: [90, 100],
    lost: [0, 20],
    archived: [0, 15],
  }[status] as [number, number];
  const producer = rng.chance(0.85) ? client.producer : rng.pick(users.filter((u) => u.role === 'producer'));
  const hh = client.household;
  const vehicles = (payload.data.vehicles as { year: number; make: string; model: string }[] | undefined) ?? [];
  const v = vehicles[0];
  const tags = [
    line,
    ...(legacy ? ['legacy-intake'] : []),
    ...(rng.chance(0.2) ? [rng.pick(['hot', 'price-shopper', 'bundle-candidate', 'referral', 'renewal'])] : []),
  ];
  const row: Record<string, unknown> = {
    id,
    client_id: client.id,
    status_id: lk.status[status],
    insurance_type_id: type.id,
    campaign_id: source === 'campaign' && campaignCodes.length ? lk.campaigns[rng.pick(campaignCodes)] : null,
    assigned_user_id: producer.id,
    source,
    current_carrier: carrier,
    current_premium: premium,
    quoted_premium: quotedYet ? quoted : null,
    target_premium: rng.chance(0.3) ? money(premium * 0.85) : null,
    umbrella_requested: line === 'umbrella' || rng.chance(0.08),
    umbrella_limit: line === 'umbrella' ? (payload.data.limit as number) : null,
    x_date: status === 'won' ? null : dateAt(xDays),
    policy_effective_date: status === 'won' ? dateAt(xDays) : null,
    [`${snake(payload.field)}`]: payload.data,
    [`${snake(payload.field)}_version`]: payload.version,
    tags,
    custom_fields: rng.chance(0.2) ? { referredBy: 'existing client' } : {},
    metadata: { seed: true },
    ai_summary: rng.chance(0.3) ? `${type.name} lead for ${client.displayName}, currently with ${carrier} at $${premium}.` : null,
    ai_next_action: terminal
      ? null
      : rng.pick([
          'Call to confirm coverage details',
          'Send quote comparison',
          'Ask for the declarations page',
          'Schedule a review before the x-date',
        ]),
    ai_follow_up_priority: terminal ? null : rng.int(1, 5),
    ai_score: rng.int(score[0], score[1]),
    created_at: at(createdDays),
    updated_at: at(endDays),
    status_changed_at: at(terminal ? closedDays : t),
    // Contact times start from the pipeline; the communications move them as logCommunication does.
    first_contacted_at: times.contacted ?? null,
    last_contacted_at: null,
    next_follow_up_at: null,
    qualified_at: times.qualified ?? null,
    quoted_at: times.quoted ?? null,
    proposal_sent_at: times.proposal_sent ?? null,
    won_at: status === 'won' ? at(closedDays) : null,
    lost_at: status === 'lost' ? at(closedDays) : null,
    lost_reason: status === 'lost' ? rng.pick(LOST_REASONS) : null,
    archived_at: status === 'archived' ? at(closedDays) : null,
  };
  push(batch, 'leads', row);
  const contactIds = client.contacts.map((c) => c.id);
  const consent = makeMarketing(rng, clock, batch, id, contactIds, client.timezone, createdDays, person);
  const stage = { quoting: 'quoting', quoted: 'proposal', proposal_sent: 'negotiation', won: 'won', lost: 'lost' }[status];
  if (stage && (status !== 'lost' || rng.chance(0.5))) {
    push(batch, 'opportunities', {
      id: rng.uuid(),
      lead_id: id,
      client_id: client.id,
      insurance_type_id: type.id,
      assigned_user_id: producer.id,
      name: `${client.displayName} - ${type.name}`,
      stage,
      carrier: newCarrier,
      estimated_premium: quoted,
      probability: { quoting: 30, proposal: 50, negotiation: 70, won: 100, lost: 0 }[stage],
      expected_close_date: dateAt(Math.min(xDays, 120)),
      tags: [],
      custom_fields: {},
      metadata: {},
      created_at: times.quoting ?? at(createdDays + 1),
      updated_at: at(endDays),
      stage_changed_at: at(terminal ? closedDays : t),
      closed_at: terminal ? at(closedDays) : null,
      lost_reason: status === 'lost' ? row.lost_reason : null,
    });
  }
  const primary = client.contacts[0]!;
  const ctx: Ctx = {
    first: primary.first,
    last: primary.last,
    client: client.displayName,
    business: client.business?.name ?? null,
    spouse: hh?.members.find((m) => m.relationship === 'spouse')?.firstName ?? null,
    teen: hh?.members.find((m) => m.relationship === 'child')?.firstName ?? null,
    producer: producer.fullName.split(' ')[0]!,
    line,
    lineName: type.name.toLowerCase(),
    carrier,
    newCarrier,
    premium,
    quoted,
    xDate: monthDay(clock, xDays),
    city: client.city,
    state: client.state,
    vehicle: v ? `${v.year} ${v.make} ${v.model}` : otherVehicle(rng, clock),
    lender: rng.pick(line === 'auto' || line === 'motorcycle' || line === 'boat' ? AUTO_LENDERS : LENDERS),
    roofYear: (payload.data.dwelling as { roofYear?: number } | undefined)?.roofYear ?? rng.int(clock.year - 23, clock.year - 1),
    gc: rng.pick(GCS),
    project: rng.pick(PROJECTS),
  };
  return { id, client, line, status, createdDays, endDays, consent, ctx, terminal, commercial: type.category === 'commercial', row };
}

/** A household car named in prose on a non-auto lead, a few years old as of the anchor. */
function otherVehicle(rng: Rng, clock: BookClock): string {
  const [age, name] = rng.pick([
    [4, 'Honda CR-V'],
    [7, 'Ford F-150'],
    [2, 'Toyota Camry'],
    [5, 'Chevrolet Silverado'],
  ] as const);
  return `${clock.year - age} ${name}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "March 14" without Intl (which is slow enough to dominate a 100k-lead seed). */
function monthDay(clock: BookClock, days: number): string {
  const d = clock.dateAt(days);
  return `${MONTHS[Number(d.slice(5, 7)) - 1]} ${Number(d.slice(8, 10))}`;
}

function snake(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
