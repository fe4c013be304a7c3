/** What runTool logs when the database refuses a call: codes and constraint names, never the values. */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureLogger } from '../../src/log.js';
import { addNoteTool } from '../../tools/add-note.js';
import { runTool } from '../../tools/run-tool.js';
import { actorOf, makeLead, makeUser, toolDeps } from '../helpers/fixtures.js';
import { useDatabase } from '../helpers/db.js';

const database = useDatabase();
let logged = '';
const sink = new Writable({
  write(chunk, _enc, done) {
    logged += String(chunk);
    done();
  },
});
beforeAll(() => {
  configureLogger('info', sink);
});
afterAll(() => {
  configureLogger(process.env.LOG_LEVEL ?? 'silent');
});

// A value only the call's arguments hold: it must not reach the log by any path.
const MARKER = 'Client SSN 078-05-1120 mentioned on the call';

describe('runTool logging', () => {
  it('logs a Postgres error of a write by code and table, without its message or the parameters', async () => {
    const { db, pool } = database();
    const user = await makeUser(db);
    const lead = await makeLead(db);
    // The raised message quotes the note, as Postgres messages and details quote values.
    await pool.query(
      `create or replace function test_note_fail() returns trigger language plpgsql as $$ begin raise exception 'cannot store %', new.body using errcode = 'XX002', table = 'lead_notes', column = 'body'; end $$`,
    );
    await pool.query('create trigger test_note_fail before insert on lead_notes for each row execute function test_note_fail()');
    try {
      logged = '';
      const r = await runTool(
        toolDeps(db),
        addNoteTool,
        { leadId: lead.id, body: MARKER },
        { actor: actorOf(user), channel: 'mcp_memory' },
      );
      expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(logged).toContain('"pgCode":"XX002"');
      expect(logged).toContain('"table":"lead_notes"');
      expect(logged).not.toContain('078-05-1120');
      expect(logged).not.toContain('cannot store');
    } finally {
      await pool.query('drop trigger if exists test_note_fail on lead_notes');
    }
  });

  it('logs a failed audit insert without drizzle\'s "Failed query … params" text', async () => {
    const { db, pool } = database();
    const user = await makeUser(db);
    const lead = await makeLead(db);
    await pool.query(
      `create or replace function test_audit_fail() returns trigger language plpgsql as $$ begin raise exception 'no room for %', new.tool_arguments using errcode = 'XX003'; end $$`,
    );
    await pool.query('create trigger test_audit_fail before insert on ai_interactions for each row execute function test_audit_fail()');
    try {
      logged = '';
      const r = await runTool(
        toolDeps(db),
        addNoteTool,
        { leadId: lead.id, body: MARKER },
        { actor: actorOf(user), channel: 'mcp_memory' },
      );
      expect(r.ok).toBe(false);
      expect(logged).toContain('"pgCode":"XX003"');
      expect(logged).not.toContain('078-05-1120');
      expect(logged).not.toMatch(/Failed query|params:/);
    } finally {
      await pool.query('drop trigger if exists test_audit_fail on ai_interactions');
    }
  });
});
