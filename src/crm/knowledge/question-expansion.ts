/**
 * A question expanded by the insurance vocabulary (crm_vocabulary, migrations/0007) for the
 * vector arm: every vocabulary term found in it brings the other terms of its concept, so the
 * embedding of "x-date" also carries "expiration" and "renewal date". Full text needs no such
 * thing (crm_tsquery expands the tsquery itself).
 *
 * Not used by search: on bench/retrieval's dev split (`--expand`) it made the vector arm worse
 * with the local embedder and moved the fused result only within noise (docs/search.md). Kept so
 * the measurement can be repeated with another embedding model.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';

/** The question followed by the other terms of each vocabulary concept it names (unchanged when it names none). */
export async function expandQuestion(db: DbOrTx, question: string): Promise<string> {
  const r = await db.execute<{ extra: string | null }>(
    sql`select string_agg(distinct w.term, ' ' order by w.term) as extra
      from crm_vocabulary v join crm_vocabulary w on w.concept = v.concept and w.term <> v.term
      where ${` ${question.toLowerCase()} `} ~ ('[^a-z0-9áéíóúñü]' || replace(replace(v.term, '-', '[- ]?'), ' ', '\\s+') || '(s|es|d|ed|led|ing|ling|al|ation|lation)?[^a-z0-9áéíóúñü]')`,
  );
  const extra = r.rows[0]?.extra;
  return extra ? `${question} ${extra}` : question;
}
