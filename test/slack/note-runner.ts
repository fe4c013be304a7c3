/**
 * A small AgentRunner for the Slack tests. Not a stub of the CRM: its one write goes through the
 * real `runTool(add_note)` (validation, scope, transaction, audit row), and every turn writes its
 * own `ai_interactions` chat row from exactly what the Slack layer passed (channel, thread, actor),
 * as the real runner does. Understands:
 *   "note <leadId> <text>"  proposes add_note and waits for approval;
 *   "long <n>"              answers with n paragraphs (message splitting);
 *   "boom"                  throws (worker retries);
 *   anything else           echoes it in Markdown.
 */
import { randomUUID } from 'node:crypto';
import type { AgentRunner, ApprovalDecision, PendingApproval, TurnRequest, TurnResult } from '../../src/agent/types.js';
import { recordInteraction } from '../../src/crm/audit/interactions.js';
import { addNoteTool } from '../../tools/add-note.js';
import { runTool, type ToolDeps } from '../../tools/run-tool.js';

export interface NoteRunner extends AgentRunner {
  sends: (TurnRequest & { text: string })[];
  resumes: (TurnRequest & { decision: ApprovalDecision })[];
}

export function noteRunner(deps: ToolDeps): NoteRunner {
  const pending = new Map<string, PendingApproval>();
  const sends: NoteRunner['sends'] = [];
  const resumes: NoteRunner['resumes'] = [];
  const turn = async (req: TurnRequest, prompt: string, result: Omit<TurnResult, 'threadId' | 'interactionId'>): Promise<TurnResult> => {
    const interactionId = await recordInteraction(deps.db, {
      type: 'chat',
      channel: req.channel,
      threadId: req.threadId,
      userId: req.actor.userId,
      prompt,
      response: result.reply,
      model: 'note-runner',
      provider: 'test',
    });
    return { ...result, threadId: req.threadId, interactionId };
  };
  return {
    sends,
    resumes,
    async send(req) {
      sends.push(req);
      if (req.text === 'boom') throw new Error('the model server is down');
      const note = /^note (\S+) (.+)$/s.exec(req.text);
      if (note) {
        const p: PendingApproval = {
          toolCallId: randomUUID(),
          toolName: 'add_note',
          args: { leadId: note[1], body: note[2] },
          summary: `add_note on lead ${note[1]}: "${note[2]}"`,
        };
        pending.set(req.threadId, p);
        return turn(req, req.text, { status: 'awaiting_approval', reply: 'I can add that note once you approve.', pending: p });
      }
      const long = /^long (\d+)$/.exec(req.text);
      if (long) {
        const paras = Array.from({ length: Number(long[1]) }, (_, i) => `Paragraph ${i + 1}: ${'lorem ipsum dolor '.repeat(20).trim()}`);
        return turn(req, req.text, { status: 'done', reply: paras.join('\n\n'), pending: null });
      }
      return turn(req, req.text, { status: 'done', reply: `You said: **${req.text}**`, pending: null });
    },
    async resume(req) {
      resumes.push(req);
      const p = pending.get(req.threadId);
      if (!p || p.toolCallId !== req.decision.toolCallId) {
        return turn(req, JSON.stringify(req.decision), {
          status: 'failed',
          reply: 'Nothing is waiting for a decision.',
          pending: null,
          error: { code: 'CONFLICT', message: 'no pending approval' },
        });
      }
      pending.delete(req.threadId);
      if (req.decision.decision !== 'approve')
        return turn(req, JSON.stringify(req.decision), { status: 'done', reply: 'OK, I did not add the note.', pending: null });
      const r = await runTool(deps, addNoteTool, p.args, {
        actor: req.actor,
        channel: req.channel,
        threadId: req.threadId,
        idempotencyKey: `${req.threadId}:${p.toolCallId}`,
      });
      const reply = r.ok ? `Added note \`${String(r.output.noteId)}\`.` : `Could not add the note: ${r.error.message}`;
      return turn(req, JSON.stringify(req.decision), { status: r.ok ? 'done' : 'failed', reply, pending: null });
    },
    async pending(threadId) {
      return pending.get(threadId) ?? null;
    },
  };
}
