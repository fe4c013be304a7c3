/** Column helpers shared by every domain table. */
import { sql } from 'drizzle-orm';
import { customType, jsonb, text, timestamp } from 'drizzle-orm/pg-core';

/** Postgres `tsvector`, used for generated full-text columns. */
export const tsvector = customType<{ data: string }>({
  dataType() {
    return 'tsvector';
  },
});

/** pgvector `vector` without a fixed dimension (each row states its own; indexes cast per model). */
export const anyVector = customType<{ data: number[]; driverData: string }>({
  dataType() {
    return 'vector';
  },
  toDriver(value: number[]): string {
    return `[${value.join(',')}]`;
  },
  fromDriver(value: string): number[] {
    return JSON.parse(value) as number[];
  },
});

/** created_at / updated_at, both timestamptz, both defaulting to now(). */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** Free tags (text[]), user-defined custom fields and machine metadata (JSONB). */
export const flexible = {
  tags: text('tags')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  customFields: jsonb('custom_fields').$type<Record<string, unknown>>().notNull().default({}),
  metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
};

/** Timestamp with time zone, nullable. */
export const tstz = (name: string) => timestamp(name, { withTimezone: true });
