/** Retrieval metrics with graded judgements, and a paired bootstrap over queries (seeded, reproducible). */

export interface Scores {
  recall: number;
  ndcg: number;
  mrr: number;
}

/** recall@k (grade >= 1 counts, capped at min(k, |relevant|)), nDCG@k (gain 2^g - 1), MRR (first grade-2 hit, else first relevant). */
export function score(ranked: string[], rel: Record<string, number>, k = 10): Scores {
  const top = ranked.slice(0, k);
  const relevant = Object.keys(rel).filter((id) => (rel[id] ?? 0) > 0);
  const found = top.filter((id) => (rel[id] ?? 0) > 0).length;
  const recall = relevant.length ? found / Math.min(k, relevant.length) : 0;
  const gain = (g: number) => 2 ** g - 1;
  const dcg = top.reduce((acc, id, i) => acc + gain(rel[id] ?? 0) / Math.log2(i + 2), 0);
  const ideal = relevant
    .map((id) => rel[id]!)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((acc, g, i) => acc + gain(g) / Math.log2(i + 2), 0);
  const best = Math.max(0, ...relevant.map((id) => rel[id]!));
  const first = top.findIndex((id) => (rel[id] ?? 0) === best);
  return { recall, ndcg: ideal ? dcg / ideal : 0, mrr: first >= 0 ? 1 / (first + 1) : 0 };
}

/** mulberry32: a small seeded PRNG, so intervals are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);

/** Mean and 95% percentile-bootstrap interval of per-query values (resampling queries). */
export function bootstrapMean(xs: number[], resamples = 2000, seed = 42): [number, number, number] {
  const rnd = prng(seed);
  const means: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += xs[Math.floor(rnd() * xs.length)]!;
    means.push(s / xs.length);
  }
  means.sort((a, b) => a - b);
  return [mean(xs), means[Math.floor(0.025 * resamples)]!, means[Math.floor(0.975 * resamples)]!];
}

/** Paired bootstrap of the mean difference a - b over the same queries. */
export function pairedDifference(a: number[], b: number[], resamples = 2000, seed = 7): [number, number, number] {
  return bootstrapMean(
    a.map((x, i) => x - b[i]!),
    resamples,
    seed,
  );
}
