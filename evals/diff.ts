/**
 * The normalised diff of the CRM tables a dialog may touch: rows inserted, updated and deleted
 * between two snapshots. Ids become names (symbols.ts), lookup ids become codes, generated
 * search columns are dropped, and a row whose only changes are timestamps is not an update.
 */
import type pg from 'pg';
import { DIFF_TABLES, type DiffTable } from './dialog-schema.js';
import type { Symbols } from './symbols.js';

export type Row = Record<string, unknown>;
export type Snapshot = Map<DiffTable, { rows: Map<string, Row>; timestamps: Set<string> }>;

export interface RowChange {
  table: DiffTable;
  op: 'insert' | 'update' | 'delete';
  /** The row's name (`lead:rivera`, `new:lead_notes`, `uuid:1a2b3c4d`). */
  name: string;
  /** The row after (insert, update) or before (delete), normalised. */
  row: Row;
  /** For updates: the columns that changed (timestamps only when something else changed too). */
  changed?: Record<string, { from: unknown; to: unknown }>;
}

const DROPPED = new Set(['id', 'search_vector', 'created_at', 'updated_at']);

export async function snapshot(pool: pg.Pool): Promise<Snapshot> {
  const out: Snapshot = new Map();
  const { rows: cols } = await pool.query<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type like 'timestamp%' and table_name = any($1)`,
    [DIFF_TABLES],
  );
  for (const table of DIFF_TABLES) {
    const r = await pool.query<{ id: string; row: Row }>(`select id::text as id, to_jsonb(t) as row from ${table} t`);
    out.set(table, {
      rows: new Map(r.rows.map((x) => [x.id, x.row])),
      timestamps: new Set(cols.filter((c) => c.table_name === table).map((c) => c.column_name)),
    });
  }
  return out;
}

function normalise(row: Row, symbols: Symbols): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    if (DROPPED.has(k)) continue;
    const lookup = symbols.lookups.get(k);
    out[k] = lookup && typeof v === 'number' ? (lookup.get(v) ?? v) : symbols.symbolise(v);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What changed from `before` to `after`; inserted rows are named `new:<table>` in `symbols` first. */
export function diffSnapshots(before: Snapshot, after: Snapshot, symbols: Symbols): RowChange[] {
  for (const table of DIFF_TABLES) {
    const b = before.get(table)!.rows;
    for (const id of after.get(table)!.rows.keys()) if (!b.has(id) && !symbols.has(`new:${table}`)) symbols.add(`new:${table}`, id);
    for (const id of after.get(table)!.rows.keys()) if (!b.has(id)) symbols.add(`new:${table}#${id.slice(0, 8)}`, id);
  }
  const changes: RowChange[] = [];
  for (const table of DIFF_TABLES) {
    const b = before.get(table)!;
    const a = after.get(table)!;
    for (const [id, row] of a.rows) {
      const old = b.rows.get(id);
      if (!old) {
        changes.push({ table, op: 'insert', name: symbols.nameOf(id), row: normalise(row, symbols) });
        continue;
      }
      const keys = Object.keys(row).filter((k) => !DROPPED.has(k) && !same(row[k], old[k]));
      if (!keys.some((k) => !a.timestamps.has(k))) continue;
      const now = normalise(row, symbols);
      const was = normalise(old, symbols);
      changes.push({
        table,
        op: 'update',
        name: symbols.nameOf(id),
        row: now,
        changed: Object.fromEntries(keys.map((k) => [k, { from: was[k], to: now[k] }])),
      });
    }
    for (const [id, row] of b.rows)
      if (!a.rows.has(id)) changes.push({ table, op: 'delete', name: symbols.nameOf(id), row: normalise(row, symbols) });
  }
  return changes;
}

/** The diff as text: one line per row, nulls and empty defaults left out. */
/** A row without nulls, empty defaults and (unless asked) timestamps, as JSON. */
export function compactRow(row: Row, timestamps = false): string {
  return JSON.stringify(
    Object.fromEntries(
      Object.entries(row).filter(
        ([k, v]) =>
          v !== null &&
          !(Array.isArray(v) && !v.length) &&
          !(v && typeof v === 'object' && !Object.keys(v).length) &&
          (timestamps || !/_at$/.test(k)),
      ),
    ),
  );
}

export function formatDiff(changes: RowChange[], timestamps = false): string {
  if (!changes.length) return '  (no changes)';
  const shown = (row: Row) => compactRow(row, timestamps);
  return changes
    .map((c) => {
      if (c.op === 'update') {
        const parts = Object.entries(c.changed ?? {}).map(([k, v]) => `${k}: ${JSON.stringify(v.from)} -> ${JSON.stringify(v.to)}`);
        return `  ~ ${c.table} ${c.name}: ${parts.join(', ')}`;
      }
      return `  ${c.op === 'insert' ? '+' : '-'} ${c.table}: ${shown(c.row)}`;
    })
    .join('\n');
}
