import { eq, or } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { aiInteractions, leadNotes } from '../../src/db/schema/index.js';
import { callRow, writeCallRows } from '../../tools/audit-rows.js';
import { actorOf, makeLead, makeUser, newId } from '../helpers/fixtures.js';
import { useDatabase } from '../helpers/db.js';

const database = useDatabase();

const turn = { type: 'triage' as const, model: 'm', provider: 'p', prompt: 'q', response: 'a', latencyMs: 1 };

describe('audit rows and their links', () => {
  it("inside a write's transaction, a link to a record that does not exist is dropped without aborting the write", async () => {
    const { db } = database();
    const user = await makeUser(db);
    const lead = await makeLead(db);
    const call = { actor: actorOf(user), channel: 'mcp_memory' as const };
    const row = callRow(call, { toolName: 'add_note', args: {}, latencyMs: 1 });
    const missing = newId();
    const { id, noteId } = await db.transaction(async (tx) => {
      const rowId = await writeCallRows(tx, row, { leadId: missing, crmClientId: lead.clientId }, [turn], call, true);
      // The transaction is still usable after the dropped link: the write goes on and commits.
      const [note] = await tx
        .insert(leadNotes)
        .values({ leadId: lead.id, clientId: lead.clientId, authorUserId: user.id, body: 'after the audit row' })
        .returning();
      return { id: rowId, noteId: note!.id };
    });
    expect(await db.select({ id: leadNotes.id }).from(leadNotes).where(eq(leadNotes.id, noteId))).toHaveLength(1);
    const rows = await db
      .select()
      .from(aiInteractions)
      .where(or(eq(aiInteractions.id, id), eq(aiInteractions.parentInteractionId, id)));
    expect(rows).toHaveLength(2);
    // All or nothing, as before: one missing record drops every link of the row and its children.
    for (const r of rows) expect({ leadId: r.leadId, crmClientId: r.crmClientId }).toEqual({ leadId: null, crmClientId: null });
  });

  it('keeps every link when all the records exist, on the row and its model turns', async () => {
    const { db } = database();
    const user = await makeUser(db);
    const lead = await makeLead(db);
    const call = { actor: actorOf(user), channel: 'mcp_memory' as const };
    const row = callRow(call, { toolName: 'get_lead', args: {}, latencyMs: 1 });
    const id = await writeCallRows(db, row, { leadId: lead.id, crmClientId: lead.clientId }, [turn], call, false);
    const rows = await db
      .select()
      .from(aiInteractions)
      .where(or(eq(aiInteractions.id, id), eq(aiInteractions.parentInteractionId, id)));
    expect(rows).toHaveLength(2);
    for (const r of rows) expect({ leadId: r.leadId, crmClientId: r.crmClientId }).toEqual({ leadId: lead.id, crmClientId: lead.clientId });
  });
});
