import { beforeAll, describe, expect, it } from 'vitest';
import { addresses, communicationTypes, leadCommunications, leadNotes } from '../../src/db/schema/index.js';
import { eq } from 'drizzle-orm';
import { searchLeads } from '../../src/crm/leads/search.js';
import { runTool } from '../../tools/run-tool.js';
import { searchLeadsTool } from '../../tools/search-leads.js';
import { actorOf, makeClient, makeLead, makeUser, toolDeps } from '../helpers/fixtures.js';
import { useDatabase } from '../helpers/db.js';

const database = useDatabase();
const NOW = new Date('2025-06-15T12:00:00Z');
const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

let user: Awaited<ReturnType<typeof makeUser>>;
const L: Record<string, string> = {};

/** Runs search_leads scoped to this file's user (full rows unless asked); returns the output or throws with the error. */
async function search(input: Record<string, unknown>) {
  const r = await runTool(
    toolDeps(database().db, NOW),
    searchLeadsTool,
    { assignedTo: user.handle, detail: 'full', ...input },
    { actor: actorOf(user), channel: 'mcp_memory' },
  );
  if (!r.ok) throw Object.assign(new Error(r.error.message), { toolError: r.error });
  return r.output as { leads: Array<Record<string, unknown> & { leadId: string }>; total: number; nextCursor: string | null };
}
const ids = async (input: Record<string, unknown>) => new Set((await search({ limit: 100, ...input })).leads.map((l) => l.leadId));
const names = (...keys: string[]) => new Set(keys.map((k) => L[k]!));

beforeAll(async () => {
  const { db } = database();
  user = await makeUser(db);
  const other = await makeUser(db);
  const addr = async (city: string, state: string) =>
    (await db.insert(addresses).values({ line1: '1 Main St', city, state, postalCode: '00000' }).returning())[0]!.id;
  const client = async (o: Parameters<typeof makeClient>[1], city: string, state: string) =>
    makeClient(db, { ...o, addressId: await addr(city, state) });

  const alice = await client({ firstName: 'Alice', lastName: 'Walker', email: 'alice@walker.test' }, 'Austin', 'TX');
  const acme = await client({ clientType: 'business', businessName: 'Acme Roofing LLC', firstName: null, lastName: null }, 'Dallas', 'TX');
  const bob = await client({ firstName: 'Bob', lastName: 'Stone' }, 'Tulsa', 'OK');
  const carol = await client({ firstName: 'Carol', lastName: 'Danvers' }, 'Fresno', 'CA');
  const zeta = await client({ clientType: 'business', businessName: 'Zeta Bakery', firstName: null, lastName: null }, 'austin', 'TX');
  const base = { assignedUserId: user.id };
  L.alice = (
    await makeLead(db, {
      ...base,
      clientId: alice.id,
      status: 'new',
      line: 'auto',
      xDate: '2025-07-01',
      tags: ['vip'],
      aiScore: 80,
      nextFollowUpAt: day(-1),
      createdAt: day(-30),
      updatedAt: day(-2),
    })
  ).id;
  L.acme = (
    await makeLead(db, {
      ...base,
      clientId: acme.id,
      status: 'quoted',
      line: 'bop',
      xDate: '2025-09-01',
      tags: ['commercial'],
      aiScore: 40,
      nextFollowUpAt: day(2),
      createdAt: day(-20),
      updatedAt: day(-1),
    })
  ).id;
  L.bob = (
    await makeLead(db, {
      ...base,
      clientId: bob.id,
      status: 'lost',
      line: 'home',
      aiScore: null,
      nextFollowUpAt: day(-3),
      createdAt: day(-10),
      updatedAt: day(-10),
    })
  ).id;
  L.carol = (
    await makeLead(db, {
      ...base,
      clientId: carol.id,
      status: 'contacted',
      line: 'home',
      xDate: '2025-06-20',
      tags: ['vip', 'referral'],
      aiScore: 95,
      createdAt: day(-5),
      updatedAt: day(-5),
    })
  ).id;
  L.zeta = (
    await makeLead(db, {
      ...base,
      clientId: zeta.id,
      status: 'qualified',
      line: 'workers_comp',
      aiScore: 80,
      createdAt: day(-1),
      updatedAt: day(-1),
    })
  ).id;
  // Someone else's lead, invisible to the scoped searches; shares the note word to prove assignee scoping.
  const foreign = await makeLead(db, { assignedUserId: other.id, clientId: carol.id, status: 'new', line: 'umbrella' });

  await db.insert(leadNotes).values([
    { leadId: L.carol!, clientId: carol.id, body: 'Customer mentioned a trampoline in the backyard and a pool.' },
    { leadId: foreign.id, clientId: carol.id, body: 'Umbrella: they have a trampoline too.' },
    { leadId: L.alice!, clientId: alice.id, body: 'Prefers morning calls.' },
  ]);
  const [email] = await db.select().from(communicationTypes).where(eq(communicationTypes.code, 'email'));
  await db.insert(leadCommunications).values({
    leadId: L.zeta!,
    clientId: zeta.id,
    communicationTypeId: email!.id,
    direction: 'inbound',
    subject: 'Question',
    body: 'We are worried about the payroll audit next month.',
  });
});

describe('search_leads filters', () => {
  it('scopes to the assignee, by handle, by id and as "me"', async () => {
    const all = names('alice', 'acme', 'bob', 'carol', 'zeta');
    expect(await ids({})).toEqual(all);
    expect(await ids({ assignedTo: user.id })).toEqual(all);
    expect(await ids({ assignedTo: 'me' })).toEqual(all);
  });

  it.each([
    [{ statuses: ['new', 'quoted'] }, ['alice', 'acme']],
    [{ lines: ['home'] }, ['bob', 'carol']],
    [{ clientType: 'business' }, ['acme', 'zeta']],
    [{ state: 'tx' }, ['alice', 'acme', 'zeta']],
    [{ city: 'AUSTIN' }, ['alice', 'zeta']],
    [{ state: 'TX', city: 'Dallas' }, ['acme']],
    [{ tags: ['referral', 'commercial'] }, ['acme', 'carol']],
    [{ xDateFrom: '2025-06-20', xDateTo: '2025-07-31' }, ['alice', 'carol']],
    [{ followUp: 'due' }, ['alice', 'bob']],
    [{ followUp: 'overdue' }, ['alice']],
    [{ open: false }, ['bob']],
    [{ createdFrom: day(-12).toISOString(), createdTo: day(-2).toISOString() }, ['bob', 'carol']],
    [{ updatedFrom: day(-2).toISOString() }, ['alice', 'acme', 'zeta']],
    [{ aiScoreMin: 80 }, ['alice', 'carol', 'zeta']],
    [{ aiScoreMin: 50, aiScoreMax: 85 }, ['alice', 'zeta']],
    [{ lines: ['home'], open: true }, ['carol']],
  ])('%j narrows to %j', async (filters, expected) => {
    expect(await ids(filters)).toEqual(names(...expected));
  });

  it('refuses unknown codes, an unknown handle and reversed ranges with VALIDATION naming the field', async () => {
    for (const [input, field] of [
      [{ statuses: ['Quoted!'] }, 'statuses'],
      [{ lines: ['spaceship'] }, 'lines'],
      [{ assignedTo: 'nobody-here' }, 'assignedTo'],
      [{ aiScoreMin: 90, aiScoreMax: 10 }, 'aiScoreMin'],
      [{ sort: 'relevance' }, 'sort'],
    ] as const) {
      await expect(search(input)).rejects.toMatchObject({
        toolError: { code: 'VALIDATION', details: [expect.objectContaining({ field })] },
      });
    }
  });
});

describe('search_leads pagination', () => {
  const sorts = ['x_date', 'next_follow_up_at', 'created_at', 'updated_at', 'ai_score'] as const;
  it.each(
    sorts.flatMap(
      (s) =>
        [
          [s, 'asc'],
          [s, 'desc'],
        ] as const,
    ),
  )('by %s %s visits every match exactly once, in order, nulls last', async (sort, order) => {
    const seen: Array<Record<string, unknown> & { leadId: string }> = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const r = await search({ sort, order, limit: 2, ...(cursor ? { cursor } : {}) });
      expect(r.total).toBe(5);
      seen.push(...r.leads);
      if (!r.nextCursor) break;
      cursor = r.nextCursor;
    }
    expect(seen.map((l) => l.leadId).sort()).toEqual(Object.values(L).sort());
    const field = { x_date: 'xDate', next_follow_up_at: 'nextFollowUpAt', ai_score: 'aiScore' }[sort as string];
    if (field) {
      const values = seen.map((l) => l[field] as string | number | null);
      const present = values.filter((v) => v !== null);
      expect(values.slice(0, present.length)).toEqual(present); // nulls last
      const sorted = [...present].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(present).toEqual(order === 'asc' ? sorted : sorted.reverse());
    }
  });

  it('answers summary rows by default: the fields to pick a lead by, no empty ones', async () => {
    const summary = await search({ detail: undefined, sort: 'ai_score', limit: 5 });
    const full = await search({ sort: 'ai_score', limit: 5 });
    expect(summary.leads.map((l) => l.leadId)).toEqual(full.leads.map((l) => l.leadId));
    for (const l of summary.leads) {
      expect(Object.values(l)).not.toContain(null);
      for (const k of ['clientType', 'aiScore', 'tags', 'city', 'targetPremium']) expect(l).not.toHaveProperty(k);
      expect(l).toMatchObject({
        leadId: expect.any(String),
        clientId: expect.any(String),
        status: expect.any(String),
        line: expect.any(String),
      });
    }
    expect(full.leads[0]).toHaveProperty('aiScore');
    expect(JSON.stringify(summary).length).toBeLessThan(JSON.stringify(full).length * 0.7);
  });

  it('returns nextCursor null when everything fits', async () => {
    const r = await search({ limit: 5 });
    expect(r.leads).toHaveLength(5);
    expect(r.nextCursor).toBeNull();
  });

  it('refuses a garbage cursor, and a cursor from another query, with VALIDATION on cursor', async () => {
    await expect(search({ cursor: 'not-a-cursor' })).rejects.toMatchObject({
      toolError: { code: 'VALIDATION', details: [{ field: 'cursor' }] },
    });
    await expect(search({ cursor: Buffer.from('{"v":1}').toString('base64url') })).rejects.toMatchObject({
      toolError: { code: 'VALIDATION' },
    });
    const first = await search({ limit: 1, sort: 'created_at' });
    await expect(search({ limit: 1, sort: 'created_at', statuses: ['new'], cursor: first.nextCursor })).rejects.toMatchObject({
      toolError: { code: 'VALIDATION', message: expect.stringMatching(/different filters/) },
    });
    await expect(search({ limit: 1, sort: 'ai_score', cursor: first.nextCursor })).rejects.toMatchObject({
      toolError: { code: 'VALIDATION' },
    });
  });
});

describe('search_leads free text', () => {
  it('finds a lead by a word only in its note', async () => {
    const r = await search({ query: 'trampoline' });
    expect(r.leads.map((l) => l.leadId)).toEqual([L.carol]);
    expect(r.total).toBe(1);
    expect(r.leads[0]!.relevance).toBeGreaterThan(0);
  });

  it('finds a lead by a word in a communication, with stemming', async () => {
    expect(await ids({ query: 'audits' })).toEqual(names('zeta'));
  });

  it('matches client names and emails, exact names ranked first, and combines with filters', async () => {
    expect(await ids({ query: 'acme' })).toEqual(names('acme'));
    expect(await ids({ query: 'walker.test' })).toEqual(names('alice'));
    expect(await ids({ query: 'trampoline', statuses: ['new'] })).toEqual(new Set());
    const r = await search({ query: 'Carol Danvers' });
    expect(r.leads[0]!.leadId).toBe(L.carol);
    expect(r.leads[0]!.relevance).toBeGreaterThanOrEqual(2);
  });

  it('pages through relevance-sorted results', async () => {
    // Every name or email contains an "a"; paging by relevance (with ties) must visit each once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r = await search({ query: 'a', limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...r.leads.map((l) => l.leadId));
      cursor = r.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(names('alice', 'acme', 'bob', 'carol', 'zeta'));
  });

  it('uses a hybrid ranker when one is supplied, and falls back to full text when it declines', async () => {
    const { db } = database();
    const scoped = { assignedTo: user.handle, query: 'zzzunmatched' };
    const hybrid = await searchLeads(db, scoped, { now: NOW, textMatchLeadIds: async () => [L.bob!, L.alice!] });
    expect(hybrid.rows.map((r) => r.leadId)).toEqual([L.bob, L.alice]);
    expect(hybrid.total).toBe(2);
    const declined = await searchLeads(db, { ...scoped, query: 'trampoline' }, { now: NOW, textMatchLeadIds: () => undefined });
    expect(declined.rows.map((r) => r.leadId)).toEqual([L.carol]);
  });
});
