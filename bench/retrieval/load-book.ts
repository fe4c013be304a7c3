/**
 * Loads the labelled book (book.ts) into a migrated database: one client and lead per LEADS entry,
 * each record as a note, an inbound email, a support ticket (subject: the text up to its first
 * `;`, `:` or `.`) or a past AI answer. Returns the book, the lead ids (by LEADS index) and the map
 * from database id to book record id. Embedding is left to the caller (drainEmbeddingQueue).
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import {
  aiInteractions,
  clients,
  insuranceTypes,
  leadCommunications,
  leadNotes,
  leads,
  leadStatuses,
  supportTickets,
} from '../../src/db/schema/index.js';
import { buildBook, LEADS, type Book } from './book.js';

/**
 * A fixed id per book record, lead and client: search breaks score ties by id, so random ids made
 * the figures of modes with ties (full text alone, RRF) move by about +-0.01 between runs.
 */
export function stableId(key: string): string {
  const h = createHash('md5').update(`bench-retrieval:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function loadBook(db: Db): Promise<{ book: Book; leadIds: string[]; idOf: Map<string, string> }> {
  const book = buildBook();
  const [status] = await db
    .select({ id: leadStatuses.id })
    .from(leadStatuses)
    .where(sql`${leadStatuses.code} = 'new'`);
  const lines = new Map(
    (await db.select({ id: insuranceTypes.id, code: insuranceTypes.code }).from(insuranceTypes)).map((r) => [r.code, r.id]),
  );
  const lineOf = (l: string) => lines.get(l === 'commercial_gl' ? 'general_liability' : l) ?? lines.get('auto')!;
  const leadIds: string[] = [];
  const clientIds: string[] = [];
  for (const [i, [name, line]] of LEADS.entries()) {
    const business = /LLC|Co$|Group|Bakery|Body/.test(name);
    const [first, ...rest] = name.split(' ');
    const [c] = await db
      .insert(clients)
      .values(
        business
          ? { id: stableId(`client:${i}`), clientType: 'business', businessName: name }
          : { id: stableId(`client:${i}`), clientType: 'individual', firstName: first!, lastName: rest.join(' ') },
      )
      .returning();
    const [l] = await db
      .insert(leads)
      .values({ id: stableId(`lead:${i}`), clientId: c!.id, statusId: status!.id, insuranceTypeId: lineOf(line) })
      .returning();
    leadIds.push(l!.id);
    clientIds.push(c!.id);
  }
  const idOf = new Map<string, string>();
  for (const r of book.records) {
    const leadId = leadIds[r.lead]!;
    const clientId = clientIds[r.lead]!;
    const fixed = stableId(`record:${r.id}`);
    let id: string;
    if (r.kind === 'note') id = (await db.insert(leadNotes).values({ id: fixed, leadId, clientId, body: r.text }).returning())[0]!.id;
    else if (r.kind === 'communication')
      id = (
        await db
          .insert(leadCommunications)
          .values({ id: fixed, leadId, clientId, communicationTypeId: 3, direction: 'inbound', body: r.text, occurredAt: new Date() })
          .returning()
      )[0]!.id;
    else if (r.kind === 'ticket') {
      const [subject, ...rest] = r.text.split(/(?<=[;:.])\s/);
      id = (
        await db
          .insert(supportTickets)
          .values({ id: fixed, clientId, leadId, subject: subject!, description: rest.join(' ') || subject! })
          .returning()
      )[0]!.id;
    } else
      id = (
        await db
          .insert(aiInteractions)
          .values({ id: fixed, type: 'summary', channel: 'eval', leadId, crmClientId: clientId, response: r.text })
          .returning()
      )[0]!.id;
    idOf.set(id, r.id);
  }
  return { book, leadIds, idOf };
}
