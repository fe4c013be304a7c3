/**
 * Every secret config key's value (SECRET_KEYS), configured as the runtime does, never reaches
 * ai_interactions: not from a tool's arguments, answers or error messages, on success or failure.
 * Log redaction by key is tested in src/log.test.ts; scrubbing by shape in src/crm/audit/scrub-secrets.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_KEYS, secretValues } from '../../src/config.js';
import { actorForHandle, type Actor } from '../../src/crm/access/actor.js';
import { configureSecrets } from '../../src/crm/audit/scrub-secrets.js';
import { findTool } from '../../tools/index.js';
import { runTool } from '../../tools/run-tool.js';
import { useRuntime } from '../helpers/runtime.js';

const runtime = useRuntime();
// One value per key, of shapes the shape patterns would not catch on their own.
const VALUES: Record<(typeof SECRET_KEYS)[number], string> = {
  OPENAI_API_KEY: 'proxykey-7d1e2c9a4b33',
  CRM_EMBEDDING_API_KEY: 'embedkey-0a9b8c7d6e55',
  SLACK_BOT_TOKEN: 'slackbot-5f4e3d2c1b77',
  SLACK_SIGNING_SECRET: 'signing-9e8d7c6b5a99',
  DATABASE_URL: 'postgres://crm:dbpass-1a2b3c4d5e@db.internal:5432/crm',
};
const NEEDLES = [...Object.values(VALUES), 'dbpass-1a2b3c4d5e'];
let actor: Actor;
let leadId: string;

beforeAll(async () => {
  expect(Object.keys(VALUES).sort()).toEqual([...SECRET_KEYS].sort());
  configureSecrets(secretValues(VALUES));
  actor = await actorForHandle(runtime().database.db, 'demo');
  leadId = (await runtime().database.pool.query<{ id: string }>('select id from leads limit 1')).rows[0]!.id;
});
afterAll(() => {
  configureSecrets([]);
});

describe('secrets in the audit trail', () => {
  it('are scrubbed from arguments, answers and errors of every kind of call', async () => {
    const { pool } = runtime().database;
    const before = (await pool.query<{ t: string }>('select max(created_at)::text as t from ai_interactions')).rows[0]!.t;
    for (const [key, value] of Object.entries(VALUES)) {
      const calls: [string, unknown][] = [
        ['add_note', { leadId, body: `pasted config: ${key}=${value}` }],
        ['search_leads', { query: value.slice(0, 200) }],
        ['search_knowledge', { question: `why ${value}` }],
        ['add_note', { leadId: value, body: value }],
        ['schedule_follow_up', { leadId, when: value.slice(0, 100), purpose: value }],
        ['update_lead_status', { leadId, status: value.slice(0, 40) }],
      ];
      for (const [tool, input] of calls) {
        const r = await runTool(runtime().deps, findTool(tool)!, input, { actor, channel: 'api' });
        const answer = JSON.stringify(r);
        for (const n of NEEDLES) expect(answer, `${tool} answer`).not.toContain(n);
      }
    }
    const { rows } = await pool.query<{ row: string }>('select row_to_json(a)::text as row from ai_interactions a where created_at >= $1', [
      before,
    ]);
    expect(rows.length).toBeGreaterThanOrEqual(Object.keys(VALUES).length * 6);
    for (const { row } of rows) for (const n of NEEDLES) expect(row).not.toContain(n);
  });
});
