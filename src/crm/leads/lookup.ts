/** Small shared reads: a lead's identity with its client, used by many domain functions. */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { leads } from '../../db/schema/index.js';
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
