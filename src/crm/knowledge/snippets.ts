/** Details of knowledge hits for citing them: lead, client, time, text and a full-text headline. */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { ArmHit } from './scope.js';
import { KNOWLEDGE_SOURCES, SOURCE_TYPES } from './sources.js';

export interface HitDetail {
  leadId: string | null;
  clientId: string | null;
  clientName: string | null;
  occurredAt: Date | null;
  /** The start of the text (up to 800 characters). */
  text: string;
  /** Matching fragments with the query words in **bold**; null without a question or a match. */
  headline: string | null;
}

/**
 * Details by `type:id` for the given hits (missing keys: the source was deleted). `tsquery`: the
 * question's tsquery text (QuestionTerms.whole), for headlines, which cost a parse of each text:
 * ask for them only for the hits that are shown.
 */
export async function loadSnippets(db: DbOrTx, hits: ArmHit[], tsquery: string | null): Promise<Map<string, HitDetail>> {
  const out = new Map<string, HitDetail>();
  const branches = SOURCE_TYPES.flatMap((type) => {
    const ids = hits.filter((h) => h.sourceType === type).map((h) => h.sourceId);
    if (!ids.length) return [];
    const s = KNOWLEDGE_SOURCES[type];
    // Headlines mark any term of the question (its terms OR-ed), as coverage ranking does.
    const anyTerm = tsquery ? sql`replace(${tsquery}, ' & ', ' | ')::tsquery` : null;
    const headline = anyTerm
      ? sql`case when ${s.tsv} @@ ${anyTerm} then ts_headline('crm', ${s.text}, ${anyTerm}, 'MaxFragments=2, MaxWords=30, MinWords=12, StartSel=**, StopSel=**') end`
      : sql`null::text`;
    // The client's name by key lookup: a join let the planner hash the whole clients table (20 ms at 10k leads).
    return [
      sql`select ${type}::text as source_type, s.id as source_id, ${s.leadId} as lead_id, ${s.clientId} as client_id, ${s.occurredAt} as occurred_at,
        left(${s.text}, 800) as text, ${headline} as headline, (select c.display_name from clients c where c.id = ${s.clientId}) as client_name
      from ${s.table} s where s.id = any(${sql.param(ids)}::uuid[])`,
    ];
  });
  if (!branches.length) return out;
  const r = await db.execute<{
    source_type: string;
    source_id: string;
    lead_id: string | null;
    client_id: string | null;
    client_name: string | null;
    occurred_at: Date | null;
    text: string | null;
    headline: string | null;
  }>(sql.join(branches, sql` union all `));
  for (const x of r.rows) {
    out.set(`${x.source_type}:${x.source_id}`, {
      leadId: x.lead_id,
      clientId: x.client_id,
      clientName: x.client_name,
      occurredAt: x.occurred_at ? new Date(x.occurred_at) : null,
      text: x.text ?? '',
      headline: x.headline,
    });
  }
  return out;
}

/** Display names by client id (ids not found, and nulls, are absent). */
export async function loadClientNames(db: DbOrTx, ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (!wanted.length) return new Map();
  const r = await db.execute<{ id: string; name: string | null }>(
    sql`select id, display_name as name from clients where id = any(${sql.param(wanted)}::uuid[])`,
  );
  return new Map(r.rows.filter((x) => x.name !== null).map((x) => [x.id, x.name!]));
}
