/**
 * Slack with the real agent: the runner from src/slack/agent.ts (the one `serve` wires) over the
 * compiled graph, with a scripted model (the OpenAI stub serves no streams, which the graph uses)
 * and checkpoints in Postgres. A mention
 * proposes add_note, the button approves it, the note is written once, and every turn is one
 * `chat` row with channel slack, the Slack thread's id and the mapped user.
 */
import { describe, expect, it, vi } from 'vitest';
import { slackAgentRunner } from '../../src/slack/agent.js';
import { makeLead, makeUser } from '../helpers/fixtures.js';
import { ScriptedChatModel } from '../../src/agent/scripted-model.js';
import { clickBody, messageEvent, postSlack, signedHeaders, useSlackHarness, type Harness } from './harness.js';

const model = new ScriptedChatModel();
const harness = useSlackHarness({ agent: (rt) => slackAgentRunner(rt, model) });
const wait = (fn: () => void | Promise<void>) => vi.waitFor(fn, { timeout: 15_000, interval: 25 });
const q = async <T>(h: Harness, sql: string, params: unknown[] = []) => (await h.rt.database.pool.query(sql, params)).rows as T[];

describe('Slack with the real agent runner', () => {
  it('mention -> proposed add_note -> Approve button -> one note, turns audited as slack', async () => {
    const h = harness();
    const db = h.rt.database.db;
    const user = await makeUser(db, { slackUserId: 'UREAL001', role: 'producer' });
    const lead = await makeLead(db);
    model.push(
      { toolCalls: [{ name: 'add_note', args: { leadId: lead.id, body: 'Customer asked for a boat quote' } }] },
      { text: 'Saved the **note**.' },
    );
    const env = messageEvent('UREAL001', `add a note to lead ${lead.id}: customer asked for a boat quote`);
    const body = JSON.stringify(env);
    expect((await postSlack(h, '/slack/events', body, signedHeaders(body))).status).toBe(200);

    let approval: { ts: string; value: string } | undefined;
    await wait(() => {
      const msg = h.fake.of('chat.postMessage').find((c) => c.args.thread_ts === env.event.ts && Array.isArray(c.args.blocks));
      expect(msg).toBeDefined();
      const actions = (msg!.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find(
        (b) => b.type === 'actions',
      )!;
      approval = { ts: String(msg!.response?.ts), value: actions.elements!.find((e) => e.action_id === 'crm_approve')!.value };
    });
    expect(await q(h, 'select 1 from lead_notes where lead_id = $1', [lead.id])).toHaveLength(0);
    const click = clickBody(
      'UREAL001',
      { action_id: 'crm_approve', value: approval!.value },
      { channel: 'C0001', messageTs: approval!.ts, threadTs: env.event.ts },
      'trig-real-1',
    );
    expect(
      (await postSlack(h, '/slack/interactions', click, signedHeaders(click, undefined, 'application/x-www-form-urlencoded'))).status,
    ).toBe(200);

    await wait(() => expect(h.fake.of('chat.update').some((c) => String(c.args.text).includes('Saved the *note*.'))).toBe(true));
    const notes = await q<{ body: string; author_user_id: string }>(h, 'select body, author_user_id from lead_notes where lead_id = $1', [
      lead.id,
    ]);
    expect(notes).toEqual([{ body: 'Customer asked for a boat quote', author_user_id: user.id }]);
    const threadId = `slack:T0001:C0001:${env.event.ts}`;
    const rows = await q<{ type: string; channel: string; thread_id: string; user_id: string }>(
      h,
      'select type, channel, thread_id, user_id from ai_interactions where thread_id = $1 order by created_at',
      [threadId],
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const r of rows) expect(r).toMatchObject({ channel: 'slack', thread_id: threadId, user_id: user.id });
    expect(rows.filter((r) => r.type === 'chat')).toHaveLength(1);
    expect(rows.filter((r) => r.type === 'tool_call')).toHaveLength(1);
  });
});
