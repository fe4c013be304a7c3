/**
 * A provider error that echoes the API key ("Incorrect API key provided: sk-…", as some
 * OpenAI-compatible servers and proxies answer) must not be stored or returned anywhere: not in
 * ai_interactions, not in the ticket's ai_rationale, not in triage_ticket's or update_ticket's answer.
 */
import { eq, inArray, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretValues, testConfig } from '../../src/config.js';
import { configureSecrets } from '../../src/crm/audit/scrub-secrets.js';
import { aiInteractions, supportTickets } from '../../src/db/schema/index.js';
import { toolServicesFromConfig } from '../../src/runtime-services.js';
import { runTool } from '../../tools/run-tool.js';
import { triageTicketTool } from '../../tools/triage-ticket.js';
import { updateTicketTool } from '../../tools/update-ticket.js';
import { useDatabase } from '../helpers/db.js';
import { actorOf, makeClient, makeUser, toolDeps } from '../helpers/fixtures.js';
import { startOpenAIStub, type OpenAIStub } from '../helpers/openai-stub.js';

const database = useDatabase();
let stub: OpenAIStub;
beforeAll(async () => {
  stub = await startOpenAIStub();
});
afterAll(async () => {
  configureSecrets([]);
  await stub?.close();
});

async function run(apiKey: string, echoed: string) {
  const { db } = database();
  const config = testConfig({ OPENAI_BASE_URL: stub.baseURL, OPENAI_API_KEY: apiKey, CRM_CHAT_MODEL: 'stub-triage-1' });
  configureSecrets(secretValues(config)); // as openRuntime does at start
  const user = await makeUser(db, { role: 'csr' });
  const client = await makeClient(db);
  const [t] = await db
    .insert(supportTickets)
    .values({ clientId: client.id, subject: 'Billing', description: 'Why was I charged twice this month?', channel: 'email' })
    .returning();
  const reply = { status: 401, body: { error: { message: echoed, type: 'invalid_request_error', code: 'invalid_api_key' } } };
  stub.push(reply); // a 401 is not retried
  const deps = { ...toolDeps(db), services: toolServicesFromConfig(config) };
  const call = { actor: actorOf(user), channel: 'api' as const };
  const triaged = await runTool(deps, triageTicketTool, { ticketId: t!.id }, call);
  const updated = await runTool(deps, updateTicketTool, { ticketId: t!.id, status: 'open' }, call);
  const [ticket] = await db.select().from(supportTickets).where(eq(supportTickets.id, t!.id));
  const ids = [triaged.interactionId, updated.interactionId];
  const rows = await db
    .select()
    .from(aiInteractions)
    .where(or(inArray(aiInteractions.id, ids), inArray(aiInteractions.parentInteractionId, ids)));
  return { triaged, updated, ticket: ticket!, rows };
}

describe('a model error that echoes the API key', () => {
  it('is scrubbed by shape (sk-…) from the audit trail, the ticket and the answers', async () => {
    const key = 'sk-proj-Q7f3kZ9xL2mN8pR4tV6wY1aB5cD0eFgH';
    const r = await run(
      key,
      `Incorrect API key provided: ${key}. You can find your API key at https://platform.openai.com/account/api-keys.`,
    );
    expect(r.triaged.ok && r.updated.ok).toBe(true);
    // The model failure was recorded (so the test exercises the echo), without the key.
    expect(r.rows.find((x) => x.type === 'triage')).toMatchObject({
      errorCode: 'MODEL_ERROR',
      errorMessage: expect.stringContaining('Incorrect API key provided'),
    });
    expect(r.ticket.aiRationale).toMatch(/fallback to crm-rules-v1/);
    expect(r.ticket.aiRationale).toContain('[redacted]');
    const everything = JSON.stringify([r.rows, r.ticket, r.triaged, r.updated]);
    expect(everything).not.toContain('Q7f3kZ9xL2mN8pR4tV6wY1aB5cD0eFgH');
  });

  it('is scrubbed by value when the configured key has no recognisable shape', async () => {
    const key = 'proxy-7d1e2c9a4b-key';
    const r = await run(key, `Authentication failed for key ${key}`);
    expect(r.triaged.ok && r.updated.ok).toBe(true);
    expect(r.rows.find((x) => x.type === 'triage')?.errorMessage).toMatch(/Authentication failed for key \[redacted\]/);
    expect(JSON.stringify([r.rows, r.ticket, r.triaged, r.updated])).not.toContain(key);
  });
});
