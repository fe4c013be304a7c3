/**
 * A book where copies of one form letter outnumber the search's candidate depth (a renewal
 * reminder sent to a whole book): collapsing the copies must not leave the caller with fewer hits
 * than exist. Each mode searches deeper until `limit` distinct texts are found or the arms run out.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LocalSifEmbedder } from '../../src/ai/embeddings/local-sif.js';
import { drainEmbeddingQueue } from '../../src/crm/knowledge/embedding-worker.js';
import { searchKnowledge, type KnowledgeQuery } from '../../src/crm/knowledge/hybrid-search.js';
import { leadCommunications, leadNotes } from '../../src/db/schema/index.js';
import { useDatabase } from '../helpers/db.js';
import { makeLead } from '../helpers/fixtures.js';

const getDb = useDatabase();
const local = new LocalSifEmbedder();
const COPIES = 200;
// Every note holds every term of this question; so does every copy, worded closer together.
const question = 'reminder that the auto policy renewal is due';
// Worded like the letter itself: its copies are the nearest texts in meaning.
const letterLike = 'friendly reminder to review the enclosed declarations and call the office about changes to drivers';

const NOTES = [
  'Called about the auto policy: renewal premium went up 14 percent, she wants a reminder call once the remarketing quotes are due back.',
  'Auto policy renewal is due on the 12th; the lienholder still shows the old bank, so send the reminder with a corrected declarations page.',
  'Due to the new teen driver the auto policy renewal will be rated higher; set a reminder to ask about the good student discount.',
  'Reminder: the auto policy has a renewal questionnaire due from the carrier asking for annual mileage and garaging address.',
  'He asked whether paying in full at renewal lowers the auto policy cost; reminder sent that the installment fee is due monthly otherwise.',
  'Renewal of the auto policy is due but the carrier wants photos of the new truck; left a reminder voicemail and emailed the app link.',
  'Auto policy renewal due next week; she is moving to Ohio, so a reminder to requote with an Ohio carrier before the old policy lapses.',
  'Sent reminder: proof of continuous insurance is due for the auto policy renewal discount, the prior carrier letter never arrived.',
  'The auto policy renewal shows an at-fault accident surcharge; reminder that the defensive driving certificate is due to remove it.',
  'Reminder set for the umbrella underwriting review, which is due before the auto policy renewal can move to the preferred tier.',
  'Auto policy renewal due; the client disputes the comprehensive claim on the windshield, reminder to ask the adjuster for the file.',
  'Renewal paperwork for the auto policy is due signed; reminder that the named insured must sign the uninsured motorist rejection form.',
];

function letter(i: number): string {
  const first = ['Ana', 'Bela', 'Cato', 'Dara', 'Enzo', 'Faye', 'Gil', 'Hana', 'Ivo', 'Juno'][i % 10];
  const last = ['Abbot', 'Brisk', 'Corran', 'Dunmore', 'Ellery', 'Fenwick', 'Garrow'][Math.floor(i / 10) % 7];
  return `Dear ${first} ${last}, this is a friendly reminder that your auto policy renewal is due at the end of the month. Please review the enclosed declarations and call our office with any changes to drivers or vehicles.`;
}

describe('copies of a form letter that fill the candidate list', () => {
  let leadId = '';
  let copyIds = new Set<string>();
  let noteIds = new Set<string>();

  beforeAll(async () => {
    const { db } = getDb();
    const lead = await makeLead(db);
    leadId = lead.id;
    const copies = await db
      .insert(leadCommunications)
      .values(
        Array.from({ length: COPIES }, (_, i) => ({
          leadId: lead.id,
          clientId: lead.clientId,
          communicationTypeId: 3,
          direction: 'outbound' as const,
          body: letter(i),
          occurredAt: new Date(),
        })),
      )
      .returning();
    copyIds = new Set(copies.map((c) => c.id));
    const notes = await db
      .insert(leadNotes)
      .values(NOTES.map((body) => ({ leadId: lead.id, clientId: lead.clientId, body })))
      .returning();
    noteIds = new Set(notes.map((n) => n.id));
    await drainEmbeddingQueue(db, local);
  });

  it.each([
    ['hybrid', letterLike, {}],
    ['full text', question, { arms: { fulltext: true, vector: false } }],
    ['vector', letterLike, { arms: { fulltext: false, vector: true } }],
  ] as Array<[string, string, Partial<KnowledgeQuery>]>)(
    '%s: returns the limit in distinct texts, one copy of the letter',
    async (_mode, q, arms) => {
      const { db } = getDb();
      const [values] = await local.embed([q]);
      const r = await searchKnowledge(db, {
        question: q,
        vector: { space: { model: local.model, dims: local.dimensions }, values: values! },
        leadId,
        limit: 10,
        ...arms,
      });
      const ids = r.hits.map((h) => h.sourceId);
      expect(ids).toHaveLength(10);
      expect(new Set(ids).size).toBe(10);
      expect(ids.filter((id) => copyIds.has(id))).toHaveLength(1);
      expect(ids.filter((id) => noteIds.has(id))).toHaveLength(9);
      expect(r.collapsed).toBeGreaterThanOrEqual(1);
      // The details of a hit are the text's own: its lead, client and time.
      for (const h of r.hits) {
        expect(h.leadId).toBe(leadId);
        expect(h.clientId).not.toBeNull();
        expect(h.clientName).toBeTruthy();
        expect(h.occurredAt).toBeInstanceOf(Date);
      }
    },
  );

  it('full text: when every text holding all the terms is a copy, texts holding some of them fill the list', async () => {
    const { db } = getDb();
    // The copies hold all three terms; each note holds "reminder" only (one also "declarations").
    const r = await searchKnowledge(db, {
      question: 'friendly reminder about the declarations',
      leadId,
      limit: 10,
      arms: { fulltext: true, vector: false },
    });
    const ids = r.hits.map((h) => h.sourceId);
    expect(ids).toHaveLength(10);
    expect(ids.filter((id) => copyIds.has(id))).toHaveLength(1);
    expect(ids[0] && copyIds.has(ids[0])).toBe(true);
    expect(ids.filter((id) => noteIds.has(id))).toHaveLength(9);
  });

  it('with collapsing off, the copies come back as they rank (the refill is for collapsing only)', async () => {
    const { db } = getDb();
    const r = await searchKnowledge(db, { question, leadId, limit: 10, collapse: false, arms: { fulltext: true, vector: false } });
    expect(r.hits).toHaveLength(10);
    expect(r.collapsed).toBe(0);
  });
});
