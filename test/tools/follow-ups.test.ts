import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addresses, followUps, leadMarketingSettings, leads } from '../../src/db/schema/index.js';
import type { Db } from '../../src/db/client.js';
import { insertFollowUpOnce } from '../../src/crm/follow-ups/schedule.js';
import { completeFollowUpTool } from '../../tools/complete-follow-up.js';
import { listFollowUpsTool } from '../../tools/list-follow-ups.js';
import { scheduleFollowUpTool } from '../../tools/schedule-follow-up.js';
import { runTool, type ToolResult } from '../../tools/run-tool.js';
import type { AnyTool } from '../../tools/define.js';
import { actorOf, makeClient, makeLead, makeUser, toolDeps } from '../helpers/fixtures.js';
import { useDatabase } from '../helpers/db.js';

const database = useDatabase();
// Friday 2026-03-06: 10:00 EST, 9:00 CST (agency), 7:00 PST. US DST starts Sunday the 8th.
const NOW = new Date('2026-03-06T15:00:00Z');

async function setup(db: Db, client: Parameters<typeof makeClient>[1] = { timezone: 'America/New_York' }) {
  const user = await makeUser(db);
  const lead = await makeLead(db, { clientId: (await makeClient(db, client)).id });
  const run = async (tool: AnyTool, input: Record<string, unknown>, now = NOW, who = user) => {
    const r = await runTool(toolDeps(db, now), tool, input, { actor: actorOf(who), channel: 'mcp_memory' });
    return r;
  };
  const schedule = (input: Record<string, unknown>, now = NOW) =>
    run(scheduleFollowUpTool, { leadId: lead.id, purpose: 'Review auto quote', ...input }, now);
  return { user, lead, run, schedule };
}

const out = (r: ToolResult) => {
  if (!r.ok) throw new Error(`tool failed: ${JSON.stringify(r.error)}`);
  return r.output as Record<string, unknown> & { items?: Array<Record<string, unknown>> };
};
const nextOf = async (db: Db, id: string) =>
  (await db.select({ n: leads.nextFollowUpAt }).from(leads).where(eq(leads.id, id)))[0]!.n?.toISOString() ?? null;
const rowsOf = (db: Db, leadId: string) => db.select().from(followUps).where(eq(followUps.leadId, leadId));

describe('schedule_follow_up', () => {
  it("reads a phrase in the lead's zone across the DST change and sets next_follow_up_at", async () => {
    const { db } = database();
    const { lead, user, schedule } = await setup(db);
    const o = out(await schedule({ when: 'next Tuesday at 3pm' }));
    expect(o).toMatchObject({
      scheduled: true,
      existing: false,
      dueAt: '2026-03-10T19:00:00.000Z',
      dueLocal: 'Tue, Mar 10, 2026, 3:00 PM EDT',
      timezone: 'America/New_York',
      assignedUserId: user.id,
      nextFollowUpAt: '2026-03-10T19:00:00.000Z',
    });
    expect(await nextOf(db, lead.id)).toBe('2026-03-10T19:00:00.000Z');
  });

  it("falls back to the address zone, then the marketing settings' zone, then the agency's", async () => {
    const { db } = database();
    const [addr] = await db
      .insert(addresses)
      .values({ line1: '1 Main St', city: 'Fresno', state: 'CA', postalCode: '93701', timezone: 'America/Los_Angeles' })
      .returning();
    const viaAddress = await setup(db, { addressId: addr!.id });
    expect(out(await viaAddress.schedule({ when: 'tomorrow at 11am' }))).toMatchObject({
      dueAt: '2026-03-07T19:00:00.000Z',
      timezone: 'America/Los_Angeles',
    });
    const viaSettings = await setup(db, {});
    await db.insert(leadMarketingSettings).values({ leadId: viaSettings.lead.id, timezone: 'America/Denver' });
    expect(out(await viaSettings.schedule({ when: 'tomorrow morning', channel: 'email' }))).toMatchObject({
      dueAt: '2026-03-07T16:00:00.000Z',
      timezone: 'America/Denver',
    });
    const viaAgency = await setup(db, {});
    expect(out(await viaAgency.schedule({ when: 'in 2 days', channel: 'task' }))).toMatchObject({
      dueAt: '2026-03-08T15:00:00.000Z',
      timezone: 'America/Chicago',
    });
  });

  it('proposes the nearest allowed time for an early call instead of moving it silently', async () => {
    const { db } = database();
    const { lead, schedule } = await setup(db);
    // 7 AM EST is before 8 AM for the lead, and 6 AM in the Chicago agency.
    const refused = out(await schedule({ when: 'tomorrow at 7am' }));
    expect(refused).toMatchObject({
      scheduled: false,
      followUpId: null,
      dueAt: null,
      requestedDueAt: '2026-03-07T12:00:00.000Z',
      proposedDueAt: '2026-03-07T14:00:00.000Z',
    });
    // No address: the state is unknown, so the strictest state window applies.
    expect(refused.reason).toMatch(
      /outside 9:00 AM-8:00 PM in the lead's time zone \(America\/New_York, the strictest state window.*acceptProposed: true/,
    );
    expect(await rowsOf(db, lead.id)).toHaveLength(0);
    expect(await nextOf(db, lead.id)).toBeNull();
    // Accepting, or calling again with the proposed time, schedules it.
    expect(out(await schedule({ when: 'tomorrow at 7am', acceptProposed: true }))).toMatchObject({
      scheduled: true,
      dueAt: '2026-03-07T14:00:00.000Z',
      proposedDueAt: '2026-03-07T14:00:00.000Z',
    });
    expect(out(await schedule({ when: '2026-03-07T14:00:00.000Z', purpose: 'Second topic', channel: 'sms' }))).toMatchObject({
      scheduled: true,
      proposedDueAt: null,
    });
    // Email has no contact-hour rule.
    expect(out(await schedule({ when: 'tomorrow at 7am', purpose: 'Send quote', channel: 'email' }))).toMatchObject({
      scheduled: true,
      dueAt: '2026-03-07T12:00:00.000Z',
    });
  });

  it("keeps texts out of the lead's quiet hours", async () => {
    const { db } = database();
    const { lead, schedule } = await setup(db);
    await db.insert(leadMarketingSettings).values({ leadId: lead.id, quietHoursStart: '12:00', quietHoursEnd: '14:00' });
    const o = out(await schedule({ when: 'Monday at 12:30pm', channel: 'sms' }));
    // 11:45 AM EDT is 45 minutes away; 2 PM is 90.
    expect(o).toMatchObject({
      scheduled: false,
      proposedDueAt: '2026-03-09T15:45:00.000Z',
      proposedDueLocal: 'Mon, Mar 9, 2026, 11:45 AM EDT',
    });
    expect(o.reason).toMatch(/quiet hours 12:00 PM-2:00 PM/);
  });

  it('returns the open follow-up for the same purpose instead of a duplicate, and rejects past times', async () => {
    const { db } = database();
    const { lead, schedule } = await setup(db);
    const first = out(await schedule({ when: 'Monday at 10am' }));
    const again = out(await schedule({ when: 'Wednesday at 10am', purpose: '  review   AUTO quote ' }));
    expect(again).toMatchObject({ scheduled: true, existing: true, followUpId: first.followUpId, dueAt: first.dueAt });
    expect(await rowsOf(db, lead.id)).toHaveLength(1);
    const past = await schedule({ when: '2026-03-05T10:00:00-05:00', purpose: 'Other' });
    expect(past).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ field: 'when' }] } });
  });

  it('lets the partial unique index decide under concurrent scheduling', async () => {
    const { db } = database();
    const { lead, user, schedule } = await setup(db);
    const results = await Promise.all(
      Array.from({ length: 4 }, () => schedule({ when: 'Monday at 10am', purpose: 'Race' })).map((p) => p.then(out)),
    );
    expect(results.filter((r) => r.existing === false)).toHaveLength(1);
    expect(new Set(results.map((r) => r.followUpId)).size).toBe(1);
    // The insert path itself (not only the pre-check) returns the open one on conflict.
    const again = await insertFollowUpOnce(db, {
      leadId: lead.id,
      clientId: lead.clientId,
      assignedUserId: user.id,
      dueAt: NOW,
      timezone: 'UTC',
      channel: 'task',
      purpose: 'RACE ',
    });
    expect(again).toMatchObject({ existing: true, row: { id: results[0]!.followUpId } });
    expect(await rowsOf(db, lead.id)).toHaveLength(1);
  });

  it('refuses a call follow-up to a do-not-call lead instead of scheduling it with a warning; email is still allowed', async () => {
    const { db } = database();
    const { lead, schedule } = await setup(db);
    await db.insert(leadMarketingSettings).values({ leadId: lead.id, doNotCall: true, doNotCallSource: 'DNC registry' });
    const r = await schedule({ when: 'Monday at 10am' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONSENT_REQUIRED', message: expect.stringMatching(/do-not-call list/) } });
    if (r.ok) return;
    expect(r.error.hint).toMatch(/channel "sms" or "email" or "task"/);
    expect(await rowsOf(db, lead.id)).toHaveLength(0);
    const email = out(await schedule({ when: 'Monday at 10am', channel: 'email' }));
    expect(email).toMatchObject({ scheduled: true, channel: 'email', warnings: [] });
  });
});

describe('complete_follow_up', () => {
  it('recomputes next_follow_up_at on complete and cancel, and is idempotent', async () => {
    const { db } = database();
    const { lead, run, schedule } = await setup(db);
    const tue = out(await schedule({ when: 'next Tuesday at 3pm', purpose: 'A' }));
    const mon = out(await schedule({ when: 'Monday at 10am', purpose: 'B' }));
    expect(mon.nextFollowUpAt).toBe('2026-03-09T14:00:00.000Z');
    const done = out(await run(completeFollowUpTool, { followUpId: mon.followUpId, outcome: 'Reached Pat' }));
    expect(done).toMatchObject({ status: 'completed', changed: true, completedAt: NOW.toISOString(), nextFollowUpAt: tue.dueAt });
    expect(await nextOf(db, lead.id)).toBe(tue.dueAt);
    expect(out(await run(completeFollowUpTool, { followUpId: mon.followUpId }))).toMatchObject({ changed: false, status: 'completed' });
    expect(await run(completeFollowUpTool, { followUpId: mon.followUpId, cancel: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    expect(out(await run(completeFollowUpTool, { followUpId: tue.followUpId, cancel: true }))).toMatchObject({
      status: 'cancelled',
      completedAt: null,
      nextFollowUpAt: null,
    });
    expect(await nextOf(db, lead.id)).toBeNull();
    expect(await run(completeFollowUpTool, { followUpId: tue.followUpId })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    // A completed purpose can be scheduled again.
    expect(out(await schedule({ when: 'next Tuesday at 3pm', purpose: 'B' }))).toMatchObject({ existing: false });
  });
});

describe('list_follow_ups', () => {
  it('filters by assignee, due, overdue, lead and channel, and paginates with a total', async () => {
    const { db } = database();
    const { user, lead, run, schedule } = await setup(db);
    const colleague = await makeUser(db);
    await schedule({ when: 'in 3 hours', purpose: 'Today call' }); // 13:00 CST today
    await schedule({ when: 'Monday at 10am', purpose: 'Monday email', channel: 'email' });
    await schedule({ when: 'next Tuesday at 3pm', purpose: 'Colleague call', assignee: colleague.handle });
    const list = (input: Record<string, unknown>, now = NOW) => run(listFollowUpsTool, input, now).then(out);

    const mine = await list({});
    expect(mine.total).toBe(2);
    expect(mine.items!.map((i) => i.purpose)).toEqual(['Today call', 'Monday email']);
    expect(mine.items![0]).toMatchObject({
      leadId: lead.id,
      clientName: expect.stringMatching(/^Pat Tester/),
      dueLocal: 'Fri, Mar 6, 2026, 1:00 PM EST',
      overdue: false,
      assigneeHandle: user.handle,
    });
    // Summary rows (the default) leave out empty and full-only fields; full has them all.
    expect(Object.values(mine.items![0]!)).not.toContain(null);
    expect(mine.items![0]).not.toHaveProperty('timezone');
    const full = await list({ detail: 'full' });
    expect(full.items![0]).toMatchObject({ timezone: 'America/New_York', status: 'open', notes: null, contactName: null });
    expect(JSON.stringify(full.items![0]).length).toBeGreaterThan(JSON.stringify(mine.items![0]).length);
    // Other tests in this file share the database: scope everyone's follow-ups to this lead.
    expect((await list({ allUsers: true, leadId: lead.id })).total).toBe(3);
    expect((await list({ assignee: colleague.id })).items!.map((i) => i.purpose)).toEqual(['Colleague call']);
    expect((await list({ due: true })).items!.map((i) => i.purpose)).toEqual(['Today call']);
    expect((await list({ channel: 'email' })).items!.map((i) => i.purpose)).toEqual(['Monday email']);
    const later = new Date('2026-03-09T16:00:00Z');
    const overdue = await list({ overdue: true, allUsers: true, leadId: lead.id }, later);
    expect(overdue.items!.map((i) => [i.purpose, i.overdue])).toEqual([
      ['Today call', true],
      ['Monday email', true],
    ]);

    const page1 = await list({ allUsers: true, leadId: lead.id, limit: 2 });
    expect(page1).toMatchObject({ total: 3, nextCursor: expect.any(String) });
    const page2 = await list({ allUsers: true, leadId: lead.id, limit: 2, cursor: page1.nextCursor });
    expect(page2).toMatchObject({ total: 3, nextCursor: null });
    expect([...page1.items!, ...page2.items!].map((i) => i.purpose)).toEqual(['Today call', 'Monday email', 'Colleague call']);
    expect(await run(listFollowUpsTool, { allUsers: true, cursor: page1.nextCursor })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await run(listFollowUpsTool, { allUsers: true, assignee: 'me' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    const done = (await list({})).items![0]!;
    await run(completeFollowUpTool, { followUpId: done.followUpId, outcome: 'Left details' });
    const completed = await list({ status: 'completed' });
    expect(completed.items!.map((i) => i.purpose)).toEqual(['Today call']);
    expect(completed.items![0]!.outcome).toMatch(/<untrusted-data[^>]*>\nLeft details\n/);
  });

  it('lists with no filter at all (any status, everyone, a role that sees the whole book), total included', async () => {
    const { db } = database();
    const { schedule, run } = await setup(db);
    await schedule({ when: 'in 3 hours', purpose: 'Unfiltered call' });
    const manager = await makeUser(db, { role: 'manager' });
    const r = out(await run(listFollowUpsTool, { status: 'any', allUsers: true, limit: 1 }, NOW, manager));
    const all = await db.select({ id: followUps.id }).from(followUps);
    expect(r.total).toBe(all.length);
    expect(r.items).toHaveLength(1);
  });
});
