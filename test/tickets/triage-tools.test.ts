import { count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { aiInteractions, supportTickets } from '../../src/db/schema/index.js';
import { calendarFromSettings, slaDueAt } from '../../src/crm/tickets/sla.js';
import { createTicketTool } from '../../tools/create-ticket.js';
import { triageTicketTool } from '../../tools/triage-ticket.js';
import { runTool, type ToolDeps } from '../../tools/run-tool.js';
import type { ToolServices } from '../../tools/define.js';
import { actorOf, makeClient, makeContact, makeLead, makeUser, newId, toolDeps } from '../helpers/fixtures.js';
import { useDatabase } from '../helpers/db.js';

const database = useDatabase();
const NOW = new Date('2025-03-03T16:00:00Z'); // Monday 10:00 in America/Chicago
const call = (u: Awaited<ReturnType<typeof makeUser>>) => ({ actor: actorOf(u), channel: 'mcp_memory' as const });
const withModel = (model: ToolServices['triageModel']): ToolDeps => ({ ...toolDeps(database().db, NOW), services: { triageModel: model } });
const ticketCount = async () => (await database().db.select({ n: count() }).from(supportTickets))[0]!.n;
/** Connections checked out of the pool: 1 while a transaction holds the (single) connection. */
const checkedOut = () => database().pool.totalCount - database().pool.idleCount;

type Out = {
  ticket: Record<string, unknown> & { ticketId: string };
  similarResolved: { ticketId: string; resolution: string; subject: string }[];
} & Record<string, unknown>;
async function ok(r: Awaited<ReturnType<typeof runTool>>): Promise<Out> {
  if (!r.ok) throw new Error(`tool failed: ${JSON.stringify(r.error)}`);
  return r.output as Out;
}

let staff: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  staff = await makeUser(database().db, { role: 'csr' });
});

describe('create_ticket with triage (rules, offline)', () => {
  it('stores the ai_* fields, fills unset category/priority and the SLA from the triaged priority, and links the audit row', async () => {
    const { db } = database();
    const client = await makeClient(db);
    const contact = await makeContact(db, client.id);
    const r = await runTool(
      toolDeps(db, NOW),
      createTicketTool,
      {
        clientId: client.id,
        contactId: contact.id,
        subject: 'Rear-ended this morning',
        description: 'Someone rear-ended me at a red light. The bumper is smashed. How do I start a claim?',
        channel: 'phone',
      },
      call(staff),
    );
    const out = await ok(r);
    const [row] = await db.select().from(supportTickets).where(eq(supportTickets.id, out.ticket.ticketId));
    expect(row).toMatchObject({
      status: 'new',
      category: 'claim',
      priority: 'high',
      aiCategory: 'claim',
      aiPriority: 'high',
      aiModel: 'crm-rules-v1',
      aiLanguage: 'en',
      clientId: client.id,
      contactId: contact.id,
      createdByUserId: staff.id,
    });
    expect(row!.aiUrgencySignals).toContain('loss_event');
    expect(Number(row!.aiConfidence)).toBeGreaterThan(0.5);
    expect(row!.aiRationale).toMatch(/category claim/);
    expect(row!.aiSummary).toMatch(/^Rear-ended this morning/);
    expect(row!.aiTriagedAt?.toISOString()).toBe(NOW.toISOString());
    expect(row!.openedAt.toISOString()).toBe(NOW.toISOString());
    expect(row!.slaDueAt?.toISOString()).toBe(slaDueAt('high', NOW, calendarFromSettings(toolDeps(db).settings)).toISOString());
    expect(row!.aiSuggestedResolution).toMatch(/^Playbook \(claim\)|^As in resolved ticket/);
    expect(out.ticket.subject).toMatch(/^<untrusted-data tag="[0-9a-f]+" source="ticket:/);
    expect(out.ticket.description).toContain('How do I start a claim?');
    const [audit] = await db.select().from(aiInteractions).where(eq(aiInteractions.id, r.interactionId));
    expect(audit).toMatchObject({ toolName: 'create_ticket', ticketId: row!.id, crmClientId: client.id });
  });

  it('suggests the least-loaded active CSR for a service category, from the database', async () => {
    const { db } = database();
    const busy = await makeUser(db, { role: 'csr' });
    const client = await makeClient(db);
    for (let i = 0; i < 3; i++) {
      await runTool(
        toolDeps(db, NOW),
        createTicketTool,
        { clientId: client.id, subject: `Filler ${i}`, description: 'x', channel: 'email', assigneeId: busy.id, triage: false },
        call(staff),
      );
    }
    const out = await ok(
      await runTool(
        toolDeps(db, NOW),
        createTicketTool,
        {
          clientId: client.id,
          subject: 'Need a COI',
          description: 'Please send a certificate of insurance to ABC Builders.',
          channel: 'email',
        },
        call(staff),
      ),
    );
    const suggested = out.ticket.aiSuggestedAssigneeId as string;
    expect(suggested).not.toBe(busy.id);
    const loads = await db.execute<{ id: string; load: number }>(sql`
      select u.id, count(t.id)::int as load from users u
      left join support_tickets t on t.assigned_user_id = u.id and t.status in ('new','open','pending','on_hold')
      where u.role = 'csr' and u.is_active group by u.id`);
    const min = Math.min(...loads.rows.map((x) => x.load));
    expect(loads.rows.find((x) => x.id === suggested)?.load).toBe(min);
  });

  it("suggests the client's own producer for a cancellation (retention)", async () => {
    const { db } = database();
    const producer = await makeUser(db, { role: 'producer' });
    const client = await makeClient(db, { assignedUserId: producer.id });
    const out = await ok(
      await runTool(
        toolDeps(db, NOW),
        createTicketTool,
        {
          clientId: client.id,
          subject: 'Cancel my policy',
          description: 'Found a cheaper quote, please cancel my auto policy.',
          channel: 'email',
        },
        call(staff),
      ),
    );
    expect(out.ticket).toMatchObject({ aiCategory: 'cancellation', aiSuggestedAssigneeId: producer.id });
    expect(out.ticket.aiRationale).toContain("client's assigned producer");
  });

  it('never overrides a human-set category or priority', async () => {
    const { db } = database();
    const client = await makeClient(db);
    const out = await ok(
      await runTool(
        toolDeps(db, NOW),
        createTicketTool,
        {
          clientId: client.id,
          subject: 'Kitchen fire',
          description: 'We had a kitchen fire last night and my husband went to the hospital.',
          channel: 'phone',
          category: 'billing',
          priority: 'low',
        },
        call(staff),
      ),
    );
    expect(out.ticket).toMatchObject({ category: 'billing', priority: 'low', aiCategory: 'claim', aiPriority: 'urgent' });
    expect(out.ticket.slaDueAt).toBe(slaDueAt('low', NOW, calendarFromSettings(toolDeps(db).settings)).toISOString());
    const again = await ok(await runTool(toolDeps(db, NOW), triageTicketTool, { ticketId: out.ticket.ticketId }, call(staff)));
    expect(again.applied).toEqual({ category: false, priority: false, slaDueAt: false });
    expect(again.ticket).toMatchObject({ category: 'billing', priority: 'low' });
  });

  it('triage_ticket is repeatable: same classification, and apply:false leaves the ticket fields alone', async () => {
    const { db } = database();
    const client = await makeClient(db);
    const created = await ok(
      await runTool(
        toolDeps(db, NOW),
        createTicketTool,
        {
          clientId: client.id,
          subject: 'Charged twice',
          description: 'I was charged twice this month, please refund.',
          channel: 'email',
          triage: false,
        },
        call(staff),
      ),
    );
    expect(created.ticket).toMatchObject({ category: null, priority: 'normal', aiModel: null });
    const dry = await ok(
      await runTool(toolDeps(db, NOW), triageTicketTool, { ticketId: created.ticket.ticketId, apply: false }, call(staff)),
    );
    expect(dry.ticket).toMatchObject({ category: null, aiCategory: 'billing' });
    const a = await ok(await runTool(toolDeps(db, NOW), triageTicketTool, { ticketId: created.ticket.ticketId }, call(staff)));
    const b = await ok(await runTool(toolDeps(db, NOW), triageTicketTool, { ticketId: created.ticket.ticketId }, call(staff)));
    expect(a.ticket.category).toBe('billing');
    const pick = (o: Out) => ({
      ...o.ticket,
      subject: 0,
      description: 0,
      aiRationale: 0,
      aiSummary: 0,
      aiSuggestedResolution: 0,
      resolution: 0,
    });
    expect(pick(b)).toEqual(pick(a));
  });
});

describe('similar resolved tickets', () => {
  it('come back fenced with their resolutions; open tickets and the ticket itself are not returned', async () => {
    const { db } = database();
    const client = await makeClient(db);
    const [done] = await db
      .insert(supportTickets)
      .values({
        clientId: client.id,
        subject: 'Windshield cracked by a rock',
        description: 'A rock cracked my windshield on the highway.',
        status: 'resolved',
        resolution: 'Filed a glass claim with the carrier; Safelite replaced the windshield, no deductible.',
        resolvedAt: NOW,
      })
      .returning();
    await db
      .insert(supportTickets)
      .values({ clientId: client.id, subject: 'Windshield crack again', description: 'windshield cracked', status: 'open' });
    const out = await ok(
      await runTool(
        toolDeps(db, NOW),
        createTicketTool,
        {
          clientId: client.id,
          subject: 'Cracked windshield',
          description: 'My windshield got a crack from a rock yesterday. What should I do?',
          channel: 'email',
        },
        call(staff),
      ),
    );
    expect(out.similarResolved.map((s) => s.ticketId)).toEqual([done!.id]);
    expect(out.similarResolved[0]!.resolution).toMatch(
      /^<untrusted-data tag="[0-9a-f]+" source="ticket:[^"]+:resolution">\nFiled a glass claim/,
    );
    expect(out.similarResolved[0]!.subject).toContain('<untrusted-data');
    expect(out.ticket.aiSuggestedResolution).toContain(`As in resolved ticket T-${done!.ticketNumber}: Filed a glass claim`);
  });
});

describe('with a configured triage model', () => {
  const valid = {
    category: 'complaint',
    priority: 'urgent',
    sentiment: -0.8,
    language: 'en',
    urgencySignals: [],
    confidence: 0.88,
    rationale: 'Customer is angry about billing.',
    summary: 'Angry about a double charge.',
  };

  it('uses a valid answer (ai_model = its name), and calls the model outside the transaction', async () => {
    const { db } = database();
    const client = await makeClient(db);
    const seen: { checkedOut: number; subject: string }[] = [];
    const model = {
      modelName: 'fake-model-1',
      classify: async (i: { subject: string }) => (seen.push({ checkedOut: checkedOut(), subject: i.subject }), valid),
    };
    // The probe can fail: inside a transaction the single connection is checked out.
    await db.transaction(async () => expect(checkedOut()).toBe(1));
    const created = await ok(
      await runTool(
        withModel(model),
        createTicketTool,
        { clientId: client.id, subject: 'Charged twice', description: 'You charged me twice again.', channel: 'email' },
        call(staff),
      ),
    );
    expect(created.ticket).toMatchObject({
      aiModel: 'fake-model-1',
      aiCategory: 'complaint',
      aiPriority: 'urgent',
      category: 'complaint',
      priority: 'urgent',
      aiConfidence: 0.88,
      aiSentiment: -0.8,
    });
    expect(created.ticket.aiRationale).toContain('model fake-model-1: Customer is angry about billing.');
    expect(created.ticket.aiSummary).toContain('Angry about a double charge.');
    expect(created.triageFallbackReason).toBeNull();
    const again = await ok(await runTool(withModel(model), triageTicketTool, { ticketId: created.ticket.ticketId }, call(staff)));
    expect(again.ticket.aiModel).toBe('fake-model-1');
    expect(seen).toEqual([
      { checkedOut: 0, subject: 'Charged twice' },
      { checkedOut: 0, subject: 'Charged twice' },
    ]);
  });

  it('falls back to the rules when the model returns garbage, naming the reason', async () => {
    const { db } = database();
    const client = await makeClient(db);
    const out = await ok(
      await runTool(
        withModel({ modelName: 'fake-garbage', classify: async () => 'Sure! It is a billing ticket.' }),
        createTicketTool,
        { clientId: client.id, subject: 'Charged twice', description: 'I was charged twice, please refund.', channel: 'email' },
        call(staff),
      ),
    );
    expect(out.ticket).toMatchObject({ aiModel: 'crm-rules-v1', aiCategory: 'billing' });
    expect(out.ticket.aiRationale).toContain('fallback to crm-rules-v1 (fake-garbage: model returned text that is not JSON)');
    expect(out.triageFallbackReason).toBe('model returned text that is not JSON');
    const invalid = await ok(
      await runTool(
        withModel({ modelName: 'fake-invalid', classify: async () => ({ ...valid, category: 'auto' }) }),
        triageTicketTool,
        { ticketId: out.ticket.ticketId },
        call(staff),
      ),
    );
    expect(invalid.fallbackReason).toMatch(/^model output failed validation \(category/);
  });

  it('falls back to the rules when the model throws', async () => {
    const { db } = database();
    const client = await makeClient(db);
    const boom = { modelName: 'fake-down', classify: async () => Promise.reject(new Error('connect ECONNREFUSED')) };
    const out = await ok(
      await runTool(
        withModel(boom),
        createTicketTool,
        { clientId: client.id, subject: 'Add a driver', description: 'Please add my son as a driver to my auto policy.', channel: 'email' },
        call(staff),
      ),
    );
    expect(out.ticket).toMatchObject({ aiModel: 'crm-rules-v1', aiCategory: 'policy_change' });
    expect(out.ticket.aiRationale).toContain('model call failed: connect ECONNREFUSED');
  });
});

describe('bad ids', () => {
  it('NOT_FOUND (or VALIDATION for mismatches) with nothing written', async () => {
    const { db } = database();
    const client = await makeClient(db);
    const other = await makeClient(db);
    const lead = await makeLead(db, { clientId: other.id });
    const contactOfOther = await makeContact(db, other.id);
    const before = await ticketCount();
    const base = { subject: 'Hi', description: 'Need help', channel: 'email' };
    const deps = toolDeps(db, NOW);
    let calls = 0;
    const model = { modelName: 'fake-count', classify: async () => (calls++, {}) };
    expect(await runTool(deps, createTicketTool, { ...base, clientId: newId() }, call(staff))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await runTool(deps, createTicketTool, { ...base, leadId: newId() }, call(staff))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await runTool(deps, createTicketTool, { ...base, clientId: client.id, contactId: newId() }, call(staff))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await runTool(deps, createTicketTool, { ...base, clientId: client.id, assigneeId: newId() }, call(staff))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await runTool(deps, createTicketTool, { ...base, clientId: client.id, leadId: lead.id }, call(staff))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ field: 'leadId' }] },
    });
    expect(
      await runTool(deps, createTicketTool, { ...base, clientId: client.id, contactId: contactOfOther.id }, call(staff)),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await runTool(deps, createTicketTool, { ...base }, call(staff))).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await runTool(withModel(model), triageTicketTool, { ticketId: newId() }, call(staff))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await runTool(deps, triageTicketTool, { ticketId: newId() }, call(staff))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(calls).toBe(0);
    expect(await ticketCount()).toBe(before);
  });

  it('a lead alone is enough: the ticket takes the lead’s client', async () => {
    const { db } = database();
    const lead = await makeLead(db);
    const out = await ok(
      await runTool(
        toolDeps(db, NOW),
        createTicketTool,
        { leadId: lead.id, subject: 'Quote question', description: 'Does the quote include roadside?', channel: 'chat' },
        call(staff),
      ),
    );
    expect(out.ticket).toMatchObject({ leadId: lead.id, clientId: lead.clientId });
  });
});
