/**
 * Local-embedder variants on the labelled book (bench/retrieval/book.ts), vector arm only, exact
 * cosine in memory (no database: the book is about 190 short records, one chunk each). Compares
 * `local-sif-100` as shipped with variants that need no download:
 *   - book weighting: p(word) = lambda * p_book(word) + (1 - lambda) * p_zipf(rank), where p_book
 *     is the word's frequency in the texts being embedded (what `embed --reembed` would see), so
 *     words common in this book (form letters, "policy") weigh less and rare-in-this-book ones more;
 *   - the common component(s) taken from the book's own texts (1-3 of them) instead of the fixed
 *     agency sentences;
 *   - the SIF constant `a`.
 * Chooses the best variant on the dev split (nDCG@10), then scores it and the baseline once on
 * test with 95% bootstrap intervals and the paired difference. Prints figures; asserts nothing.
 *   npx tsx bench/retrieval/embedder-variants.ts            (dev grid, then test for the dev winner)
 *   npx tsx bench/retrieval/embedder-variants.ts --dev-only
 */
import { loadSifModel } from '../../src/ai/embeddings/local-sif-cache.js';
import { oovVector, sentenceVector, tokenize, zipfProbability, type SifModel } from '../../src/ai/embeddings/local-sif-model.js';
import { CORPUS_SENTENCES } from '../../src/ai/embeddings/sif-corpus.js';
import { buildBook } from './book.js';
import { bootstrapMean, pairedDifference, score, type Scores } from './metrics.js';

interface Variant {
  name: string;
  a: number;
  /** Weight of the book's own word frequencies in p(word); 0 = Zipf prior only (shipped). */
  lambda: number;
  /** Extra p(word) per share of the book's documents holding the word beyond the first (0 = off). */
  beta?: number;
  /** Where the removed common components come from, and how many. */
  pcFrom: 'fixed' | 'book';
  pcs: number;
}

const model: SifModel = await loadSifModel();
const book = buildBook();
const d = model.dims;
const f3 = (x: number) => x.toFixed(3);

// Book word frequencies: over the records only (the texts `embed --reembed` embeds), never the questions.
const counts = new Map<string, number>();
const df = new Map<string, number>();
let total = 0;
for (const r of book.records) {
  const words = tokenize(r.text);
  for (const w of words) {
    counts.set(w, (counts.get(w) ?? 0) + 1);
    total++;
  }
  for (const w of new Set(words)) df.set(w, (df.get(w) ?? 0) + 1);
}

function rowVector(row: number): Float64Array {
  const v = new Float64Array(d);
  const s = model.scales[row]!;
  for (let j = 0; j < d; j++) v[j] = model.vectors[row * d + j]! * s;
  return v;
}

function raw(v: Variant, text: string): Float64Array {
  const out = new Float64Array(d);
  for (const w of tokenize(text)) {
    const row = model.vocab.get(w);
    const pz = zipfProbability(row === undefined ? model.sourceSize : model.ranks[row]!, model.sourceSize);
    const shared = Math.max(0, (df.get(w) ?? 0) - 1) / book.records.length;
    const p = v.lambda * ((counts.get(w) ?? 0) / total) + (1 - v.lambda) * pz + (v.beta ?? 0) * shared;
    const weight = v.a / (v.a + p);
    const vec = row === undefined ? oovVector(model, w) : rowVector(row);
    for (let j = 0; j < d; j++) out[j]! += vec[j]! * weight;
  }
  return out;
}

/** Top-k principal components (uncentred) by power iteration with deflation. */
function components(rows: Float64Array[], k: number): Float64Array[] {
  const cov = new Float64Array(d * d);
  for (const r of rows) for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) cov[i * d + j]! += r[i]! * r[j]!;
  const out: Float64Array[] = [];
  for (let c = 0; c < k; c++) {
    let u = new Float64Array(d).fill(1 / Math.sqrt(d));
    let lambda = 0;
    for (let iter = 0; iter < 500; iter++) {
      const next = new Float64Array(d);
      for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) next[i]! += cov[i * d + j]! * u[j]!;
      lambda = Math.hypot(...next);
      if (lambda === 0) break;
      for (let i = 0; i < d; i++) next[i]! /= lambda;
      u = next;
    }
    out.push(u);
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) cov[i * d + j]! -= lambda * u[i]! * u[j]!;
  }
  return out;
}

function embedder(v: Variant): (text: string) => Float64Array {
  const source = v.pcFrom === 'fixed' ? CORPUS_SENTENCES : book.records.map((r) => r.text);
  const pcs = components(
    source.map((s) => raw(v, s)),
    v.pcs,
  );
  return (text) => {
    const x = raw(v, text);
    for (const pc of pcs) {
      let dot = 0;
      for (let j = 0; j < d; j++) dot += x[j]! * pc[j]!;
      for (let j = 0; j < d; j++) x[j]! -= dot * pc[j]!;
    }
    const n = Math.hypot(...x) || 1;
    for (let j = 0; j < d; j++) x[j]! /= n;
    return x;
  };
}

function evaluate(v: Variant, split: 'dev' | 'test'): Scores[] {
  const e = embedder(v);
  const recs = book.records.map((r) => ({ id: r.id, x: e(r.text) }));
  return book.questions
    .filter((q) => q.split === split && q.story)
    .map((q) => {
      const x = e(q.q);
      const ranked = recs
        .map((r) => ({ id: r.id, s: r.x.reduce((acc, y, j) => acc + y * x[j]!, 0) }))
        .sort((p, q2) => q2.s - p.s || (p.id < q2.id ? -1 : 1))
        .map((r) => r.id);
      return score(ranked, q.rel);
    });
}

const avg = (xs: Scores[], k: keyof Scores) => xs.reduce((a, s) => a + s[k], 0) / xs.length;
const baseline: Variant = { name: 'shipped (a=1e-3, fixed corpus, 1 pc)', a: 1e-3, lambda: 0, pcFrom: 'fixed', pcs: 1 };
const grid: Variant[] = [baseline];
for (const lambda of [0.25, 0.5, 0.75, 1]) grid.push({ name: `book weights lambda=${lambda}`, a: 1e-3, lambda, pcFrom: 'fixed', pcs: 1 });
for (const beta of [0.003, 0.01, 0.03])
  grid.push({ name: `book doc-frequency beta=${beta}`, a: 1e-3, lambda: 0, beta, pcFrom: 'fixed', pcs: 1 });
for (const pcs of [1, 2, 3]) grid.push({ name: `book pcs=${pcs}`, a: 1e-3, lambda: 0, pcFrom: 'book', pcs });
for (const lambda of [0.5, 1]) grid.push({ name: `book weights lambda=${lambda} + book pc`, a: 1e-3, lambda, pcFrom: 'book', pcs: 1 });
for (const a of [3e-4, 3e-3, 1e-2]) grid.push({ name: `a=${a}`, a, lambda: 0, pcFrom: 'fixed', pcs: 1 });

// The in-memory baseline must be the shipped embedder (up to the float32 principal component).
const shipped = embedder(baseline);
const drift = Math.max(
  ...book.records.map((r) => Math.max(...sentenceVector(model, r.text).map((y, j) => Math.abs(y - shipped(r.text)[j]!)))),
);
console.log(`baseline vs LocalSifEmbedder: max |difference| ${drift.toExponential(1)}`);
console.log(`book: ${book.records.length} records, ${total} tokens; vector arm only, exact cosine, k=10`);
console.log('\ndev split (nDCG@10 / MRR / recall@10)');
let best = baseline;
let bestN = -1;
for (const v of grid) {
  const s = evaluate(v, 'dev');
  console.log(`  ${v.name.padEnd(40)} ${f3(avg(s, 'ndcg'))} / ${f3(avg(s, 'mrr'))} / ${f3(avg(s, 'recall'))}`);
  if (avg(s, 'ndcg') > bestN + 1e-9) [bestN, best] = [avg(s, 'ndcg'), v];
}
const [dd, dlo, dhi] = pairedDifference(
  evaluate(best, 'dev').map((x) => x.ndcg),
  evaluate(baseline, 'dev').map((x) => x.ndcg),
);
console.log(`  best on dev: ${best.name}; minus shipped, nDCG@10 (paired): ${f3(dd)} [${f3(dlo)}, ${f3(dhi)}]`);
if (process.argv.includes('--dev-only') || best === baseline) process.exit(0);

const ci = (xs: number[]) => {
  const [m, lo, hi] = bootstrapMean(xs);
  return `${f3(m)} [${f3(lo)}, ${f3(hi)}]`;
};
const base = evaluate(baseline, 'test');
const cand = evaluate(best, 'test');
console.log(`\ntest split (${base.length} answerable questions, 95% bootstrap CI, 2000 resamples): recall@10 | nDCG@10 | MRR`);
for (const [name, s] of [
  [baseline.name, base],
  [best.name, cand],
] as const)
  console.log(`  ${name.padEnd(40)} ${ci(s.map((x) => x.recall))} | ${ci(s.map((x) => x.ndcg))} | ${ci(s.map((x) => x.mrr))}`);
for (const k of ['recall', 'ndcg', 'mrr'] as const) {
  const [diff, lo, hi] = pairedDifference(
    cand.map((x) => x[k]),
    base.map((x) => x[k]),
  );
  console.log(
    `  candidate minus shipped, ${k}: ${f3(diff)} [${f3(lo)}, ${f3(hi)}]${lo > 0 ? ' (better, outside the interval)' : ' (interval includes 0: not shown better)'}`,
  );
}
