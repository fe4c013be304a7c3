/**
 * `crm-agent eval --live` with the real ChatOpenAI client against the OpenAI-compatible stub:
 * one dialog, two trials (the model gets it right once, then answers without doing the work),
 * so the report shows pass^1 = 1/2 and pass^2 = 0, with tokens, latency and tool calls; and
 * `eval record` turns a logged conversation into a dialog that passes when replayed.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { runEvalCommand } from '../../src/eval-command.js';
import { openEvalDb, type EvalDb } from '../../evals/eval-db.js';
import { loadDialogs, parseDialog } from '../../evals/load-dialogs.js';
import { recordThread } from '../../evals/record.js';
import { runDialog } from '../../evals/run-dialog.js';
import { startOpenAIStub, type OpenAIStub } from '../helpers/openai-stub.js';

let stub: OpenAIStub;
beforeAll(async () => {
  stub = await startOpenAIStub();
});
afterAll(async () => {
  await stub?.close();
});

const sink = () => {
  const s = new PassThrough();
  let text = '';
  s.on('data', (c: Buffer) => (text += c.toString()));
  return { s, text: () => text };
};

describe('eval --live', () => {
  it('runs a dialog k times with the configured model and reports pass^k, tokens, latency and tool calls', async () => {
    const newClient = {
      clientType: 'individual',
      firstName: 'Tom',
      lastName: 'Baker',
      email: 'tom.baker@example.com',
      phone: '512-555-0199',
    };
    stub.push(
      // Trial 1: does the work.
      {
        content: 'Creating the lead.',
        toolCalls: [
          {
            name: 'create_lead',
            args: { newClient, line: 'home', source: 'walk-in', currentCarrier: 'State Farm', currentPremium: 2100, xDate: '2026-12-20' },
          },
        ],
      },
      { content: 'Created Tom Baker and his home lead, x-date Dec 20.' },
      // Trial 2: claims success without calling a tool.
      { content: 'Done! Tom Baker is in the system, x-date Dec 20.' },
    );
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-eval-'));
    const out = sink();
    const err = sink();
    const config = testConfig({ OPENAI_BASE_URL: stub.baseURL, CRM_CHAT_MODEL: 'stub-chat-1', CRM_CHAT_MAX_RETRIES: '0' });
    const code = await runEvalCommand(
      config,
      { live: true, trials: 2, filter: '^create-lead-new-prospect$', report: dir },
      { out: out.s, err: err.s },
    );
    expect(code).toBe(0);
    expect(err.text()).toMatch(/pass {2}create-lead-new-prospect \(trial 1\)/);
    expect(err.text()).toMatch(/FAIL {2}create-lead-new-prospect \(trial 2\)/);
    expect(stub.requests).toHaveLength(3);
    // The live model saw the real tools and the dialog's day.
    const first = stub.requests[0]!.body as { tools: { function: { name: string } }[]; messages: { content: string }[] };
    expect(first.tools.map((t) => t.function.name)).toContain('create_lead');
    expect(first.messages[0]!.content).toContain('November 2, 2026');

    const json = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as {
      mode: string;
      passHat: number[];
      dialogs: {
        passes: number;
        passHat: number[];
        tokens: number;
        toolCalls: number;
        latencyMs: number;
        runs: { passed: boolean; failed: { name: string }[] }[];
      }[];
    };
    expect(json.mode).toBe('live');
    expect(json.passHat).toEqual([0.5, 0]);
    const [d] = json.dialogs;
    expect(d).toMatchObject({ passes: 1, passHat: [0.5, 0], toolCalls: 0.5 });
    // The stub reports 18 tokens a call: 2 calls, then 1.
    expect(d!.tokens).toBe(27);
    expect(d!.latencyMs).toBeGreaterThan(0);
    expect(d!.runs[1]!.failed.map((f) => f.name)).toContain(
      'change: insert into clients {"client_type":"individual","first_name":"Tom","last_name":"Baker","email":"tom.baker@example.com","phone":{"re":"555.?0199"},"assigned_user_id":"user:demo"}',
    );
    const md = readFileSync(path.join(dir, 'report.md'), 'utf8');
    expect(md).toContain('| create-lead-new-prospect | 1/2 | 50.0% | 0.0% |');
    expect(md).toContain('Overall: pass^1 50.0%, pass^2 0.0%');
  });

  it('refuses to run live without a configured model', async () => {
    const err = sink();
    expect(await runEvalCommand(testConfig(), { live: true }, { out: sink().s, err: err.s })).toBe(2);
    expect(err.text()).toMatch(/No chat model is configured/);
  });
});

describe('eval record', () => {
  let data: EvalDb;
  beforeAll(async () => {
    data = await openEvalDb();
  });
  afterAll(async () => {
    await data?.close();
  });

  it('turns a logged thread into a dialog whose replay passes', async () => {
    const source = loadDialogs(undefined, '^two-writes-one-rejected$')[0]!;
    const run = await runDialog(source, { data });
    expect(run.passed).toBe(true);
    const recorded = await recordThread(data.database.pool, 'eval-two-writes-one-rejected-1', data);
    expect(recorded.problems).toEqual([]);
    const d = parseDialog(recorded.yaml, 'recorded.yaml');
    expect(d.user).toBe('priya.raman');
    expect(d.fixtures.map((f) => Object.keys(f)[0])).toEqual(['client', 'lead']);
    expect(d.fixtures[0]).toMatchObject({ client: 'hazel-wren', firstName: 'Hazel', lastName: 'Wren' });
    expect(d.turns[0]!.approvals).toEqual(['approve', { reject: "She said she'll call us back herself, no chase call." }]);
    expect(d.turns[0]!.model[0]!.calls![0]).toEqual({
      tool: 'add_note',
      args: { leadId: '${lead:hazel-wren-auto}', body: 'Comparing our auto quote with Progressive.' },
    });
    expect(d.expect.changes).toEqual([
      {
        insert: 'lead_notes',
        count: 1,
        row: expect.objectContaining({
          lead_id: 'lead:hazel-wren-auto',
          client_id: 'client:hazel-wren',
          body: 'Comparing our auto quote with Progressive.',
        }),
      },
    ]);
    const replay = await runDialog(d, { data });
    expect(replay.checks.filter((c) => !c.ok)).toEqual([]);
  });
});
