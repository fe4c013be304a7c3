/**
 * The triage eval end to end on a real embedded database: the offline floor on the held-out test
 * set (fails if a change makes triage worse), and the live path through the real ChatOpenAI
 * client against the local OpenAI-compatible stub.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { toolServicesFromConfig } from '../../src/runtime-services.js';
import { useDatabase } from '../../test/helpers/db.js';
import { startOpenAIStub, type OpenAIStub } from '../../test/helpers/openai-stub.js';
import type { TriageCase } from './cases.js';
import { runTriageEval } from './run.js';

const database = useDatabase();
const NOW = new Date('2026-11-10T15:00:00Z');

/**
 * Accuracy measured on the test set after the triage work of issue 9 (offline, crm-rules-v1):
 * category 0.833, priority 0.744, sentiment 0.756, language 1.0. The floor is that minus 3 points.
 */
const FLOOR = { category: 0.8, priority: 0.71, sentiment: 0.72, language: 0.97 };

describe('offline triage eval on the held-out test set', () => {
  it('stays at or above the measured floor on every field', async () => {
    const r = await runTriageEval({ set: 'test', mode: 'offline', database: database(), now: NOW });
    expect(r.scores.cases).toBeGreaterThanOrEqual(80);
    expect(Object.keys(r.scores.byLanguage).sort()).toEqual(['en', 'es']);
    expect(r.outcomes.every((o) => o.model === 'crm-rules-v1')).toBe(true);
    const accuracy = Object.fromEntries(Object.entries(r.scores.fields).map(([f, s]) => [f, s.accuracy]));
    for (const [field, floor] of Object.entries(FLOOR)) expect(accuracy[field], field).toBeGreaterThanOrEqual(floor);
  });
});

describe('live triage eval through ChatOpenAI and the stub', () => {
  let stub: OpenAIStub;
  beforeAll(async () => {
    stub = await startOpenAIStub();
  });
  afterAll(async () => {
    await stub?.close();
  });

  const cases: TriageCase[] = [
    {
      id: 'live-1',
      channel: 'email',
      subject: 'Rear-ended',
      description: 'Somebody rear-ended me at a light, car is drivable. How do I start a claim?',
      expect: { category: 'claim', priority: 'high', sentiment: 'negative', language: 'en' },
    },
    {
      id: 'live-2',
      channel: 'sms',
      subject: 'SMS',
      description: 'necesito mi tarjeta del seguro, me la pueden mandar?',
      expect: { category: 'certificate', priority: 'normal', sentiment: 'neutral', language: 'es' },
    },
    {
      id: 'live-3',
      channel: 'email',
      subject: 'Cancel please',
      description: 'Please cancel my renters policy at the end of the month, I am moving abroad.',
      expect: { category: 'cancellation', priority: 'high', sentiment: 'neutral', language: 'en' },
    },
  ];
  const answer = (o: Record<string, unknown>) => ({
    content: JSON.stringify({ urgencySignals: [], confidence: 0.9, rationale: 'stub', ...o }),
  });

  it("scores the model's answers, and counts the cases the product answered with the rules", async () => {
    stub.push(
      answer({ category: 'claim', priority: 'high', sentiment: -0.5, language: 'en' }),
      // A wrong answer from the model must cost accuracy.
      answer({ category: 'other', priority: 'low', sentiment: 0, language: 'es' }),
      { status: 500 },
      { status: 500 },
      { status: 500 },
      { status: 500 },
    );
    const services = toolServicesFromConfig(testConfig({ OPENAI_BASE_URL: stub.baseURL, CRM_CHAT_MODEL: 'stub-triage-1' }));
    const r = await runTriageEval({ set: cases, mode: 'live', services, database: database(), now: NOW });
    expect(r.model).toBe('stub-triage-1');
    expect(r.outcomes.map((o) => o.model)).toEqual(['stub-triage-1', 'stub-triage-1', 'crm-rules-v1']);
    expect(r.fallbacks).toBe(1);
    // live-1 right; live-2 wrong category; live-3 classified by the rules after the model failed.
    expect(r.scores.fields.category.correct).toBe(2);
    expect(r.scores.fields.category.confusion.certificate).toEqual({ other: 1 });
    expect(r.scores.fields.language.accuracy).toBe(1);
    const sent = JSON.stringify(stub.requests[0]!.body);
    expect(sent).toMatch(/untrusted-data tag=/);
    expect(sent).toContain('rear-ended me at a light');
  });

  it('refuses live mode without a configured model', async () => {
    await expect(runTriageEval({ set: cases, mode: 'live', services: {}, database: database() })).rejects.toThrow(/CRM_CHAT_MODEL/);
  });
});
