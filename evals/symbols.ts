/**
 * The names of a dialog's world: fixture rows (`lead:rivera`), users (`user:demo`), lookup codes,
 * and rows the dialog inserted (`new:lead_notes`). Ids are shown and matched by these names, so
 * dialog files never hold an id.
 */
import type pg from 'pg';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

export class Symbols {
  private readonly ids = new Map<string, string>();
  private readonly names = new Map<string, string>();
  /** Fixture rows as inserted (drizzle field names), for `${name.field}`. */
  readonly rows = new Map<string, Record<string, unknown>>();
  /** Lookup ids by column: e.g. status_id 3 -> "quoted". */
  readonly lookups = new Map<string, Map<number, string>>();

  add(name: string, id: string, row?: Record<string, unknown>): void {
    this.ids.set(name, id);
    if (!this.names.has(id)) this.names.set(id, name);
    if (row) this.rows.set(name, row);
  }

  has(name: string): boolean {
    return this.ids.has(name);
  }

  idOf(name: string): string {
    const id = this.ids.get(name);
    if (!id) throw new Error(`unknown name "${name}" (declare it as a fixture, or use user:<handle>)`);
    return id;
  }

  /** The name of an id, or `uuid:<first 8>` for a demo-book row without one. */
  nameOf(id: string): string {
    return this.names.get(id) ?? `uuid:${id.slice(0, 8)}`;
  }

  /** Names users and lookup codes from the database (after fixtures). */
  async loadWorld(pool: pg.Pool): Promise<void> {
    const { rows } = await pool.query<{ id: string; handle: string }>('select id::text, handle from users');
    for (const u of rows) this.add(`user:${u.handle}`, u.id);
    const lookups: [string, string][] = [
      ['status_id', 'lead_statuses'],
      ['insurance_type_id', 'insurance_types'],
      ['communication_type_id', 'communication_types'],
      ['campaign_id', 'campaigns'],
    ];
    for (const [column, table] of lookups) {
      const r = await pool.query<{ id: number; code: string }>(`select id, code from ${table}`);
      this.lookups.set(column, new Map(r.rows.map((x) => [Number(x.id), x.code])));
    }
  }

  /** A value with every id replaced by its name (deeply): what diffs and trajectories compare. */
  symbolise(v: unknown): unknown {
    if (isUuid(v)) return this.nameOf(v);
    if (Array.isArray(v)) return v.map((x) => this.symbolise(x));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.symbolise(x)]));
    return v;
  }
}
