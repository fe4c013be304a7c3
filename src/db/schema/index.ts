/** The whole drizzle schema. Migrations in /migrations are generated from it (plus hand-written SQL). */
export * from './users.js';
export * from './addresses.js';
export * from './clients.js';
export * from './lookups.js';
export * from './leads.js';
export * from './activity.js';
export * from './marketing.js';
export * from './work.js';
export * from './ai.js';
export * from './slack.js';
export * from './vocabulary.js';
