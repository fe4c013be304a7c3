/**
 * The insurance vocabulary (migration 0007) on the embedded database, and results a person can
 * use: form letters collapsed, a nonsense question flagged as low confidence.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { LocalSifEmbedder } from '../../src/ai/embeddings/local-sif.js';
import { drainEmbeddingQueue } from '../../src/crm/knowledge/embedding-worker.js';
import { searchKnowledge } from '../../src/crm/knowledge/hybrid-search.js';
import { leadCommunications, leadNotes } from '../../src/db/schema/index.js';
import { useDatabase } from '../helpers/db.js';
import { makeLead } from '../helpers/fixtures.js';

const getDb = useDatabase();
const local = new LocalSifEmbedder();

async function vectorOf(question: string) {
  const [values] = await local.embed([question]);
  return { space: { model: local.model, dims: local.dimensions }, values: values! };
}

describe('insurance vocabulary', () => {
  it.each([
    ['COI for the general contractor', 'Emailed the certificate of insurance to the general contractor.'],
    ['which insurer non-renewed them', 'The carrier sent a nonrenewal notice last week; they need a new home policy.'],
    ['DWI on the record', 'Driver has a DUI from 2023 on his record, so standard markets declined.'],
    ['car was totaled', 'Adjuster declared the vehicle a total loss after the flood.'],
    ['póliza cancelada', 'Customer wants to cancel the policy at the end of the month.'],
    ['x-date of the BOP', 'Expiration date of the businessowners policy is June 1.'],
  ])('full text finds %j in %j', async (question, body) => {
    const { db } = getDb();
    const lead = await makeLead(db);
    const [n] = await db.insert(leadNotes).values({ leadId: lead.id, clientId: lead.clientId, body }).returning();
    const { hits, lowConfidence } = await searchKnowledge(db, { question, leadId: lead.id, arms: { fulltext: true, vector: false } });
    expect(hits.map((h) => h.sourceId)).toEqual([n!.id]);
    expect(lowConfidence).toBe(false);
  });

  it('indexes every full-text column with the crm configuration', async () => {
    const { db } = getDb();
    const r = await db.execute<{ def: string }>(
      sql`select pg_get_expr(d.adbin, d.adrelid) as def from pg_attrdef d join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum where a.attname = 'search_vector'`,
    );
    expect(r.rows).toHaveLength(3);
    for (const x of r.rows) expect(x.def).toMatch(/'crm'::regconfig/);
    expect(r.rows.some((x) => /english/.test(x.def))).toBe(false);
  });
});

describe('vocabulary stems that are also other words (migration 0010)', () => {
  const expansion = async (question: string) => {
    const { db } = getDb();
    return (await db.execute<{ q: string }>(sql`select crm_tsquery(${question})::text as q`)).rows[0]!.q;
  };

  it('"insurance" alone does not expand to the carrier concept; "insurer" and "carrier" do', async () => {
    // 'aseguradora' is a term of the carrier concept only.
    expect(await expansion('insurance')).not.toMatch(/aseguradora|carrier/);
    expect(await expansion('insured driver')).not.toMatch(/aseguradora|carrier/);
    expect(await expansion('which insurer')).toMatch(/aseguradora/);
    expect(await expansion('insurers')).toMatch(/aseguradora/);
    expect(await expansion('carrier')).toMatch(/aseguradora/);
  });

  it('"Carly", "housing" and "terminal" keep their meaning; "terminated" and "cars" still name their concepts', async () => {
    expect(await expansion('Carly called')).not.toMatch(/vehicl|coch/);
    expect(await expansion('housing')).not.toMatch(/vivienda|homeown/);
    expect(await expansion('terminal')).not.toMatch(/cancel/);
    expect(await expansion('comprehension')).not.toMatch(/collis/);
    expect(await expansion('policy terminated')).toMatch(/cancel/);
    expect(await expansion('termination')).toMatch(/cancel/);
    expect(await expansion('two cars')).toMatch(/vehicl/);
    expect(await expansion('house')).toMatch(/vivienda/);
  });

  it('a question saying "insurance" does not find a text that only names the carrier', async () => {
    const { db } = getDb();
    const lead = await makeLead(db);
    const [flood] = await db
      .insert(leadNotes)
      .values({ leadId: lead.id, clientId: lead.clientId, body: 'Asked about flood insurance for the new house.' })
      .returning();
    await db.insert(leadNotes).values({ leadId: lead.id, clientId: lead.clientId, body: 'The carrier mailed the renewal packet.' });
    const { hits } = await searchKnowledge(db, { question: 'flood insurance', leadId: lead.id, arms: { fulltext: true, vector: false } });
    expect(hits.map((h) => h.sourceId)).toEqual([flood!.id]);
  });
});

describe('results a person can use', () => {
  it('collapses a form letter sent to many clients into its best copy and counts the rest', async () => {
    const { db } = getDb();
    const letter = (name: string) =>
      `Dear ${name}, your homeowners renewal is coming up next month. Please review the enclosed declarations page, confirm your mortgage company and let us know about any updates to the home such as a new roof or alarm system.`;
    const copies: string[] = [];
    for (const name of ['Ana Ruiz', 'Bob Stone', 'Cy Young', 'Dee Park', 'Eve Holt']) {
      const lead = await makeLead(db);
      const [c] = await db
        .insert(leadCommunications)
        .values({
          leadId: lead.id,
          clientId: lead.clientId,
          communicationTypeId: 3,
          direction: 'outbound',
          subject: 'Your renewal',
          body: letter(name),
          occurredAt: new Date(),
        })
        .returning();
      copies.push(c!.id);
    }
    const other = await makeLead(db);
    const [roof] = await db
      .insert(leadNotes)
      .values({
        leadId: other.id,
        clientId: other.clientId,
        body: 'New roof installed in May; send the receipt to the carrier for the renewal credit.',
      })
      .returning();
    await drainEmbeddingQueue(db, local);
    const question = 'renewal and the new roof';
    const r = await searchKnowledge(db, { question, vector: await vectorOf(question), limit: 5 });
    const ids = r.hits.map((h) => h.sourceId);
    expect(ids.filter((id) => copies.includes(id))).toHaveLength(1);
    expect(ids).toContain(roof!.id);
    expect(r.collapsed).toBeGreaterThanOrEqual(4);
    const uncollapsed = await searchKnowledge(db, { question, vector: await vectorOf(question), limit: 5, collapse: false });
    expect(uncollapsed.hits.filter((h) => copies.includes(h.sourceId)).length).toBeGreaterThan(1);
  });

  it('flags a question nothing matches as low confidence, and a good match as not', async () => {
    const { db } = getDb();
    const lead = await makeLead(db);
    await db
      .insert(leadNotes)
      .values({ leadId: lead.id, clientId: lead.clientId, body: 'Basement flooded when the water heater burst; adjuster visits Monday.' });
    await drainEmbeddingQueue(db, local);
    const nonsense = await searchKnowledge(db, {
      question: 'zzqx flibbertigibbet',
      vector: await vectorOf('zzqx flibbertigibbet'),
      leadId: lead.id,
    });
    expect(nonsense.lowConfidence).toBe(true);
    const good = await searchKnowledge(db, {
      question: 'who had water in the basement?',
      vector: await vectorOf('who had water in the basement?'),
      leadId: lead.id,
    });
    expect(good.lowConfidence).toBe(false);
    expect(good.hits).toHaveLength(1);
  });
});
