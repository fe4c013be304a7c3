/** triage_ticket reads the customer's state from the database: lapse date and open claims (issue 9). */
import { describe, expect, it } from 'vitest';
import { supportTickets } from '../../src/db/schema/index.js';
import { runTool } from '../../tools/run-tool.js';
import { triageTicketTool } from '../../tools/triage-ticket.js';
import { useDatabase } from '../helpers/db.js';
import { actorOf, makeClient, makeUser, toolDeps } from '../helpers/fixtures.js';

const database = useDatabase();
const NOW = new Date('2026-11-10T15:00:00Z');

async function triage(clientId: string, description: string) {
  const { db } = database();
  const user = await makeUser(db, { role: 'csr' });
  const [t] = await db.insert(supportTickets).values({ clientId, subject: 'Question', description, channel: 'email' }).returning();
  const r = await runTool(toolDeps(db, NOW), triageTicketTool, { ticketId: t!.id }, { actor: actorOf(user), channel: 'api' });
  if (!r.ok) throw new Error(r.error.message);
  return (r.output as { ticket: { aiPriority: string; aiRationale: string } }).ticket;
}

describe('triage_ticket and the customer state', () => {
  const ask = 'Can you send me the link to pay my balance?';

  it("raises priority from the client's lapseDate", async () => {
    const { db } = database();
    const soon = await makeClient(db, { customFields: { lapseDate: '2026-11-14' } });
    const lapsed = await makeClient(db, { customFields: { lapseDate: '2026-11-02' } });
    const far = await makeClient(db, { customFields: { lapseDate: '2027-01-20' } });
    expect((await triage(soon.id, ask)).aiPriority).toBe('high');
    const t = await triage(lapsed.id, ask);
    expect(t.aiPriority).toBe('urgent');
    expect(t.aiRationale).toMatch(/lapsed 8 day/);
    expect((await triage(far.id, ask)).aiPriority).toBe('normal');
  });

  it('counts only an OPEN claim of the same client', async () => {
    const { db } = database();
    const text = 'Any news from the adjuster? I have been waiting for weeks and I am frustrated.';
    const open = await makeClient(db);
    await db
      .insert(supportTickets)
      .values({ clientId: open.id, subject: 'Hail', description: 'Hail hit the roof.', status: 'open', category: 'claim' });
    const closed = await makeClient(db);
    await db
      .insert(supportTickets)
      .values({ clientId: closed.id, subject: 'Hail', description: 'Hail hit the roof.', status: 'closed', category: 'claim' });
    expect((await triage(open.id, text)).aiRationale).toMatch(/unhappy about an open claim/);
    expect((await triage(closed.id, text)).aiRationale).not.toMatch(/open claim/);
  });
});
