/**
 * MCP prompts (summarise a lead, draft a follow-up email, triage a ticket). Templates live in
 * prompts/; the lead context comes from the same tools a client could call, through runTool,
 * so scopes, fencing and the audit trail apply.
 */
import { ErrorCode, McpError, type GetPromptResult, type Prompt } from '@modelcontextprotocol/sdk/types.js';
import { prompt, type PromptName } from '../prompts.js';
import { findTool } from '../../tools/index.js';
import { runTool, type CallInfo, type ToolDeps } from '../../tools/run-tool.js';

interface McpPromptDef extends Prompt {
  render: (args: Record<string, string>, context: (tool: string, input: Record<string, unknown>) => Promise<string>) => Promise<string>;
}

const leadContext = async (leadId: string, context: (tool: string, input: Record<string, unknown>) => Promise<string>) =>
  findTool('get_lead_context') ? context('get_lead_context', { leadId }) : context('get_lead', { leadId });

function tpl(name: PromptName, vars: Record<string, string>): string {
  return prompt(name, vars);
}

export const MCP_PROMPTS: McpPromptDef[] = [
  {
    name: 'summarize_lead',
    title: 'Summarise a lead',
    description: 'A short briefing on a lead: who, what line, x-date, where it stands, consent limits, and the next best action.',
    arguments: [{ name: 'leadId', description: 'Lead id (from search_leads).', required: true }],
    render: async (a, context) => tpl('summarizeLead', { leadId: a.leadId!, context: await leadContext(a.leadId!, context) }),
  },
  {
    name: 'draft_follow_up_email',
    title: 'Draft a follow-up email',
    description: 'Drafts (does not send) a follow-up email to a lead, grounded in what was discussed.',
    arguments: [
      { name: 'leadId', description: 'Lead id (from search_leads).', required: true },
      { name: 'goal', description: 'What the email should achieve, e.g. "book a call to review the auto quote".', required: false },
    ],
    render: async (a, context) =>
      tpl('draftFollowUpEmail', {
        leadId: a.leadId!,
        goal: a.goal?.trim() || 'move the lead to its next step',
        senderName: a.senderName ?? 'the producer',
        context: await leadContext(a.leadId!, context),
      }),
  },
  {
    name: 'triage_ticket',
    title: 'Triage a service ticket',
    description: 'Guides a model through triaging a service ticket with the triage_ticket tool and replying to the user.',
    arguments: [{ name: 'ticketId', description: 'Support ticket id.', required: true }],
    render: async (a, context) =>
      tpl('triageTicketMcp', { ticketId: a.ticketId!, context: findTool('list_tickets') ? await context('list_tickets', { ticketIds: [a.ticketId!] }).catch(() => '') : '' }),
  },
];

export async function renderMcpPrompt(deps: ToolDeps, name: string, args: Record<string, string>, call: CallInfo): Promise<GetPromptResult> {
  const def = MCP_PROMPTS.find((p) => p.name === name);
  if (!def) throw new McpError(ErrorCode.InvalidParams, `Unknown prompt "${name}". Call prompts/list.`);
  for (const a of def.arguments ?? []) {
    if (a.required && !args[a.name]?.trim()) throw new McpError(ErrorCode.InvalidParams, `Prompt ${name} needs the argument "${a.name}": ${a.description}`);
  }
  const context = async (toolName: string, input: Record<string, unknown>) => {
    const tool = findTool(toolName);
    if (!tool) throw new McpError(ErrorCode.InternalError, `Tool ${toolName} is not available.`);
    const r = await runTool(deps, tool, input, call);
    if (!r.ok) throw new McpError(ErrorCode.InvalidParams, `${r.error.code}: ${r.error.message}${r.error.hint ? ` ${r.error.hint}` : ''}`);
    const out = r.output as { context?: unknown };
    return typeof out.context === 'string' ? out.context : JSON.stringify(r.output, null, 2);
  };
  const text = await def.render(args, context);
  return { description: def.description, messages: [{ role: 'user', content: { type: 'text', text } }] };
}
