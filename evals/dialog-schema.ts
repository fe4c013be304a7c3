/**
 * The dialog file format (evals/dialogs/*.yaml), as zod schemas: the starting data (fixtures with
 * symbolic names), the user and their turns and approvals, the scripted model turns of the
 * offline run, and the expectations judged on state. Documented in evals/FORMAT.md.
 */
import { z } from 'zod';

/** A field matcher: a plain value (exact), `{ re: pattern }` (case-insensitive), `$any`, or `$set` (not null). */
export const matcherSchema: z.ZodType<unknown> = z.unknown();
const fields = z.record(z.string(), matcherSchema);

/** One fixture row: exactly one kind key (client, contact, lead, ...) naming it; other keys are columns or refs. */
export const FIXTURE_KINDS = [
  'user',
  'client',
  'contact',
  'lead',
  'note',
  'communication',
  'followUp',
  'ticket',
  'marketing',
  'consent',
] as const;
export type FixtureKind = (typeof FIXTURE_KINDS)[number];
/** Checked further by `checkFixtureColumns` (fixtures.ts), which knows the tables. */
export const fixtureSchema = z.record(z.string(), z.unknown());

const toolCall = z.strictObject({ tool: z.string().min(1), args: z.record(z.string(), z.unknown()).default({}) });
export const modelStepSchema = z
  .strictObject({ text: z.string().optional(), calls: z.array(toolCall).optional() })
  .refine((s) => s.text !== undefined || s.calls?.length, { message: 'a model step needs text or calls' });

export const approvalSchema = z.union([
  z.literal('approve'),
  z.strictObject({ reject: z.string().min(1) }),
  z.strictObject({ edit: z.record(z.string(), z.unknown()) }),
]);

export const turnSchema = z.strictObject({
  user: z.string().min(1),
  /** The offline script: one entry per model call in this turn. */
  model: z.array(modelStepSchema).default([]),
  /** Decisions on the writes the agent asks approval for, in order. */
  approvals: z.array(approvalSchema).default([]),
  /** Patterns this turn's reply must match. */
  say: z.array(z.string()).default([]),
  /** The turn's expected end (default done). */
  status: z.enum(['done', 'failed']).default('done'),
});

const tableName = z.enum([
  'clients',
  'contacts',
  'addresses',
  'leads',
  'opportunities',
  'lead_notes',
  'lead_communications',
  'lead_marketing_settings',
  'consent_records',
  'follow_ups',
  'support_tickets',
]);
export const DIFF_TABLES = tableName.options;
export type DiffTable = (typeof DIFF_TABLES)[number];

const where = z.union([z.string().min(1), fields]);
export const changeSchema = z.union([
  z.strictObject({ insert: tableName, row: fields.default({}), count: z.number().int().min(1).default(1) }),
  z.strictObject({ update: tableName, where, set: fields.default({}) }),
  z.strictObject({ delete: tableName, where }),
]);

export const trajectorySchema = z.strictObject({
  mode: z.enum(['strict', 'unordered', 'subset', 'superset']),
  calls: z.array(z.strictObject({ tool: z.string().min(1), args: fields.optional() })),
});

export const expectSchema = z.strictObject({
  /** Every insert, update and delete the dialog must cause; anything else fails it. */
  changes: z.array(changeSchema).default([]),
  /** Patterns the replies (all turns) must match. */
  say: z.array(z.string()).default([]),
  /** Patterns no reply may match (leaks, promises). `${fixture.column}` names a fixture's value. */
  mustNotSay: z.array(z.string()).default([]),
  /** Tools the agent must not even propose. */
  forbidTools: z.array(z.string()).default([]),
  /** Tables that must not change. */
  forbidWrites: z.array(tableName).default([]),
  trajectory: trajectorySchema.optional(),
});

export const dialogSchema = z.strictObject({
  description: z.string().min(1),
  /** The acting user's handle (a demo-book user; the role comes with it). */
  user: z.string().min(1).default('demo'),
  /** The clock of the dialog (ISO 8601). Default: the book's today, 9:00 in Chicago. */
  now: z.iso.datetime({ offset: true }).default('2026-11-02T15:00:00Z'),
  tags: z.array(z.string()).default([]),
  fixtures: z.array(fixtureSchema).default([]),
  turns: z.array(turnSchema).min(1),
  expect: expectSchema.default(() => expectSchema.parse({})),
});

export type Dialog = z.infer<typeof dialogSchema> & { name: string; file: string };
export type Turn = z.infer<typeof turnSchema>;
export type ModelStep = z.infer<typeof modelStepSchema>;
export type Approval = z.infer<typeof approvalSchema>;
export type Change = z.infer<typeof changeSchema>;
export type Expectations = z.infer<typeof expectSchema>;
export type Trajectory = z.infer<typeof trajectorySchema>;
export type Fixture = Record<string, unknown>;
