/**
 * Spanish questions over English records (docs/search.md, "Spanish questions"): a lead's notes are
 * English (one Spanish), each question is Spanish and shares no word with the English note that
 * answers it. Before the Spanish layer both arms saw only Spanish words: full text matched nothing
 * and the English-only embedder embedded character n-grams, so the answer was not first. English
 * questions, with or without Spanish names, must be parsed exactly as before.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { LocalSifEmbedder } from '../../src/ai/embeddings/local-sif.js';
import { drainEmbeddingQueue } from '../../src/crm/knowledge/embedding-worker.js';
import { questionTerms } from '../../src/crm/knowledge/fulltext.js';
import { searchKnowledge } from '../../src/crm/knowledge/hybrid-search.js';
import { embedQuestion } from '../../src/crm/knowledge/vector-arm.js';
import { leadNotes } from '../../src/db/schema/index.js';
import type { Db } from '../../src/db/client.js';
import { useDatabase } from '../helpers/db.js';
import { makeLead } from '../helpers/fixtures.js';

const getDb = useDatabase();
const local = new LocalSifEmbedder();

const NOTES = {
  basement: 'Water came up through the floor drain during the storm and soaked the finished basement; carpet and drywall ruined.',
  roof: 'The roof leaks over the kitchen every time it rains; a roofer is coming Tuesday to look at the shingles.',
  teen: 'Their daughter just got her driver license; add her to the car policy as a new operator.',
  payment: 'Customer was charged twice for the monthly payment; refund requested from billing.',
  deer: 'Hit a deer on the highway at night; front bumper and headlight broken, car towed to the body shop.',
  spanish: 'La clienta dice que el sótano se inundó otra vez y quiere saber si el seguro lo cubre.',
  hello: 'Sent a birthday card to the client, friendly hello.',
} as const;

/** Spanish question, the English note that answers it (sharing no word with it). */
const QUESTIONS: Array<[string, keyof typeof NOTES]> = [
  ['¿quién tuvo agua en el sótano?', 'basement'],
  ['quien tiene goteras en el techo', 'roof'],
  ['su hija sacó la licencia de manejar', 'teen'],
  ['le cobraron dos veces el pago mensual', 'payment'],
  ['chocó con un venado en la carretera', 'deer'],
];

async function seed(db: Db): Promise<{ leadId: string; ids: Record<keyof typeof NOTES, string> }> {
  const lead = await makeLead(db);
  const ids = {} as Record<keyof typeof NOTES, string>;
  for (const [k, body] of Object.entries(NOTES) as Array<[keyof typeof NOTES, string]>) {
    const [n] = await db.insert(leadNotes).values({ leadId: lead.id, clientId: lead.clientId, body }).returning();
    ids[k] = n!.id;
  }
  await drainEmbeddingQueue(db, local);
  return { leadId: lead.id, ids };
}

describe('Spanish questions find English records', () => {
  it.each(QUESTIONS)('%s', async (question, answer) => {
    const { db } = getDb();
    const { leadId, ids } = await seed(db);
    const { vector } = await embedQuestion(local, question);
    const { hits } = await searchKnowledge(db, { question, vector, leadId, limit: 7 });
    expect(hits[0]?.sourceId).toBe(ids[answer]);
  });

  it('keeps finding Spanish records by their own words', async () => {
    const { db } = getDb();
    const { leadId, ids } = await seed(db);
    const question = 'el sótano se inundó';
    const { hits } = await searchKnowledge(db, { question, vector: (await embedQuestion(local, question)).vector, leadId, limit: 7 });
    expect(
      hits
        .slice(0, 2)
        .map((h) => h.sourceId)
        .sort(),
    ).toEqual([ids.basement, ids.spanish].sort());
  });
});

describe('English questions are not translated', () => {
  it.each([
    'Did Rosa Martinez renew her auto policy?',
    'water in the basement after the storm',
    'José García and Luz Flores asked for a quote on the casa in Santa Fe',
    'who has a DUI and an SR-22',
  ])('%s', async (question) => {
    const { db } = getDb();
    const r = await db.execute<{ q: string }>(sql`select crm_tsquery(${question})::text as q`);
    // The Spanish path builds `whole` from its pieces; the English one is crm_tsquery's parse.
    expect((await questionTerms(db, question)).whole).toBe(r.rows[0]!.q.trim());
    const [plain] = await local.embed([question]);
    expect((await embedQuestion(local, question)).vector?.values).toEqual(plain);
  });
});
