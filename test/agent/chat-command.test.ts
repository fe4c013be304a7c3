/** `crm-agent chat` with piped input: one message a line, writes refused unless --approve-all, --thread resumes. */
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { runChat, runChatCommand, type ChatIo } from '../../src/chat-command.js';
import { ScriptedChatModel, type ScriptStep } from '../../src/agent/scripted-model.js';
import type { Runtime } from '../../src/runtime.js';
import { useDatabase } from '../helpers/db.js';
import { actorOf, makeLead, makeUser, toolDeps } from '../helpers/fixtures.js';
import { notesOf, rowsOfThread, scriptedRunner, threadId } from './agent-helpers.js';

const database = useDatabase();

function io(lines: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) => new Writable({ write: (c, _e, cb) => (into.push(String(c)), cb()) });
  const streams: ChatIo = { input: Readable.from(lines.map((l) => `${l}\n`)), output: sink(out), err: sink(err) };
  return { streams, out: () => out.join(''), err: () => err.join('') };
}

async function setup(script: ScriptStep[]) {
  const { db } = database();
  const user = await makeUser(db);
  const lead = await makeLead(db);
  const rt = { config: testConfig({ CRM_USER: user.handle }), database: database(), deps: toolDeps(db) } as unknown as Runtime;
  return { user, lead, rt, model: new ScriptedChatModel(script) };
}

describe('crm-agent chat with piped stdin', () => {
  it('answers each line, streams to stdout, and refuses writes without --approve-all', async () => {
    const { lead, rt, model } = await setup([]);
    model.push(
      { text: 'Hello there.' },
      { toolCalls: [{ name: 'add_note', args: { leadId: lead.id, body: 'scripted' } }] },
      { text: 'Not saved, as you wish.' },
    );
    const t = threadId();
    const s = io(['hi', '', 'add a note']);
    const code = await runChat(rt, model, { thread: t }, s.streams);
    expect(code).toBe(0);
    expect(s.out()).toContain('Hello there.\n');
    expect(s.out()).toContain('Not saved, as you wish.');
    expect(s.err()).toMatch(/Approval needed: add_note/);
    expect(s.err()).toMatch(/--approve-all/);
    expect(await notesOf(database().db, lead.id)).toHaveLength(0);
    const chats = (await rowsOfThread(database().db, t)).filter((r) => r.type === 'chat');
    expect(chats.map((r) => r.prompt)).toEqual(['hi', 'add a note']);
    expect(chats[1]!.metadata).toMatchObject({ approvals: [{ decision: 'reject' }] });
  });

  it('--approve-all makes the write', async () => {
    const { lead, rt, model } = await setup([]);
    model.push({ toolCalls: [{ name: 'add_note', args: { leadId: lead.id, body: 'approved by script' } }] }, { text: 'Saved.' });
    const s = io(['add a note']);
    expect(await runChat(rt, model, { approveAll: true }, s.streams)).toBe(0);
    expect((await notesOf(database().db, lead.id)).map((n) => n.body)).toEqual(['approved by script']);
  });

  it('--thread picks up a pending approval first', async () => {
    const { user, lead, rt } = await setup([]);
    const t = threadId();
    const { runner } = scriptedRunner(database(), [{ toolCalls: [{ name: 'add_note', args: { leadId: lead.id, body: 'from before' } }] }]);
    expect((await runner.send({ threadId: t, actor: actorOf(user), channel: 'cli', text: 'note' })).status).toBe('awaiting_approval');
    const s = io([]);
    expect(await runChat(rt, new ScriptedChatModel([{ text: 'Saved it.' }]), { thread: t, approveAll: true }, s.streams)).toBe(0);
    expect(s.out()).toContain('Saved it.');
    expect((await notesOf(database().db, lead.id)).map((n) => n.body)).toEqual(['from before']);
  });

  it('with no model configured, says how to configure one and exits 2', async () => {
    const s = io([]);
    expect(await runChatCommand(testConfig(), {}, s.streams)).toBe(2);
    expect(s.err()).toMatch(/OPENAI_API_KEY/);
    expect(s.err()).toMatch(/OPENAI_BASE_URL/);
    expect(s.err()).toMatch(/MCP server .* works without a model/);
  });
});
