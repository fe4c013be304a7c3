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
import { isUuid } from './symbols.js';

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

type Fixture = Record<string, unknown>;

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'row';

const keep = (row: Record<string, unknown>, cols: string[]) =>
  Object.fromEntries(
    cols
      .filter((c) => row[c] !== null && row[c] !== undefined)
      .map((c) => [c, row[c] instanceof Date ? (row[c] as Date).toISOString() : row[c]]),
  );

/** Copies the rows an id names into fixtures (parents first); returns the `${kind:name}` reference. */
class FixtureCopier {
  readonly fixtures: Fixture[] = [];
  private readonly refs = new Map<string, string>();
  private readonly used = new Set<string>();
  constructor(private readonly pool: pg.Pool) {}

  private name(kind: string, base: string): string {
    let n = slug(base);
    for (let i = 2; this.used.has(`${kind}:${n}`); i++) n = `${slug(base)}-${i}`;
    this.used.add(`${kind}:${n}`);
    return n;
  }

  private async one(sql: string, id: string): Promise<Record<string, unknown> | null> {
    const { rows } = await this.pool.query<Record<string, unknown>>(sql, [id]);
    return rows[0] ?? null;
  }

  private add(kind: string, id: string, base: string, fields: Fixture): string {
    const name = this.name(kind, base);
    const ref = `${kind}:${name}`;
    this.refs.set(id, ref);
    this.fixtures.push({ [kind]: name, ...fields });
    return ref;
  }

  private short(ref: string): string {
    return ref.split(':')[1]!;
  }

  /** The reference for an id, copying its row (and parents) on first sight; null for an unknown id. */
  async refOf(id: string): Promise<string | null> {
    const known = this.refs.get(id);
    if (known) return known;
    const client = await this.one(
      `select id, client_type, first_name, last_name, business_name, industry, email, phone, timezone, status, tags, date_of_birth::text from clients where id = $1`,
      id,
    );
    if (client) {
      const fields = keep(
        client,
        client.client_type === 'business'
          ? ['businessName', 'industry', 'email', 'phone', 'timezone'].map(snake)
          : ['first_name', 'last_name', 'email', 'phone', 'timezone'],
      );
      return this.add('client', id, String(client.business_name ?? `${client.first_name} ${client.last_name}`), camel(fields));
    }
    const contact = await this.one(
      `select id, client_id, first_name, last_name, title, roles, email, phone, mobile_phone, timezone, is_primary_contact from contacts where id = $1`,
      id,
    );
    if (contact) {
      const parent = await this.refOf(String(contact.client_id));
      return this.add('contact', id, `${contact.first_name} ${contact.last_name}`, {
        client: this.short(parent!),
        ...camel(
          keep(contact, ['first_name', 'last_name', 'title', 'roles', 'email', 'phone', 'mobile_phone', 'timezone', 'is_primary_contact']),
        ),
      });
    }
    const lead = await this.one(
      `select l.id, l.client_id, s.code as status, t.code as line, u.handle as assigned, l.x_date::text, l.current_carrier, l.current_premium::text, l.quoted_premium::text, l.tags
         from leads l join lead_statuses s on s.id = l.status_id join insurance_types t on t.id = l.insurance_type_id left join users u on u.id = l.assigned_user_id where l.id = $1`,
      id,
    );
    if (lead) {
      const parent = await this.refOf(String(lead.client_id));
      return this.add('lead', id, `${this.short(parent!)}-${lead.line}`, {
        client: this.short(parent!),
        line: lead.line,
        status: lead.status,
        ...(lead.assigned ? { assignedTo: lead.assigned } : {}),
        ...camel(keep(lead, ['x_date', 'current_carrier', 'current_premium', 'quoted_premium'])),
      });
    }
    const ticket = await this.one(
      `select id, client_id, lead_id, subject, description, channel, status, priority, category from support_tickets where id = $1`,
      id,
    );
    if (ticket) {
      const parent = ticket.client_id ? await this.refOf(String(ticket.client_id)) : null;
      const lead = ticket.lead_id ? await this.refOf(String(ticket.lead_id)) : null;
      return this.add('ticket', id, String(ticket.subject), {
        ...(parent ? { client: this.short(parent) } : {}),
        ...(lead ? { lead: this.short(lead) } : {}),
        ...keep(ticket, ['subject', 'description', 'channel', 'status', 'priority', 'category']),
      });
    }
    const followUp = await this.one(
      `select id, lead_id, due_at, timezone, channel, purpose, status, priority from follow_ups where id = $1`,
      id,
    );
    if (followUp?.lead_id) {
      const lead = await this.refOf(String(followUp.lead_id));
      return this.add('followUp', id, String(followUp.purpose), {
        lead: this.short(lead!),
        ...camel(keep(followUp, ['due_at', 'timezone', 'channel', 'purpose', 'status', 'priority'])),
      });
    }
    return null;
  }

  /** `value` with every id it holds replaced by a `${kind:name}` reference. */
  async symbolise(value: unknown): Promise<unknown> {
    if (isUuid(value)) {
      const ref = await this.refOf(value);
      return ref ? `\${${ref}}` : value;
    }
    if (Array.isArray(value)) return Promise.all(value.map((v) => this.symbolise(v)));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = await this.symbolise(v);
      return out;
    }
    return value;
  }
}

function snake(s: string): string {
  return s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
function camel(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()), v]));
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
