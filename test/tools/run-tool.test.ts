import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { aiInteractions, leadNotes } from '../../src/db/schema/index.js';
import { addNoteTool } from '../../tools/add-note.js';
import { runTool } from '../../tools/run-tool.js';
import { actorOf, makeLead, makeUser, newId, toolDeps } from '../helpers/fixtures.js';
import { useDatabase } from '../helpers/db.js';

const database = useDatabase();

describe('runTool', () => {
  it('runs a write, returns validated output and writes one linked audit row', async () => {
    const { db } = database();
    const user = await makeUser(db);
    const lead = await makeLead(db);
    const r = await runTool(toolDeps(db), addNoteTool, { leadId: lead.id, body: 'Roof replaced in 2019.' }, { actor: actorOf(user), channel: 'mcp_memory', sessionId: 's1' });
    expect(r).toMatchObject({ ok: true });
    const audit = await db.select().from(aiInteractions).where(eq(aiInteractions.id, r.interactionId));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ type: 'tool_call', toolName: 'add_note', leadId: lead.id, crmClientId: lead.clientId, userId: user.id, sessionId: 's1', errorCode: null });
  });

  it('rejects bad input with field details, writes nothing but the audit row', async () => {
    const { db } = database();
    const user = await makeUser(db);
    const before = await db.select({ n: count() }).from(leadNotes);
    const r = await runTool(toolDeps(db), addNoteTool, { leadId: 'not-a-uuid', body: '', extra: 1 }, { actor: actorOf(user), channel: 'mcp_memory' });
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
    const r = await runTool(toolDeps(db), addNoteTool, { leadId: lead.id, body: 'x' }, { actor: actorOf(user, ['crm:read']), channel: 'mcp_http' });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const notes = await db.select().from(leadNotes).where(eq(leadNotes.leadId, lead.id));
    expect(notes).toHaveLength(0);
  });
});
