import { z } from 'zod';
import { cancelRefusedFollowUps } from '../src/crm/compliance/consent-follow-ups.js';
import { recordConsent, type ConsentRecordState, type ConsentSubject } from '../src/crm/compliance/consent-records.js';
import { CONSENT_CHANNELS } from '../src/db/schema/index.js';
import { ValidationError } from '../src/errors.js';
import { defineTool, IDEMPOTENT_WRITE } from './define.js';

const ACTIONS = ['do_not_call', 'revoke', 'deny', 'unsubscribe', 'grant'] as const;
const STATE: Record<(typeof ACTIONS)[number], ConsentRecordState> = {
  do_not_call: 'do_not_call',
  revoke: 'revoked',
  deny: 'denied',
  unsubscribe: 'unsubscribed',
  grant: 'granted',
};

export const recordConsentInput = z.strictObject({
  action: z.enum(ACTIONS).describe('do_not_call means call, unsubscribe email; grant needs source.'),
  channel: z.enum(CONSENT_CHANNELS).optional().describe('Implied by do_not_call, unsubscribe.'),
  clientId: z.uuid().optional().describe('The person, across all their leads.'),
  contactId: z.uuid().optional().describe('One contact.'),
  phone: z.string().trim().min(7).max(40).optional().describe('A number, for everyone using it.'),
  email: z.email().max(254).optional().describe('An address, for everyone using it.'),
  source: z.string().trim().min(2).max(80).optional().describe('E.g. verbal_request, web_form.'),
  evidence: z.string().trim().min(1).max(1000).optional().describe('What the customer said.'),
  at: z.iso.datetime({ offset: true }).optional().describe('When said; default now.'),
});

export const recordConsentOutput = z.object({
  consentRecordId: z.uuid().describe('The record (the earlier one when changed is false).'),
  changed: z.boolean().describe('False when this was already the latest record: nothing written.'),
  level: z.string().describe('client, contact or address.'),
  address: z.string().nullable().describe('The normalised number or address, for level address.'),
  channel: z.string().describe('Channel recorded.'),
  state: z.string().describe('granted, denied, revoked, do_not_call or unsubscribed.'),
  cancelledFollowUps: z.array(z.uuid()).optional().describe('Open follow-ups on this channel the opt-out cancelled.'),
});

export const recordConsentTool = defineTool({
  name: 'record_consent',
  title: 'Record consent',
  description:
    'Records an opt-out or grant for exactly one of clientId, contactId, phone, email. Opt-outs hold on all their leads until a later grant; repeating is a no-op.',
  input: recordConsentInput,
  output: recordConsentOutput,
  annotations: IDEMPOTENT_WRITE,
  scope: 'crm:write',
  async handler(input, ctx) {
    const given = (['clientId', 'contactId', 'phone', 'email'] as const).filter((k) => input[k] !== undefined);
    if (given.length !== 1) {
      throw new ValidationError(
        `Pass exactly one of clientId, contactId, phone, email (got ${given.length ? given.join(', ') : 'none'}).`,
        [{ field: given[1] ?? 'clientId', message: 'exactly one subject' }],
        'Use clientId for the person across all their leads, contactId for one contact, phone or email for the number or address itself.',
      );
    }
    const implied = input.action === 'do_not_call' ? 'call' : input.action === 'unsubscribe' ? 'email' : undefined;
    const channel = input.channel ?? implied;
    if (!channel || (implied && channel !== implied)) {
      throw new ValidationError(
        channel ? `${input.action} applies to the ${implied} channel, not ${channel}.` : `channel is required for ${input.action}.`,
        [{ field: 'channel', message: channel ? `must be ${implied}` : 'required' }],
        'Pass channel call, sms, email or mail (do_not_call means call, unsubscribe means email).',
      );
    }
    if (input.action === 'grant' && !input.source) {
      throw new ValidationError(
        'A grant needs its source.',
        [{ field: 'source', message: 'required for grant' }],
        'Say where the consent came from, e.g. "recorded_call" or "web_form".',
      );
    }
    const at = input.at ? new Date(input.at) : ctx.now;
    if (at.getTime() > ctx.now.getTime() + 5 * 60_000) {
      throw new ValidationError(
        'at is in the future.',
        [{ field: 'at', message: 'in the future' }],
        'Pass when the customer said it, or omit at.',
      );
    }
    const subject: ConsentSubject = input.clientId
      ? { level: 'client', clientId: input.clientId }
      : input.contactId
        ? { level: 'contact', contactId: input.contactId }
        : { level: 'address', phone: input.phone, email: input.phone === undefined ? input.email : undefined };
    const { row, changed } = await recordConsent(ctx.db, {
      subject,
      channel,
      state: STATE[input.action],
      source: input.source ?? `recorded_by:${ctx.actor.handle}`,
      evidence: input.evidence,
      at,
      userId: ctx.actor.userId,
    });
    const cancelled =
      row.state === 'granted'
        ? []
        : await cancelRefusedFollowUps(ctx.db, {
            subject,
            channel,
            reason: `${row.state.replace(/_/g, '-')} recorded for ${row.channel} (consent record ${row.id})`,
            userId: ctx.actor.userId,
            now: ctx.now,
          });
    return {
      consentRecordId: row.id,
      changed,
      level: row.level,
      address: row.address,
      channel: row.channel,
      state: row.state,
      ...(cancelled.length ? { cancelledFollowUps: cancelled } : {}),
    };
  },
  summarize: (o) =>
    `${o.changed ? 'recorded' : 'already recorded'} ${o.state} ${o.channel} at ${o.level} level (${o.consentRecordId})` +
    (o.cancelledFollowUps ? `; cancelled ${o.cancelledFollowUps.length} open follow-up(s)` : ''),
});
