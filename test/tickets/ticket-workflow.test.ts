import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { supportTickets } from '../../src/db/schema/index.js';
import { calendarFromSettings, slaDueAt } from '../../src/crm/tickets/sla.js';
import { createTicketTool } from '../../tools/create-ticket.js';
import { listTicketsTool } from '../../tools/list-tickets.js';
import { triageTicketTool } from '../../tools/triage-ticket.js';
import { updateTicketTool } from '../../tools/update-ticket.js';
import { runTool } from '../../tools/run-tool.js';
import { actorOf, makeClient, makeUser, newId, toolDeps } from '../helpers/fixtures.js';
import { useDatabase } from '../helpers/db.js';

const database = useDatabase();
const T0 = new Date('2025-03-03T16:00:00Z'); // Monday 10:00 CST
const T1 = new Date('2025-03-04T15:00:00Z'); // Tuesday 09:00 CST
const cal = () => calendarFromSettings(toolDeps(database().db).settings);
type U = Awaited<ReturnType<typeof makeUser>>;
const as = (u: U) => ({ actor: actorOf(u), channel: 'mcp_memory' as const });
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const out = (r: Awaited<ReturnType<typeof runTool>>): any => {
  if (!r.ok) throw new Error(`tool failed: ${JSON.stringify(r.error)}`);
  return r.output;
};

let csr: U;
beforeAll(async () => {
  csr = await makeUser(database().db, { role: 'csr' });
});

async function newTicket(o: Record<string, unknown> = {}, at = T0) {
  const client = o.clientId ? undefined : await makeClient(database().db);
  const r = await runTool(
    toolDeps(database().db, at),
    createTicketTool,
    {
      clientId: client?.id,
      subject: 'Need new ID cards',
      description: 'Please email new insurance cards.',
      channel: 'email',
      triage: false,
      ...o,
    },
    as(csr),
  );
  return out(r).ticket as { ticketId: string; clientId: string; slaDueAt: string };
}

describe('update_ticket', () => {
  it('stamps first response, requires a resolution to resolve, stamps resolved/closed, and refuses closed -> open without reopen', async () => {
    const { db } = database();
    const t = await newTicket();
    const deps = toolDeps(db, T1);
    const opened = out(await runTool(deps, updateTicketTool, { ticketId: t.ticketId, status: 'open' }, as(csr)));
    expect(opened.ticket).toMatchObject({ status: 'open', firstResponseAt: T1.toISOString() });
    expect(opened.changed).toEqual(['status']);
    const noRes = await runTool(deps, updateTicketTool, { ticketId: t.ticketId, status: 'resolved' }, as(csr));
    expect(noRes).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ field: 'resolution' }] } });
    const resolved = out(
      await runTool(deps, updateTicketTool, { ticketId: t.ticketId, status: 'resolved', resolution: 'Emailed ID cards.' }, as(csr)),
    );
    expect(resolved.ticket).toMatchObject({ status: 'resolved', resolvedAt: T1.toISOString(), slaState: 'met' });
    expect(resolved.ticket.resolution).toContain('Emailed ID cards.');
    const closed = out(await runTool(deps, updateTicketTool, { ticketId: t.ticketId, status: 'closed' }, as(csr)));
    expect(closed.ticket).toMatchObject({ status: 'closed', closedAt: T1.toISOString() });
    const back = await runTool(deps, updateTicketTool, { ticketId: t.ticketId, status: 'open' }, as(csr));
    expect(back).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    if (!back.ok) expect(back.error.hint).toMatch(/reopen: true/);
    const [row] = await db.select().from(supportTickets).where(eq(supportTickets.id, t.ticketId));
    expect(row?.status).toBe('closed');
  });

  it('reopens with reopen: true, clearing resolved/closed times and restarting the SLA clock', async () => {
    const t = await newTicket();
    const deps = toolDeps(database().db, T1);
    out(
      await runTool(
        deps,
        updateTicketTool,
        { ticketId: t.ticketId, status: 'closed', resolution: 'Duplicate of another request.' },
        as(csr),
      ),
    );
    const re = out(await runTool(deps, updateTicketTool, { ticketId: t.ticketId, reopen: true }, as(csr)));
    expect(re.ticket).toMatchObject({
      status: 'open',
      resolvedAt: null,
      closedAt: null,
      slaDueAt: slaDueAt('normal', T1, cal()).toISOString(),
    });
    expect(await runTool(deps, updateTicketTool, { ticketId: t.ticketId, reopen: true }, as(csr))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    expect(await runTool(deps, updateTicketTool, { ticketId: t.ticketId, status: 'new' }, as(csr))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
  });

  it('a priority change recomputes the SLA from opening and marks priority human-set for triage', async () => {
    const t = await newTicket({ subject: 'Lawsuit', description: 'I am being sued after the accident and my attorney needs the policy.' });
    const deps = toolDeps(database().db, T1);
    const up = out(await runTool(deps, updateTicketTool, { ticketId: t.ticketId, priority: 'low' }, as(csr)));
    expect(up.ticket).toMatchObject({ priority: 'low', slaDueAt: slaDueAt('low', T0, cal()).toISOString() });
    expect(up.changed).toEqual(['priority', 'slaDueAt']);
    const tri = out(await runTool(deps, triageTicketTool, { ticketId: t.ticketId }, as(csr)));
    expect(tri.ticket).toMatchObject({ priority: 'low', aiPriority: 'urgent', category: 'claim' });
    expect(tri.applied).toEqual({ category: true, priority: false, slaDueAt: false });
  });

  it('assigns only active staff, and rejects unknown tickets and empty patches', async () => {
    const { db } = database();
    const t = await newTicket();
    const viewer = await makeUser(db, { role: 'viewer' });
    const deps = toolDeps(db, T1);
    expect(await runTool(deps, updateTicketTool, { ticketId: t.ticketId, assigneeId: viewer.id }, as(csr))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(out(await runTool(deps, updateTicketTool, { ticketId: t.ticketId, assigneeId: csr.id }, as(csr))).ticket.assigneeId).toBe(
      csr.id,
    );
    expect(out(await runTool(deps, updateTicketTool, { ticketId: t.ticketId, assigneeId: null }, as(csr))).ticket.assigneeId).toBeNull();
    expect(await runTool(deps, updateTicketTool, { ticketId: newId(), status: 'open' }, as(csr))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await runTool(deps, updateTicketTool, { ticketId: t.ticketId }, as(csr))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });
});

describe('list_tickets', () => {
  it("defaults to the caller's open tickets, sorted by SLA due then priority, with fenced subjects", async () => {
    const { db } = database();
    const me = await makeUser(db, { role: 'csr' });
    const client = await makeClient(db);
    const low = await newTicket({ clientId: client.id, assigneeId: me.id, priority: 'low', subject: 'low one' });
    const urgent = await newTicket({ clientId: client.id, assigneeId: me.id, priority: 'urgent', subject: 'urgent one' });
    const normal = await newTicket({ clientId: client.id, assigneeId: me.id, priority: 'normal', subject: 'normal one' });
    await newTicket({ clientId: client.id, priority: 'urgent', subject: 'not mine' });
    const done = await newTicket({ clientId: client.id, assigneeId: me.id, subject: 'done' });
    out(await runTool(toolDeps(db, T0), updateTicketTool, { ticketId: done.ticketId, status: 'resolved', resolution: 'ok' }, as(me)));
    const r = out(await runTool(toolDeps(db, T0), listTicketsTool, {}, as(me)));
    expect(r.tickets.map((x: { ticketId: string }) => x.ticketId)).toEqual([urgent.ticketId, normal.ticketId, low.ticketId]);
    expect(r.total).toBe(3);
    expect(r.tickets[0].subject).toMatch(/^<untrusted-data tag="[0-9a-f]+"[^>]*>\nurgent one\n/);
    expect(r.tickets[0]).toMatchObject({ priority: 'urgent', slaState: 'on_track', assigneeId: me.id, assigneeHandle: me.handle });
    const all = out(await runTool(toolDeps(db, T0), listTicketsTool, { clientId: client.id, status: ['new', 'resolved'] }, as(me)));
    expect(all.total).toBe(5);
  });

  it('filters breaching SLA and pages with a cursor without gaps or repeats', async () => {
    const { db } = database();
    const client = await makeClient(db);
    const early = new Date('2025-01-06T16:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await newTicket({ clientId: client.id, subject: `old ${i}` }, early)).ticketId);
    await newTicket({ clientId: client.id, subject: 'fresh' }, T0);
    // An imported ticket without an SLA sorts last.
    const [noSla] = await db.insert(supportTickets).values({ clientId: client.id, subject: 'imported', description: 'x' }).returning();
    const deps = toolDeps(db, T0);
    const breaching = out(await runTool(deps, listTicketsTool, { clientId: client.id, breachingSla: true }, as(csr)));
    expect(breaching.total).toBe(5);
    expect(breaching.tickets.every((x: { slaState: string }) => x.slaState === 'breached')).toBe(true);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = out(await runTool(deps, listTicketsTool, { clientId: client.id, limit: 2, ...(cursor ? { cursor } : {}) }, as(csr)));
      expect(page.total).toBe(7);
      seen.push(...page.tickets.map((x: { ticketId: string }) => x.ticketId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen.slice(0, 5).sort()).toEqual([...ids].sort());
    expect(seen[6]).toBe(noSla!.id);
    const foreign = out(await runTool(deps, listTicketsTool, { clientId: client.id, limit: 2 }, as(csr))).nextCursor;
    expect(
      await runTool(deps, listTicketsTool, { clientId: client.id, limit: 2, priority: ['low'], cursor: foreign }, as(csr)),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
