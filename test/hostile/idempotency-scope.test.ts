/**
 * log_communication's own idempotencyKey input is per user: another user's key is neither a
 * CONFLICT nor a way to learn the id of their record. (The generic CallInfo key is tested per
 * user in test/tools/idempotency.test.ts.)
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { leadCommunications } from '../../src/db/schema/index.js';
import { logCommunicationTool } from '../../tools/log-communication.js';
import { runTool } from '../../tools/run-tool.js';
import { useDatabase } from '../helpers/db.js';
import { actorOf, makeLead, makeUser, toolDeps } from '../helpers/fixtures.js';

const database = useDatabase();
const NOW = new Date('2026-03-10T16:00:00Z');

describe('log_communication idempotency keys', () => {
  it("are scoped per user: reusing another user's key logs independently and names nothing of theirs", async () => {
    const { db } = database();
    const [alice, bob] = [await makeUser(db), await makeUser(db)];
    const [leadA, leadB] = [await makeLead(db), await makeLead(db)];
    const key = 'shared-key-2026-03-10';
    const log = (u: typeof alice, leadId: string, subject: string) =>
      runTool(
        toolDeps(db, NOW),
        logCommunicationTool,
        { leadId, type: 'email', direction: 'inbound', subject, idempotencyKey: key },
        { actor: actorOf(u), channel: 'mcp_memory' },
      );

    const a = await log(alice, leadA.id, 'Alice thread');
    expect(a).toMatchObject({ ok: true, output: { duplicate: false } });
    const b = await log(bob, leadB.id, 'Bob thread');
    // Old code: CONFLICT "The idempotency key ... was already used for a different communication (<alice's id>)".
    expect(b, JSON.stringify(b)).toMatchObject({ ok: true, output: { duplicate: false } });
    if (!a.ok || !b.ok) return;
    expect(b.output.communicationId).not.toBe(a.output.communicationId);
    expect(await db.select().from(leadCommunications).where(eq(leadCommunications.leadId, leadB.id))).toHaveLength(1);

    // Each user's own retry still replays their own record, and their own clash is still a CONFLICT.
    expect(await log(alice, leadA.id, 'Alice thread')).toMatchObject({
      ok: true,
      output: { duplicate: true, communicationId: a.output.communicationId },
    });
    const clash = await log(bob, leadB.id, 'Bob, other subject');
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!clash.ok) expect(clash.error.message).not.toContain(a.output.communicationId);
  });

  it('still replays a row logged before keys were scoped (bare key), for its own user only', async () => {
    const { db } = database();
    const [carol, dave] = [await makeUser(db), await makeUser(db)];
    const lead = await makeLead(db);
    const input = { leadId: lead.id, type: 'call', direction: 'inbound', outcome: 'connected', idempotencyKey: 'legacy-key-0001' } as const;
    const first = await runTool(toolDeps(db, NOW), logCommunicationTool, input, { actor: actorOf(carol), channel: 'mcp_memory' });
    if (!first.ok) throw new Error(JSON.stringify(first.error));
    // As an older version stored it.
    await db
      .update(leadCommunications)
      .set({ idempotencyKey: 'legacy-key-0001' })
      .where(eq(leadCommunications.id, first.output.communicationId as string));
    const again = await runTool(toolDeps(db, NOW), logCommunicationTool, input, { actor: actorOf(carol), channel: 'mcp_memory' });
    expect(again).toMatchObject({ ok: true, output: { duplicate: true, communicationId: first.output.communicationId } });
    const other = await runTool(toolDeps(db, NOW), logCommunicationTool, input, { actor: actorOf(dave), channel: 'mcp_memory' });
    expect(other).toMatchObject({ ok: true, output: { duplicate: false } });
  });
});
