/** What the bot says in Slack that is not the agent's answer, and the approval blocks. */
import type { PendingApproval } from '../agent/types.js';
import type { Blocks } from './client.js';
import { escapeMrkdwn } from './format.js';

export const WORKING_TEXT = '_Working…_';

export const APPROVE_ACTION = 'crm_approve';
export const REJECT_ACTION = 'crm_reject';

/** To an unknown Slack user: a polite refusal and nothing else (no CRM data, no agent turn). */
export const UNKNOWN_USER_TEXT =
  "Sorry, I can only help people who have a CRM account linked to Slack, and I couldn't find yours. " +
  'Ask your CRM admin to set your Slack member ID on your CRM user.';

/** Exactly how to configure a model (shown when none is configured). */
export const NO_MODEL_TEXT =
  'I can’t answer yet: no chat model is configured. Set `OPENAI_API_KEY` (OpenAI, with `CRM_CHAT_MODEL`, default `gpt-4o-mini`), ' +
  'or `OPENAI_BASE_URL` for an OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio), e.g. ' +
  '`OPENAI_BASE_URL=http://127.0.0.1:11434/v1 OPENAI_API_KEY=unused CRM_CHAT_MODEL=llama3.1`, then restart `crm-agent serve`.';

export const FAILED_TEXT = (ref: number) =>
  `Sorry, I couldn’t finish this: Slack or the agent kept failing. Nothing more will be tried for this message; send it again to retry (reference: slack event ${ref}).`;

export const waitingText = (summary: string) =>
  `I’m waiting for a decision on a change first: ${escapeMrkdwn(summary)}. Approve or reject it above, then ask again.`;

export const notYoursText = (askerName: string) =>
  `Only ${escapeMrkdwn(askerName)} (who asked) or a manager or admin can decide this change.`;

export const ALREADY_DECIDED_TEXT = 'This change was already decided (or is no longer waiting).';

/** The button value: which thread and which tool call it decides. */
export interface ApprovalRef {
  t: string;
  c: string;
}

export function approvalBlocks(pending: PendingApproval, threadId: string): { text: string; blocks: Blocks } {
  const value = JSON.stringify({ t: threadId, c: pending.toolCallId } satisfies ApprovalRef);
  const text = `Approve this change? ${escapeMrkdwn(pending.summary)}`;
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*Approve this change?*\n${escapeMrkdwn(pending.summary).slice(0, 2900)}` } },
      {
        type: 'actions',
        block_id: 'crm_approval',
        elements: [
          { type: 'button', action_id: APPROVE_ACTION, style: 'primary', text: { type: 'plain_text', text: 'Approve' }, value },
          { type: 'button', action_id: REJECT_ACTION, style: 'danger', text: { type: 'plain_text', text: 'Reject' }, value },
        ],
      },
    ],
  };
}

/** The approval message after the decision: the buttons are replaced by who decided. */
export function decidedBlocks(summary: string, approved: boolean, slackUserId: string): { text: string; blocks: Blocks } {
  const verdict = `${approved ? '✅ Approved' : '❌ Rejected'} by <@${slackUserId}>`;
  return {
    text: `${verdict}: ${escapeMrkdwn(summary)}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(summary).slice(0, 2900) } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: verdict }] },
    ],
  };
}
