/**
 * Idempotency keys for write tools, per user. The first call with a key stores its answer in the
 * transaction of its write; a repeat with the same tool and input gets that answer back and
 * writes nothing; a repeat with another tool or input is a CONFLICT. Keys are looked up only
 * among the caller's own, so a key never reveals another user's call.
 */
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { toolIdempotencyKeys } from '../../db/schema/index.js';
import { ConflictError, ValidationError } from '../../errors.js';
import { findUnsafeText } from './text-hygiene.js';

export type IdempotencyRecord = typeof toolIdempotencyKeys.$inferSelect;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.keys(value as Record<string, unknown>)
      .sort()
      .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
  );
}

/** SHA-256 of the tool name and the key-order-independent JSON of its parsed input. */
export function inputHash(toolName: string, input: unknown): string {
  return createHash('sha256')
    .update(`${toolName}\n${JSON.stringify(canonical(input))}`)
    .digest('hex');
}

/** VALIDATION unless `key` is 1-200 characters of storable text. */
export function checkIdempotencyKey(key: string): void {
  if (key.length < 1 || key.length > 200 || findUnsafeText(key).length) {
    throw new ValidationError('The idempotency key must be 1-200 characters without control characters.', [
      { field: 'idempotencyKey', message: '1-200 printable characters' },
    ]);
  }
}

/**
 * Serialises calls with the same user and key until the transaction ends, so a concurrent repeat
 * waits for the first call and then sees its record (Postgres servers; PGlite runs one
 * transaction at a time anyway).
 */
export async function lockIdempotencyKey(tx: DbOrTx, userId: string, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`tool-idempotency:${userId}:${key}`}, 0))`);
}

/** The caller's record of `key`, if a call with it committed. */
export async function findIdempotencyRecord(db: DbOrTx, userId: string, key: string): Promise<IdempotencyRecord | undefined> {
  const [row] = await db
    .select()
    .from(toolIdempotencyKeys)
    .where(and(eq(toolIdempotencyKeys.userId, userId), eq(toolIdempotencyKeys.idempotencyKey, key)))
    .limit(1);
  return row;
}

/** The stored answer when `record` is for the same tool and input; CONFLICT naming the key otherwise. */
export function replayAnswer(record: IdempotencyRecord, toolName: string, hash: string): Record<string, unknown> {
  if (record.toolName !== toolName || record.inputHash !== hash) {
    const what = record.toolName === toolName ? `a ${toolName} call with different input` : `a ${record.toolName} call`;
    throw new ConflictError(
      `The idempotency key "${record.idempotencyKey}" was already used for ${what} at ${record.createdAt.toISOString()}.`,
      'Use a new idempotency key for a new call; repeat a key only to retry the exact same call.',
    );
  }
  return record.output;
}

/** Records the answer of a first call; run it in the call's transaction. */
export async function saveIdempotencyRecord(
  tx: DbOrTx,
  r: { userId: string; key: string; toolName: string; hash: string; output: Record<string, unknown>; interactionId: string },
): Promise<void> {
  await tx.insert(toolIdempotencyKeys).values({
    userId: r.userId,
    idempotencyKey: r.key,
    toolName: r.toolName,
    inputHash: r.hash,
    output: r.output,
    interactionId: r.interactionId,
  });
}
