/**
 * Knowledge search under search_leads' lead filters: the filters are resolved once to the
 * matching lead ids (resolveLeadFilters), and both arms, the vector arm through its exact scan of
 * those leads' vectors, return only those leads' texts.
 */
import { describe, expect, it } from 'vitest';
import { LocalSifEmbedder } from '../../src/ai/embeddings/local-sif.js';
import { drainEmbeddingQueue } from '../../src/crm/knowledge/embedding-worker.js';
import { searchKnowledge } from '../../src/crm/knowledge/hybrid-search.js';
import { resolveLeadFilters } from '../../src/crm/knowledge/scope.js';
import { leadNotes } from '../../src/db/schema/index.js';
import { useDatabase } from '../helpers/db.js';
import { makeLead } from '../helpers/fixtures.js';

const getDb = useDatabase();
const local = new LocalSifEmbedder();

async function vectorOf(question: string) {
  const [values] = await local.embed([question]);
  return { space: { model: local.model, dims: local.dimensions }, values: values! };
}

describe('knowledge search with lead filters', () => {
  it('returns only texts of the leads the filters match, in every mode', async () => {
    const { db } = getDb();
    const quoted = await makeLead(db, { status: 'quoted', line: 'home' });
    const other = await makeLead(db, { status: 'new', line: 'home' });
    const body = 'Basement flooded when the water heater burst; adjuster visits Monday about the claim.';
    const [mine] = await db.insert(leadNotes).values({ leadId: quoted.id, clientId: quoted.clientId, body }).returning();
    // The other lead's note is the closer match, so a filter that leaked would rank it first.
    await db.insert(leadNotes).values({ leadId: other.id, clientId: other.clientId, body: `${body} Water in the basement again.` });
    await drainEmbeddingQueue(db, local);
    const question = 'water in the basement';
    const leadFilters = { statuses: ['quoted'], lines: ['home'] };
    const resolved = await resolveLeadFilters(db, { leadFilters });
    expect(resolved.leadIds).toEqual([quoted.id]);
    for (const arms of [undefined, { fulltext: false, vector: true }, { fulltext: true, vector: false }]) {
      const r = await searchKnowledge(db, { question, vector: await vectorOf(question), leadFilters, ...(arms ? { arms } : {}) });
      expect(r.hits.map((h) => h.sourceId)).toEqual([mine!.id]);
    }
    const none = await searchKnowledge(db, { question, vector: await vectorOf(question), leadFilters: { statuses: ['won'] } });
    expect(none.hits).toEqual([]);
  });
});
