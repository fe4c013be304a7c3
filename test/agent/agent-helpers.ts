/** A runner over a real database with the scripted model and the Postgres checkpointer. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import type pg from 'pg';
import { aiInteractions, leadNotes } from '../../src/db/schema/index.js';
import { createCheckpointer } from '../../src/db/checkpoints.js';
import { createAgentRunner } from '../../src/agent/runner.js';
import type { AgentSettings } from '../../src/agent/configuration.js';
import { ScriptedChatModel, type ScriptStep } from '../../src/agent/scripted-model.js';
import { toolDeps } from '../helpers/fixtures.js';

export const SETTINGS: AgentSettings = {
  agencyTimezone: 'America/Chicago',
  stepLimit: 4,
  tokenBudget: 24_000,
  modelName: 'scripted',
  provider: 'scripted',
  temperature: 0,
};

export function scriptedRunner(database: { db: Db; pool: pg.Pool }, script: ScriptStep[] = [], settings: Partial<AgentSettings> = {}) {
  const model = new ScriptedChatModel(script);
  const runner = createAgentRunner({
    deps: toolDeps(database.db),
    model,
    checkpointer: createCheckpointer(database.pool),
    settings: { ...SETTINGS, ...settings },
  });
  return { model, runner };
}

export async function notesOf(db: Db, leadId: string) {
  return db.select().from(leadNotes).where(eq(leadNotes.leadId, leadId));
}

export async function rowsOfThread(db: Db, threadId: string) {
  return db.select().from(aiInteractions).where(eq(aiInteractions.threadId, threadId)).orderBy(aiInteractions.createdAt);
}

let n = 0;
export const threadId = () => `test-${Date.now().toString(36)}-${n++}`;
