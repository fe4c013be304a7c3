/**
 * How many texts a full-text term matches, estimated from Postgres's own statistics (pg_stats
 * `most_common_elems` of the tsvector columns, the figures the planner uses), so the full-text arm
 * can keep common terms out of its index scans: a GIN scan costs the length of every posting list
 * it reads, and a word found in thousands of texts costs hundreds of milliseconds while telling
 * little about which text is meant (its coverage still counts when candidates are scored).
 *
 * Without statistics (a table never analysed: the embedded database has no autovacuum) every term
 * counts as rare, which is the unbounded behaviour; a large table without statistics is analysed
 * once per process, best effort, on first use.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { logger } from '../../log.js';

/** Tables whose `search_vector` column the arm scans (ai_interactions is small and indexed by expression). */
const TABLES = ['lead_notes', 'lead_communications', 'support_tickets'] as const;
/** A table this large without statistics gets analysed (pages of 8 kB). */
const ANALYZE_PAGES = 500;
/** Statistics are read again after this long (they change only when a table is analysed). */
const TTL_MS = 5 * 60_000;

export interface TermStats {
  /** Estimated texts holding each listed lexeme, over all tables. */
  rows: Map<string, number>;
  /** Upper bound for a lexeme that is not listed. */
  unlisted: number;
  /** False when no table has statistics: every estimate is then 0 (all terms rare). */
  known: boolean;
}

const NONE: TermStats = { rows: new Map(), unlisted: 0, known: false };
const cache = new WeakMap<object, { at: number; stats: Promise<TermStats> }>();
const analysed = new Set<string>();

async function read(db: DbOrTx): Promise<TermStats> {
  const r = await db.execute<{ relname: string; pages: number; tuples: number; elems: string[] | null; freqs: number[] | null }>(
    sql`select c.relname, (pg_relation_size(c.oid) / 8192)::int as pages, c.reltuples::float8 as tuples, s.most_common_elems::text::text[] as elems, s.most_common_elem_freqs::float8[] as freqs
      from pg_class c left join pg_stats s on s.schemaname = current_schema() and s.tablename = c.relname and s.attname = 'search_vector'
      where c.relnamespace = current_schema()::regnamespace and c.relname = any(${sql.param([...TABLES])}::text[])`,
  );
  const missing = r.rows.filter((x) => !x.elems && Number(x.pages) >= ANALYZE_PAGES && !analysed.has(x.relname));
  if (missing.length) {
    for (const x of missing) {
      analysed.add(x.relname);
      try {
        // A savepoint, so a refusal (read-only transaction, no privilege) leaves the caller's transaction usable.
        await db.transaction((tx) => tx.execute(sql`analyze ${sql.identifier(x.relname)} (search_vector)`));
      } catch (err) {
        logger('knowledge-search').warn(
          { table: x.relname, err: (err as Error).message },
          'could not analyse; full-text terms are not told common from rare',
        );
      }
    }
    return read(db);
  }
  const rows = new Map<string, number>();
  let unlisted = 0;
  let known = false;
  for (const x of r.rows) {
    if (!x.elems || !x.freqs) continue;
    known = true;
    const tuples = Math.max(0, Number(x.tuples));
    x.elems.forEach((e, i) => rows.set(e, (rows.get(e) ?? 0) + Number(x.freqs![i]) * tuples));
    // After the element frequencies come their minimum, maximum and the null frequency.
    unlisted += Number(x.freqs[x.elems.length] ?? 0) * tuples;
  }
  return known ? { rows, unlisted, known } : NONE;
}

/** The statistics, cached per database handle for a few minutes. */
export function termStats(db: DbOrTx): Promise<TermStats> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.stats;
  const stats = read(db).catch(() => NONE);
  cache.set(db, { at: Date.now(), stats });
  return stats;
}

/** Lexemes of one alternative of a term: 'a' <-> 'b' (a phrase holds all of them). */
function lexemes(alternative: string): string[] {
  return [...alternative.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"));
}

/**
 * Estimated texts matching a term's tsquery text: a term is an OR of alternatives (a vocabulary
 * concept) each a phrase or a lexeme; a phrase matches at most as often as its rarest lexeme.
 */
export function estimateRows(term: string, stats: TermStats): number {
  if (!stats.known) return 0;
  let total = 0;
  for (const alt of term.replace(/^\(|\)$/g, '').split('|')) {
    const counts = lexemes(alt).map((l) => stats.rows.get(l) ?? stats.unlisted);
    if (counts.length) total += Math.min(...counts);
  }
  return total;
}
