/**
 * The demo book generator: users, then clients with their leads, consent, follow-ups, activity
 * and tickets, yielded in batches of about `batchLeads` leads so large books load in bounded
 * memory and transactions. Every value comes from the seeded Rng and the clock's anchor date;
 * the generator's draws do not depend on the anchor, so ids are the same whatever the date.
 */
import { calendarFromSettings } from '../crm/tickets/sla.js';
import { Rng } from './prng.js';
import type { BookClock } from './clock.js';
import type { SeedSettings } from './follow-up-times.js';
import { makeActivity } from './book-activity.js';
import { makeClient } from './book-clients.js';
import { makeFollowUps } from './book-follow-ups.js';
import { makeLead, type LeadCtx } from './book-leads.js';
import type { Profile } from './book-marketing.js';
import { Cover, makeAiInteractions, makeTicket, ticketCovers } from './book-service.js';
import { push, type Batch, type Lookups, type SeedUser } from './book-types.js';

export const STATUS_CODES = [
  'new',
  'contacted',
  'qualified',
  'quoting',
  'quoted',
  'proposal_sent',
  'nurturing',
  'won',
  'lost',
  'archived',
] as const;
const STATUS_WEIGHTS: readonly (readonly [string, number])[] = [
  ['new', 12],
  ['contacted', 12],
  ['qualified', 10],
  ['quoting', 8],
  ['quoted', 10],
  ['proposal_sent', 6],
  ['nurturing', 12],
  ['won', 16],
  ['lost', 10],
  ['archived', 4],
];
const PERSONAL_WEIGHTS: readonly (readonly [string, number])[] = [
  ['auto', 30],
  ['home', 25],
  ['renters', 6],
  ['condo', 5],
  ['motorcycle', 3],
  ['umbrella', 8],
  ['boat', 4],
  ['flood', 4],
  ['life', 6],
];
const COMMERCIAL_WEIGHTS: readonly (readonly [string, number])[] = [
  ['bop', 25],
  ['general_liability', 25],
  ['workers_comp', 20],
  ['commercial_auto', 15],
  ['commercial_property', 15],
];

export const USERS: readonly Omit<SeedUser, 'id'>[] = [
  { handle: 'demo', fullName: 'Demo Producer', role: 'producer', timezone: 'America/Chicago' },
  { handle: 'avery.quinn', fullName: 'Avery Quinn', role: 'admin', timezone: 'America/New_York' },
  { handle: 'erin.walsh', fullName: 'Erin Walsh', role: 'manager', timezone: 'America/Los_Angeles' },
  { handle: 'marcus.reed', fullName: 'Marcus Reed', role: 'producer', timezone: 'America/Denver' },
  { handle: 'priya.raman', fullName: 'Priya Raman', role: 'csr', timezone: 'America/Chicago' },
  { handle: 'luis.ortega', fullName: 'Luis Ortega', role: 'csr', timezone: 'America/New_York' },
];

export function makeUsers(rng: Rng, clock: BookClock, batch: Batch): SeedUser[] {
  return USERS.map((u, i) => {
    const user = { ...u, id: rng.uuid() };
    const created = clock.at(-900 + i);
    push(batch, 'users', {
      id: user.id,
      handle: u.handle,
      full_name: u.fullName,
      email: `${u.handle}@northstar.example.com`,
      role: u.role,
      timezone: u.timezone,
      slack_user_id: `U0${String(i + 1).padStart(2, '0')}${u.handle
        .replace(/[^a-z]/g, '')
        .slice(0, 6)
        .toUpperCase()}`,
      created_at: created,
      updated_at: created,
    });
    return user;
  });
}

export interface BookStep {
  batch: Batch;
  /** Leads generated so far (cumulative). */
  leads: number;
}

/** Yields the book in batches; the first batch carries the users. */
export function* generateBook(
  seed: number,
  clock: BookClock,
  settings: SeedSettings,
  lk: Lookups,
  scale: number,
  batchLeads: number,
): Generator<BookStep> {
  const rng = new Rng(seed);
  const calendar = calendarFromSettings(settings);
  let batch: Batch = {};
  const users = makeUsers(rng, clock, batch);
  const producers = users.filter((u) => u.role === 'producer');
  const csrs = users.filter((u) => u.role === 'csr');
  const demo = users[0]!;
  const personal = new Cover(
    PERSONAL_WEIGHTS.map(([l]) => l),
    PERSONAL_WEIGHTS,
  );
  const commercial = new Cover(
    COMMERCIAL_WEIGHTS.map(([l]) => l),
    COMMERCIAL_WEIGHTS,
  );
  const statuses = new Cover<string>(STATUS_CODES, STATUS_WEIGHTS);
  const covers = ticketCovers();
  const sampleLeads: LeadCtx[] = [];
  const ticketIds: string[] = [];
  let made = 0;
  let inBatch = 0;
  let legacyShown = false;
  while (made < scale) {
    const kind = rng.chance(0.3) ? 'business' : 'individual';
    const producer = rng.chance(0.45) ? demo : rng.pick(producers);
    const client = makeClient(rng, clock, batch, kind, producer, -rng.float(30, 1500));
    const clientRow = client.row;
    let person: Profile | null = null;
    const want = Math.min(
      scale - made,
      rng.weighted([
        [1, 6],
        [2, 3],
        [3, 1],
      ] as const),
    );
    const lines = new Set<string>();
    const leads: LeadCtx[] = [];
    for (let i = 0; i < want; i++) {
      let line = kind === 'business' ? commercial.next(rng) : personal.next(rng);
      if (lines.has(line)) line = rng.weighted(kind === 'business' ? COMMERCIAL_WEIGHTS : PERSONAL_WEIGHTS);
      if (lines.has(line)) continue;
      lines.add(line);
      const status = statuses.next(rng);
      const legacy: boolean = line === 'auto' && ['archived', 'lost', 'nurturing'].includes(status) && (!legacyShown || rng.chance(0.3));
      legacyShown ||= legacy;
      const lead = makeLead(rng, clock, batch, client, line, status, lk, users, legacy, person);
      person ??= lead.consent.profile;
      makeFollowUps(rng, clock, settings, batch, lead);
      makeActivity(rng, clock, batch, lead, status === 'new' ? rng.int(1, 4) : rng.int(8, 15), lk, csrs);
      leads.push(lead);
      if (sampleLeads.length < 64) sampleLeads.push(lead);
      made++;
      inBatch++;
    }
    const won = leads.some((l) => l.status === 'won');
    clientRow.status = won ? 'active' : leads.every((l) => l.terminal) ? 'inactive' : 'prospect';
    if (won) clientRow.tags = [...(clientRow.tags as string[]), 'customer'];
    if (leads.length && rng.chance(won ? 0.45 : 0.06)) {
      for (let i = rng.int(1, 2); i > 0; i--) ticketIds.push(makeTicket(rng, clock, calendar, batch, rng.pick(leads), csrs, covers));
    }
    if (inBatch >= batchLeads) {
      yield { batch, leads: made };
      batch = {};
      inBatch = 0;
    }
  }
  if (sampleLeads.length) makeAiInteractions(rng, clock, batch, sampleLeads, ticketIds, demo);
  yield { batch, leads: made };
}
