/**
 * The labelled triage sets: one JSON object per line, validated on load. `evals/triage/*.jsonl`
 * is the held-out TEST set (measure only); `evals/triage/dev/*.jsonl` is the DEV set (tune here).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { PRIORITIES, TICKET_CATEGORIES, TICKET_CHANNELS } from '../../src/db/schema/index.js';

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export type SentimentLabel = (typeof SENTIMENTS)[number];

export const triageCaseSchema = z.strictObject({
  id: z.string().min(1),
  channel: z.enum(TICKET_CHANNELS).default('email'),
  subject: z.string().min(1),
  description: z.string().min(1),
  /** What the agency knows about the customer when the ticket arrives. */
  state: z
    .strictObject({
      /** The client has another open claim ticket. */
      openClaim: z.boolean().optional(),
      /** Days from now to the policy's lapse (cancellation) date; negative: already lapsed. */
      lapseInDays: z.number().int().optional(),
    })
    .optional(),
  expect: z.strictObject({
    category: z.enum(TICKET_CATEGORIES),
    priority: z.enum(PRIORITIES),
    sentiment: z.enum(SENTIMENTS),
    language: z.string().regex(/^[a-z]{2,3}$/),
  }),
});
export type TriageCase = z.infer<typeof triageCaseSchema>;

/** The folder holding the sets: found from this module in both `evals/` and `dist/evals/`. */
export function triageSetDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const src = here.includes(`${join('dist', 'evals')}`) ? resolve(here, '../../../evals/triage') : here;
  return src;
}

/** Parses JSONL text; errors name the file and line. */
export function parseTriageCases(text: string, source: string): TriageCase[] {
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter((l) => l.line.length > 0)
    .map(({ line, n }) => {
      const parsed = triageCaseSchema.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(`${source}:${n}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
      return parsed.data;
    });
}

/** Loads `test` (evals/triage/*.jsonl), `dev` (evals/triage/dev/*.jsonl), or every .jsonl in a folder. */
export function loadTriageSet(set: 'dev' | 'test' | { dir: string }): TriageCase[] {
  const dir = typeof set === 'object' ? set.dir : set === 'dev' ? join(triageSetDir(), 'dev') : triageSetDir();
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  if (!files.length) throw new Error(`no .jsonl triage cases in ${dir}`);
  const cases = files.flatMap((f) => parseTriageCases(readFileSync(join(dir, f), 'utf8'), join(dir, f)));
  const ids = new Set<string>();
  for (const c of cases) {
    if (ids.has(c.id)) throw new Error(`duplicate triage case id ${c.id} in ${dir}`);
    ids.add(c.id);
  }
  return cases;
}
