/**
 * The full-text arm of knowledge search, coverage first. A question becomes a list of terms (each
 * already expanded to its insurance-vocabulary concept by `crm_tsquery`, migrations/0007). Texts
 * holding all terms are found first; only when they are too few does the arm fall back to texts
 * holding about half of them, then any one, and every hit is scored by how much of the question
 * it covers. So one shared incidental word is weak evidence (coverage 1/n), never a top rank.
 *
 * Cost is bounded by k, not by how many rows match: each tier's candidates are cut at a LIMIT
 * found through the GIN index before anything is ranked, and tiers stop once enough are found.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { scopeConditions, scopedTypes, type ArmHit, type KnowledgeScope } from './scope.js';
import { KNOWLEDGE_SOURCES, type SourceType } from './sources.js';

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
/** Most OR-ed combinations in one tier's tsquery; tiers with more are skipped. */
const MAX_CLAUSES = 70;

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

/** Parses a question with the database's vocabulary (crm_tsquery). */
export async function questionTerms(db: DbOrTx, question: string): Promise<QuestionTerms> {
  const r = await db.execute<{ q: string }>(sql`select crm_tsquery(${question})::text as q`);
  const whole = r.rows[0]?.q?.trim() ?? '';
  if (!whole) return { whole: '', terms: [], filters: [] };
  const parts = splitTopLevelAnd(whole);
  const filters = parts.filter((p) => p.startsWith('!'));
  const terms = [...new Set(parts.filter((p) => !p.startsWith('!')).map(unwrap))].slice(0, MAX_TERMS);
  return { whole, terms, filters };
}

function combinations(n: number, m: number): number[][] {
  const out: number[][] = [];
  const pick = (from: number, acc: number[]) => {
    if (acc.length === m) return void out.push(acc);
    for (let i = from; i <= n - (m - acc.length); i++) pick(i + 1, [...acc, i]);
  };
  pick(0, []);
  return out;
}

function binomial(n: number, m: number): number {
  let r = 1;
  for (let i = 1; i <= m; i++) r = (r * (n - m + i)) / i;
  return r;
}

/** The tsquery texts of the coverage tiers, most terms first: "at least m of the n terms", m = n, ceil(n/2), 1. */
export function coverageTiers(q: QuestionTerms): string[] {
  const n = q.terms.length;
  const tail = q.filters.map((f) => ` & ${f}`).join('');
  const tiers: string[] = [];
  // All terms, about half of them, any one: each tier is a full GIN index scan, so few tiers.
  const levels = [...new Set([n, Math.ceil(n / 2), 1])].filter((m) => m >= 1);
  for (const m of levels) {
    if (binomial(n, m) > MAX_CLAUSES) continue;
    const clauses = combinations(n, m).map((c) => c.map((i) => `(${q.terms[i]})`).join(' & '));
    tiers.push(`(${clauses.map((c) => `(${c})`).join(' | ')})${tail}`);
  }
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

async function tier(db: DbOrTx, q: QuestionTerms, tierQuery: string, scope: KnowledgeScope, cap: number): Promise<FullTextHit[]> {
  const branches = scopedTypes(scope).map((type) => {
    const s = KNOWLEDGE_SOURCES[type];
    const where = sql.join([...scopeConditions(type, scope), sql`${s.tsv} @@ ${tierQuery}::tsquery`], sql` and `);
    const { coverage, score } = scoreSql(sql.raw('c.tsv'), q);
    // Candidates cut by the GIN index first; only those are scored.
    return sql`(select ${type}::text as source_type, c.id as source_id, c.lead_id, ${coverage} as coverage, ${score} as score
      from (select s.id, ${s.leadId} as lead_id, ${s.tsv} as tsv from ${s.table} s where ${where} limit ${cap}) c)`;
  });
  const r = await db.execute<{ source_type: SourceType; source_id: string; lead_id: string | null; coverage: number; score: number }>(
    sql`select * from (${sql.join(branches, sql` union all `)}) hits order by score desc, source_id limit ${cap}`,
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
 * are found (default: depth). Empty when the question has no searchable word.
 */
export async function coverageArm(
  db: DbOrTx,
  q: QuestionTerms,
  scope: KnowledgeScope,
  depth: number,
  want = depth,
): Promise<FullTextHit[]> {
  if (!q.terms.length || !scopedTypes(scope).length) return [];
  const found = new Map<string, FullTextHit>();
  const cap = Math.max(200, depth * 4);
  for (const t of coverageTiers(q)) {
    for (const h of await tier(db, q, t, scope, cap)) {
      const key = `${h.sourceType}:${h.sourceId}`;
      if (!found.has(key)) found.set(key, h);
    }
    if (found.size >= want) break;
  }
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
