/** Generic idempotency keys for write tools (CallInfo.idempotencyKey), per user. */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ModelTurn } from '../../src/crm/audit/interactions.js';
import { aiInteractions, leadNotes, supportTickets, toolIdempotencyKeys } from '../../src/db/schema/index.js';
import { addNoteTool } from '../../tools/add-note.js';
import { getLeadTool } from '../../tools/get-lead.js';
import { runTool, type CallInfo } from '../../tools/run-tool.js';
import { triageTicketTool } from '../../tools/triage-ticket.js';
import { actorOf, makeClient, makeLead, makeUser, newId, toolDeps } from '../helpers/fixtures.js';
import { useDatabase } from '../helpers/db.js';

const database = useDatabase();
const callOf = (u: Awaited<ReturnType<typeof makeUser>>, idempotencyKey?: string): CallInfo => ({
  actor: actorOf(u),
  channel: 'eval',
  idempotencyKey,
});
const notesOf = (leadId: string) => database().db.select().from(leadNotes).where(eq(leadNotes.leadId, leadId));

describe('idempotency keys on write tools', () => {
  it('writes once for the same user, tool, input and key, and answers the repeat with the first answer', async () => {
    const { db } = database();
    const user = await makeUser(db);
    const lead = await makeLead(db);
    const key = `thread-1:call-${newId()}`;
    const first = await runTool(toolDeps(db), addNoteTool, { leadId: lead.id, body: 'Asked about bundling.' }, callOf(user, key));
    const again = await runTool(toolDeps(db), addNoteTool, { body: 'Asked about bundling.', leadId: lead.id }, callOf(user, key));
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again.output).toEqual(first.output);
    expect(await notesOf(lead.id)).toHaveLength(1);
    // The repeat is audited too, as a replay of the first call.
    const [replay] = await db.select().from(aiInteractions).where(eq(aiInteractions.id, again.interactionId));
    expect(replay).toMatchObject({
      toolName: 'add_note',
      errorCode: null,
      metadata: { idempotencyKey: key, replayOf: first.interactionId },
    });
    const [record] = await db
      .select()
      .from(toolIdempotencyKeys)
      .where(and(eq(toolIdempotencyKeys.userId, user.id), eq(toolIdempotencyKeys.idempotencyKey, key)));
    expect(record).toMatchObject({ toolName: 'add_note', interactionId: first.interactionId });
  });

  it('refuses the same key with other input as CONFLICT naming the key, and writes nothing', async () => {
    const { db } = database();
    const user = await makeUser(db);
    const lead = await makeLead(db);
    const key = `k-${newId()}`;
    await runTool(toolDeps(db), addNoteTool, { leadId: lead.id, body: 'First.' }, callOf(user, key));
    const other = await runTool(toolDeps(db), addNoteTool, { leadId: lead.id, body: 'Second.' }, callOf(user, key));
    expect(other).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!other.ok) expect(other.error.message).toContain(`"${key}"`);
    expect(await notesOf(lead.id)).toHaveLength(1);
  });

  it("keeps keys per user: another user's call with the same key is independent", async () => {
    const { db } = database();
    const [alice, bob] = [await makeUser(db), await makeUser(db)];
    const lead = await makeLead(db);
    const key = `shared-${newId()}`;
    const a = await runTool(toolDeps(db), addNoteTool, { leadId: lead.id, body: 'Alice was here.' }, callOf(alice, key));
    const b = await runTool(toolDeps(db), addNoteTool, { leadId: lead.id, body: 'Bob was here.' }, callOf(bob, key));
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(b.output.noteId).not.toBe(a.output.noteId);
    expect(await notesOf(lead.id)).toHaveLength(2);
  });

  it('records no key for a failed call, so it does not block a corrected retry', async () => {
    const { db } = database();
    const user = await makeUser(db);
    const lead = await makeLead(db);
    const key = `retry-${newId()}`;
    const failed = await runTool(toolDeps(db), addNoteTool, { leadId: newId(), body: 'Wrong lead.' }, callOf(user, key));
    expect(failed).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const fixed = await runTool(toolDeps(db), addNoteTool, { leadId: lead.id, body: 'Right lead.' }, callOf(user, key));
    expect(fixed.ok).toBe(true);
    expect(await notesOf(lead.id)).toHaveLength(1);
  });

  it('answers a repeat without calling the model again (prepare is skipped)', async () => {
    const { db } = database();
    const user = await makeUser(db, { role: 'csr' });
    const client = await makeClient(db);
    const [t] = await db
      .insert(supportTickets)
      .values({ clientId: client.id, subject: 'COI', description: 'Need a certificate for my landlord.', channel: 'email' })
      .returning();
    let calls = 0;
    const triageModel = {
      modelName: 'fake-triage',
      async classify(_: unknown, observe?: (turn: ModelTurn) => void) {
        calls++;
        const response = JSON.stringify({
          category: 'certificate',
          priority: 'normal',
          sentiment: 0,
          language: 'en',
          urgencySignals: [],
          confidence: 0.9,
          rationale: 'COI request.',
        });
        observe?.({ type: 'triage', model: 'fake-triage', provider: 'test', prompt: 'p', response, latencyMs: 1 });
        return response;
      },
    };
    const deps = { ...toolDeps(db), services: { triageModel } };
    const key = `triage-${newId()}`;
    const first = await runTool(deps, triageTicketTool, { ticketId: t!.id }, callOf(user, key));
    const again = await runTool(deps, triageTicketTool, { ticketId: t!.id }, callOf(user, key));
    expect(first.ok && again.ok).toBe(true);
    expect(calls).toBe(1);
    expect((again as { output: unknown }).output).toEqual((first as { output: unknown }).output);
  });

  it('ignores the key on read-only tools', async () => {
    const { db } = database();
    const user = await makeUser(db);
    const [one, two] = [await makeLead(db), await makeLead(db)];
    const key = `read-${newId()}`;
    expect((await runTool(toolDeps(db), getLeadTool, { leadId: one.id }, callOf(user, key))).ok).toBe(true);
    expect((await runTool(toolDeps(db), getLeadTool, { leadId: two.id }, callOf(user, key))).ok).toBe(true);
    expect(await db.select().from(toolIdempotencyKeys).where(eq(toolIdempotencyKeys.idempotencyKey, key))).toHaveLength(0);
  });
});
