/**
 * The parts of Slack's payloads we read, checked with zod where they are stored (the routes keep
 * only these fields), and the rules for which messages the agent answers.
 */
import { z } from 'zod';

const id = z.string().min(1).max(64);

export const slackMessageEvent = z.object({
  type: z.string(),
  user: id.optional(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
  edited: z.unknown().optional(),
  text: z.string().max(40_000).optional(),
  channel: id.optional(),
  channel_type: z.string().optional(),
  ts: z.string().max(32).optional(),
  thread_ts: z.string().max(32).optional(),
});
export type SlackMessageEvent = z.infer<typeof slackMessageEvent>;

export const eventEnvelope = z.object({
  type: z.literal('event_callback'),
  event_id: id,
  team_id: id.optional(),
  event: slackMessageEvent,
});
export type EventEnvelope = z.infer<typeof eventEnvelope>;

export const actionPayload = z.object({
  type: z.literal('block_actions'),
  trigger_id: z.string().max(200).optional(),
  team: z.object({ id }).partial().optional(),
  user: z.object({ id }),
  channel: z.object({ id }).optional(),
  container: z
    .object({ channel_id: id.optional(), message_ts: z.string().max(32).optional(), thread_ts: z.string().max(32).optional() })
    .optional(),
  message: z.object({ ts: z.string().max(32).optional(), thread_ts: z.string().max(32).optional() }).optional(),
  actions: z
    .array(z.object({ action_id: z.string().max(255), value: z.string().max(2000).optional(), action_ts: z.string().max(32).optional() }))
    .min(1),
});
export type ActionPayload = z.infer<typeof actionPayload>;

/** A message event the agent answers: a mention in a channel, or a direct message; never a bot's or an edit. */
export function isForAgent(ev: SlackMessageEvent): ev is SlackMessageEvent & { user: string; channel: string; ts: string } {
  if (!ev.user || !ev.channel || !ev.ts) return false;
  if (ev.bot_id || ev.subtype || ev.edited !== undefined) return false;
  // A mention inside a DM also arrives as the DM's message event: answer that one only.
  if (ev.type === 'app_mention') return !ev.channel.startsWith('D');
  return ev.type === 'message' && ev.channel_type === 'im';
}

/** The message text without the leading mention of the bot (other mentions stay). */
export function stripBotMention(text: string, botUserId: string): string {
  return text.replace(new RegExp(`^\\s*<@${botUserId.replace(/\W/g, '')}(\\|[^>]*)?>[\\s:,]*`), '').trim();
}
