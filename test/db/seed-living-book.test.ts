/**
 * The demo book is alive on the day it is seeded: anchored to a date, with the derived columns
 * the tools maintain, and data that follows the rules the tools enforce (issue 7).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type pg from 'pg';
import { contactTimeViolations } from '../../src/crm/compliance/contact-hours.js';
import { calendarFromSettings, slaDueAt, slaState, type Priority } from '../../src/crm/tickets/sla.js';
import { fromZoned, minutesOfDay, toZoned } from '../../src/crm/time/zoned-time.js';
import { users } from '../../src/db/schema/index.js';
import { seedDemoData } from '../../src/seed/index.js';
import { AppError } from '../../src/errors.js';
import { runTool } from '../../tools/run-tool.js';
import { searchLeadsTool } from '../../tools/search-leads.js';
import { actorOf, toolDeps } from '../helpers/fixtures.js';
import { useDatabase } from '../helpers/db.js';

const database = useDatabase();
/** Not the old fixed 2026-11-01, and four days before the US spring DST change. */
const ANCHOR_DATE = '2027-03-10';
const SETTINGS = { agencyTimezone: 'America/Chicago', businessHours: [8, 20] as const };
const ANCHOR = fromZoned({ year: 2027, month: 3, day: 10, hour: 0, minute: 0 }, SETTINGS.agencyTimezone);
const DAY = 86_400_000;

const rows = async <T>(pool: pg.Pool, sql: string, params: unknown[] = []): Promise<T[]> => (await pool.query(sql, params)).rows as T[];
let anchorDate: string | undefined;
const one = async <T>(pool: pg.Pool, sql: string, params: unknown[] = []): Promise<T> => (await rows<T>(pool, sql, params))[0]!;

beforeAll(async () => {
  const { db, pool } = database();
  anchorDate = (await seedDemoData(db, pool, { anchorDate: ANCHOR_DATE, settings: SETTINGS })).anchorDate;
});

describe('a book anchored to its seeding day', () => {
  it('puts open follow-ups around the anchor: a few overdue by days, most due in the coming weeks', async () => {
    const { pool } = database();
    const f = await one<Record<string, number>>(
      pool,
      `select count(*) filter (where due_at < $1::timestamptz - interval '7 days')::int as stale, count(*) filter (where due_at < $1)::int as overdue,
        count(*) filter (where due_at >= $1)::int as upcoming, count(*) filter (where due_at > $1::timestamptz + interval '45 days')::int as far
       from follow_ups where status = 'open'`,
      [ANCHOR],
    );
    expect(anchorDate).toBe(ANCHOR_DATE);
    expect(f.stale).toBe(0);
    expect(f.overdue).toBeGreaterThan(0);
    expect(f.upcoming).toBeGreaterThan(2 * f.overdue!);
    expect(f.far).toBe(0);
    const done = await one<{ n: number }>(
      pool,
      "select count(*)::int as n from follow_ups where status <> 'open' and (due_at >= $1 or completed_at >= $1)",
      [ANCHOR],
    );
    expect(done.n).toBe(0);
  });

  it('keeps history before the anchor and x-dates over the next year', async () => {
    const { pool } = database();
    const past = await one<{ n: number }>(
      pool,
      `select ((select count(*) from lead_communications where occurred_at >= $1) + (select count(*) from lead_notes where created_at >= $1)
        + (select count(*) from support_tickets where opened_at >= $1) + (select count(*) from leads where created_at >= $1))::int as n`,
      [ANCHOR],
    );
    expect(past.n).toBe(0);
    const x = await one<Record<string, number>>(
      pool,
      `select count(*) filter (where x_date < $1::date or x_date > $1::date + 366)::int as outside, count(*) filter (where x_date <= $1::date + 60)::int as soon, count(*)::int as n
       from leads where x_date is not null`,
      [ANCHOR_DATE],
    );
    expect(x.outside).toBe(0);
    expect(x.soon).toBeGreaterThan(0);
    expect(x.soon).toBeLessThan(x.n!);
  });

  it('sets leads.next_follow_up_at to the earliest open follow-up, as the follow-up tools do', async () => {
    const { pool } = database();
    const r = await one<Record<string, number>>(
      pool,
      `select count(*) filter (where l.next_follow_up_at is distinct from (select min(f.due_at) from follow_ups f where f.lead_id = l.id and f.status = 'open'))::int as wrong,
        count(*) filter (where l.next_follow_up_at is not null)::int as set,
        (select count(*) from (select lead_id from follow_ups where status = 'open' group by lead_id having count(*) > 1) m)::int as several
       from leads l`,
    );
    expect(r.wrong).toBe(0);
    expect(r.set).toBeGreaterThan(40);
    expect(r.several).toBeGreaterThan(0);
  });

  it('lets search_leads find overdue and due leads', async () => {
    const { db } = database();
    const [demo] = await db.select().from(users).where(eq(users.handle, 'demo'));
    const now = new Date(ANCHOR.getTime() + 0.5 * DAY);
    for (const followUp of ['overdue', 'due'] as const) {
      const r = await runTool(
        toolDeps(db, now),
        searchLeadsTool,
        { followUp, limit: 50 },
        { actor: actorOf(demo!), channel: 'mcp_memory' },
      );
      if (!r.ok) throw new Error(r.error.message);
      const out = r.output as { leads: { nextFollowUpAt: string | null }[]; total: number };
      expect(out.total, followUp).toBeGreaterThan(0);
      for (const l of out.leads) expect(Date.parse(l.nextFollowUpAt!)).toBeLessThanOrEqual(now.getTime());
    }
  });

  it('moves first and last contact times with the communications, on leads, clients and contacts', async () => {
    const { pool } = database();
    const r = await one<Record<string, number>>(
      pool,
      `with c as (select lead_id, min(occurred_at) as first, max(occurred_at) as last from lead_communications group by lead_id)
       select count(*) filter (where l.last_contacted_at is distinct from c.last)::int as last_wrong,
         count(*) filter (where c.lead_id is not null and (l.first_contacted_at is null or l.first_contacted_at > c.first))::int as first_wrong,
         count(*) filter (where c.lead_id is not null)::int as with_comms
       from leads l left join c on c.lead_id = l.id`,
    );
    expect(r).toMatchObject({ last_wrong: 0, first_wrong: 0 });
    expect(r.with_comms).toBeGreaterThan(100);
    const others = await one<Record<string, number>>(
      pool,
      `select (select count(*) from clients k where k.last_contact_at is distinct from (select max(occurred_at) from lead_communications c where c.client_id = k.id))::int as clients,
        (select count(*) from contacts k where k.last_contact_at is distinct from (select max(occurred_at) from lead_communications c where c.contact_id = k.id))::int as contacts`,
    );
    expect(others).toEqual({ clients: 0, contacts: 0 });
  });
});

/** Model years a producer would not question: first (and last) model year of some models. */
const MODEL_YEARS: Record<string, [number, number?]> = {
  'Tesla Model 3': [2017],
  'Tesla Model Y': [2020],
  'Kia Telluride': [2020],
  'Mazda CX-5': [2013],
  'Ram 1500': [2011],
  'Nissan Rogue': [2008],
  'Chevrolet Malibu': [1997, 2025],
  'Yamaha MT-07': [2015],
  'Indian Chief': [2014],
  'Kawasaki Ninja 650': [2012],
};
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';
/** Model year from VIN positions 10 (year code) and 7 (letter from 2010 on). */
const vinYear = (vin: string) => (/[A-Z]/.test(vin[6]!) ? 2010 : 1980) + YEAR_CODES.indexOf(vin[9]!);

describe('plausible data', () => {
  it('gives every vehicle a model year the model was made in, matching its VIN', async () => {
    const { pool } = database();
    const vs = await rows<{ make: string; model: string; year: number; vin: string | null; v: number }>(
      pool,
      "select v->>'make' as make, v->>'model' as model, (v->>'year')::int as year, v->>'vin' as vin, auto_data_version as v from leads, jsonb_array_elements(auto_data->'vehicles') v",
    );
    expect(vs.length).toBeGreaterThan(20);
    const bad = vs.filter((v) => {
      const [from, to] = MODEL_YEARS[`${v.make} ${v.model}`] ?? [1970];
      return v.year < from || v.year > (to ?? 2028) || v.year < 2027 - 25 || (v.vin !== null && vinYear(v.vin) !== v.year);
    });
    expect(bad).toEqual([]);
    expect(vs.some((v) => `${v.make} ${v.model}` in MODEL_YEARS)).toBe(true);
  });

  it('chooses follow-up purposes and ticket themes that fit the line of business', async () => {
    const { pool } = database();
    const RULES: [RegExp, string[]][] = [
      [/\b(VINs?|vehicles?|drivers?|fleet|MVRs?)\b/i, ['auto', 'motorcycle', 'commercial_auto']],
      [/\b(basement|pipe burst)\b/i, ['home', 'flood']],
      [/\b(boat|hull|marine|marina|trailer)\b/i, ['boat']],
      [/\b(roof|mortgagee?|HOA|escrow)\b/i, ['home', 'condo', 'commercial_property']],
      [
        /\b(payroll|class code|loss runs|subcontractors?|COI|additional insured|experience mod)\b/i,
        ['bop', 'general_liability', 'workers_comp', 'commercial_auto', 'commercial_property'],
      ],
      [/\b(beneficiar(y|ies)|paramedical|death claim)\b/i, ['life']],
    ];
    const misfits = (text: string, lines: string[]) =>
      RULES.filter(([re, ok]) => re.test(text) && !lines.some((l) => ok.includes(l))).map(([re]) => `${re.source}: ${text}`);
    const fus = await rows<{ purpose: string; line: string }>(
      pool,
      'select f.purpose, t.code as line from follow_ups f join leads l on l.id = f.lead_id join insurance_types t on t.id = l.insurance_type_id',
    );
    expect(fus.flatMap((f) => misfits(f.purpose, [f.line]))).toEqual([]);
    // A ticket without a lead is about one of the client's leads.
    const tickets = await rows<{ text: string; lines: string[] }>(
      pool,
      `select s.subject || ' ' || s.description || ' ' || coalesce(s.resolution, '') as text,
        case when s.lead_id is not null then array[(select t.code from leads l join insurance_types t on t.id = l.insurance_type_id where l.id = s.lead_id)]
          else array(select t.code from leads l join insurance_types t on t.id = l.insurance_type_id where l.client_id = s.client_id) end as lines
       from support_tickets s`,
    );
    expect(tickets.flatMap((t) => misfits(t.text, t.lines))).toEqual([]);
  });

  it("schedules calls and texts inside the allowed hours of the lead's zone, Monday to Saturday 9-6", async () => {
    const { pool } = database();
    const fus = await rows<{ due_at: Date; timezone: string; channel: string; qs: string | null; qe: string | null }>(
      pool,
      `select f.due_at, f.timezone, f.channel, s.quiet_hours_start as qs, s.quiet_hours_end as qe from follow_ups f
       left join lead_marketing_settings s on s.lead_id = f.lead_id and s.contact_id is null`,
    );
    const timed = fus.filter((f) => f.channel === 'call' || f.channel === 'sms');
    expect(timed.length).toBeGreaterThan(20);
    const outside = fus.flatMap((f) => {
      const z = toZoned(f.due_at, f.timezone);
      const min = z.hour * 60 + z.minute;
      const problems =
        z.weekday === 0 || min < 9 * 60 || min >= 18 * 60
          ? [`${f.channel} due ${f.due_at.toISOString()} is ${z.hour}:${z.minute} on weekday ${z.weekday} in ${f.timezone}`]
          : [];
      if (f.channel === 'call' || f.channel === 'sms') {
        const [startMin, endMin] = [minutesOfDay(f.qs), minutesOfDay(f.qe)];
        const quiet = startMin !== null && endMin !== null ? { startMin, endMin, zone: f.timezone } : null;
        problems.push(
          ...contactTimeViolations(f.due_at, {
            leadZone: f.timezone,
            agencyZone: SETTINGS.agencyTimezone,
            businessHours: SETTINGS.businessHours,
            quiet,
          }),
        );
      }
      return problems;
    });
    expect(outside).toEqual([]);
  });

  it('never plans a call, text or email the person opted out of, and keeps opt-outs per person', async () => {
    const { pool } = database();
    const r = await one<Record<string, number>>(
      pool,
      `select count(*) filter (where f.channel = 'call' and (s.do_not_call or s.call_consent in ('denied','revoked')))::int as call,
        count(*) filter (where f.channel = 'sms' and s.sms_consent in ('denied','revoked'))::int as sms,
        count(*) filter (where f.channel = 'email' and (s.unsubscribed_at is not null or s.email_consent in ('denied','revoked')))::int as email
       from follow_ups f join lead_marketing_settings s on s.lead_id = f.lead_id and s.contact_id is null`,
    );
    expect(r).toEqual({ call: 0, sms: 0, email: 0 });
    const mixed = await one<{ n: number }>(
      pool,
      `select count(*)::int as n from (select l.client_id from leads l join lead_marketing_settings s on s.lead_id = l.id and s.contact_id is null group by l.client_id
        having count(distinct s.do_not_call) > 1 or count(distinct s.sms_consent = 'revoked') > 1 or count(distinct s.unsubscribed_at is not null) > 1) m`,
    );
    expect(mixed.n).toBe(0);
    const contactViolations = await one<{ n: number }>(
      pool,
      `select count(*)::int as n from lead_communications c join communication_types t on t.id = c.communication_type_id
       join lead_marketing_settings s on s.lead_id = c.lead_id and s.contact_id = c.contact_id
       where c.direction = 'outbound' and ((t.code in ('call','voicemail') and (s.call_consent in ('denied','revoked') or s.do_not_call)) or (t.code = 'sms' and s.sms_consent in ('denied','revoked')))`,
    );
    expect(contactViolations.n).toBe(0);
  });

  it('sets ticket SLA targets with the SLA policy, and opens a realistic queue at the anchor', async () => {
    const { pool } = database();
    const cal = calendarFromSettings(SETTINGS);
    const ts = await rows<{ priority: Priority; opened_at: Date; sla_due_at: Date; resolved_at: Date | null; status: string }>(
      pool,
      'select priority, opened_at, sla_due_at, resolved_at, status from support_tickets',
    );
    expect(ts.filter((t) => t.sla_due_at.getTime() !== slaDueAt(t.priority, t.opened_at, cal).getTime())).toEqual([]);
    const open = ts
      .filter((t) => !['resolved', 'closed'].includes(t.status))
      .map((t) => slaState({ slaDueAt: t.sla_due_at, resolvedAt: t.resolved_at, status: t.status }, ANCHOR));
    expect(open.length).toBeGreaterThan(3);
    expect(open.filter((s) => s === 'breached').length).toBeLessThan(open.length / 2);
  });

  it('refuses an anchor that is not a calendar date, writing nothing', async () => {
    const { db, pool } = database();
    const before = await one<{ n: number }>(pool, 'select count(*)::int as n from leads');
    const err = await seedDemoData(db, pool, { anchorDate: '2027-02-30', reset: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('VALIDATION');
    expect(await one(pool, 'select count(*)::int as n from leads')).toEqual(before);
  });
});
