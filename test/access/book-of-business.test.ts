/**
 * The book-of-business policy end to end, through the real MCP client and runTool over the real
 * database: a producer neither reads nor changes another producer's leads, lists and searches
 * never leak them or their notes, and CSRs, managers, viewers and admins see the whole book.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Actor } from '../../src/crm/access/actor.js';
import type { BookPolicy } from '../../src/crm/access/book.js';
import { RECORD_REFS } from '../../src/crm/access/guard.js';
import { followUps, leadNotes, supportTickets } from '../../src/db/schema/index.js';
import { createMcpServer } from '../../src/mcp/server.js';
import { tools } from '../../tools/index.js';
import { runTool } from '../../tools/run-tool.js';
import { updateLeadStatusTool } from '../../tools/update-lead-status.js';
import { useDatabase } from '../helpers/db.js';
import { actorOf, makeClient, makeLead, makeUser, newId, toolDeps } from '../helpers/fixtures.js';

const database = useDatabase();
const WORD = 'moonstone';

type Users = Record<'alice' | 'alina' | 'bob' | 'csr' | 'manager' | 'viewer' | 'admin', Actor>;
let u: Users;
/** alice's lead, her teammate alina's, bob's (another team), an unassigned one. */
let lead: Record<'alice' | 'alina' | 'bob' | 'pool', { id: string; clientId: string }>;
let bobNoteId: string;
let bobTicketId: string;
let bobFollowUpId: string;

async function mcpClient(actor: Actor, policy: BookPolicy = 'team'): Promise<Client> {
  const base = toolDeps(database().db);
  const deps = { ...base, settings: { ...base.settings, bookPolicy: policy } };
  const server = createMcpServer({ deps, channel: 'mcp_memory', actorFor: () => actor });
  const [a, b] = InMemoryTransport.createLinkedPair();
  await server.connect(a);
  const client = new Client({ name: 'book-test', version: '1.0.0' });
  await client.connect(b);
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}
const errorOf = (r: CallToolResult) => {
  expect(r.isError, JSON.stringify(r.content).slice(0, 300)).toBe(true);
  return (JSON.parse((r.content[0] as { text: string }).text) as { error: { code: string; message: string; hint?: string } }).error;
};
const okOf = (r: CallToolResult) => {
  expect(r.isError, JSON.stringify(r.content).slice(0, 300)).toBeFalsy();
  return r.structuredContent as Record<string, unknown>;
};
const count = async (sql: string, params: unknown[]) => (await database().pool.query<{ n: number }>(sql, params)).rows[0]!.n;

beforeAll(async () => {
  const db = database().db;
  const mk = async (role: 'producer' | 'csr' | 'manager' | 'viewer' | 'admin', team?: string) =>
    actorOf(await makeUser(db, { role, team }));
  u = {
    alice: await mk('producer', 'north'),
    alina: await mk('producer', 'north'),
    bob: await mk('producer', 'south'),
    csr: await mk('csr'),
    manager: await mk('manager'),
    viewer: await mk('viewer'),
    admin: await mk('admin'),
  };
  const leadOf = async (owner: Actor | null) => {
    const c = await makeClient(db, { assignedUserId: owner?.userId ?? null });
    const l = await makeLead(db, { clientId: c.id, assignedUserId: owner?.userId ?? null, status: 'quoted' });
    await db
      .insert(leadNotes)
      .values({ leadId: l.id, clientId: c.id, body: `Talked about the ${WORD} pendant rider for ${owner?.handle ?? 'pool'}.` });
    return { id: l.id, clientId: c.id };
  };
  lead = { alice: await leadOf(u.alice), alina: await leadOf(u.alina), bob: await leadOf(u.bob), pool: await leadOf(null) };
  bobNoteId = (await database().pool.query<{ id: string }>('select id from lead_notes where lead_id = $1', [lead.bob.id])).rows[0]!.id;
  const [t] = await db
    .insert(supportTickets)
    .values({
      clientId: lead.bob.clientId,
      leadId: lead.bob.id,
      subject: `${WORD} claim`,
      description: `Bob's customer asks about the ${WORD}.`,
    })
    .returning();
  bobTicketId = t!.id;
  const [f] = await db
    .insert(followUps)
    .values({
      leadId: lead.bob.id,
      clientId: lead.bob.clientId,
      assignedUserId: u.bob.userId,
      dueAt: new Date(Date.now() + 86_400_000),
      timezone: 'America/Chicago',
      channel: 'call',
      purpose: `Call about the ${WORD}`,
    })
    .returning();
  bobFollowUpId = f!.id;
});

describe('book of business: a producer and another producer’s lead', () => {
  it('cannot mark it lost (FORBIDDEN with a hint), through MCP and through runTool, and nothing changes', async () => {
    const statusOf = async () =>
      (await database().pool.query<{ s: number }>('select status_id as s from leads where id = $1', [lead.bob.id])).rows[0]!.s;
    const before = await statusOf();
    const alice = await mcpClient(u.alice);
    const err = errorOf(
      await call(alice, 'update_lead_status', { leadId: lead.bob.id, status: 'lost', lostReason: 'Went with another agency' }),
    );
    expect(err.code).toBe('FORBIDDEN');
    expect(err.hint).toMatch(/assigned producer or a manager/);
    const direct = await runTool(
      toolDeps(database().db),
      updateLeadStatusTool,
      { leadId: lead.bob.id, status: 'lost', lostReason: 'Went elsewhere' },
      { actor: u.alice, channel: 'mcp_memory' },
    );
    expect(direct.ok ? 'ok' : direct.error.code).toBe('FORBIDDEN');
    expect(await statusOf()).toBe(before);
    // Her own and her teammate's leads she may change.
    okOf(await call(alice, 'update_lead_status', { leadId: lead.alina.id, status: 'lost', lostReason: 'Went with another agency' }));
  });

  it('cannot write on it with any tool: note, communication, follow-up, ticket, consent', async () => {
    const alice = await mcpClient(u.alice);
    const notes = await count('select count(*)::int as n from lead_notes where lead_id = $1', [lead.bob.id]);
    const writes: [string, Record<string, unknown>][] = [
      ['add_note', { leadId: lead.bob.id, body: 'sneaky' }],
      ['log_communication', { leadId: lead.bob.id, type: 'email', direction: 'inbound', body: 'x' }],
      ['schedule_follow_up', { leadId: lead.bob.id, when: '2027-06-15T10:30:00', channel: 'email', purpose: 'steal' }],
      ['create_ticket', { clientId: lead.bob.clientId, subject: 'x', description: 'y', channel: 'email' }],
      ['create_lead', { clientId: lead.bob.clientId, line: 'home' }],
      ['complete_follow_up', { followUpId: bobFollowUpId, outcome: 'done' }],
      ['update_ticket', { ticketId: bobTicketId, status: 'open' }],
      ['triage_ticket', { ticketId: bobTicketId }],
      ['record_consent', { action: 'do_not_call', clientId: lead.bob.clientId, source: 'test' }],
    ];
    for (const [name, args] of writes) expect(errorOf(await call(alice, name, args)).code, name).toBe('FORBIDDEN');
    expect(await count('select count(*)::int as n from lead_notes where lead_id = $1', [lead.bob.id])).toBe(notes);
  });

  it('cannot read it: NOT_FOUND, word for word what an unknown id answers', async () => {
    const alice = await mcpClient(u.alice);
    const unknown = newId();
    const asUnknown = (msg: string, id: string) => msg.replace(id, '<id>');
    for (const [name, args] of [
      ['get_lead', (id: string) => ({ leadId: id })],
      // get_lead checks the book in its own lead read (both details), not in runTool's probe.
      ['get_lead', (id: string) => ({ leadId: id, detail: 'full' })],
      ['get_lead_context', (id: string) => ({ leadId: id })],
      ['search_knowledge', (id: string) => ({ question: WORD, leadId: id })],
    ] as const) {
      const hidden = errorOf(await call(alice, name, args(lead.bob.id)));
      const missing = errorOf(await call(alice, name, args(unknown)));
      expect(hidden.code, name).toBe('NOT_FOUND');
      expect(asUnknown(hidden.message, lead.bob.id)).toBe(asUnknown(missing.message, unknown));
    }
    expect(errorOf(await call(alice, 'get_client', { clientId: lead.bob.clientId })).code).toBe('NOT_FOUND');
    await expect(alice.readResource({ uri: `crm://leads/${lead.bob.id}/timeline` })).rejects.toThrow(/No lead/);
    await expect(alice.readResource({ uri: `crm://clients/${lead.bob.clientId}/timeline` })).rejects.toThrow(/No client/);
    await expect(alice.getPrompt({ name: 'summarize_lead', arguments: { leadId: lead.bob.id } })).rejects.toThrow(/No lead/);
    await expect(alice.getPrompt({ name: 'triage_ticket', arguments: { ticketId: bobTicketId } })).rejects.toThrow(/No ticket/);
  });

  it('never sees it, its notes, follow-ups or tickets in lists and searches', async () => {
    const alice = await mcpClient(u.alice);
    const visible = [lead.alice.id, lead.alina.id, lead.pool.id];
    const leadIds = (r: CallToolResult) => (okOf(r).leads as { leadId: string }[]).map((l) => l.leadId);
    const all = leadIds(await call(alice, 'search_leads', { limit: 100 }));
    expect(all).not.toContain(lead.bob.id);
    for (const id of visible) expect(all).toContain(id);
    expect(leadIds(await call(alice, 'search_leads', { query: WORD, limit: 100 })).sort()).toEqual([...visible].sort());

    const answer = JSON.stringify(okOf(await call(alice, 'search_knowledge', { question: `${WORD} pendant`, limit: 25 })));
    expect(answer).toContain(lead.alice.id);
    for (const secret of [lead.bob.id, bobNoteId, bobTicketId, u.bob.handle]) expect(answer).not.toContain(secret);

    const fu = JSON.stringify(okOf(await call(alice, 'list_follow_ups', { allUsers: true, status: 'any', limit: 100 })));
    expect(fu).not.toContain(bobFollowUpId);
    const tk = JSON.stringify(okOf(await call(alice, 'list_tickets', { assignee: 'any', status: ['new', 'open'], limit: 100 })));
    expect(tk).not.toContain(bobTicketId);
  });

  it('under CRM_BOOK_POLICY=own loses the teammate’s lead; under all sees every lead', async () => {
    const own = await mcpClient(u.alice, 'own');
    expect(errorOf(await call(own, 'get_lead', { leadId: lead.alina.id })).code).toBe('NOT_FOUND');
    okOf(await call(own, 'get_lead', { leadId: lead.pool.id }));
    const all = await mcpClient(u.alice, 'all');
    okOf(await call(all, 'get_lead', { leadId: lead.bob.id }));
  });
});

describe('book of business: the whole book for other roles', () => {
  for (const role of ['csr', 'manager', 'admin', 'viewer'] as const) {
    it(`${role}: finds and reads every producer's lead, notes and tickets`, async () => {
      const c = await mcpClient(u[role]);
      const found = (okOf(await call(c, 'search_leads', { query: WORD, limit: 100 })).leads as { leadId: string }[]).map((l) => l.leadId);
      for (const l of Object.values(lead)) expect(found).toContain(l.id);
      okOf(await call(c, 'get_lead', { leadId: lead.bob.id }));
      okOf(await call(c, 'get_client', { clientId: lead.bob.clientId }));
      expect(JSON.stringify(okOf(await call(c, 'search_knowledge', { question: WORD, limit: 25 })))).toContain(bobNoteId);
      expect(JSON.stringify(okOf(await call(c, 'list_tickets', { assignee: 'any', status: ['new'], limit: 100 })))).toContain(bobTicketId);
    });
  }

  it('a CSR may write on any lead; a viewer on none (scope)', async () => {
    okOf(await call(await mcpClient(u.csr), 'add_note', { leadId: lead.bob.id, body: 'Serviced by the CSR desk.' }));
    expect(errorOf(await call(await mcpClient(u.viewer), 'add_note', { leadId: lead.bob.id, body: 'x' })).code).toBe('FORBIDDEN');
  });
});

describe('book of business: the guard covers every tool', () => {
  it('every record id a tool takes is one the guard checks (a new id field fails here until the guard knows it)', () => {
    const users = new Set(['assigneeId']);
    for (const tool of tools) {
      for (const [field, schema] of Object.entries(tool.input.shape)) {
        const json = JSON.stringify(z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }));
        if (!json.includes('"format":"uuid"') || users.has(field)) continue;
        expect(RECORD_REFS as readonly string[], `${tool.name}.${field}`).toContain(field);
      }
    }
  });
});
