/**
 * Slack end to end: signed requests into the real HTTP server, the durable inbox and worker, the
 * real @slack/web-api client against a local fake Slack, and a runner whose write is the real
 * add_note tool. Asserts what Slack would see and what the database holds.
 */
import { vi, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../src/http/app.js';
import { NO_MODEL_TEXT, UNKNOWN_USER_TEXT, WORKING_TEXT } from '../../src/slack/messages.js';
import { MAX_MESSAGE_CHARS } from '../../src/slack/format.js';
import { makeLead, makeUser } from '../helpers/fixtures.js';
import type { FakeCall } from '../helpers/fake-slack.js';
import { BOT_TOKEN, clickBody, messageEvent, postSlack, signedHeaders, useSlackHarness, type Harness } from './harness.js';

const harness = useSlackHarness();
const wait = (fn: () => void | Promise<void>) => vi.waitFor(fn, { timeout: 10_000, interval: 25 });
const q = async <T>(h: Harness, sql: string, params: unknown[] = []) => (await h.rt.database.pool.query(sql, params)).rows as T[];
const inThread = (h: Harness, method: string, threadTs: string) => h.fake.of(method).filter((c) => c.args.thread_ts === threadTs);
const updatesOf = (h: Harness, ts: string) => h.fake.of('chat.update').filter((c) => c.args.ts === ts);

async function send(h: Harness, envelope: object, extra: Record<string, string> = {}) {
  const body = JSON.stringify(envelope);
  return postSlack(h, '/slack/events', body, { ...signedHeaders(body), ...extra });
}

async function click(
  h: Harness,
  user: string,
  button: { action_id: string; value: string },
  where: { channel: string; messageTs: string; threadTs: string },
  trigger: string,
) {
  const body = clickBody(user, button, where, trigger);
  return postSlack(h, '/slack/interactions', body, signedHeaders(body, undefined, 'application/x-www-form-urlencoded'));
}

/** The reply in a thread: the "working…" message and the text it was updated to. */
async function replyIn(h: Harness, threadTs: string): Promise<{ working: FakeCall; text: string }> {
  let out: { working: FakeCall; text: string } | undefined;
  await wait(() => {
    const working = inThread(h, 'chat.postMessage', threadTs).find((c) => c.args.text === WORKING_TEXT);
    expect(working, 'working message').toBeDefined();
    const update = updatesOf(h, String(working!.response?.ts))[0];
    expect(update, 'update of the working message').toBeDefined();
    out = { working: working!, text: String(update!.args.text) };
  });
  return out!;
}

describe('Slack routes', () => {
  it('answer 404 when Slack is not configured', async () => {
    const { app } = createHttpApp(harness().rt);
    const body = JSON.stringify({ type: 'url_verification', challenge: 'x' });
    const res = await app.request('/slack/events', { method: 'POST', headers: signedHeaders(body), body });
    expect(res.status).toBe(404);
    expect((await app.request('/slack/interactions', { method: 'POST', body: 'payload=%7B%7D' })).status).toBe(404);
  });

  it('answer the url_verification challenge, signed only', async () => {
    const h = harness();
    const body = JSON.stringify({ token: 'legacy', challenge: 'chal-123', type: 'url_verification' });
    const res = await postSlack(h, '/slack/events', body, signedHeaders(body));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'chal-123' });
    const unsigned = await postSlack(h, '/slack/events', body, { 'content-type': 'application/json' });
    expect(unsigned.status).toBe(401);
  });

  it('refuse a bad signature, a stale timestamp and a replayed request, recording nothing', async () => {
    const h = harness();
    const user = await makeUser(h.rt.database.db, { slackUserId: 'UREFUSE1' });
    const env = messageEvent(user.slackUserId!, 'hello');
    const body = JSON.stringify(env);
    const good = signedHeaders(body);
    const tampered = await postSlack(h, '/slack/events', body.replace('hello', 'delete everything'), good);
    expect(tampered.status).toBe(401);
    const wrongSecret = await postSlack(h, '/slack/events', body, { ...good, 'x-slack-signature': `v0=${'0'.repeat(64)}` });
    expect(wrongSecret.status).toBe(401);
    const shortSig = await postSlack(h, '/slack/events', body, { ...good, 'x-slack-signature': 'v0=abc' });
    expect(shortSig.status).toBe(401);
    const stale = await postSlack(h, '/slack/events', body, signedHeaders(body, Math.floor(Date.now() / 1000) - 301));
    expect(stale.status).toBe(401);
    const future = await postSlack(h, '/slack/events', body, signedHeaders(body, Math.floor(Date.now() / 1000) + 301));
    expect(future.status).toBe(401);
    // The same correctly signed request, captured and sent again six minutes later.
    h.skew.seconds = 360;
    try {
      const replayed = await postSlack(h, '/slack/events', body, good);
      expect(replayed.status).toBe(401);
      expect(((await replayed.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
    } finally {
      h.skew.seconds = 0;
    }
    expect(await q(h, 'select 1 from slack_events where event_id = $1', [env.event_id])).toHaveLength(0);
    expect(h.runner.sends.filter((s) => s.actor.userId === user.id)).toHaveLength(0);
  });

  it('refuse a body larger than any Slack payload', async () => {
    const h = harness();
    const body = JSON.stringify({ type: 'event_callback', pad: 'x'.repeat(300 * 1024) });
    // In process: over a socket the server answers before reading the body and drops the connection.
    const res = await createHttpApp(h.rt, { slack: h.slack }).app.request('/slack/events', {
      method: 'POST',
      headers: signedHeaders(body),
      body,
    });
    expect(res.status).toBe(413);
  });
});

describe('Slack messages', () => {
  it('a signed mention is acknowledged, answered in its thread, and audited as a slack turn of the mapped user', async () => {
    const h = harness();
    const user = await makeUser(h.rt.database.db, { slackUserId: 'UMENTION1', role: 'csr' });
    const env = messageEvent('UMENTION1', 'hello there');
    const res = await send(h, env);
    expect(res.status).toBe(200);
    const { working, text } = await replyIn(h, env.event.ts);
    expect(working.args.channel).toBe('C0001');
    expect(working.token).toBe(BOT_TOKEN);
    expect(text).toBe('You said: *hello there*');
    const sent = h.runner.sends.find((s) => s.actor.userId === user.id)!;
    expect(sent).toMatchObject({ channel: 'slack', text: 'hello there', threadId: `slack:T0001:C0001:${env.event.ts}` });
    expect(sent.actor).toMatchObject({ role: 'csr', handle: user.handle });
    const rows = await q<{ channel: string; thread_id: string; type: string }>(
      h,
      'select channel, thread_id, type from ai_interactions where user_id = $1',
      [user.id],
    );
    expect(rows).toEqual([{ channel: 'slack', thread_id: `slack:T0001:C0001:${env.event.ts}`, type: 'chat' }]);
    await wait(async () =>
      expect((await q<{ status: string }>(h, 'select status from slack_events where event_id = $1', [env.event_id]))[0]?.status).toBe(
        'done',
      ),
    );
  });

  it('a redelivered event is answered once', async () => {
    const h = harness();
    const user = await makeUser(h.rt.database.db, { slackUserId: 'UREDELIV1' });
    const env = messageEvent('UREDELIV1', 'only once please');
    expect((await send(h, env)).status).toBe(200);
    // Slack's retries of the same event_id, and the same delivery reaching a second instance.
    expect((await send(h, env, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(200);
    expect((await send(h, env, { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(200);
    await replyIn(h, env.event.ts);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.runner.sends.filter((s) => s.actor.userId === user.id)).toHaveLength(1);
    expect(inThread(h, 'chat.postMessage', env.event.ts)).toHaveLength(1);
    expect(await q(h, 'select 1 from slack_events where event_id = $1', [env.event_id])).toHaveLength(1);
  });

  it('keeps one agent thread per Slack thread', async () => {
    const h = harness();
    const user = await makeUser(h.rt.database.db, { slackUserId: 'UTHREAD1' });
    const first = messageEvent('UTHREAD1', 'first');
    await send(h, first);
    await replyIn(h, first.event.ts);
    const second = messageEvent('UTHREAD1', 'second', { thread_ts: first.event.ts });
    await send(h, second);
    await wait(() => expect(h.runner.sends.filter((s) => s.actor.userId === user.id)).toHaveLength(2));
    const ids = new Set(h.runner.sends.filter((s) => s.actor.userId === user.id).map((s) => s.threadId));
    expect([...ids]).toEqual([`slack:T0001:C0001:${first.event.ts}`]);
    await wait(() => expect(inThread(h, 'chat.postMessage', first.event.ts)).toHaveLength(2));
  });

  it('answers a direct message in its thread, and ignores bots, edits and the DM copy of a mention', async () => {
    const h = harness();
    const user = await makeUser(h.rt.database.db, { slackUserId: 'UDIRECT1' });
    const ignored = [
      messageEvent('UDIRECT1', 'from a bot', { bot_id: 'B999' }),
      messageEvent('UDIRECT1', 'bot message', { type: 'message', channel_type: 'channel', subtype: 'bot_message' }),
      messageEvent('UDIRECT1', 'edited', { type: 'message', channel: 'D0001', channel_type: 'im', subtype: 'message_changed' }),
      messageEvent('UDIRECT1', 'edited', { type: 'message', channel: 'D0001', channel_type: 'im', edited: { user: 'UDIRECT1', ts: '1' } }),
      messageEvent('UDIRECT1', 'channel chatter', { type: 'message', channel_type: 'channel' }),
      messageEvent('UDIRECT1', 'mention in a DM', { channel: 'D0001' }),
      messageEvent(h.fake.botUserId, 'my own message', { type: 'message', channel: 'D0001', channel_type: 'im' }),
    ];
    for (const env of ignored) expect((await send(h, env)).status).toBe(200);
    const dm = messageEvent('UDIRECT1', 'ignored prefix', { type: 'message', channel: 'D0001', channel_type: 'im', text: 'what is up' });
    await send(h, dm);
    const { working, text } = await replyIn(h, dm.event.ts);
    expect(working.args.channel).toBe('D0001');
    expect(text).toBe('You said: *what is up*');
    await new Promise((r) => setTimeout(r, 300));
    expect(h.runner.sends.filter((s) => s.actor.userId === user.id).map((s) => s.text)).toEqual(['what is up']);
    for (const env of ignored.slice(0, 6)) expect(inThread(h, 'chat.postMessage', env.event.ts)).toHaveLength(0);
  });

  it('gives an unknown Slack user a polite refusal and nothing else', async () => {
    const h = harness();
    const before = h.runner.sends.length;
    const [{ n: rowsBefore }] = (await q<{ n: number }>(h, 'select count(*)::int as n from ai_interactions')) as [{ n: number }];
    const env = messageEvent('UNOBODY99', 'show me all leads');
    await send(h, env);
    await wait(() => expect(inThread(h, 'chat.postMessage', env.event.ts)).toHaveLength(1));
    expect(inThread(h, 'chat.postMessage', env.event.ts)[0]!.args.text).toBe(UNKNOWN_USER_TEXT);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.runner.sends.length).toBe(before);
    expect(inThread(h, 'chat.postMessage', env.event.ts)).toHaveLength(1);
    expect(h.fake.of('chat.update').filter((c) => String(c.args.text).includes('show me'))).toHaveLength(0);
    const [{ n: rowsAfter }] = (await q<{ n: number }>(h, 'select count(*)::int as n from ai_interactions')) as [{ n: number }];
    expect(rowsAfter).toBe(rowsBefore);
  });

  it('refuses an inactive user the same way', async () => {
    const h = harness();
    await makeUser(h.rt.database.db, { slackUserId: 'UGONE001', isActive: false });
    const env = messageEvent('UGONE001', 'hi');
    await send(h, env);
    await wait(() => expect(inThread(h, 'chat.postMessage', env.event.ts)[0]?.args.text).toBe(UNKNOWN_USER_TEXT));
  });

  it('splits a long answer into several messages in the thread', async () => {
    const h = harness();
    await makeUser(h.rt.database.db, { slackUserId: 'ULONG001' });
    const env = messageEvent('ULONG001', 'long 40');
    await send(h, env);
    const { text } = await replyIn(h, env.event.ts);
    const all = () => [
      text,
      ...inThread(h, 'chat.postMessage', env.event.ts)
        .slice(1)
        .map((c) => String(c.args.text)),
    ];
    await wait(() => expect(all().join('\n')).toContain('Paragraph 40:'));
    expect(all().length).toBeGreaterThanOrEqual(4);
    for (const part of all()) expect(part.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(all()[0]).toMatch(/^Paragraph 1:/);
  });
});

describe('Slack approvals', () => {
  const approvalIn = async (h: Harness, threadTs: string) => {
    let msg: FakeCall | undefined;
    await wait(() => {
      msg = inThread(h, 'chat.postMessage', threadTs).find((c) => Array.isArray(c.args.blocks));
      expect(msg).toBeDefined();
    });
    const ts = String(msg!.response?.ts);
    const actions = (msg!.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find(
      (b) => b.type === 'actions',
    )!;
    const [approve, reject] = actions.elements!;
    return { ts, approve: approve!, reject: reject!, msg: msg! };
  };
  const notesOn = (h: Harness, leadId: string) =>
    q<{ body: string; author_user_id: string }>(h, 'select body, author_user_id from lead_notes where lead_id = $1', [leadId]);

  it('a button approval resumes the thread and writes once; only the asker or a manager may decide', async () => {
    const h = harness();
    const db = h.rt.database.db;
    const asker = await makeUser(db, { slackUserId: 'UASKER01', role: 'producer' });
    await makeUser(db, { slackUserId: 'UOTHER01', role: 'producer' });
    const lead = await makeLead(db);
    const env = messageEvent('UASKER01', `note ${lead.id} Called, left voicemail`);
    await send(h, env);
    const { text } = await replyIn(h, env.event.ts);
    expect(text).toContain('approve');
    const approval = await approvalIn(h, env.event.ts);
    expect(JSON.stringify(approval.msg.args.blocks)).toContain('Called, left voicemail');
    const where = { channel: 'C0001', messageTs: approval.ts, threadTs: env.event.ts };

    // Another producer: told no, privately; nothing changes.
    expect((await click(h, 'UOTHER01', approval.approve, where, 'trig-other-1')).status).toBe(200);
    await wait(() => expect(h.fake.of('chat.postEphemeral').filter((c) => c.args.user === 'UOTHER01')).toHaveLength(1));
    expect(String(h.fake.of('chat.postEphemeral').find((c) => c.args.user === 'UOTHER01')!.args.text)).toContain(asker.fullName);
    // An unknown Slack user: refused too.
    await click(h, 'UNOBODY77', approval.approve, where, 'trig-nobody-1');
    await wait(() =>
      expect(h.fake.of('chat.postEphemeral').filter((c) => c.args.user === 'UNOBODY77')[0]?.args.text).toBe(UNKNOWN_USER_TEXT),
    );
    expect(h.runner.resumes).toHaveLength(0);
    expect(await notesOn(h, lead.id)).toHaveLength(0);

    // The asker approves; Slack delivers the click twice, and the asker double-clicks.
    expect((await click(h, 'UASKER01', approval.approve, where, 'trig-asker-1')).status).toBe(200);
    await click(h, 'UASKER01', approval.approve, where, 'trig-asker-1');
    await click(h, 'UASKER01', approval.approve, where, 'trig-asker-2');
    await wait(() => expect(updatesOf(h, approval.ts)).toHaveLength(1));
    const decided = updatesOf(h, approval.ts)[0]!;
    expect(String(decided.args.text)).toContain('Approved by <@UASKER01>');
    expect(JSON.stringify(decided.args.blocks)).not.toContain('crm_approve');
    await wait(async () => expect(await notesOn(h, lead.id)).toHaveLength(1));
    await wait(() => expect(h.fake.of('chat.postEphemeral').filter((c) => c.args.user === 'UASKER01')).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 300));
    expect(await notesOn(h, lead.id)).toEqual([{ body: 'Called, left voicemail', author_user_id: asker.id }]);
    expect(h.runner.resumes).toHaveLength(1);
    expect(h.runner.resumes[0]).toMatchObject({
      channel: 'slack',
      threadId: `slack:T0001:C0001:${env.event.ts}`,
      decision: { decision: 'approve' },
    });
    const audit = await q<{ channel: string; thread_id: string; user_id: string }>(
      h,
      "select channel, thread_id, user_id from ai_interactions where tool_name = 'add_note' and lead_id = $1",
      [lead.id],
    );
    expect(audit).toEqual([{ channel: 'slack', thread_id: `slack:T0001:C0001:${env.event.ts}`, user_id: asker.id }]);
    const after = inThread(h, 'chat.postMessage', env.event.ts).filter((c) => c.args.text === '_Working…_');
    expect(after).toHaveLength(2);
  });

  it('a manager may decide for someone else, and a rejection writes nothing', async () => {
    const h = harness();
    const db = h.rt.database.db;
    await makeUser(db, { slackUserId: 'UASKER02', role: 'csr' });
    await makeUser(db, { slackUserId: 'UBOSS002', role: 'manager' });
    const lead = await makeLead(db);
    const env = messageEvent('UASKER02', `note ${lead.id} Wants a quote for the boat`, { channel: 'C0002' });
    await send(h, env);
    const approval = await approvalIn(h, env.event.ts);
    await click(h, 'UBOSS002', approval.reject, { channel: 'C0002', messageTs: approval.ts, threadTs: env.event.ts }, 'trig-boss-1');
    await wait(() => expect(updatesOf(h, approval.ts)).toHaveLength(1));
    expect(String(updatesOf(h, approval.ts)[0]!.args.text)).toContain('Rejected by <@UBOSS002>');
    await wait(() => expect(h.runner.resumes.filter((r) => r.decision.decision === 'reject')).toHaveLength(1));
    const rejection = h.runner.resumes.find((r) => r.decision.decision === 'reject')!;
    expect(rejection.actor.role).toBe('manager');
    await new Promise((r) => setTimeout(r, 200));
    expect(await notesOn(h, lead.id)).toHaveLength(0);
    const threads = await q<{ pending_tool_call_id: string | null }>(
      h,
      'select pending_tool_call_id from slack_threads where channel_id = $1',
      ['C0002'],
    );
    expect(threads).toEqual([{ pending_tool_call_id: null }]);
  });

  it('a message in a thread waiting for a decision is told to decide first', async () => {
    const h = harness();
    const db = h.rt.database.db;
    await makeUser(db, { slackUserId: 'UASKER03' });
    const lead = await makeLead(db);
    const env = messageEvent('UASKER03', `note ${lead.id} Prefers email`, { channel: 'C0003' });
    await send(h, env);
    await approvalIn(h, env.event.ts);
    const sendsBefore = h.runner.sends.length;
    const next = messageEvent('UASKER03', 'and another thing', { channel: 'C0003', thread_ts: env.event.ts });
    await send(h, next);
    await wait(() =>
      expect(inThread(h, 'chat.postMessage', env.event.ts).some((c) => String(c.args.text).startsWith('I’m waiting for a decision'))).toBe(
        true,
      ),
    );
    expect(h.runner.sends.length).toBe(sendsBefore);
  });
});

describe('Slack without a model', () => {
  it('says exactly how to configure one', async () => {
    const h = harness();
    const { createSlackSurface } = await import('../../src/slack/index.js');
    const { createSlackClient } = await import('../../src/slack/client.js');
    const { processSlackBatch } = await import('../../src/slack/worker.js');
    const surface = createSlackSurface(
      { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: 'x', SLACK_API_URL: h.fake.url },
      h.rt.database.db,
      { agent: undefined, api: createSlackClient({ token: BOT_TOKEN, apiUrl: h.fake.url, retries: 0 }) },
    )!;
    await h.slack.stop();
    try {
      await makeUser(h.rt.database.db, { slackUserId: 'UNOMODEL1' });
      const env = messageEvent('UNOMODEL1', 'hi');
      await send(h, env);
      await processSlackBatch(surface.context);
      const posted = inThread(h, 'chat.postMessage', env.event.ts);
      expect(posted.map((c) => c.args.text)).toEqual([NO_MODEL_TEXT]);
      expect(NO_MODEL_TEXT).toContain('OPENAI_API_KEY');
      expect(NO_MODEL_TEXT).toContain('OPENAI_BASE_URL');
    } finally {
      h.slack.start();
    }
  });
});
