import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ModelTurn } from '../../src/crm/audit/interactions.js';
import { vinCheckDigit } from '../../src/crm/leads/data/index.js';
import { aiInteractions, followUps, leadNotes, supportTickets } from '../../src/db/schema/index.js';
import { addNoteTool } from '../../tools/add-note.js';
import { createLeadTool } from '../../tools/create-lead.js';
import { getLeadTool } from '../../tools/get-lead.js';
import { runTool } from '../../tools/run-tool.js';
import { scheduleFollowUpTool } from '../../tools/schedule-follow-up.js';
import { triageTicketTool } from '../../tools/triage-ticket.js';
import { actorOf, makeClient, makeLead, makeUser, newId, toolDeps } from '../helpers/fixtures.js';
import { useDatabase } from '../helpers/db.js';

const database = useDatabase();

describe('runTool', () => {
  it('runs a write, returns validated output and writes one linked audit row', async () => {
    const { db } = database();
    const user = await makeUser(db);
    const lead = await makeLead(db);
    const r = await runTool(
      toolDeps(db),
      addNoteTool,
      { leadId: lead.id, body: 'Roof replaced in 2019.' },
      { actor: actorOf(user), channel: 'mcp_memory', sessionId: 's1' },
    );
    expect(r).toMatchObject({ ok: true });
    const audit = await db.select().from(aiInteractions).where(eq(aiInteractions.id, r.interactionId));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      type: 'tool_call',
      toolName: 'add_note',
      leadId: lead.id,
      crmClientId: lead.clientId,
      userId: user.id,
      sessionId: 's1',
      errorCode: null,
    });
  });

  it('rejects bad input with field details, writes nothing but the audit row', async () => {
    const { db } = database();
    const user = await makeUser(db);
    const before = await db.select({ n: count() }).from(leadNotes);
    const r = await runTool(
      toolDeps(db),
      addNoteTool,
      { leadId: 'not-a-uuid', body: '', extra: 1 },
      { actor: actorOf(user), channel: 'mcp_memory' },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.details.map((d) => d.field)).toEqual(expect.arrayContaining(['leadId', 'body']));
    expect(r.error.message).toMatch(/extra/);
    const after = await db.select({ n: count() }).from(leadNotes);
    expect(after).toEqual(before);
    const [audit] = await db.select().from(aiInteractions).where(eq(aiInteractions.id, r.interactionId));
    expect(audit?.errorCode).toBe('VALIDATION');
  });

  it('maps an unknown lead to NOT_FOUND and still audits the call, unlinked', async () => {
    const { db } = database();
    const user = await makeUser(db);
    const r = await runTool(toolDeps(db), addNoteTool, { leadId: newId(), body: 'x' }, { actor: actorOf(user), channel: 'mcp_memory' });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const [audit] = await db.select().from(aiInteractions).where(eq(aiInteractions.id, r.interactionId));
    expect(audit).toMatchObject({ errorCode: 'NOT_FOUND', leadId: null });
  });

  it('refuses a write to a read-only actor', async () => {
    const { db } = database();
    const user = await makeUser(db);
    const lead = await makeLead(db);
    const r = await runTool(
      toolDeps(db),
      addNoteTool,
      { leadId: lead.id, body: 'x' },
      { actor: actorOf(user, ['crm:read']), channel: 'mcp_http' },
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const notes = await db.select().from(leadNotes).where(eq(leadNotes.leadId, lead.id));
    expect(notes).toHaveLength(0);
  });
});

/** Makes inserts into ai_interactions fail when `when` holds (a stand-in for a full disk or a dropped connection). */
async function failAuditRowsWhere(when: string): Promise<() => Promise<void>> {
  const { pool } = database();
  await pool.query(
    `create or replace function test_fail_audit() returns trigger language plpgsql as $$ begin raise exception 'audit store unavailable' using errcode = 'XX001'; end $$`,
  );
  await pool.query(
    `create trigger test_fail_audit before insert on ai_interactions for each row when (${when}) execute function test_fail_audit()`,
  );
  return async () => {
    await pool.query('drop trigger if exists test_fail_audit on ai_interactions');
  };
}

const rowsOf = async (userId: string) => database().db.select().from(aiInteractions).where(eq(aiInteractions.userId, userId));

describe('runTool: a write and its audit row commit together', () => {
  it('rolls the write back and fails closed when its audit row cannot be written, and records the failure', async () => {
    const { db } = database();
    const user = await makeUser(db);
    const lead = await makeLead(db);
    const restore = await failAuditRowsWhere(`new.tool_name = 'add_note' and new.error_code is null`);
    try {
      const r = await runTool(
        toolDeps(db),
        addNoteTool,
        { leadId: lead.id, body: 'Wants a renters quote.' },
        { actor: actorOf(user), channel: 'mcp_memory' },
      );
      expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(await db.select().from(leadNotes).where(eq(leadNotes.leadId, lead.id))).toHaveLength(0);
      const rows = await rowsOf(user.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ id: r.interactionId, toolName: 'add_note', errorCode: 'INTERNAL' });
    } finally {
      await restore();
    }
  });

  it('answers with an error, not a success, when no row can be written for a read or a failed call', async () => {
    const { db } = database();
    const user = await makeUser(db);
    const lead = await makeLead(db);
    const restore = await failAuditRowsWhere(`new.tool_name in ('get_lead', 'add_note')`);
    try {
      const read = await runTool(toolDeps(db), getLeadTool, { leadId: lead.id }, { actor: actorOf(user), channel: 'mcp_memory' });
      expect(read).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      if (!read.ok) expect(read.error.message).toMatch(/audit trail/);
      const bad = await runTool(toolDeps(db), addNoteTool, { leadId: lead.id, body: '' }, { actor: actorOf(user), channel: 'mcp_memory' });
      expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(await rowsOf(user.id)).toHaveLength(0);
    } finally {
      await restore();
    }
  });

  it('commits the model-turn child rows with the write: when they cannot be written, the triage is rolled back', async () => {
    const { db } = database();
    const user = await makeUser(db, { role: 'csr' });
    const client = await makeClient(db);
    const [t] = await db
      .insert(supportTickets)
      .values({ clientId: client.id, subject: 'Bill', description: 'Why did my premium go up?', channel: 'email' })
      .returning();
    const triageModel = {
      modelName: 'fake-triage',
      async classify(_: unknown, observe?: (turn: ModelTurn) => void) {
        const response = JSON.stringify({
          category: 'billing',
          priority: 'normal',
          sentiment: -0.2,
          language: 'en',
          urgencySignals: [],
          confidence: 0.8,
          rationale: 'Premium question.',
        });
        observe?.({ type: 'triage', model: 'fake-triage', provider: 'test', prompt: 'p', response, latencyMs: 1 });
        return response;
      },
    };
    const restore = await failAuditRowsWhere(`new.type = 'triage'`);
    try {
      const r = await runTool(
        { ...toolDeps(db), services: { triageModel } },
        triageTicketTool,
        { ticketId: t!.id },
        { actor: actorOf(user), channel: 'mcp_memory' },
      );
      expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      const [after] = await db.select().from(supportTickets).where(eq(supportTickets.id, t!.id));
      expect(after).toMatchObject({ aiTriagedAt: null, aiModel: null, category: null });
    } finally {
      await restore();
    }
    const ok = await runTool(
      { ...toolDeps(db), services: { triageModel } },
      triageTicketTool,
      { ticketId: t!.id },
      { actor: actorOf(user), channel: 'mcp_memory' },
    );
    expect(ok.ok).toBe(true);
    const children = await db.select().from(aiInteractions).where(eq(aiInteractions.parentInteractionId, ok.interactionId));
    expect(children).toMatchObject([{ type: 'triage', model: 'fake-triage' }]);
  });
});

describe('runTool: input hygiene', () => {
  it('refuses a NUL byte in schedule_follow_up `when`: nothing written, one audit row', async () => {
    const { db } = database();
    const user = await makeUser(db);
    const lead = await makeLead(db);
    const r = await runTool(
      toolDeps(db, new Date('2025-04-07T15:00:00Z')),
      scheduleFollowUpTool,
      { leadId: lead.id, when: 'tomorrow at 10am\u0000', purpose: 'Review auto quote' },
      { actor: actorOf(user), channel: 'mcp_memory' },
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ field: 'when' }] } });
    if (!r.ok) expect(r.error.message).toMatch(/when: contains the control character U\+0000/);
    expect(await db.select().from(followUps).where(eq(followUps.leadId, lead.id))).toHaveLength(0);
    const rows = await rowsOf(user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: r.interactionId, toolName: 'schedule_follow_up', errorCode: 'VALIDATION' });
    expect((rows[0]!.toolArguments as { when: string }).when).toBe('tomorrow at 10am\uFFFD');
  });

  it('names the path of a control character deep in the input, and allows tab and newline', async () => {
    const { db } = database();
    const user = await makeUser(db);
    const lead = await makeLead(db);
    const bell = await runTool(
      toolDeps(db),
      addNoteTool,
      { leadId: lead.id, body: 'Call back\u0085 later' },
      { actor: actorOf(user), channel: 'mcp_memory' },
    );
    expect(bell).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ field: 'body', message: expect.stringMatching(/U\+0085/) }] },
    });
    const nested = await runTool(
      toolDeps(db),
      createLeadTool,
      { clientId: lead.clientId, line: 'auto', lineData: { drivers: [{ firstName: 'Da\u0007na' }] } },
      { actor: actorOf(user), channel: 'mcp_memory' },
    );
    expect(nested).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ field: 'lineData.drivers.0.firstName' }] } });
    const fine = await runTool(
      toolDeps(db),
      addNoteTool,
      { leadId: lead.id, body: 'Line one\n\tindented\r\nline two' },
      { actor: actorOf(user), channel: 'mcp_memory' },
    );
    expect(fine.ok).toBe(true);
  });
});

describe('runTool: what the audit row keeps', () => {
  const GOOD_VIN = (() => {
    const v = '1HGCM82633A004352';
    return v.slice(0, 8) + vinCheckDigit(v) + v.slice(9);
  })();
  const input = (clientId: string) => ({
    clientId,
    line: 'auto',
    lineData: {
      drivers: [
        { firstName: 'Dana', lastName: 'Reyes', relationship: 'named_insured', dateOfBirth: '1985-02-03', licenseNumber: 'R1234567' },
      ],
      vehicles: [
        {
          year: 2019,
          make: 'Honda',
          model: 'Accord',
          vin: GOOD_VIN,
          usage: 'commute',
          annualMiles: 11000,
          garagingZip: '78701',
          ownership: 'financed',
          coverages: { comprehensiveDeductible: 500, collisionDeductible: 500 },
        },
      ],
      limits: { bodilyInjuryPerPerson: 100000, bodilyInjuryPerAccident: 300000, propertyDamage: 100000 },
    },
  });

  it('keeps masked arguments and only the summary and ids of the answer by default', async () => {
    const { db } = database();
    const user = await makeUser(db);
    const client = await makeClient(db);
    const r = await runTool(toolDeps(db), createLeadTool, input(client.id), { actor: actorOf(user), channel: 'mcp_memory' });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (!r.ok) return;
    const [row] = await db.select().from(aiInteractions).where(eq(aiInteractions.id, r.interactionId));
    const stored = JSON.stringify(row);
    for (const secret of ['1985-02-03', 'R1234567', GOOD_VIN]) expect(stored).not.toContain(secret);
    expect(stored).toContain('1985-**-**');
    expect(row!.toolResult).toEqual({ ids: expect.objectContaining({ leadId: r.output.leadId, clientId: client.id }) });
    expect(row!.resultSummary).toBeTruthy();
  });

  it('keeps the whole answer, masked, when configured to; by default not even that', async () => {
    const { db } = database();
    const user = await makeUser(db);
    const client = await makeClient(db);
    const created = await runTool(toolDeps(db), createLeadTool, input(client.id), { actor: actorOf(user), channel: 'mcp_memory' });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const leadId = created.output.leadId as string;
    // get_lead answers with the drivers and vehicles; the audit copy must not hold them in clear.
    const full = await runTool(
      { ...toolDeps(db), auditPayloads: 'full' },
      getLeadTool,
      { leadId, detail: 'full' },
      { actor: actorOf(user), channel: 'mcp_memory' },
    );
    const brief = await runTool(toolDeps(db), getLeadTool, { leadId }, { actor: actorOf(user), channel: 'mcp_memory' });
    expect(full.ok && brief.ok).toBe(true);
    const [fullRow] = await db.select().from(aiInteractions).where(eq(aiInteractions.id, full.interactionId));
    const [briefRow] = await db.select().from(aiInteractions).where(eq(aiInteractions.id, brief.interactionId));
    const stored = JSON.stringify(fullRow!.toolResult);
    expect(stored).toContain('Dana');
    expect(stored).toContain('1985-**-**');
    for (const secret of ['1985-02-03', 'R1234567', GOOD_VIN]) expect(stored).not.toContain(secret);
    expect(briefRow!.toolResult).toEqual({ ids: expect.objectContaining({ leadId }) });
    expect(JSON.stringify(briefRow!.toolResult)).not.toContain('Dana');
  });
});
