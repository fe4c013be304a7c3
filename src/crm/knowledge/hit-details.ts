/**
 * What a knowledge search shows for its fused candidates: which are kept after collapsing
 * near-duplicates, and the details of each (lead, client, time, text).
 */
import type { DbOrTx } from '../../db/client.js';
import { collapseNearDuplicates } from './collapse.js';
import type { QuestionTerms } from './fulltext.js';
import type { Fused as FusedOf } from './fusion.js';
import type { ArmHit } from './scope.js';
import { loadClientNames, loadSnippets, type HitDetail } from './snippets.js';
import type { VectorHit } from './vector-arm.js';

type Fused = FusedOf<ArmHit & { leadId: string | null }>;

export interface Shown {
  kept: Fused[];
  details: Map<string, HitDetail>;
  /** Copies of a kept hit left out. */
  collapsed: number;
}

/**
 * Hybrid and full-text results: each text read from its table (and deleted ones dropped), copies
 * compared by the start of their whole text.
 */
export async function textDetails(
  db: DbOrTx,
  fused: Fused[],
  chunks: Map<string, VectorHit>,
  terms: QuestionTerms | null,
  limit: number,
  collapse: boolean,
  /** Candidates read to refill the list after collapsing copies. */
  poolSize: number,
): Promise<Shown> {
  const pool = fused.slice(0, collapse ? poolSize : limit);
  const details = await loadSnippets(
    db,
    pool.map((f) => f.hit),
    null,
  );
  const live = pool.filter((f) => details.has(f.key)); // deleted between the arms and now
  const { kept, collapsed } = collapse
    ? collapseNearDuplicates(live, (f) => details.get(f.key)!.text, limit)
    : { kept: live.slice(0, limit), collapsed: 0 };
  // Headlines (a parse of each text) only for the shown hits that have no vector chunk to show.
  const bare = kept.filter((f) => !chunks.has(f.key));
  if (terms?.whole && bare.length) {
    for (const [k, d] of await loadSnippets(
      db,
      bare.map((f) => f.hit),
      terms.whole,
    ))
      details.set(k, d);
  }
  return { kept, details, collapsed };
}

/**
 * Vector-only results: everything shown is in the arm's own rows (the best passage, its lead,
 * client and time as embedded; a deleted text has no vectors left, its trigger removes them), so
 * no text is read again: copies are compared by their best passage, and only the shown hits'
 * client names are looked up (one small statement instead of reading 50 texts: about 1 ms at 10k
 * leads on the embedded database, docs/search.md).
 */
export async function passageDetails(
  db: DbOrTx,
  fused: Fused[],
  chunks: Map<string, VectorHit>,
  limit: number,
  collapse: boolean,
): Promise<Shown> {
  const { kept, collapsed } = collapse
    ? collapseNearDuplicates(fused, (f) => chunks.get(f.key)!.content, limit)
    : { kept: fused.slice(0, limit), collapsed: 0 };
  const names = await loadClientNames(
    db,
    kept.map((f) => chunks.get(f.key)!.clientId),
  );
  const details = new Map<string, HitDetail>();
  for (const f of kept) {
    const v = chunks.get(f.key)!;
    details.set(f.key, {
      leadId: v.leadId,
      clientId: v.clientId,
      clientName: v.clientId ? (names.get(v.clientId) ?? null) : null,
      occurredAt: v.occurredAt,
      text: v.content,
      headline: null,
    });
  }
  return { kept, details, collapsed };
}
