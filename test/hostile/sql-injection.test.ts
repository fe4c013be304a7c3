/**
 * SQL injection strings in every free-text, sort, filter, tag and cursor field of the read tools,
 * and stored verbatim by the write tools: every call answers ok or with a structured VALIDATION
 * or NOT_FOUND, no table is dropped or changed, and injected text is stored as data.
 * (test/helpers/mcp-cases.ts covers one injection string per tool in the MCP contract.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { actorForHandle, type Actor } from '../../src/crm/access/actor.js';
import { findTool } from '../../tools/index.js';
import { runTool, type ToolResult } from '../../tools/run-tool.js';
import { useRuntime } from '../helpers/runtime.js';
import { stateReader } from './db-state.js';

const runtime = useRuntime();
const INJECTIONS = [
  "'; drop table leads; --",
  "' or '1'='1",
  "x' union select token_hash from api_tokens --",
  '1); delete from clients; --',
  "') or pg_sleep(3) is null --",
  '"; truncate ai_interactions cascade; --',
  "\\'; drop table users; --",
  '%',
  '_%_',
  "roof' -- ",
  '$$; drop table leads; $$',
  "E'\\x27'",
  '*/ select 1 /*',
];
const OK_CODES = ['VALIDATION', 'NOT_FOUND'];

let actor: Actor;
let leadId: string;
let readState: () => Promise<Record<string, string>>;

beforeAll(async () => {
  const rt = runtime();
  actor = await actorForHandle(rt.database.db, 'demo');
  leadId = (await rt.database.pool.query<{ id: string }>('select id from leads order by id limit 1')).rows[0]!.id;
  readState = await stateReader(rt.database.pool);
});

const call = (name: string, input: unknown) => runTool(runtime().deps, findTool(name)!, input, { actor, channel: 'mcp_memory' });

function structured(r: ToolResult, what: string): void {
  if (!r.ok) expect(OK_CODES, `${what}: ${r.error.code} ${r.error.message}`).toContain(r.error.code);
}

/** Each field of each read tool, as a function from an injection string to the tool's input. */
const READ_FIELDS: [string, string, (s: string) => Record<string, unknown>][] = [
  ['search_leads', 'query', (s) => ({ query: s })],
  ['search_leads', 'statuses', (s) => ({ statuses: [s] })],
  ['search_leads', 'lines', (s) => ({ lines: [s] })],
  ['search_leads', 'assignedTo', (s) => ({ assignedTo: s })],
  ['search_leads', 'city', (s) => ({ city: s })],
  ['search_leads', 'state', (s) => ({ state: s })],
  ['search_leads', 'tags', (s) => ({ tags: [s, 'roof'] })],
  ['search_leads', 'sort', (s) => ({ sort: s })],
  ['search_leads', 'order', (s) => ({ order: s })],
  ['search_leads', 'cursor', (s) => ({ cursor: s })],
  ['search_leads', 'xDateFrom', (s) => ({ xDateFrom: s })],
  ['search_leads', 'createdFrom', (s) => ({ createdFrom: s })],
  ['list_follow_ups', 'assignee', (s) => ({ assignee: s })],
  ['list_follow_ups', 'cursor', (s) => ({ cursor: s })],
  ['list_follow_ups', 'dueFrom', (s) => ({ dueFrom: s })],
  ['list_follow_ups', 'channel', (s) => ({ channel: s, allUsers: true })],
  ['list_tickets', 'cursor', (s) => ({ cursor: s })],
  ['list_tickets', 'status', (s) => ({ status: [s] })],
  ['list_tickets', 'category', (s) => ({ category: [s] })],
  ['search_knowledge', 'question', (s) => ({ question: s })],
  ['search_knowledge', 'since', (s) => ({ question: 'roof', since: s })],
  ['search_knowledge', 'until', (s) => ({ question: 'roof', until: s })],
  ['get_lead_context', 'question', (s) => ({ leadId, question: s })],
  ['get_lead', 'leadId', (s) => ({ leadId: s })],
  ['get_client', 'clientId', (s) => ({ clientId: s })],
];

describe('SQL injection in read-tool fields', () => {
  it(`${READ_FIELDS.length} fields x ${INJECTIONS.length} strings: structured answers, nothing changed`, async () => {
    const before = await readState();
    let ok = 0;
    for (const [tool, field, make] of READ_FIELDS) {
      for (const s of INJECTIONS) {
        const r = await call(tool, make(s));
        structured(r, `${tool}.${field} = ${s}`);
        if (r.ok) ok++;
      }
    }
    expect(await readState()).toEqual(before);
    // Free-text fields take the strings as words: a good share are answered, not refused.
    expect(ok).toBeGreaterThan(INJECTIONS.length * 4);
    console.log(`sql injection: ${READ_FIELDS.length * INJECTIONS.length} read calls, ${ok} answered ok, the rest VALIDATION/NOT_FOUND`);
  });

  it('a well-formed cursor carrying an injected sort key is refused or answered, never run as SQL', async () => {
    for (const [tool, input] of [
      ['search_leads', { limit: 1, sort: 'x_date' }],
      ['search_leads', { limit: 1 }],
      ['list_tickets', { limit: 1, assignee: 'any' }],
      ['list_follow_ups', { limit: 1, allUsers: true, status: 'any' }],
    ] as const) {
      const first = await call(tool, input);
      if (!first.ok) throw new Error(JSON.stringify(first.error));
      const cursor = first.output.nextCursor as string;
      expect(cursor, tool).toBeTruthy();
      const body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
      const before = await readState();
      for (const s of INJECTIONS) {
        for (const forged of [
          { ...body, k: s },
          { ...body, s },
          { ...body, id: s },
        ]) {
          const r = await call(tool, { ...input, cursor: Buffer.from(JSON.stringify(forged)).toString('base64url') });
          structured(r, `${tool} forged cursor ${JSON.stringify(forged)}`);
        }
      }
      expect(await readState()).toEqual(before);
    }
  });
});

describe('SQL injection in stored free text', () => {
  it('is stored verbatim as data by add_note, and found again by search as words', async () => {
    const { pool } = runtime().database;
    for (const s of INJECTIONS) {
      const body = `Customer wrote: ${s}`;
      const r = await call('add_note', { leadId, body, tags: [s.slice(0, 40)] });
      if (!r.ok) throw new Error(`${s}: ${r.error.message}`);
      const { rows } = await pool.query<{ body: string; tags: string[] }>('select body, tags from lead_notes where id = $1', [
        r.output.noteId,
      ]);
      expect(rows[0]?.body).toBe(body.trim());
      expect(rows[0]?.tags).toEqual([s.slice(0, 40).trim()]);
    }
    const tables = await pool.query<{ n: number }>(
      "select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name in ('leads', 'clients', 'users', 'ai_interactions', 'api_tokens')",
    );
    expect(tables.rows[0]!.n).toBe(5);
    const found = await call('search_leads', { query: 'drop table leads' });
    expect(found.ok).toBe(true);
  });
});
