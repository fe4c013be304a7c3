/**
 * The book-of-business policy: which leads, clients, tickets and follow-ups a user may see and
 * change. Every read and write of the domain applies it through the SQL conditions below, and
 * single records through `assertInBook` (./guard.ts); nothing else decides visibility.
 *
 * - admins, managers and CSRs work the whole book (CSRs service every client);
 * - viewers read the whole book (their role has no write scope);
 * - producers, by CRM_BOOK_POLICY: `own` (leads assigned to them), `team` (the default: theirs
 *   and their team's, users.team), or `all`. Unassigned leads are the agency's pool: every
 *   producer sees them, so a new web lead is not invisible until someone assigns it.
 * A client is in a book when it is assigned to a member, has a lead in the book, or is unassigned
 * with no leads yet (the pool again); a ticket or a follow-up when it is assigned to a member or
 * its lead (else its client) is in the book.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from './actor.js';

export const BOOK_POLICIES = ['own', 'team', 'all'] as const;
export type BookPolicy = (typeof BOOK_POLICIES)[number];

/** The records one caller may reach: the whole book, or the leads of a set of users. */
export type Book = { readonly all: true } | { readonly all: false; readonly userId: string; readonly team: boolean };

export const WHOLE_BOOK: Book = { all: true };

/** The book of `actor` under the producers' `policy`. */
export function bookOf(actor: Pick<Actor, 'userId' | 'role'>, policy: BookPolicy): Book {
  if (actor.role !== 'producer' || policy === 'all') return WHOLE_BOOK;
  return { all: false, userId: actor.userId, team: policy === 'team' };
}

/** The user ids whose records are in the book, as a subquery for `x in (...)`. */
function members(book: Exclude<Book, { all: true }>): SQL {
  if (!book.team) return sql`select ${book.userId}::uuid`;
  return sql`select bu.id from users bu where bu.id = ${book.userId}::uuid
    or (bu.team is not null and bu.team = (select bt.team from users bt where bt.id = ${book.userId}::uuid))`;
}

/** A lead row is in the book, given its `assigned_user_id` expression. */
export function leadAssigneeInBook(book: Book, assignedUserId: SQL): SQL {
  if (book.all) return sql`true`;
  return sql`(${assignedUserId} is null or ${assignedUserId} in (${members(book)}))`;
}

// The two tests below are uncorrelated subqueries (`x in (select ...)`): Postgres computes each
// set once per query as a hashed subplan, instead of once per row as a correlated `exists` would
// be in a search over thousands of candidate notes.

/** The lead with id `leadId` (an expression) is in the book. */
export function leadIdInBook(book: Book, leadId: SQL): SQL {
  if (book.all) return sql`true`;
  return sql`(${leadId} in (select bl.id from leads bl where ${leadAssigneeInBook(book, sql`bl.assigned_user_id`)}))`;
}

/** The client with id `clientId` (an expression, never null) is in the book. */
export function clientIdInBook(book: Book, clientId: SQL): SQL {
  if (book.all) return sql`true`;
  return sql`(${clientId} in (select bc.id from clients bc where bc.assigned_user_id in (${members(book)})
        or (bc.assigned_user_id is null and not exists (select 1 from leads bn where bn.client_id = bc.id)))
    or ${clientId} in (select bl.client_id from leads bl where ${leadAssigneeInBook(book, sql`bl.assigned_user_id`)}))`;
}

/**
 * A record tied to a lead and/or a client (a note, a communication, a knowledge hit) is in the
 * book: by its lead when it has one, else by its client; tied to neither, it is not.
 */
export function recordInBook(book: Book, leadId: SQL, clientId: SQL): SQL {
  if (book.all) return sql`true`;
  return sql`(case when ${leadId} is not null then ${leadIdInBook(book, leadId)}
    when ${clientId} is not null then ${clientIdInBook(book, clientId)} else false end)`;
}

/** A ticket or follow-up is in the book: assigned to a member, or its lead (else client) is. */
export function workItemInBook(book: Book, assignedUserId: SQL, leadId: SQL, clientId: SQL): SQL {
  if (book.all) return sql`true`;
  // `is not null and`: a bare `in` is null for an unassigned item, and null or false is null.
  return sql`((${assignedUserId} is not null and ${assignedUserId} in (${members(book)})) or ${recordInBook(book, leadId, clientId)})`;
}
