/**
 * POST /slack/events (the Events API). Verifies the signature on the raw body, answers the
 * url_verification challenge, and records a message for the agent in the inbox in the same step
 * that acknowledges it (a 200 only once the row is committed, so an outage makes Slack redeliver
 * rather than lose it). A redelivery (X-Slack-Retry-Num) of a known event_id inserts nothing.
 * The work happens afterwards, in the Slack worker: the answer is always well under Slack's 3 s.
 */
import type { Context } from 'hono';
import type { Db } from '../db/client.js';
import { recordSlackEvent } from '../crm/slack/inbox.js';
import { logger } from '../log.js';
import { eventEnvelope, isForAgent } from './payloads.js';
import { verifiedBody, type VerifyDeps } from './verified-body.js';

export interface RouteDeps extends VerifyDeps {
  db: Db;
  /** Called after a new row was recorded (wakes the worker). */
  onRecorded: () => void;
}

export function slackEventsHandler(deps: RouteDeps) {
  const log = logger('slack');
  return async (c: Context) => {
    const v = await verifiedBody(c, deps);
    if ('refused' in v) return v.refused;
    let body: { type?: unknown; challenge?: unknown };
    try {
      body = JSON.parse(v.raw) as typeof body;
    } catch {
      return c.json({ error: { code: 'VALIDATION', message: 'The body is not JSON.' } }, 400);
    }
    if (body.type === 'url_verification' && typeof body.challenge === 'string') return c.json({ challenge: body.challenge });
    const env = eventEnvelope.safeParse(body);
    // Anything else (other event types, bots, edits) is acknowledged and dropped: not for the agent.
    if (!env.success || !isForAgent(env.data.event)) return c.body(null, 200);
    const { event_id, team_id, event } = env.data;
    const fresh = await recordSlackEvent(deps.db, {
      eventId: event_id,
      kind: 'event',
      teamId: team_id ?? null,
      payload: { type: 'event_callback', event_id, team_id, event },
    });
    if (fresh) deps.onRecorded();
    else
      log.info(
        { eventId: event_id, retry: c.req.header('x-slack-retry-num'), reason: c.req.header('x-slack-retry-reason') },
        'dropped a redelivered Slack event',
      );
    return c.body(null, 200);
  };
}
