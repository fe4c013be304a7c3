import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { leads } from '../../src/db/schema/index.js';
import { runTool } from '../../tools/run-tool.js';
import { updateLeadStatusTool } from '../../tools/update-lead-status.js';
import { actorOf, makeLead, makeUser, newId, statusId, toolDeps } from '../helpers/fixtures.js';
import { useDatabase } from '../helpers/db.js';

const database = useDatabase();
const T1 = new Date('2025-03-01T15:00:00Z');
const T2 = new Date('2025-03-02T15:00:00Z');

async function move(input: Record<string, unknown>, now = T1) {
  const { db } = database();
  const user = await makeUser(db);
  return runTool(toolDeps(db, now), updateLeadStatusTool, input, { actor: actorOf(user), channel: 'mcp_memory' });
}
const leadRow = async (id: string) => (await database().db.select().from(leads).where(eq(leads.id, id)))[0]!;

describe('update_lead_status', () => {
  it('moves along an allowed transition and stamps the lifecycle time', async () => {
    const lead = await makeLead(database().db, { status: 'new' });
    const r = await move({ leadId: lead.id, status: 'contacted' });
    expect(r).toMatchObject({
      ok: true,
      output: { previousStatus: 'new', status: 'contacted', changed: true, statusChangedAt: T1.toISOString() },
    });
    const row = await leadRow(lead.id);
    expect(row.statusId).toBe(await statusId(database().db, 'contacted'));
    expect(row.firstContactedAt).toEqual(T1);
    expect(row.statusChangedAt).toEqual(T1);
  });

  it('keeps the first contact time when contacted again later', async () => {
    const first = new Date('2025-01-01T00:00:00Z');
    const lead = await makeLead(database().db, { status: 'nurturing', firstContactedAt: first });
    expect(await move({ leadId: lead.id, status: 'contacted' }, T2)).toMatchObject({ ok: true });
    const row = await leadRow(lead.id);
    expect(row.firstContactedAt).toEqual(first);
    expect(row.statusChangedAt).toEqual(T2);
  });

  it('refuses a transition not in allowed_next, listing the allowed ones, and changes nothing', async () => {
    const lead = await makeLead(database().db, { status: 'new' });
    const r = await move({ leadId: lead.id, status: 'won' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_TRANSITION');
    for (const s of ['contacted', 'qualified', 'nurturing', 'lost', 'archived']) expect(r.error.message).toContain(s);
    const row = await leadRow(lead.id);
    expect(row.statusId).toBe(await statusId(database().db, 'new'));
    expect(row.wonAt).toBeNull();
  });

  it('treats the same status again as an idempotent no-op', async () => {
    const lead = await makeLead(database().db, { status: 'quoting', statusChangedAt: T1 });
    const before = await leadRow(lead.id);
    const r = await move({ leadId: lead.id, status: 'quoting' }, T2);
    expect(r).toMatchObject({
      ok: true,
      output: { changed: false, status: 'quoting', previousStatus: 'quoting', statusChangedAt: T1.toISOString() },
    });
    const after = await leadRow(lead.id);
    expect(after.updatedAt).toEqual(before.updatedAt);
  });

  it('requires a reason to move to lost, and records it with lost_at', async () => {
    const lead = await makeLead(database().db, { status: 'quoted' });
    const refused = await move({ leadId: lead.id, status: 'lost' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ field: 'lostReason' }] } });
    expect((await leadRow(lead.id)).lostAt).toBeNull();
    const ok = await move({ leadId: lead.id, status: 'lost', lostReason: 'Went with a captive agent on price' });
    expect(ok).toMatchObject({ ok: true, output: { status: 'lost', allowedNext: ['nurturing', 'archived'] } });
    const row = await leadRow(lead.id);
    expect(row).toMatchObject({ lostAt: T1, lostReason: 'Went with a captive agent on price' });
  });

  it('sets the quoted premium only when moving to quoted', async () => {
    const lead = await makeLead(database().db, { status: 'quoting' });
    expect(await move({ leadId: lead.id, status: 'nurturing', quotedPremium: 1200 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ field: 'quotedPremium' }] },
    });
    expect(await move({ leadId: lead.id, status: 'quoted', quotedPremium: 1234.5 })).toMatchObject({ ok: true, output: { changed: true } });
    expect(await leadRow(lead.id)).toMatchObject({ quotedPremium: '1234.50', quotedAt: T1 });
  });

  it('refuses an unknown status code with the valid codes, and an unknown lead with NOT_FOUND', async () => {
    const lead = await makeLead(database().db, { status: 'new' });
    const r = await move({ leadId: lead.id, status: 'closed-won' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ field: 'status', message: expect.stringContaining('proposal_sent') }] },
    });
    expect(await move({ leadId: newId(), status: 'contacted' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
