/**
 * `eval record`: turns a logged conversation (its `ai_interactions` rows: the user's turns, the
 * tool calls the model proposed, the approvals and the replies) into a dialog file. Every row
 * the calls name (lead, client, contact, ticket, follow-up) becomes a fixture copied from the
 * source database, so the dialog runs on the demo book; the expected changes are what replaying
 * the script through the real tools does (review them before committing the file).
 */
import type pg from 'pg';
import { stringify } from 'yaml';
import { AppError } from '../src/errors.js';
import { dialogSchema, type Change } from './dialog-schema.js';
import type { RowChange } from './diff.js';
import type { EvalDb } from './eval-db.js';
import { parseDialog } from './load-dialogs.js';
import { runDialog } from './run-dialog.js';
import { FixtureCopier } from './record-fixtures.js';

interface ChatRow {
  id: string;
  prompt: string | null;
  response: string | null;
  handle: string | null;
  created_at: Date;
  metadata: {
    toolCalls?: { id: string; name: string; args: Record<string, unknown> }[];
    approvals?: { toolCallId: string; decision: 'approve' | 'reject' | 'edit'; reason?: string }[];
  };
}

/** Strips the approval lines the runner appends to a waiting turn's reply. */
const replyText = (s: string | null) =>
  (s ?? '')
    .split('\n')
    .filter((l) => !/^Approval needed: /.test(l))
    .join('\n')
    .trim();

/** The dialog (as a plain object, expectations not yet filled) of a logged thread. */
export async function dialogFromThread(pool: pg.Pool, threadId: string): Promise<Record<string, unknown>> {
  const { rows: chats } = await pool.query<ChatRow>(
    `select a.id, a.prompt, a.response, u.handle, a.created_at, a.metadata
       from ai_interactions a left join users u on u.id = a.user_id
      where a.thread_id = $1 and a.type = 'chat' order by a.created_at`,
    [threadId],
  );
  if (!chats.length)
    throw new AppError('NOT_FOUND', `No conversation with thread id "${threadId}" in ai_interactions.`, {
      hint: 'Thread ids are shown by the chat (/threads) and stored in ai_interactions.thread_id.',
    });
  const { rows: tools } = await pool.query<{ tool_arguments: Record<string, unknown> | null; metadata: Record<string, unknown> }>(
    `select tool_arguments, metadata from ai_interactions where thread_id = $1 and type = 'tool_call' order by created_at`,
    [threadId],
  );
  const argsByCall = new Map<string, Record<string, unknown>>();
  for (const t of tools) {
    const key = t.metadata.idempotencyKey;
    if (typeof key === 'string' && t.tool_arguments) argsByCall.set(key.split(':').slice(4).join(':'), t.tool_arguments);
  }
  const copier = new FixtureCopier(pool);
  const turns = [];
  for (const c of chats) {
    const steps = [];
    for (const call of c.metadata.toolCalls ?? []) steps.push({ calls: [{ tool: call.name, args: await copier.symbolise(call.args) }] });
    steps.push({ text: replyText(c.response) || '(no reply)' });
    const approvals = [];
    for (const a of c.metadata.approvals ?? []) {
      if (a.decision === 'approve') approvals.push('approve');
      else if (a.decision === 'reject') approvals.push({ reject: a.reason || 'Rejected.' });
      else approvals.push({ edit: await copier.symbolise(argsByCall.get(a.toolCallId) ?? {}) });
    }
    turns.push({ user: c.prompt ?? '', model: steps, ...(approvals.length ? { approvals } : {}) });
  }
  const calls = chats.flatMap((c) => (c.metadata.toolCalls ?? []).map((t) => ({ tool: t.name })));
  const dialog = {
    description: `Recorded from thread ${threadId} (${chats[0]!.created_at.toISOString()}). Describe what the user wanted and why this matters.`,
    user: chats[0]!.handle ?? 'demo',
    now: chats[0]!.created_at.toISOString(),
    tags: ['recorded'],
    fixtures: copier.fixtures,
    turns,
    expect: { changes: [] as unknown[], trajectory: { mode: 'strict', calls } },
  };
  dialogSchema.parse(dialog);
  return dialog;
}

/** The YAML text of a dialog object, with a header saying where it came from. */
export function dialogYaml(dialog: Record<string, unknown>, header: string): string {
  return `# ${header}\n${stringify(dialog, { lineWidth: 140 })}`;
}

/** Expected changes that match `changes` exactly, leaving out timestamps, AI annotations and ids of rows made by the dialog. */
export function changesToExpect(changes: RowChange[]): Change[] {
  const value = (v: unknown) => (typeof v === 'string' && /^(new:.*#|uuid:)/.test(v) ? '$set' : v);
  const fields = (row: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(row)
        .filter(([k, v]) => !/_at$|^ai_|^metadata$|^custom_fields$|_key$/.test(k) && v !== null && !(Array.isArray(v) && !v.length))
        .map(([k, v]) => [k, value(v)]),
    );
  return changes.map((c): Change => {
    if (c.op === 'insert') return { insert: c.table, row: fields(c.row), count: 1 };
    if (c.op === 'delete') return { delete: c.table, where: c.name };
    const set = Object.fromEntries(Object.entries(c.changed ?? {}).map(([k, v]) => [k, v.to]));
    return { update: c.table, where: c.name, set: fields(set) };
  });
}

/**
 * The dialog file of a logged thread: the conversation as a script over copied fixtures, and
 * the changes its replay through the real tools makes on the demo book as the expectations.
 */
export async function recordThread(
  pool: pg.Pool,
  threadId: string,
  data: EvalDb,
): Promise<{ yaml: string; passed: boolean; problems: string[] }> {
  const dialog = await dialogFromThread(pool, threadId);
  const parsed = parseDialog(stringify(dialog), `thread ${threadId}`);
  const replay = await runDialog(parsed, { data });
  (dialog.expect as { changes: unknown[] }).changes = changesToExpect(replay.changes);
  const problems = replay.checks
    .filter((c) => !c.ok && !c.name.startsWith('unexpected'))
    .map((c) => `${c.name}${c.message ? `: ${c.message}` : ''}`);
  const header = `Recorded from ai_interactions thread ${threadId}. Review it: name the fixtures, state the facts the replies must carry (say), and tighten the expectations.`;
  return { yaml: dialogYaml(dialog, header), passed: !problems.length, problems };
}
