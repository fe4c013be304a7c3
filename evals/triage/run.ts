/**
 * The triage eval: every labelled case becomes a real ticket (with the customer state it declares)
 * in a throwaway embedded database and is triaged by the real `triage_ticket` tool through
 * `runTool`, exactly as the MCP server and the agent call it. Offline, the rules classify; live,
 * the configured model does (through src/ai/triage-model.ts), falling back to the rules as the
 * product does, and the fallbacks are counted.
 */
import { randomUUID } from 'node:crypto';
import { testConfig } from '../../src/config.js';
import { scopesForRole } from '../../src/crm/access/actor.js';
import { openDatabase, type Database, type Db } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { clients, supportTickets, users } from '../../src/db/schema/index.js';
import type { ToolServices } from '../../tools/define.js';
import { runTool } from '../../tools/run-tool.js';
import { triageTicketTool } from '../../tools/triage-ticket.js';
import { loadTriageSet, type TriageCase } from './cases.js';
import { scoreTriage, sentimentLabel, type CaseOutcome, type TriageScores } from './metrics.js';

export interface TriageEvalOptions {
  /** A named set, a folder of .jsonl files, or the cases themselves. */
  set: 'dev' | 'test' | { dir: string } | readonly TriageCase[];
  mode: 'offline' | 'live';
  /** Live mode: the tool services with the configured `triageModel` (see toolServicesFromConfig). */
  services?: ToolServices;
  /** A migrated database to write the eval tickets into; default: a fresh in-memory one, closed after. */
  database?: Database;
  /** The clock of the run (lapse dates are relative to it); default: now. */
  now?: Date;
  /** Only cases whose id matches. */
  filter?: string;
  /** Called after each case (progress). */
  onCase?: (outcome: CaseOutcome, index: number, total: number) => void;
}

export interface TriageEvalReport {
  set: string;
  mode: 'offline' | 'live';
  /** The model that was asked (live), or crm-rules-v1. */
  model: string;
  ranAt: string;
  /** Live cases the product answered with the rules because the model failed. */
  fallbacks: number;
  scores: TriageScores;
  outcomes: CaseOutcome[];
}

const SETTINGS = { agencyTimezone: 'America/Chicago', businessHours: [8, 20] as const, rrfK: 60 };
const DAY = 86_400_000;

function setName(set: TriageEvalOptions['set']): string {
  if (typeof set === 'string') return set;
  return 'dir' in set ? set.dir : 'inline';
}

/** Inserts the case's client (with its customer state), an open claim if declared, and the ticket. */
async function seedCase(db: Db, c: TriageCase, now: Date): Promise<string> {
  const lapse = c.state?.lapseInDays;
  const [client] = await db
    .insert(clients)
    .values({
      clientType: 'individual',
      firstName: 'Eval',
      lastName: c.id,
      status: 'active',
      customFields: lapse === undefined ? {} : { lapseDate: new Date(now.getTime() + lapse * DAY).toISOString().slice(0, 10) },
    })
    .returning();
  if (c.state?.openClaim) {
    await db.insert(supportTickets).values({
      clientId: client!.id,
      subject: 'Claim reported',
      description: 'Loss reported; claim opened with the carrier.',
      status: 'open',
      category: 'claim',
      openedAt: new Date(now.getTime() - 10 * DAY),
    });
  }
  const [t] = await db
    .insert(supportTickets)
    .values({ clientId: client!.id, subject: c.subject, description: c.description, channel: c.channel, openedAt: now })
    .returning();
  return t!.id;
}

/** Runs the triage eval and scores it. Throws when live mode has no model configured. */
export async function runTriageEval(opts: TriageEvalOptions): Promise<TriageEvalReport> {
  const all = Array.isArray(opts.set)
    ? [...(opts.set as readonly TriageCase[])]
    : loadTriageSet(opts.set as 'dev' | 'test' | { dir: string });
  const cases = opts.filter ? all.filter((c) => c.id.includes(opts.filter!)) : all;
  const services = opts.mode === 'live' ? opts.services : {};
  if (opts.mode === 'live' && !services?.triageModel)
    throw new Error('live triage eval needs a configured model: set CRM_CHAT_MODEL (and OPENAI_API_KEY or OPENAI_BASE_URL)');
  const now = opts.now ?? new Date();
  const database = opts.database ?? (await openDatabase(testConfig()));
  try {
    if (!opts.database) await migrate(database.pool);
    const db = database.db;
    const [user] = await db
      .insert(users)
      .values({
        handle: `triage-eval-${randomUUID().slice(0, 8)}`,
        fullName: 'Triage Eval',
        role: 'csr',
        timezone: SETTINGS.agencyTimezone,
      })
      .returning();
    const actor = {
      userId: user!.id,
      handle: user!.handle,
      fullName: user!.fullName,
      role: user!.role,
      timezone: user!.timezone,
      scopes: scopesForRole(user!.role),
    };
    const deps = { db, settings: SETTINGS, services: services ?? {}, now: () => now };
    const outcomes: CaseOutcome[] = [];
    let fallbacks = 0;
    for (const [i, c] of cases.entries()) {
      const ticketId = await seedCase(db, c, now);
      const r = await runTool(deps, triageTicketTool, { ticketId, apply: false }, { actor, channel: 'eval' });
      if (!r.ok) throw new Error(`triage_ticket failed on case ${c.id}: ${r.error.code} ${r.error.message}`);
      const out = r.output as {
        ticket: { aiCategory: string; aiPriority: string; aiSentiment: number; aiLanguage: string; aiModel: string };
        fallbackReason: string | null;
      };
      if (out.fallbackReason) fallbacks++;
      const t = out.ticket;
      const outcome: CaseOutcome = {
        id: c.id,
        expect: c.expect,
        got: { category: t.aiCategory, priority: t.aiPriority, sentiment: sentimentLabel(t.aiSentiment), language: t.aiLanguage },
        sentimentScore: t.aiSentiment,
        model: t.aiModel,
      };
      outcomes.push(outcome);
      opts.onCase?.(outcome, i, cases.length);
    }
    return {
      set: setName(opts.set),
      mode: opts.mode,
      model: services?.triageModel?.modelName ?? 'crm-rules-v1',
      ranAt: now.toISOString(),
      fallbacks,
      scores: scoreTriage(outcomes),
      outcomes,
    };
  } finally {
    if (!opts.database) await database.close();
  }
}
