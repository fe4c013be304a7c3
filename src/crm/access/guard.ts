/**
 * The single-record half of the book-of-business policy: every call that names a lead, client,
 * contact, ticket or follow-up by id is checked here, in one query, before it runs.
 *
 * A read outside the book answers NOT_FOUND, word for word what an unknown id answers, so the
 * book does not confirm that another producer's record exists. A write outside the book answers
 * FORBIDDEN with a hint: the caller named the record to change it, and "not found" would send
 * them searching for a record they will never be allowed to touch.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { AppError, databaseUnavailable, NotFoundError } from '../../errors.js';
import { clientIdInBook, leadIdInBook, workItemInBook, type Book } from './book.js';

/** Record references a call may carry, by the input field names every tool uses. */
export const RECORD_REFS = ['leadId', 'clientId', 'contactId', 'ticketId', 'followUpId'] as const;
export type RecordRef = (typeof RECORD_REFS)[number];
export type RecordRefs = Partial<Record<RecordRef, string>>;

const ENTITY: Record<RecordRef, [name: string, notFoundHint: string]> = {
  leadId: ['lead', 'Use search_leads to find the lead id.'],
  clientId: ['client', 'Use search_leads to find the client id.'],
  contactId: ['contact', "Use get_lead to list the lead's contacts."],
  ticketId: ['ticket', 'Use list_tickets to find the ticket id.'],
  followUpId: ['follow-up', 'Use list_follow_ups to find the follow-up id.'],
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The record ids named at the top level of a call's (validated) input. */
export function refsOf(input: unknown): RecordRefs {
  const out: RecordRefs = {};
  if (!input || typeof input !== 'object') return out;
  for (const k of RECORD_REFS) {
    const v = (input as Record<string, unknown>)[k];
    if (typeof v === 'string' && UUID.test(v)) out[k] = v;
  }
  return out;
}

/**
 * Throws unless every named record is in `book`: NOT_FOUND for a read, FORBIDDEN for a write.
 * An id that names no record passes (the domain answers its own NOT_FOUND). No query when the
 * book is whole or nothing is named.
 */
export async function assertInBook(db: DbOrTx, book: Book, refs: RecordRefs, mode: 'read' | 'write'): Promise<void> {
  if (book.all) return;
  const named = RECORD_REFS.filter((k) => refs[k] !== undefined);
  if (!named.length) return;
  const probe = (k: RecordRef) => {
    const id = sql`${refs[k]!}::uuid`;
    switch (k) {
      case 'leadId':
        return sql`(select coalesce(${leadIdInBook(book, sql`x.id`)}, false) from leads x where x.id = ${id})`;
      case 'clientId':
        return sql`(select coalesce(${clientIdInBook(book, sql`x.id`)}, false) from clients x where x.id = ${id})`;
      case 'contactId':
        return sql`(select coalesce(${clientIdInBook(book, sql`x.client_id`)}, false) from contacts x where x.id = ${id})`;
      case 'ticketId':
        return sql`(select coalesce(${workItemInBook(book, sql`x.assigned_user_id`, sql`x.lead_id`, sql`x.client_id`)}, false) from support_tickets x where x.id = ${id})`;
      case 'followUpId':
        return sql`(select coalesce(${workItemInBook(book, sql`x.assigned_user_id`, sql`x.lead_id`, sql`x.client_id`)}, false) from follow_ups x where x.id = ${id})`;
    }
  };
  const cols = sql.join(
    named.map((k) => sql`${probe(k)} as ${sql.identifier(k)}`),
    sql`, `,
  );
  const r = await db.execute<Record<RecordRef, boolean | null>>(sql`select ${cols}`);
  const row = r.rows[0];
  // No row from a one-row select: the answer was lost (seen while the database restarts). Fail closed, retriable.
  if (!row) throw databaseUnavailable();
  const outside = named.find((k) => row[k] === false);
  if (!outside) return;
  const [entity, notFoundHint] = ENTITY[outside];
  if (mode === 'read') throw new NotFoundError(entity, refs[outside]!, notFoundHint);
  throw new AppError('FORBIDDEN', `The ${entity} ${refs[outside]!} is not in your book of business, so you cannot change it.`, {
    hint: `Ask its assigned producer or a manager to make this change, or to assign the ${entity} to you.`,
  });
}
