/**
 * MCP prompts (summarise a lead, draft a follow-up email, triage a ticket). Templates live in
 * prompts/ (typed loader); the facts come from src/mcp/prompt-context.ts, read for the caller.
 *
 * Contract:
 * - Arguments are validated by each prompt's zod schema (also the source of prompts/list);
 *   a bad or unknown id, an unknown prompt or a missing scope fails the request with an
 *   McpError carrying `{ code, hint, interactionId }`: never a prompt with an empty context.
 * - draft_follow_up_email refuses (CONSENT_REQUIRED) when the person unsubscribed or their
 *   email consent is denied or revoked: no marketing email may be drafted for them, and a
 *   deterministic refusal cannot be talked around by the model.
 * - Every prompts/get, failed ones included, leaves exactly one `ai_interactions` row: type
 *   `tool_call` (we served a request; the summary or draft is written by the client's model,
 *   which we never see, so the row is no `summary`/`draft` and is not indexed as knowledge),
 *   tool_name `prompt:<name>`, the arguments as sent, linked to the lead, client and ticket.
 *   It keeps a one-line summary and ids, never the rendered text.
 */
import type { GetPromptResult, Prompt } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { prompt } from '../prompts.js';
import { ConsentRequiredError, ValidationError, zodDetails } from '../errors.js';
import type { AuditNotes, AuditedValue } from '../../tools/audited-call.js';
import type { ToolContext } from '../../tools/define.js';
import type { CallInfo, ToolDeps } from '../../tools/run-tool.js';
import { auditedRequest } from './audited-request.js';
import { leadPromptContext, ticketPromptContext } from './prompt-context.js';
import { emailBlock } from './prompt-consent.js';

type Rendered = AuditedValue<string>;

interface McpPromptDef<A extends z.ZodObject = z.ZodObject> {
  name: string;
  title: string;
  description: string;
  /** The arguments (MCP sends strings); `.describe()` texts become the listed descriptions. */
  args: A;
  render: (ctx: ToolContext, args: z.infer<A>, notes: AuditNotes) => Promise<Rendered>;
}

const definePrompt = <A extends z.ZodObject>(def: McpPromptDef<A>): McpPromptDef => def as unknown as McpPromptDef;

const leadId = z.uuid().describe('Lead id (from search_leads).');
const contactId = z.uuid().optional().describe("Contact the prompt is about (from get_client). Default: the client's primary contact.");

const consentFlags = (c: Awaited<ReturnType<typeof leadPromptContext>>) =>
  [c.consent.doNotCall.value && 'do-not-call', emailBlock(c.consent) && 'email blocked'].filter(Boolean).join(', ') || 'no blocks';

async function forLead(ctx: ToolContext, notes: AuditNotes, a: { leadId: string; contactId?: string }) {
  const c = await leadPromptContext(ctx, a.leadId, a.contactId);
  notes.links.crmClientId = c.clientId;
  return c;
}

const PROMPTS: McpPromptDef[] = [
  definePrompt({
    name: 'summarize_lead',
    title: 'Summarise a lead',
    description: 'A short briefing on a lead: who, what line, x-date, where it stands, consent limits, and the next best action.',
    args: z.strictObject({ leadId }),
    async render(ctx, a, notes) {
      const c = await forLead(ctx, notes, a);
      const text = prompt('summarizeLead', { leadId: a.leadId, context: c.briefing, consent: c.consentText });
      return {
        value: text,
        summary: `lead ${a.leadId}: ${text.length} chars, consent: ${consentFlags(c)}`,
        result: { leadId: c.leadId, clientId: c.clientId, contactId: c.contactId },
      };
    },
  }),
  definePrompt({
    name: 'draft_follow_up_email',
    title: 'Draft a follow-up email',
    description:
      "Drafts (does not send) a follow-up email to a lead, grounded in what was discussed and within the person's consent. Refused (CONSENT_REQUIRED) for a person who unsubscribed or denied email.",
    args: z.strictObject({
      leadId,
      contactId,
      goal: z
        .string()
        .trim()
        .min(1)
        .max(300)
        .optional()
        .describe('What the email should achieve, e.g. "book a call to review the auto quote".'),
      senderName: z.string().trim().min(1).max(100).optional().describe('Name to sign with. Default: your user name.'),
    }),
    async render(ctx, a, notes) {
      const c = await forLead(ctx, notes, a);
      const blocked = emailBlock(c.consent);
      if (blocked) {
        throw new ConsentRequiredError(
          `No marketing email may be sent to this person: ${blocked}. Nothing was drafted.`,
          'Tell the user. Only if the customer opted back in, record email consent with its source first; otherwise follow up by phone or letter where their consent allows (see summarize_lead).',
        );
      }
      const text = prompt('draftFollowUpEmail', {
        leadId: a.leadId,
        goal: a.goal ?? 'move the lead to its next step',
        senderName: a.senderName ?? ctx.actor.fullName,
        context: c.briefing,
        consent: c.consentText,
      });
      return {
        value: text,
        summary: `lead ${a.leadId}: ${text.length} chars, consent: ${consentFlags(c)}`,
        result: { leadId: c.leadId, clientId: c.clientId, contactId: c.contactId },
      };
    },
  }),
  definePrompt({
    name: 'triage_ticket',
    title: 'Triage a service ticket',
    description: 'Guides a model through triaging a service ticket with the triage_ticket tool and replying to the user.',
    args: z.strictObject({ ticketId: z.uuid().describe('Support ticket id (from list_tickets).') }),
    async render(ctx, a, notes) {
      const t = await ticketPromptContext(ctx, a.ticketId);
      Object.assign(notes.links, t.clientId && { crmClientId: t.clientId }, t.leadId && { leadId: t.leadId });
      const text = prompt('triageTicketMcp', { ticketId: a.ticketId, context: t.text });
      return {
        value: text,
        summary: `ticket ${a.ticketId}: ${text.length} chars`,
        result: { ticketId: t.ticketId, clientId: t.clientId, leadId: t.leadId },
      };
    },
  }),
];

/** The prompts as prompts/list shows them, arguments derived from each schema. */
export const MCP_PROMPTS: Prompt[] = PROMPTS.map((p) => ({
  name: p.name,
  title: p.title,
  description: p.description,
  arguments: Object.entries(p.args.shape).map(([name, s]) => ({
    name,
    description: (s as z.ZodType).description,
    required: !(s as z.ZodType).isOptional(),
  })),
}));

/** Renders one prompt for `call.actor` (needs crm:read); see the module contract for errors and the audit row. */
export async function renderMcpPrompt(
  deps: ToolDeps,
  name: string,
  args: Record<string, string>,
  call: CallInfo,
): Promise<GetPromptResult> {
  const def = PROMPTS.find((p) => p.name === name);
  const spec = {
    name: `prompt:${name.slice(0, 100)}`,
    scope: 'crm:read' as const,
    arguments: args,
    links: { ticketId: args.ticketId, leadId: args.leadId },
  };
  const text = await auditedRequest(deps, call, spec, async (ctx, notes) => {
    if (!def)
      throw new ValidationError(
        `Unknown prompt "${name}".`,
        [{ field: 'name', message: 'no such prompt' }],
        'Call prompts/list for the available prompts.',
      );
    const parsed = def.args.safeParse(args);
    if (!parsed.success) {
      throw new ValidationError(
        `Invalid arguments for prompt ${name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(arguments)'}: ${i.message}`).join('; ')}`,
        zodDetails(parsed.error.issues),
        `Arguments: ${MCP_PROMPTS.find((p) => p.name === name)!
          .arguments!.map((x) => `${x.name}${x.required ? '' : ' (optional)'}: ${x.description}`)
          .join(' ')}`,
      );
    }
    return def.render(ctx, parsed.data, notes);
  });
  return { description: def!.description, messages: [{ role: 'user', content: { type: 'text', text } }] };
}
