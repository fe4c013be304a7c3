/**
 * The full-text arm of knowledge search, coverage first. A question becomes a list of terms (each
 * already expanded to its insurance-vocabulary concept by `crm_tsquery`, migrations/0007). Texts
 * holding all terms are found first; only when they are too few does the arm fall back to texts
 * holding any rare term, and every hit is scored by how much of the question it covers. So one
 * shared incidental word is weak evidence (coverage 1/n), never a top rank.
 *
 * Cost is bounded by k, not by how many rows match: each tier's candidates are cut at a LIMIT
 * found through the GIN index before anything is ranked, the fallback runs only when the
 * all-terms tier found too few, and terms the statistics call common are never index-scanned
 * (src/crm/knowledge/term-frequency.ts).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { MIN_WORDS } from './collapse.js';
import { scopeConditions, scopedTypes, type ArmHit, type KnowledgeScope } from './scope.js';
import { KNOWLEDGE_SOURCES, type SourceType } from './sources.js';
import { isSpanish, spanishSegments, type SpanishSegment } from './spanish-question.js';
import { estimateRows, termStats } from './term-frequency.js';

/** A question parsed for the full-text arm. */
export interface QuestionTerms {
  /** The whole question as one tsquery text (for headlines); '' when it has no searchable word. */
  whole: string;
  /** Terms that count towards coverage (tsquery texts), at most MAX_TERMS. */
  terms: string[];
  /** Negated terms (-word): every hit must satisfy them. */
  filters: string[];
}

export interface FullTextHit extends ArmHit {
  leadId: string | null;
  /** Share of the question's terms the text holds, 0-1. */
  coverage: number;
  /** coverage refined by ts_rank_cd (proximity): in [0.9, 1] x coverage. */
  score: number;
}

const MAX_TERMS = 8;
/** A term estimated to match more than this many times the candidate cap counts as common. */
const COMMON_FACTOR = 5;

/** Splits a tsquery's text at its top-level `&` (quotes and parentheses respected). */
export function splitTopLevelAnd(q: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < q.length; i++) {
    const c = q[i];
    if (c === "'") {
      if (quoted && q[i + 1] === "'") i++;
      else quoted = !quoted;
    } else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')') depth--;
    else if (!quoted && depth === 0 && c === '&') {
      parts.push(q.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(q.slice(start).trim());
  return parts.filter(Boolean);
}

/** Strips one pair of enclosing parentheses when they enclose the whole text. */
function unwrap(t: string): string {
  if (!t.startsWith('(') || !t.endsWith(')')) return t;
  let depth = 0;
  for (let i = 0; i < t.length - 1; i++) {
    if (t[i] === '(') depth++;
    else if (t[i] === ')') depth--;
    if (depth === 0) return t;
  }
  return t.slice(1, -1).trim();
}

/**
 * Parses a question with the database's vocabulary (crm_tsquery). A Spanish question
 * (spanish-question.ts) is parsed piece by piece: each term is its English rendering or the
 * Spanish words as written, so English and Spanish records both match.
 */
export async function questionTerms(db: DbOrTx, question: string): Promise<QuestionTerms> {
  if (isSpanish(question)) return spanishTerms(db, spanishSegments(question));
  const r = await db.execute<{ q: string }>(sql`select crm_tsquery(${question})::text as q`);
  const whole = r.rows[0]?.q?.trim() ?? '';
  if (!whole) return { whole: '', terms: [], filters: [] };
  const parts = splitTopLevelAnd(whole);
  const filters = parts.filter((p) => p.startsWith('!'));
  const terms = [...new Set(parts.filter((p) => !p.startsWith('!')).map(unwrap))].slice(0, MAX_TERMS);
  return { whole, terms, filters };
}

/** Terms of a Spanish question: per content piece, `(english sense) | ... | (spanish words)`; function words are no term. */
async function spanishTerms(db: DbOrTx, segments: SpanishSegment[]): Promise<QuestionTerms> {
  const pieces = segments.filter((s) => !s.functionWord && (s.english === null || s.english.length));
  const texts = [...new Set(pieces.flatMap((s) => [s.spanish, ...(s.english ?? [])]))];
  if (!texts.length) return { whole: '', terms: [], filters: [] };
  const r = await db.execute<{ t: string; q: string | null }>(
    sql`select t, crm_tsquery(t)::text as q from unnest(${sql.param(texts)}::text[]) as t`,
  );
  const parsed = new Map(r.rows.map((x) => [x.t, x.q?.trim() ?? '']));
  const terms: string[] = [];
  for (const s of pieces) {
    // A sense that is only English stop words ("who") makes the whole piece no term.
    const english = (s.english ?? []).map((e) => parsed.get(e) ?? '');
    if (english.some((e) => !e)) continue;
    const alternatives = [...new Set([...english, parsed.get(s.spanish) ?? ''].filter(Boolean))];
    if (alternatives.length) terms.push(alternatives.length === 1 ? alternatives[0]! : alternatives.map((a) => `(${a})`).join(' | '));
  }
  const unique = [...new Set(terms)].slice(0, MAX_TERMS);
  return { whole: unique.map((t) => `(${t})`).join(' & '), terms: unique, filters: [] };
}

/** One coverage tier: texts matching `find` (through the GIN index) that also match `also` (checked on those rows). */
export interface CoverageTier {
  find: string;
  also: string | null;
  /** Candidates taken from the index before scoring, as a multiple of the cap. */
  widen: number;
}

/**
 * The coverage tiers: texts holding all n terms, then (when those are too few) texts holding any
 * rare term, all ranked by coverage of the whole question. Common terms (`rare` false; all terms
 * are rare unless it says otherwise) stay out of every index scan, since a GIN scan costs every
 * posting list it reads: the all-terms tier finds texts by the rare terms and checks the common
 * ones on those rows, and the fallback ignores them (a text sharing only common words is weak
 * evidence; coverage still counts them). The fallback is one OR of the rare terms, widened 4x
 * before scoring: "at least m of n" tiers (an OR of every combination) cost the GIN consistent
 * check per posting and were the slowest queries of a search.
 */
export function coverageTiers(q: QuestionTerms, rare: boolean[] = q.terms.map(() => true)): CoverageTier[] {
  const n = q.terms.length;
  const tail = q.filters.map((f) => ` & ${f}`).join('');
  const all = (terms: string[]) => `(${terms.map((t) => `(${t})`).join(' & ')})${tail}`;
  const few = q.terms.filter((_, i) => rare[i]);
  const common = q.terms.filter((_, i) => !rare[i]);
  const r = few.length;
  const tiers: CoverageTier[] = [
    r > 0 && r < n
      ? { find: all(few), also: common.map((t) => `(${t})`).join(' & '), widen: 1 }
      : { find: all(q.terms), also: null, widen: 1 },
  ];
  if (n > 1 && r > 0) tiers.push({ find: `(${few.map((t) => `(${t})`).join(' | ')})${tail}`, also: null, widen: 4 });
  return tiers;
}

/** coverage (weighted share of terms) and score of a source's tsvector, as SQL over alias `s`. */
function scoreSql(tsv: SQL, q: QuestionTerms): { coverage: SQL; score: SQL } {
  const n = q.terms.length;
  const coverage = sql`((${sql.join(
    q.terms.map((t) => sql`(${tsv} @@ ${t}::tsquery)::int`),
    sql` + `,
  )})::float8 / ${n})`;
  const any = q.terms.map((t) => `(${t})`).join(' | ');
  return { coverage, score: sql`(${coverage} * (0.9 + 0.1 * ts_rank_cd(${tsv}, ${any}::tsquery, 32)))` };
}

/** Texts kept per (score, lexeme count) when thinning copies: see coverageArm's `thinCopies`. */
const COPIES_KEPT = 3;

async function tier(
  db: DbOrTx,
  q: QuestionTerms,
  t: CoverageTier,
  scope: KnowledgeScope,
  cap: number,
  thinCopies: boolean,
): Promise<FullTextHit[]> {
  const branches = scopedTypes(scope).map((type) => {
    const s = KNOWLEDGE_SOURCES[type];
    const where = sql.join([...scopeConditions(type, scope), sql`${s.tsv} @@ ${t.find}::tsquery`], sql` and `);
    const { coverage, score } = scoreSql(sql.raw('c.tsv'), q);
    // Candidates cut by the GIN index first; only those are scored. OFFSET 0 keeps the common
    // terms (`also`) out of the index condition: they are checked on the rows the rare ones find.
    const found = t.also
      ? sql`select f.* from (select s.id, ${s.leadId} as lead_id, ${s.tsv} as tsv from ${s.table} s where ${where} offset 0) f
          where f.tsv @@ ${t.also}::tsquery limit ${cap * t.widen}`
      : sql`select s.id, ${s.leadId} as lead_id, ${s.tsv} as tsv from ${s.table} s where ${where} limit ${cap * t.widen}`;
    return sql`(select ${type}::text as source_type, c.id as source_id, c.lead_id, ${coverage} as coverage, ${score} as score,
        length(c.tsv) as lexemes
      from (${found}) c)`;
  });
  const hits = sql.join(branches, sql` union all `);
  const ranked = thinCopies
    ? sql`select * from (select hits.*, row_number() over (partition by score, lexemes order by source_id) as copy from (${hits}) hits) x
        where copy <= ${COPIES_KEPT} or lexemes < ${MIN_WORDS}`
    : sql`select * from (${hits}) hits`;
  const r = await db.execute<{ source_type: SourceType; source_id: string; lead_id: string | null; coverage: number; score: number }>(
    sql`select source_type, source_id, lead_id, coverage, score from (${ranked}) r order by score desc, source_id limit ${cap}`,
  );
  return r.rows.map((x) => ({
    sourceType: x.source_type,
    sourceId: x.source_id,
    leadId: x.lead_id,
    coverage: Number(x.coverage),
    score: Number(x.score),
  }));
}

/**
 * Best `depth` texts by coverage of the question, best first. Tiers stop as soon as `want` texts
 * are found (default: depth). Empty when the question has no searchable word. `alone`: no other
 * arm will find texts (no embedder), so when those tiers found too few, texts holding any term,
 * common ones included, are searched too (the unbounded any-word scan, as a last resort).
 * `info.exhausted`: every tier ran and none was cut by its cap (a deeper call finds nothing more).
 * `thinCopies` (for a search whose candidates were mostly copies of form letters): of texts with
 * the same score and the same number of lexemes, which copies of one letter have, only the first
 * COPIES_KEPT are candidates, so the other texts reach the list without scoring every copy. Texts
 * shorter than collapsing's MIN_WORDS are never thinned (they are never collapsed either).
 */
export async function coverageArm(
  db: DbOrTx,
  q: QuestionTerms,
  scope: KnowledgeScope,
  depth: number,
  opts: { want?: number; alone?: boolean; info?: { exhausted: boolean }; thinCopies?: boolean } = {},
): Promise<FullTextHit[]> {
  const { want = depth, alone = false, info, thinCopies = false } = opts;
  if (info) info.exhausted = true;
  if (!q.terms.length || !scopedTypes(scope).length) return [];
  const found = new Map<string, FullTextHit>();
  const cap = Math.max(200, depth * 4);
  const stats = await termStats(db);
  // A term matching many more texts than the cap finds no particular text: keep it out of the index scans.
  const rare = q.terms.map((t) => estimateRows(t, stats) <= cap * COMMON_FACTOR);
  const tiers = coverageTiers(q, rare);
  if (alone && rare.some((r) => !r) && q.terms.length > 1) tiers.push(...coverageTiers(q).slice(1));
  let exhausted = true;
  for (const [i, t] of tiers.entries()) {
    const hits = await tier(db, q, t, scope, cap, thinCopies);
    if (hits.length >= cap) exhausted = false;
    for (const h of hits) {
      const key = `${h.sourceType}:${h.sourceId}`;
      if (!found.has(key)) found.set(key, h);
    }
    if (found.size >= want) {
      if (i < tiers.length - 1) exhausted = false;
      break;
    }
  }
  if (info) info.exhausted = exhausted && found.size <= depth;
  return [...found.values()].sort((a, b) => b.score - a.score || a.sourceId.localeCompare(b.sourceId)).slice(0, depth);
}

/** Coverage and score of given texts (those another arm found), by `type:id`. */
export async function coverageOf(db: DbOrTx, q: QuestionTerms, hits: ArmHit[]): Promise<Map<string, FullTextHit>> {
  const out = new Map<string, FullTextHit>();
  if (!q.terms.length || !hits.length) return out;
  const types = [...new Set(hits.map((h) => h.sourceType))];
  const branches = types.map((type) => {
    const s = KNOWLEDGE_SOURCES[type];
    const ids = hits.filter((h) => h.sourceType === type).map((h) => h.sourceId);
    const { coverage, score } = scoreSql(s.tsv, q);
    return sql`select ${type}::text as source_type, s.id as source_id, ${s.leadId} as lead_id, ${coverage} as coverage, ${score} as score
      from ${s.table} s where s.id = any(${sql.param(ids)}::uuid[])`;
  });
  const r = await db.execute<{ source_type: SourceType; source_id: string; lead_id: string | null; coverage: number; score: number }>(
    sql.join(branches, sql` union all `),
  );
  for (const x of r.rows) {
    if (Number(x.coverage) > 0)
      out.set(`${x.source_type}:${x.source_id}`, {
        sourceType: x.source_type,
        sourceId: x.source_id,
        leadId: x.lead_id,
        coverage: Number(x.coverage),
        score: Number(x.score),
      });
  }
  return out;
}
