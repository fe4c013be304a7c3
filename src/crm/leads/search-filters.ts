/**
 * The lead filters shared by search_leads and search_knowledge: one zod schema (the tools'
 * input fields), one FROM clause and one set of WHERE conditions over it.
 */
import { and, arrayOverlaps, eq, gte, inArray, lt, lte, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { addresses, CLIENT_TYPES, clients, insuranceTypes, leads, leadStatuses, users } from '../../db/schema/index.js';
import { ValidationError } from '../../errors.js';

const code = z.string().trim().toLowerCase().min(1).max(40);
/** An ISO 8601 date or datetime (a time window's bound); shared with search_knowledge's input. */
export const isoInstant = z
  .string()
  .trim()
  .max(40)
  .refine(
    (s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)),
    'expected an ISO 8601 date or datetime, e.g. 2025-03-01 or 2025-03-01T09:00:00Z',
  );

/** Zod fields of the lead filters; tools spread them into their input schemas. */
export const leadSearchFilterFields = {
  query: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Client name or email, words in notes and communications ("phrase", -word, or).'),
  clientId: z.uuid().optional().describe('Only leads of this client.'),
  statuses: z
    .array(code)
    .min(1)
    .max(20)
    .optional()
    .describe('Any of: new, contacted, qualified, quoting, quoted, proposal_sent, nurturing, won, lost, archived.'),
  lines: z.array(code).min(1).max(20).optional().describe('Line codes, any of, e.g. auto, home, umbrella, bop.'),
  assignedTo: z.string().trim().min(1).max(64).optional().describe('User id, handle or "me".'),
  clientType: z.enum(CLIENT_TYPES).optional().describe('Client type.'),
  state: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'two-letter state code')
    .transform((s) => s.toUpperCase())
    .optional()
    .describe("Client's state, e.g. TX."),
  city: z.string().trim().min(1).max(80).optional().describe("Client's city (exact, any case)."),
  tags: z.array(z.string().trim().min(1).max(40)).min(1).max(20).optional().describe('Has any of these tags.'),
  xDateFrom: z.iso.date().optional().describe('X-date (policy expiry) on or after.'),
  xDateTo: z.iso.date().optional().describe('X-date on or before.'),
  followUp: z.enum(['due', 'overdue']).optional().describe('due: next follow-up now or earlier; overdue: past and the lead still open.'),
  open: z.boolean().optional().describe('true: open only (not won/lost/archived); false: closed only.'),
  createdFrom: isoInstant.optional().describe('Created at/after (ISO date or datetime).'),
  createdTo: isoInstant.optional().describe('Created before.'),
  updatedFrom: isoInstant.optional().describe('Updated at/after.'),
  updatedTo: isoInstant.optional().describe('Updated before.'),
  aiScoreMin: z.number().int().min(0).max(100).optional().describe('Min AI bind score.'),
  aiScoreMax: z.number().int().min(0).max(100).optional().describe('Max AI bind score.'),
};

export const leadSearchFiltersSchema = z.strictObject(leadSearchFilterFields);
/** Filters over leads (and their client, address, status, line and assignee). */
export type LeadSearchFilters = z.infer<typeof leadSearchFiltersSchema>;

/**
 * The joins every filter refers to: leads, clients, lead_statuses, insurance_types, the client's
 * (physical) address and the assigned user. Tables keep their own names (no aliases).
 */
export const LEAD_FROM = sql`${leads}
  join ${clients} on ${clients.id} = ${leads.clientId}
  join ${leadStatuses} on ${leadStatuses.id} = ${leads.statusId}
  join ${insuranceTypes} on ${insuranceTypes.id} = ${leads.insuranceTypeId}
  left join ${addresses} on ${addresses.id} = ${clients.addressId}
  left join ${users} on ${users.id} = ${leads.assignedUserId}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks the codes and the assignee exist, so a typo is an error that lists the valid values
 * rather than an empty result. Also checks the ranges are the right way round.
 */
export async function assertFiltersValid(db: DbOrTx, f: LeadSearchFilters): Promise<void> {
  const unknown = async (field: 'statuses' | 'lines', given: string[] | undefined) => {
    if (!given?.length) return;
    const table = field === 'statuses' ? leadStatuses : insuranceTypes;
    const known = (await db.select({ code: table.code }).from(table).orderBy(table.sortOrder)).map((r) => r.code);
    const bad = given.filter((c) => !known.includes(c));
    if (bad.length) {
      throw new ValidationError(
        `Unknown ${field === 'statuses' ? 'status' : 'line of business'} code(s): ${bad.join(', ')}.`,
        [{ field, message: `valid codes: ${known.join(', ')}` }],
        `Use one of: ${known.join(', ')}.`,
      );
    }
  };
  await unknown('statuses', f.statuses);
  await unknown('lines', f.lines);
  if (f.assignedTo && !UUID.test(f.assignedTo)) {
    const [u] = await db.select({ id: users.id }).from(users).where(eq(users.handle, f.assignedTo.toLowerCase())).limit(1);
    if (!u)
      throw new ValidationError(
        `No user with handle "${f.assignedTo}".`,
        [{ field: 'assignedTo', message: 'unknown user' }],
        'Pass a user id, an existing handle, or "me".',
      );
  }
  const ordered: Array<[keyof LeadSearchFilters, keyof LeadSearchFilters]> = [
    ['xDateFrom', 'xDateTo'],
    ['createdFrom', 'createdTo'],
    ['updatedFrom', 'updatedTo'],
    ['aiScoreMin', 'aiScoreMax'],
  ];
  for (const [lo, hi] of ordered) {
    const a = f[lo];
    const b = f[hi];
    if (a === undefined || b === undefined) continue;
    const bigger = typeof a === 'number' ? a > (b as number) : Date.parse(String(a)) > Date.parse(String(b));
    if (bigger)
      throw new ValidationError(`${lo} is after ${hi}.`, [{ field: lo, message: `must not be after ${hi}` }], 'Swap the two values.');
  }
}

/** WHERE conditions for everything but `query` (free text is ranked separately), over LEAD_FROM. */
export function leadFilterConditions(f: LeadSearchFilters, now: Date): SQL[] {
  const c: Array<SQL | undefined> = [];
  const open = sql`not ${leadStatuses.isTerminal}`;
  if (f.clientId) c.push(eq(leads.clientId, f.clientId));
  if (f.statuses?.length) c.push(inArray(leadStatuses.code, f.statuses));
  if (f.lines?.length) c.push(inArray(insuranceTypes.code, f.lines));
  if (f.assignedTo) c.push(UUID.test(f.assignedTo) ? eq(leads.assignedUserId, f.assignedTo) : eq(users.handle, f.assignedTo.toLowerCase()));
  if (f.clientType) c.push(eq(clients.clientType, f.clientType));
  if (f.state) c.push(eq(addresses.state, f.state));
  if (f.city) c.push(sql`lower(${addresses.city}) = lower(${f.city})`);
  if (f.tags?.length) c.push(arrayOverlaps(leads.tags, f.tags));
  if (f.xDateFrom) c.push(gte(leads.xDate, f.xDateFrom));
  if (f.xDateTo) c.push(lte(leads.xDate, f.xDateTo));
  if (f.followUp === 'due') c.push(lte(leads.nextFollowUpAt, now));
  if (f.followUp === 'overdue') c.push(and(lt(leads.nextFollowUpAt, now), open));
  if (f.open === true) c.push(open);
  if (f.open === false) c.push(sql`${leadStatuses.isTerminal}`);
  if (f.createdFrom) c.push(gte(leads.createdAt, new Date(f.createdFrom)));
  if (f.createdTo) c.push(lt(leads.createdAt, new Date(f.createdTo)));
  if (f.updatedFrom) c.push(gte(leads.updatedAt, new Date(f.updatedFrom)));
  if (f.updatedTo) c.push(lt(leads.updatedAt, new Date(f.updatedTo)));
  if (f.aiScoreMin !== undefined) c.push(gte(leads.aiScore, f.aiScoreMin));
  if (f.aiScoreMax !== undefined) c.push(lte(leads.aiScore, f.aiScoreMax));
  return c.filter((x): x is SQL => x !== undefined);
}

/** `select leads.id from ... where <filters>`: for callers (search_knowledge) that restrict other rows to matching leads. */
export function matchingLeadIdsSql(f: LeadSearchFilters, now: Date): SQL {
  const conds = leadFilterConditions(f, now);
  return sql`select ${leads.id} from ${LEAD_FROM} where ${conds.length ? and(...conds) : sql`true`}`;
}
