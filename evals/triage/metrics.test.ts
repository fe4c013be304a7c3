/** The triage eval's arithmetic on a tiny hand-checked fixture, and the set loader's validation. */
import { describe, expect, it } from 'vitest';
import { parseTriageCases } from './cases.js';
import { scoreTriage, sentimentLabel, type CaseOutcome } from './metrics.js';
import { confusionMarkdown, triageReportMarkdown } from './report.js';

const outcome = (id: string, expect: CaseOutcome['expect'], got: CaseOutcome['got']): CaseOutcome => ({
  id,
  expect,
  got,
  sentimentScore: 0,
  model: 'crm-rules-v1',
});

// 4 cases: category 3/4, priority 2/4, sentiment 1/4, language 4/4; en has 3 cases, es 1.
const FIXTURE: CaseOutcome[] = [
  outcome(
    'a',
    { category: 'claim', priority: 'high', sentiment: 'negative', language: 'en' },
    { category: 'claim', priority: 'high', sentiment: 'negative', language: 'en' },
  ),
  outcome(
    'b',
    { category: 'claim', priority: 'urgent', sentiment: 'negative', language: 'en' },
    { category: 'claim', priority: 'high', sentiment: 'neutral', language: 'en' },
  ),
  outcome(
    'c',
    { category: 'billing', priority: 'normal', sentiment: 'neutral', language: 'en' },
    { category: 'cancellation', priority: 'high', sentiment: 'positive', language: 'en' },
  ),
  outcome(
    'd',
    { category: 'billing', priority: 'low', sentiment: 'positive', language: 'es' },
    { category: 'billing', priority: 'low', sentiment: 'neutral', language: 'es' },
  ),
];

describe('scoreTriage', () => {
  const s = scoreTriage(FIXTURE);

  it('computes accuracy per field', () => {
    expect(s.cases).toBe(4);
    expect(s.fields.category).toMatchObject({ correct: 3, total: 4, accuracy: 0.75 });
    expect(s.fields.priority).toMatchObject({ correct: 2, total: 4, accuracy: 0.5 });
    expect(s.fields.sentiment).toMatchObject({ correct: 1, total: 4, accuracy: 0.25 });
    expect(s.fields.language).toMatchObject({ correct: 4, total: 4, accuracy: 1 });
  });

  it('fills the confusion table as expected -> got counts', () => {
    expect(s.fields.category.confusion).toEqual({ claim: { claim: 2 }, billing: { cancellation: 1, billing: 1 } });
    expect(s.fields.priority.confusion).toEqual({ high: { high: 1 }, urgent: { high: 1 }, normal: { high: 1 }, low: { low: 1 } });
  });

  it('splits accuracy by the expected language', () => {
    expect(s.byLanguage.en).toEqual({ cases: 3, category: 0.667, priority: 0.333, sentiment: 0.333, language: 1 });
    expect(s.byLanguage.es).toEqual({ cases: 1, category: 1, priority: 1, sentiment: 0, language: 1 });
  });

  it('scores an empty run as zero, not NaN', () => {
    expect(scoreTriage([]).fields.category.accuracy).toBe(0);
  });
});

describe('sentimentLabel', () => {
  it('buckets at +-0.2', () => {
    expect([-0.5, -0.2, -0.19, 0, 0.19, 0.2, 0.9].map(sentimentLabel)).toEqual([
      'negative',
      'negative',
      'neutral',
      'neutral',
      'neutral',
      'positive',
      'positive',
    ]);
  });
});

describe('the report', () => {
  it('renders the confusion table with expected rows and got columns', () => {
    const md = confusionMarkdown(scoreTriage(FIXTURE).fields.category);
    expect(md).toContain('| expected \\ got | billing | cancellation | claim |');
    expect(md).toContain('| **billing** | 1 | 1 | · |');
    expect(md).toContain('| **claim** | · | · | 2 |');
  });

  it('lists accuracy and every miss with its field', () => {
    const md = triageReportMarkdown({
      set: 'fixture',
      mode: 'offline',
      model: 'crm-rules-v1',
      ranAt: '2026-11-10T15:00:00.000Z',
      fallbacks: 0,
      scores: scoreTriage(FIXTURE),
      outcomes: FIXTURE,
    });
    expect(md).toContain('| category | 75.0% | 3/4 |');
    expect(md).toContain('| b | priority: urgent → high; sentiment: negative → neutral (0) |');
    expect(md).not.toMatch(/^\| a \|/m);
  });
});

describe('parseTriageCases', () => {
  it('rejects an unknown label with the file and line', () => {
    const good = JSON.stringify({
      id: 'x1',
      subject: 's',
      description: 'd',
      expect: { category: 'claim', priority: 'high', sentiment: 'negative', language: 'en' },
    });
    expect(parseTriageCases(`${good}\n\n`, 'f.jsonl')).toHaveLength(1);
    const bad = good.replace('"claim"', '"auto_claim"');
    expect(() => parseTriageCases(`${good}\n${bad}`, 'f.jsonl')).toThrow(/f\.jsonl:2: expect\.category/);
  });
});
