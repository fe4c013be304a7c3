/**
 * Hybrid search over the knowledge base (notes, communications, tickets, AI exchanges): a
 * full-text arm (coverage first over the insurance vocabulary, src/crm/knowledge/fulltext.ts) and
 * a vector arm (the model's partial HNSW index, with pgvector's iterative scan so filters still
 * yield k rows), fused by their scores (src/crm/knowledge/fusion.ts; RRF on request). Each arm's
 * evidence is completed for the other arm's finds, near-duplicates are collapsed, and a result
 * where nothing matches well says so (`lowConfidence`). Both arms apply the same filters: lead,
 * client, source types, time window and the lead filters of search_leads.
 */
import type { DbOrTx } from '../../db/client.js';
import { passageDetails, textDetails, type Shown } from './hit-details.js';
import { coverageArm, coverageOf, questionTerms, type FullTextHit, type QuestionTerms } from './fulltext.js';
import { DEFAULT_FUSION, fuse, isLowConfidence, type Candidate, type FusionParams } from './fusion.js';
import { resolveLeadFilters, scopedTypes, type ArmHit, type KnowledgeScope } from './scope.js';
import type { SourceType } from './sources.js';
import { similarityOf, vectorArm, type VectorHit, type VectorQuery } from './vector-arm.js';

export interface KnowledgeQuery extends KnowledgeScope {
  question: string;
  /** The question embedded with the model whose vectors to search; absent: full text only. */
  vector?: VectorQuery | null;
  /** Which arms run (benchmarks compare them); default: full text, plus vector when given. */
  arms?: { fulltext?: boolean; vector?: boolean };
  /** Hits returned, 1-100 (default 10). */
  limit?: number;
  /** RRF constant k (default 60), used when fusion.method is 'rrf'. */
  rrfK?: number;
  /** Fusion method and parameters; default DEFAULT_FUSION. */
  fusion?: Partial<FusionParams>;
  /** RRF only: weight of each arm's term, [fulltext, vector] (default [0.8, 1], the old tuning). */
  weights?: [number, number];
  /** Candidates taken from each arm before fusing (default max(50, 5 x limit)). */
  depth?: number;
  /** Collapse near-duplicate texts (form letters) into their best copy (default true). */
  collapse?: boolean;
}

export interface KnowledgeHit {
  sourceType: SourceType;
  sourceId: string;
  leadId: string | null;
  clientId: string | null;
  clientName: string | null;
  occurredAt: Date | null;
  /** Fused score (higher is better; comparable only within one result). */
  score: number;
  /** 1-based rank by full-text score when it shares terms with the question, else null. */
  fulltextRank: number | null;
  /** 1-based rank in the vector arm, null when that arm did not find it. */
  vectorRank: number | null;
  /** Cosine similarity of the best chunk, when known. */
  similarity: number | null;
  /** Untrusted text: the best-matching chunk, or a full-text headline. Fence it before showing it to a model. */
  snippet: string;
}

export interface KnowledgeResult {
  mode: 'hybrid' | 'fulltext' | 'vector';
  hits: KnowledgeHit[];
  /** Nothing matched well (no text holds every term of the question, none is close in meaning): the hits are guesses. */
  lowConfidence: boolean;
  /** Near-duplicate texts left out of `hits` (copies of a hit). */
  collapsed: number;
}

/** The old RRF arm weights [fulltext, vector], kept for comparison runs. */
export const DEFAULT_ARM_WEIGHTS: [number, number] = [0.8, 1];

/**
 * Both arms' candidates merged, each with the other arm's evidence filled in where `complete`.
 * `scope`: with its lead filters already resolved by the caller (resolveLeadFilters), once per
 * search, not once per statement or per deeper run.
 */
export async function knowledgeCandidates(
  db: DbOrTx,
  terms: QuestionTerms | null,
  vector: VectorQuery | null,
  scope: KnowledgeScope,
  depth: number,
  want: number,
  complete: boolean,
  /** The full-text arm keeps only a few texts of each (score, length): see coverageArm. */
  thinCopies = false,
): Promise<{
  candidates: Candidate<ArmHit & { leadId: string | null }>[];
  chunks: Map<string, VectorHit>;
  /** Both arms found all they could: a deeper search finds nothing more. */
  exhausted: boolean;
}> {
  // The arms, then each arm's evidence for the other's finds, are independent: issued together,
  // so a server runs them on two connections (the embedded database still runs one at a time).
  const vecInfo = { exhausted: true };
  const ftInfo = { exhausted: true };
  const [fts, vec] = await Promise.all([
    terms ? coverageArm(db, terms, scope, depth, { want, alone: !vector, info: ftInfo, thinCopies }) : ([] as FullTextHit[]),
    vector ? vectorArm(db, vector, scope, depth, vecInfo) : ([] as VectorHit[]),
  ]);
  const key = (h: ArmHit) => `${h.sourceType}:${h.sourceId}`;
  const chunks = new Map(vec.map((v) => [key(v), v]));
  const ft = new Map(fts.map((h) => [key(h), h]));
  const sims = new Map(vec.map((v) => [key(v), 1 - v.distance]));
  const [coverages, similarities] = await Promise.all([
    complete && terms
      ? coverageOf(
          db,
          terms,
          vec.filter((v) => !ft.has(key(v))),
        )
      : new Map<string, FullTextHit>(),
    complete && vector
      ? similarityOf(
          db,
          vector,
          fts.filter((h) => !sims.has(key(h))),
        )
      : new Map<string, number>(),
  ]);
  for (const [k, h] of coverages) ft.set(k, h);
  for (const [k, s] of similarities) sims.set(k, s);
  const ftRank = new Map(
    [...ft.values()].sort((a, b) => b.score - a.score || a.sourceId.localeCompare(b.sourceId)).map((h, i) => [key(h), i + 1]),
  );
  const merged = new Map<string, Candidate<ArmHit & { leadId: string | null }>>();
  for (const h of [...fts, ...vec, ...ft.values()]) {
    const k = key(h);
    if (merged.has(k)) continue;
    const f = ft.get(k);
    merged.set(k, {
      key: k,
      hit: { sourceType: h.sourceType, sourceId: h.sourceId, leadId: h.leadId },
      fulltext: f?.score ?? null,
      coverage: f?.coverage ?? null,
      similarity: sims.get(k) ?? null,
      fulltextRank: ftRank.get(k) ?? null,
      vectorRank: chunks.has(k) ? vec.indexOf(chunks.get(k)!) + 1 : null,
    });
  }
  return { candidates: [...merged.values()], chunks, exhausted: ftInfo.exhausted && vecInfo.exhausted };
}

/** Searches the knowledge base; see KnowledgeQuery. Empty question: no hits. */
export async function searchKnowledge(db: DbOrTx, query: KnowledgeQuery): Promise<KnowledgeResult> {
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? 10), 1), 100);
  const params: FusionParams = { ...DEFAULT_FUSION, ...(query.rrfK ? { rrfK: query.rrfK } : {}), ...query.fusion };
  const useFts = query.arms?.fulltext ?? true;
  const useVector = (query.arms?.vector ?? true) && Boolean(query.vector);
  const mode = useFts && useVector ? 'hybrid' : useVector ? 'vector' : 'fulltext';
  if (!query.question.trim() || !scopedTypes(query).length) return { mode, hits: [], lowConfidence: true, collapsed: 0 };
  const terms = useFts ? await questionTerms(db, query.question) : null;
  const complete = useFts && useVector && params.method === 'convex';
  const collapse = query.collapse !== false;
  // Lead filters resolved once, not in every branch of both arms nor in every deeper run.
  const scope = await resolveLeadFilters(db, query);
  // When copies of form letters ate the candidates and fewer than `limit` distinct texts remain,
  // the search runs again 4x deeper (bounded), so a book holding thousands of copies of one letter
  // still gets `limit` distinct hits where they exist. A deeper run asks the full-text arm for all
  // its tiers (want = depth: the texts holding every term may all be copies, those holding some
  // terms are the rest) and to thin out copies (few per score and length) before it scores them.
  let depth = query.depth ?? Math.max(50, limit * 5);
  let want = limit;
  let pool = limit * 8;
  for (let round = 0; ; round++) {
    const { candidates, chunks, exhausted } = await knowledgeCandidates(
      db,
      terms,
      useVector ? query.vector! : null,
      scope,
      depth,
      want,
      complete,
      round > 0,
    );
    const fused = fuse(candidates, params, query.weights ?? DEFAULT_ARM_WEIGHTS);
    const shown =
      mode === 'vector'
        ? await passageDetails(db, fused, chunks, limit, collapse)
        : await textDetails(db, fused, chunks, terms, limit, collapse, pool);
    const short = shown.collapsed > 0 && shown.kept.length < limit;
    if (short && !exhausted && !query.depth && depth < MAX_DEPTH) {
      depth = Math.min(depth * 4, MAX_DEPTH);
      want = depth;
      pool *= 4;
      continue;
    }
    return result(mode, shown, chunks, isLowConfidence(candidates, params));
  }
}

/** Deepest refill: candidates per arm. */
const MAX_DEPTH = 800;

function result(mode: KnowledgeResult['mode'], shown: Shown, chunks: Map<string, VectorHit>, lowConfidence: boolean): KnowledgeResult {
  const { kept, details, collapsed } = shown;
  const hits: KnowledgeHit[] = kept.map((f) => {
    const d = details.get(f.key)!;
    const v = chunks.get(f.key);
    return {
      sourceType: f.hit.sourceType,
      sourceId: f.hit.sourceId,
      leadId: d.leadId,
      clientId: d.clientId,
      clientName: d.clientName,
      occurredAt: d.occurredAt,
      score: f.score,
      fulltextRank: f.fulltextRank,
      vectorRank: f.vectorRank,
      similarity: f.similarity,
      snippet: v ? v.content : (d.headline ?? d.text),
    };
  });
  return { mode, hits, lowConfidence, collapsed };
}
