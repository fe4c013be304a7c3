/**
 * Issue 10's fixture: a lead with six notes; each question is phrased in other words than the one
 * note that answers it, and another note shares one incidental word with the question. The note
 * that means the question must rank first. Under reciprocal rank fusion with any-word full text
 * (the code before migration 0007) the note sharing the word won every time.
 */
import { describe, expect, it } from 'vitest';
import { LocalSifEmbedder } from '../../src/ai/embeddings/local-sif.js';
import { drainEmbeddingQueue } from '../../src/crm/knowledge/embedding-worker.js';
import { searchKnowledge } from '../../src/crm/knowledge/hybrid-search.js';
import { leadNotes } from '../../src/db/schema/index.js';
import { useDatabase } from '../helpers/db.js';
import { makeLead } from '../helpers/fixtures.js';

const getDb = useDatabase();
const local = new LocalSifEmbedder();

const NOTES = {
  roof: 'Roof is 22 years old; underwriting wants the shingles replaced before binding the homeowners policy.',
  teen: 'Their 16-year-old daughter just passed the road test, add her as an operator on the Camry.',
  violations: 'Speeding ticket last spring and an at-fault fender bender in March; expect a surcharge at renewal.',
  coverage: 'Coverage summary mailed to the client as requested.',
  family: 'Family reunion photos sent by the client, just a friendly hello.',
  courier: 'Asked which courier driver dropped off the signed forms.',
} as const;

/** question, the note that answers it, the note that only shares a word with it */
const QUESTIONS: Array<[string, keyof typeof NOTES, keyof typeof NOTES]> = [
  ['who must redo the top of the dwelling before coverage starts?', 'roof', 'coverage'],
  ['new teenage motorist to include on the family auto', 'teen', 'family'],
  ['which driver has a collision and a citation that will increase what they pay?', 'violations', 'courier'],
];

describe('hybrid search ranks the meaning above one shared word', () => {
  it.each(QUESTIONS)('%s', async (question, answer, distractor) => {
    const { db } = getDb();
    const lead = await makeLead(db);
    const ids = {} as Record<keyof typeof NOTES, string>;
    for (const [k, body] of Object.entries(NOTES) as Array<[keyof typeof NOTES, string]>) {
      const [n] = await db.insert(leadNotes).values({ leadId: lead.id, clientId: lead.clientId, body }).returning();
      ids[k] = n!.id;
    }
    await drainEmbeddingQueue(db, local);
    const [values] = await local.embed([question]);
    const vector = { space: { model: local.model, dims: local.dimensions }, values: values! };
    const { hits } = await searchKnowledge(db, { question, vector, leadId: lead.id, limit: 6 });
    const rank = (k: keyof typeof NOTES) => hits.findIndex((h) => h.sourceId === ids[k]);
    expect(rank(answer)).toBe(0);
    expect(rank(distractor)).toBeGreaterThan(0);
  });
});
