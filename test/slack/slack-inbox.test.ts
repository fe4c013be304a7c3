/**
 * Nothing acknowledged is lost: deliveries are rows before Slack gets its 200, and the worker
 * processes them from there, reclaiming a crashed worker's rows, retrying with backoff, keeping
 * an answer it could not deliver, and giving up (visibly) after N attempts.
 */
import { describe, expect, it, vi } from 'vitest';
import { claimSlackEvents, finishSlackEvent } from '../../src/crm/slack/inbox.js';
import { actorForSlackUser, linkSlackUser } from '../../src/crm/slack/threads.js';
import { WORKING_TEXT } from '../../src/slack/messages.js';
import { processSlackBatch, type SlackWorkerOptions } from '../../src/slack/worker.js';
import { makeUser } from '../helpers/fixtures.js';
import { messageEvent, postSlack, signedHeaders, useSlackHarness, type Harness } from './harness.js';

const harness = useSlackHarness({ start: false });
const policy: SlackWorkerOptions = { backoffBaseMs: 200, backoffMaxMs: 400, maxAttempts: 3 };
const q = async <T>(h: Harness, sql: string, params: unknown[] = []) => (await h.rt.database.pool.query(sql, params)).rows as T[];
const row = async (h: Harness, eventId: string) =>
  (
    await q<{ status: string; attempts: number; last_error: string | null; result: unknown }>(
      h,
      'select status, attempts, last_error, result from slack_events where event_id = $1',
      [eventId],
    )
  )[0]!;

async function deliver(h: Harness, env: object) {
  const body = JSON.stringify(env);
  const res = await postSlack(h, '/slack/events', body, signedHeaders(body));
  expect(res.status).toBe(200);
}

async function drain(h: Harness, opts: SlackWorkerOptions = {}) {
  await vi.waitFor(
    async () => {
      const r = await processSlackBatch(h.slack.context, { ...policy, ...opts });
      const left = await q(h, "select 1 from slack_events where status in ('pending','running')");
      expect({ left: left.length, claimed: r.claimed }).toEqual({ left: 0, claimed: 0 });
    },
    { timeout: 10_000, interval: 50 },
  );
}

describe('Slack inbox', () => {
  it('an acknowledged event waits in Postgres until a worker runs (a restart after the ack loses nothing)', async () => {
    const h = harness();
    const user = await makeUser(h.rt.database.db, { slackUserId: 'UINBOX01' });
    const env = messageEvent('UINBOX01', 'still there?');
    await deliver(h, env);
    expect(await row(h, env.event_id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(h.runner.sends.filter((s) => s.actor.userId === user.id)).toHaveLength(0);
    await drain(h);
    expect(await row(h, env.event_id)).toMatchObject({ status: 'done', attempts: 1 });
    expect(h.runner.sends.filter((s) => s.actor.userId === user.id).map((s) => s.text)).toEqual(['still there?']);
  });

  it("reclaims a crashed worker's rows, and the crashed worker cannot finish them afterwards", async () => {
    const h = harness();
    const user = await makeUser(h.rt.database.db, { slackUserId: 'UINBOX02' });
    const env = messageEvent('UINBOX02', 'after the crash');
    await deliver(h, env);
    const [dead] = await claimSlackEvents(h.rt.database.db, 'dead-worker#1', 10, 60_000);
    expect(dead?.eventId).toBe(env.event_id);
    // Not stale yet: nobody else takes it.
    expect((await processSlackBatch(h.slack.context, { ...policy, staleAfterMs: 60_000 })).claimed).toBe(0);
    await drain(h, { staleAfterMs: 0 });
    expect(await row(h, env.event_id)).toMatchObject({ status: 'done', attempts: 2 });
    expect(await finishSlackEvent(h.rt.database.db, dead!.id, 'dead-worker#1')).toBe(false);
    expect(h.runner.sends.filter((s) => s.actor.userId === user.id)).toHaveLength(1);
  });

  it('retries with backoff when Slack fails, and delivers a kept answer without asking the agent again', async () => {
    const h = harness();
    const user = await makeUser(h.rt.database.db, { slackUserId: 'UINBOX03' });
    const env = messageEvent('UINBOX03', 'flaky slack');
    await deliver(h, env);
    h.fake.failNext('chat.update', 1);
    const first = await processSlackBatch(h.slack.context, policy);
    expect(first).toMatchObject({ claimed: 1, retried: 1 });
    const failed = await row(h, env.event_id);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
    expect(failed.last_error).toMatch(/500|internal/i);
    expect(failed.result).toMatchObject({ status: 'done', reply: 'You said: **flaky slack**' });
    // Backing off: not due yet.
    expect((await processSlackBatch(h.slack.context, policy)).claimed).toBe(0);
    await drain(h);
    expect(await row(h, env.event_id)).toMatchObject({ status: 'done', attempts: 2 });
    expect(h.runner.sends.filter((s) => s.actor.userId === user.id)).toHaveLength(1);
    // One "working…" message, reused by the retry, then updated with the answer.
    const posts = h.fake.of('chat.postMessage').filter((c) => c.args.thread_ts === env.event.ts);
    expect(posts.map((c) => c.args.text)).toEqual([WORKING_TEXT]);
    const updates = h.fake.of('chat.update').filter((c) => c.args.ts === posts[0]!.response?.ts);
    expect(updates.map((c) => c.response?.ok)).toEqual([false, true]);
    expect(updates[1]!.args.text).toBe('You said: *flaky slack*');
  });

  it('gives up after N attempts, keeps the error, and tells the person', async () => {
    const h = harness();
    await makeUser(h.rt.database.db, { slackUserId: 'UINBOX04' });
    const env = messageEvent('UINBOX04', 'boom');
    await deliver(h, env);
    await drain(h);
    const r = await row(h, env.event_id);
    expect(r).toMatchObject({ status: 'failed', attempts: 3 });
    expect(r.last_error).toContain('the model server is down');
    const working = h.fake.of('chat.postMessage').filter((c) => c.args.thread_ts === env.event.ts);
    expect(working).toHaveLength(1);
    const last = h.fake.of('chat.update').filter((c) => c.args.ts === working[0]!.response?.ts);
    expect(String(last.at(-1)?.args.text)).toMatch(/^Sorry, I couldn’t finish this/);
  });

  it('two workers on one database process each delivery once', async () => {
    const h = harness();
    const user = await makeUser(h.rt.database.db, { slackUserId: 'UINBOX05' });
    const envs = Array.from({ length: 6 }, (_, i) => messageEvent('UINBOX05', `parallel ${i}`, { channel: `CPAR${i}` }));
    for (const env of envs) await deliver(h, env);
    await Promise.all([
      processSlackBatch(h.slack.context, { ...policy, workerId: 'a', batchSize: 3 }),
      processSlackBatch(h.slack.context, { ...policy, workerId: 'b', batchSize: 3 }),
    ]);
    await drain(h);
    const texts = h.runner.sends.filter((s) => s.actor.userId === user.id).map((s) => s.text);
    expect(texts.sort()).toEqual(envs.map((_, i) => `parallel ${i}`).sort());
  });

  it('slack-link maps a Slack member to a CRM user, once, with clear errors', async () => {
    const h = harness();
    const db = h.rt.database.db;
    const a = await makeUser(db, { role: 'manager' });
    const b = await makeUser(db);
    expect(await actorForSlackUser(db, 'ULINK0001')).toBeNull();
    expect(await linkSlackUser(db, a.handle, 'ULINK0001')).toMatchObject({ handle: a.handle, role: 'manager' });
    expect(await actorForSlackUser(db, 'ULINK0001')).toMatchObject({
      userId: a.id,
      role: 'manager',
      scopes: ['crm:read', 'crm:write', 'crm:pii'],
    });
    await expect(linkSlackUser(db, b.handle, 'ULINK0001')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(linkSlackUser(db, b.handle, 'not-an-id')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(linkSlackUser(db, 'nobody-here', 'ULINK0002')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await linkSlackUser(db, a.handle, 'ULINK0001')).toMatchObject({ handle: a.handle });
  });
});
