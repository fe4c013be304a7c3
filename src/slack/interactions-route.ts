/**
 * POST /slack/interactions (Block Kit button clicks). Verified like events; an approval click is
 * recorded in the inbox (keyed by its trigger id, so a redelivered click is one row) and
 * acknowledged at once; the worker decides and resumes the thread. Who may decide is checked
 * there, against the CRM user the clicking Slack user maps to.
 */
import type { Context } from 'hono';
import { recordSlackEvent } from '../crm/slack/inbox.js';
import type { RouteDeps } from './events-route.js';
import { APPROVE_ACTION, REJECT_ACTION } from './messages.js';
import { actionPayload } from './payloads.js';
import { verifiedBody } from './verified-body.js';

export function slackInteractionsHandler(deps: RouteDeps) {
  return async (c: Context) => {
    const v = await verifiedBody(c, deps);
    if ('refused' in v) return v.refused;
    let raw: unknown;
    try {
      raw = JSON.parse(new URLSearchParams(v.raw).get('payload') ?? '');
    } catch {
      return c.json({ error: { code: 'VALIDATION', message: 'Expected a form body with a JSON `payload` field.' } }, 400);
    }
    const p = actionPayload.safeParse(raw);
    if (!p.success) return c.body(null, 200);
    const action = p.data.actions[0]!;
    if (action.action_id !== APPROVE_ACTION && action.action_id !== REJECT_ACTION) return c.body(null, 200);
    const key = p.data.trigger_id ?? `${p.data.user.id}:${action.action_ts ?? ''}:${p.data.container?.message_ts ?? ''}`;
    const { type, trigger_id, team, user, channel, container, message } = p.data;
    const fresh = await recordSlackEvent(deps.db, {
      eventId: `action:${key}`,
      kind: 'action',
      teamId: team?.id ?? null,
      payload: { type, trigger_id, team, user, channel, container, message, actions: [action] },
    });
    if (fresh) deps.onRecorded();
    return c.body(null, 200);
  };
}
