/** Agency staff and their API tokens. */
import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps, tstz } from './common.js';

export const USER_ROLES = ['admin', 'manager', 'producer', 'csr', 'viewer'] as const;

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    handle: text('handle').notNull(),
    fullName: text('full_name').notNull(),
    email: text('email'),
    role: text('role', { enum: USER_ROLES }).notNull().default('producer'),
    timezone: text('timezone').notNull().default('America/Chicago'),
    slackUserId: text('slack_user_id'),
    /** Team name for the book-of-business policy (CRM_BOOK_POLICY=team); null: on no team. */
    team: text('team'),
    isActive: boolean('is_active').notNull().default(true),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_handle_key').on(t.handle),
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    uniqueIndex('users_slack_user_id_key').on(t.slackUserId),
    index('users_team_idx')
      .on(t.team)
      .where(sql`${t.team} is not null`),
    check('users_role_check', sql`${t.role} in ('admin','manager','producer','csr','viewer')`),
    check('users_handle_format', sql`${t.handle} ~ '^[a-z0-9][a-z0-9._-]{1,62}$'`),
  ],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** SHA-256 of the token, hex. The token itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull(),
    /** First characters of the token, to recognise it in lists. */
    tokenPrefix: text('token_prefix').notNull(),
    scopes: text('scopes').array().notNull(),
    lastUsedAt: tstz('last_used_at'),
    expiresAt: tstz('expires_at'),
    revokedAt: tstz('revoked_at'),
    ...timestamps,
  },
  (t) => [uniqueIndex('api_tokens_token_hash_key').on(t.tokenHash), index('api_tokens_user_id_idx').on(t.userId)],
);
