/**
 * Threads outlive the process: a pending approval is found and resumed by a new process on the
 * same (embedded, on-disk) database, and a tools step cut short by a crash is finished without
 * writing anything twice.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { createAgentRunner } from '../../src/agent/runner.js';
import { createCheckpointer } from '../../src/db/checkpoints.js';
import { ScriptedChatModel } from '../../src/agent/scripted-model.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { actorOf, makeLead, makeUser, toolDeps } from '../helpers/fixtures.js';
import { notesOf, rowsOfThread, scriptedRunner, SETTINGS, threadId } from './agent-helpers.js';

const run = promisify(execFile);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function open(dir: string): Promise<Database> {
  return openDatabase(testConfig({ CRM_DATA_DIR: dir }));
}

describe('agent threads across processes', () => {
  it('a new process finds the pending approval and resumes it; the write is made once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-agent-'));
    dirs.push(dir);
    const t = threadId();
    let db1 = await open(dir);
    let leadId: string, handle: string, turnId: string;
    try {
      await migrate(db1.pool);
      const user = await makeUser(db1.db);
      handle = user.handle;
      leadId = (await makeLead(db1.db)).id;
      const { runner } = scriptedRunner(db1, [{ toolCalls: [{ name: 'add_note', args: { leadId, body: 'Survives a restart' } }] }]);
      const r = await runner.send({ threadId: t, actor: actorOf(user), channel: 'cli', text: 'note it' });
      expect(r.status).toBe('awaiting_approval');
      turnId = r.interactionId;
    } finally {
      await db1.close();
    }
    const child = await run(process.execPath, ['--import', 'tsx', path.join('test', 'agent', 'resume-child.ts'), dir, t, handle], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent' },
      timeout: 120_000,
    });
    const out = JSON.parse(child.stdout) as {
      pending: { toolName: string } | null;
      result: { status: string; reply: string; interactionId: string };
    };
    expect(out.pending?.toolName).toBe('add_note');
    expect(out.result).toMatchObject({ status: 'done', reply: 'Saved after the restart.', interactionId: turnId });
    db1 = await open(dir);
    try {
      expect((await notesOf(db1.db, leadId)).map((n) => n.body)).toEqual(['Survives a restart']);
      const rows = await rowsOfThread(db1.db, t);
      expect(rows.filter((r) => r.type === 'chat')).toHaveLength(1);
      expect(rows.filter((r) => r.type === 'tool_call')).toMatchObject([{ toolName: 'add_note', parentInteractionId: turnId }]);
    } finally {
      await db1.close();
    }
  });

  // Needs runTool to honour CallInfo.idempotencyKey (same user + tool + key: the stored answer,
  // nothing written again); until then the re-run writes the first note a second time.
  it('a tools step cut short after its first write is finished by the next message without writing twice', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-agent-'));
    dirs.push(dir);
    const database = await open(dir);
    try {
      await migrate(database.pool);
      const user = await makeUser(database.db);
      const actor = actorOf(user);
      const lead = await makeLead(database.db);
      const t = threadId();
      let calls = 0;
      // The process "dies" when the second write starts (the clock is read by the model step, then
      // by each tool call): the first write has committed.
      const dying = {
        ...toolDeps(database.db),
        now: () => {
          if (++calls === 3) throw new Error('process killed');
          return new Date();
        },
      };
      const model = new ScriptedChatModel([
        {
          toolCalls: [
            { name: 'add_note', args: { leadId: lead.id, body: 'first' } },
            { name: 'add_note', args: { leadId: lead.id, body: 'second' } },
          ],
        },
      ]);
      const a = createAgentRunner({ deps: dying, model, checkpointer: createCheckpointer(database.pool), settings: SETTINGS });
      const r1 = await a.send({ threadId: t, actor, channel: 'cli', text: 'two notes' });
      const r2 = await a.resume({
        threadId: t,
        actor,
        channel: 'cli',
        decision: { toolCallId: r1.pending!.toolCallId, decision: 'approve' },
      });
      const r3 = await a.resume({
        threadId: t,
        actor,
        channel: 'cli',
        decision: { toolCallId: r2.pending!.toolCallId, decision: 'approve' },
      });
      expect(r3.status).toBe('failed');
      expect((await notesOf(database.db, lead.id)).map((n) => n.body)).toEqual(['first']);
      // A fresh runner (as after a restart) gets the next message and first finishes the cut-short step.
      const { runner: b } = scriptedRunner(database, [{ text: 'Both saved.' }, { text: 'Hello again.' }]);
      const r4 = await b.send({ threadId: t, actor, channel: 'cli', text: 'are you there?' });
      expect(r4).toMatchObject({ status: 'done', reply: 'Hello again.' });
      expect((await notesOf(database.db, lead.id)).map((n) => n.body).sort()).toEqual(['first', 'second']);
    } finally {
      await database.close();
    }
  });
});
