import { z } from 'zod';
import { COMMUNICATION_OUTCOMES, logCommunication } from '../src/crm/communications.js';
import { defineTool, WRITE } from './define.js';

export const logCommunicationInput = z.strictObject({
  leadId: z.uuid().describe('Id of the lead the communication belongs to (from search_leads or get_lead).'),
  type: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, 'a communication type code such as call, email, sms')
    .describe(
      'Communication type code from the communication-types lookup: call, voicemail, sms, email, meeting, letter, chat (agencies may add more).',
    ),
  direction: z.enum(['inbound', 'outbound']).describe('outbound: the agency reached out; inbound: the customer reached the agency.'),
  subject: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .optional()
    .describe('Short subject or title, e.g. the email subject or "Renewal review call".'),
  body: z
    .string()
    .trim()
    .min(1)
    .max(20_000)
    .optional()
    .describe('What was said or written: the email text, the call summary. Up to 20,000 characters.'),
  occurredAt: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('When it happened, ISO 8601 with offset or Z (e.g. 2026-03-10T15:05:00-05:00). Default: now. Not in the future.'),
  contactId: z.uuid().optional().describe("Id of the contact person spoken to; must be a contact of the lead's client."),
  outcome: z
    .enum(COMMUNICATION_OUTCOMES)
    .optional()
    .describe(
      'How it went: connected, left_voicemail, no_answer, busy, wrong_number, sent, delivered, replied, bounced, meeting_held, no_show, other.',
    ),
  durationSeconds: z.number().int().min(0).max(86_400).optional().describe('Length of a call or meeting in seconds.'),
  idempotencyKey: z
    .string()
    .min(8)
    .max(200)
    .optional()
    .describe(
      'Any unique string (8-200 chars) for this communication; a retry with the same key and the same fields returns the first log (duplicate: true) instead of logging twice.',
    ),
});

export const logCommunicationOutput = z.object({
  communicationId: z.uuid().describe('Id of the logged communication (the earlier one when duplicate is true).'),
  leadId: z.uuid().describe('The lead it was logged on.'),
  clientId: z.uuid().describe('The client of that lead.'),
  contactId: z.uuid().nullable().describe('The contact person, when one was given.'),
  type: z.string().describe('Communication type code.'),
  direction: z.string().describe('inbound or outbound.'),
  occurredAt: z.string().describe('When it happened (ISO 8601, UTC).'),
  duplicate: z.boolean().describe('True when this idempotency key was already used with the same fields: nothing new was written.'),
  leadFirstContactedAt: z.string().nullable().describe("The lead's first contact time after this log (ISO 8601)."),
  leadLastContactedAt: z.string().nullable().describe("The lead's last contact time after this log (ISO 8601); never moves backwards."),
  consentNote: z
    .string()
    .nullable()
    .describe('A reminder when consent for this channel is not recorded yet, or the call was made outside contact hours; null otherwise.'),
  consentChange: z.string().nullable().describe('What this log changed in consent, e.g. an inbound STOP text revoked SMS; null otherwise.'),
});

export const logCommunicationTool = defineTool({
  name: 'log_communication',
  title: 'Log a call, email, text or meeting',
  description:
    "Records a communication that already happened on a lead (call, voicemail, sms, email, meeting, letter, chat) and moves the lead's, client's and contact's last-contact time forward. " +
    'Consent is per person: inbound is always allowed; outbound calls/voicemails are refused on do-not-call or denied/revoked call consent, texts on denied/revoked SMS consent, email when unsubscribed or denied/revoked, ' +
    "whether recorded on this lead, another lead of the client, the contact or the number. Unknown consent is allowed with a consentNote. An inbound text such as STOP revokes SMS for the person and number (consentChange). " +
    'A refusal returns CONSENT_REQUIRED saying where the opt-out was recorded, and writes nothing. Pass an idempotencyKey when you might retry: the same key and fields log once.',
  input: logCommunicationInput,
  output: logCommunicationOutput,
  annotations: WRITE,
  scope: 'crm:write',
  async handler(input, ctx) {
    const r = await logCommunication(ctx.db, {
      leadId: input.leadId,
      typeCode: input.type,
      direction: input.direction,
      subject: input.subject,
      body: input.body,
      occurredAt: input.occurredAt ? new Date(input.occurredAt) : undefined,
      contactId: input.contactId,
      outcome: input.outcome,
      durationSeconds: input.durationSeconds,
      idempotencyKey: input.idempotencyKey,
      userId: ctx.actor.userId,
      now: ctx.now,
      agency: { zone: ctx.settings.agencyTimezone, businessHours: ctx.settings.businessHours },
    });
    return {
      communicationId: r.row.id,
      leadId: r.row.leadId,
      clientId: r.row.clientId,
      contactId: r.row.contactId,
      type: r.typeCode,
      direction: r.row.direction,
      occurredAt: r.row.occurredAt.toISOString(),
      duplicate: r.duplicate,
      leadFirstContactedAt: r.leadFirstContactedAt?.toISOString() ?? null,
      leadLastContactedAt: r.leadLastContactedAt?.toISOString() ?? null,
      consentNote: r.consentNote,
      consentChange: r.consentChange,
    };
  },
  summarize: (o) => `${o.duplicate ? 'duplicate of ' : ''}${o.direction} ${o.type} ${o.communicationId} on lead ${o.leadId}`,
});
