/**
 * Fusing the two arms of knowledge search. The default is a convex combination of the arms'
 * scores (Bruch, Gai and Ingber, "An Analysis of Fusion Functions for Hybrid Retrieval", ACM TOIS
 * 2023): score = w x coverage score + (1 - w) x cosine / best cosine of the query. Scores, not
 * ranks: a text that shares one word of four with the question (coverage 0.25) no longer beats
 * one that means it (cosine 0.41 against 0.15), as it did under reciprocal rank fusion, which is
 * kept for comparison. Parameters are tuned on the dev split of bench/retrieval (docs/search.md).
 */
import type { ArmHit } from './scope.js';

export type FusionMethod = 'convex' | 'rrf';

export interface FusionParams {
  method: FusionMethod;
  /** Convex: weight of the full-text score, 0-1 (the vector score gets the rest). */
  fulltextWeight: number;
  /** RRF constant k. */
  rrfK: number;
  /**
   * Least cosine similarity that counts as "means the question" for the low-confidence notice and
   * for a lead to match search_leads free text by meaning alone.
   */
  minSimilarity: number;
  /**
   * Convex: how cosines are put on the full-text scale: 'max' divides by the query's best cosine,
   * 'minmax' maps the candidates' range to 0-1, 'raw' uses the cosine as is.
   */
  vectorNorm?: 'max' | 'minmax' | 'raw';
}

/** Tuned on bench/retrieval's dev split (docs/search.md), for the local embedder. */
export const DEFAULT_FUSION: FusionParams = { method: 'convex', fulltextWeight: 0.6, rrfK: 60, minSimilarity: 0.4, vectorNorm: 'max' };

/** Least coverage (share of the question's terms) that counts as a good full-text match. */
export const MIN_COVERAGE = 0.99;

/** One text found by either arm, with both arms' evidence where known. */
export interface Candidate<T extends ArmHit = ArmHit> {
  key: string;
  hit: T;
  /** Full-text score (coverage refined by proximity), 0-1; null when it shares no term. */
  fulltext: number | null;
  coverage: number | null;
  /** Cosine similarity of its best chunk; null when unknown (no vector arm, or no vector yet). */
  similarity: number | null;
  fulltextRank: number | null;
  vectorRank: number | null;
}

export interface Fused<T extends ArmHit = ArmHit> extends Candidate<T> {
  score: number;
}

function tieBreak(a: Fused, b: Fused): number {
  const best = (f: Fused) => Math.min(f.fulltextRank ?? Infinity, f.vectorRank ?? Infinity);
  return b.score - a.score || best(a) - best(b) || a.key.localeCompare(b.key);
}

/** Fuses candidates by `params.method`, best first. */
export function fuse<T extends ArmHit>(candidates: Candidate<T>[], params: FusionParams, weights: [number, number] = [1, 1]): Fused<T>[] {
  if (params.method === 'rrf') {
    const rrf = (rank: number | null, w: number) => (rank ? w / (params.rrfK + rank) : 0);
    return candidates.map((c) => ({ ...c, score: rrf(c.fulltextRank, weights[0]) + rrf(c.vectorRank, weights[1]) })).sort(tieBreak);
  }
  const sims = candidates.map((c) => Math.max(0, c.similarity ?? 0));
  const top = Math.max(0, ...sims);
  const low = params.vectorNorm === 'minmax' ? Math.min(top, ...sims) : 0;
  const w = Math.min(Math.max(params.fulltextWeight, 0), 1);
  const anyVector = candidates.some((c) => c.similarity !== null);
  return candidates
    .map((c) => {
      const s = Math.max(0, c.similarity ?? 0);
      const v = params.vectorNorm === 'raw' ? s : top > low ? (s - low) / (top - low) : 0;
      return { ...c, score: anyVector ? w * (c.fulltext ?? 0) + (1 - w) * v : (c.fulltext ?? 0) };
    })
    .sort(tieBreak);
}

/** True when no candidate matches well: neither every term of the question nor its meaning (cosine >= minSimilarity). */
export function isLowConfidence(candidates: Candidate[], params: FusionParams): boolean {
  return !candidates.some((c) => (c.coverage ?? 0) >= MIN_COVERAGE || (c.similarity ?? -1) >= params.minSimilarity);
}
