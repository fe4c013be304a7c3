import { z } from 'zod';
import { COMMUNICATION_OUTCOMES, logCommunication } from '../src/crm/activity/communications.js';
import { defineTool, WRITE } from './define.js';
import { FIELD } from '../src/crm/views/vocabulary.js';

export const logCommunicationInput = z.strictObject({
  leadId: z.uuid().describe(FIELD.leadId),
  type: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, 'a communication type code such as call, email, sms')
    .describe('call, voicemail, sms, email, meeting, letter, chat (or an agency type).'),
  direction: z.enum(['inbound', 'outbound']).describe('outbound: the agency reached out.'),
  subject: z.string().trim().min(1).max(300).optional().describe('E.g. the email subject.'),
  body: z.string().trim().min(1).max(20_000).optional().describe('The email text or call summary.'),
  occurredAt: z.iso.datetime({ offset: true }).optional().describe('When it happened; default now, not future.'),
  contactId: z.uuid().optional().describe("Contact spoken to (of the lead's client)."),
  outcome: z.enum(COMMUNICATION_OUTCOMES).optional().describe('How it went.'),
  durationSeconds: z.number().int().min(0).max(86_400).optional().describe('Call or meeting length.'),
  idempotencyKey: z
    .string()
    .min(8)
    .max(200)
    .optional()
    .describe('Unique string (8-200 chars); a retry with the same key and fields logs once (duplicate: true).'),
});

export const logCommunicationOutput = z.object({
  communicationId: z.uuid().describe('Id of the logged communication (the earlier one when duplicate is true).'),
  leadId: z.uuid().describe('The lead it was logged on.'),
  clientId: z.uuid().describe(FIELD.clientOfLead),
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
  title: 'Log a communication',
  description:
    'Records a past communication on a lead. Outbound calls, texts or email to a person who opted out of that channel (on any lead, contact or number) are refused: CONSENT_REQUIRED. An inbound STOP revokes SMS.',
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
