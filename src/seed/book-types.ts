/** Shared shapes of the book generator. */
import type { Row, TableKey } from './bulk.js';
import type { Business, Household } from './people.js';

/** Ids of the reference rows, by code. */
export interface Lookups {
  status: Record<string, number>;
  types: Record<string, { id: number; name: string; category: string }>;
  comm: Record<string, number>;
  campaigns: Record<string, number>;
}

export interface SeedUser {
  id: string;
  handle: string;
  fullName: string;
  role: 'admin' | 'manager' | 'producer' | 'csr';
  timezone: string;
}

/** Rows to insert, by table, in dependency order. */
export type Batch = Partial<Record<TableKey, Row[]>>;

/** Everything about one client the lead and activity generators need. */
export interface ClientCtx {
  id: string;
  kind: 'individual' | 'business';
  household: Household | null;
  business: Business | null;
  displayName: string;
  timezone: string;
  city: string;
  state: string;
  /** Contact ids with names; the first is the primary. */
  contacts: { id: string; first: string; last: string }[];
  producer: SeedUser;
  /** The client's and its contacts' rows, for the derived last-contact times. */
  row: Row;
  contactRows: Map<string, Row>;
}

/** Moves `row[col]` to the later of it and `iso` (GREATEST ignoring NULL), as the tools do. */
export function latest(row: Row, col: string, iso: string): void {
  const cur = row[col] as string | null | undefined;
  if (!cur || cur < iso) row[col] = iso;
}

/** Moves `row[col]` to the earlier of it and `iso` (LEAST ignoring NULL). */
export function earliest(row: Row, col: string, iso: string): void {
  const cur = row[col] as string | null | undefined;
  if (!cur || cur > iso) row[col] = iso;
}

export const push = (b: Batch, key: TableKey, ...rows: Row[]): void => {
  (b[key] ??= []).push(...rows);
};
