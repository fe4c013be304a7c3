/**
 * The registry: every tool, in the order clients list them. The MCP server, the agent and the
 * docs are all built from this array.
 */
import type { AnyTool } from './define.js';
import { addNoteTool } from './add-note.js';
import { createLeadTool } from './create-lead.js';
import { getClientTool } from './get-client.js';
import { getLeadTool } from './get-lead.js';
import { searchLeadsTool } from './search-leads.js';
import { updateLeadStatusTool } from './update-lead-status.js';
import { completeFollowUpTool } from './complete-follow-up.js';
import { listFollowUpsTool } from './list-follow-ups.js';
import { logCommunicationTool } from './log-communication.js';
import { recordConsentTool } from './record-consent.js';
import { scheduleFollowUpTool } from './schedule-follow-up.js';
import { createTicketTool } from './create-ticket.js';
import { listTicketsTool } from './list-tickets.js';
import { triageTicketTool } from './triage-ticket.js';
import { updateTicketTool } from './update-ticket.js';
import { searchKnowledgeTool } from './search-knowledge.js';
import { getLeadContextTool } from './get-lead-context.js';

export const tools: readonly AnyTool[] = [
  // leads & clients
  searchLeadsTool,
  getLeadTool,
  getClientTool,
  createLeadTool,
  updateLeadStatusTool,
  // communications & notes
  addNoteTool,
  logCommunicationTool,
  recordConsentTool,
  // follow-ups
  scheduleFollowUpTool,
  listFollowUpsTool,
  completeFollowUpTool,
  // tickets
  createTicketTool,
  triageTicketTool,
  listTicketsTool,
  updateTicketTool,
  // knowledge
  searchKnowledgeTool,
  getLeadContextTool,
];

export function findTool(name: string): AnyTool | undefined {
  return tools.find((t) => t.name === name);
}
