/**
 * For `eval record`: copies the rows a logged conversation names (clients, contacts, leads,
 * tickets, follow-ups) from the source database into dialog fixtures with symbolic names, and
 * replaces their ids in tool arguments by `${kind:name}` references.
 */
import type pg from 'pg';
import { isUuid } from './symbols.js';

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
export class FixtureCopier {
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
