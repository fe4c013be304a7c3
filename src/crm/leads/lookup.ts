/** Small shared reads: a lead's identity with its client, used by many domain functions. */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { clients, leads } from '../../db/schema/index.js';
import { NotFoundError } from '../../errors.js';

/** The lead's id and client id, or NOT_FOUND. Locks the row when `forUpdate`. */
export async function requireLead(
  db: DbOrTx,
  leadId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<{ id: string; clientId: string }> {
  const q = db.select({ id: leads.id, clientId: leads.clientId }).from(leads).where(eq(leads.id, leadId)).limit(1);
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw new NotFoundError('lead', leadId, 'Use search_leads to find the lead id.');
  return row;
}

/** As requireLead, with the client's phone and email (the client's contact points for consent), in one query. */
export async function requireLeadWithClientContact(
  db: DbOrTx,
  leadId: string,
): Promise<{ id: string; clientId: string; phone: string | null; email: string | null }> {
  const [row] = await db
    .select({ id: leads.id, clientId: leads.clientId, phone: clients.phone, email: clients.email })
    .from(leads)
    .innerJoin(clients, eq(clients.id, leads.clientId))
    .where(eq(leads.id, leadId))
    .limit(1);
  if (!row) throw new NotFoundError('lead', leadId, 'Use search_leads to find the lead id.');
  return row;
}
