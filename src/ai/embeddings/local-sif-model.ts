/**
 * The math of the local embedder, over a loaded `SifModel` (see local-sif-cache.ts):
 * sentence vector = SIF-weighted average of word vectors, minus its projection on the corpus's
 * first principal component, unit length. Words missing from the vocabulary get a vector from
 * hashed character n-grams (fastText style), so names, typos and rare terms still count.
 */

export interface SifModel {
  dims: number;
  /** word -> row in `vectors` */
  vocab: Map<string, number>;
  /** rows x dims, int8, row i scaled by scales[i] */
  vectors: Int8Array;
  scales: Float32Array;
  /** Frequency rank of each row in the source list (0 = most frequent). */
  ranks: Uint32Array;
  /** Number of words in the source list, for the Zipf frequency estimate. */
  sourceSize: number;
  /** nBuckets x dims, int8: the mean (minus the global mean) of vocabulary words having each n-gram. */
  buckets: Int8Array;
  bucketScales: Float32Array;
  nBuckets: number;
  /** Norm given to a vector built from n-grams (a typical rare word's norm). */
  oovNorm: number;
  /** SIF smoothing constant `a`: weight = a / (a + p(word)). */
  a: number;
  /** First principal component of the corpus sentence vectors (unit), or null before it is computed. */
  pc: Float32Array | null;
}

const TOKEN = /[\p{L}\p{N}]+/gu;

/** Lower-cased word tokens; contractions split the way the source vectors were trained ("n't" -> "not"). */
export function tokenize(text: string): string[] {
  const t = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/n[’']t\b/g, ' not');
  return t.match(TOKEN) ?? [];
}

/** Zipf estimate of a word's probability from its frequency rank (the source has no counts). */
export function zipfProbability(rank: number, sourceSize: number): number {
  const harmonic = Math.log(sourceSize) + 0.5772;
  return 1 / ((rank + 1) * harmonic);
}

/** FNV-1a, 32 bit: stable across processes and versions (the cache and stored vectors depend on it). */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Character n-grams (3 to 5) of a word with boundary marks, fastText style. */
export function charNgrams(word: string): string[] {
  const w = `<${word}>`;
  const out: string[] = [];
  for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= w.length; i++) out.push(w.slice(i, i + n));
  return out;
}

/** Adds `weight` x the vector of vocabulary row `row` to `out`. */
function addRow(model: SifModel, row: number, weight: number, out: Float64Array): void {
  const d = model.dims;
  const s = model.scales[row]! * weight;
  const base = row * d;
  for (let j = 0; j < d; j++) out[j]! += model.vectors[base + j]! * s;
}

/** The n-gram vector of an out-of-vocabulary word, scaled to a typical word's norm; deterministic. */
export function oovVector(model: SifModel, word: string): Float64Array {
  const d = model.dims;
  const v = new Float64Array(d);
  for (const g of charNgrams(word)) {
    const b = fnv1a(g) % model.nBuckets;
    const s = model.bucketScales[b]!;
    if (s === 0) continue;
    const base = b * d;
    for (let j = 0; j < d; j++) v[j]! += model.buckets[base + j]! * s;
  }
  let norm = Math.hypot(...v);
  if (norm === 0) {
    // No n-gram seen in the vocabulary: a pseudo-random direction from the word's hash, so the
    // word still matches itself.
    let h = fnv1a(word) || 1;
    for (let j = 0; j < d; j++) {
      h ^= h << 13;
      h ^= h >>> 17;
      h ^= h << 5;
      v[j] = (h >>> 0) / 0xffffffff - 0.5;
    }
    norm = Math.hypot(...v);
  }
  for (let j = 0; j < d; j++) v[j] = (v[j]! / norm) * model.oovNorm;
  return v;
}

/** SIF-weighted sum of the word vectors of `text`, before the common component is removed. */
export function rawSentenceVector(model: SifModel, text: string): Float64Array {
  const out = new Float64Array(model.dims);
  for (const word of tokenize(text)) {
    const row = model.vocab.get(word);
    if (row !== undefined) {
      const p = zipfProbability(model.ranks[row]!, model.sourceSize);
      addRow(model, row, model.a / (model.a + p), out);
    } else {
      // Unknown words are rarer than anything in the vocabulary: weight ~1.
      const v = oovVector(model, word);
      const w = model.a / (model.a + zipfProbability(model.sourceSize, model.sourceSize));
      for (let j = 0; j < model.dims; j++) out[j]! += v[j]! * w;
    }
  }
  return out;
}

/** The unit-length sentence vector of `text`; all zeros when it has no word. */
export function sentenceVector(model: SifModel, text: string): number[] {
  const v = rawSentenceVector(model, text);
  const pc = model.pc;
  if (pc) {
    let dot = 0;
    for (let j = 0; j < model.dims; j++) dot += v[j]! * pc[j]!;
    for (let j = 0; j < model.dims; j++) v[j]! -= dot * pc[j]!;
  }
  const norm = Math.hypot(...v);
  return Array.from(v, (x) => (norm === 0 ? 0 : x / norm));
}

/** First principal component (uncentred, as in the SIF paper) of a set of vectors, by power iteration. */
export function firstPrincipalComponent(rows: Float64Array[], dims: number): Float32Array {
  const cov = new Float64Array(dims * dims);
  for (const r of rows) for (let i = 0; i < dims; i++) for (let j = 0; j < dims; j++) cov[i * dims + j]! += r[i]! * r[j]!;
  let u = new Float64Array(dims).fill(1 / Math.sqrt(dims));
  for (let iter = 0; iter < 200; iter++) {
    const next = new Float64Array(dims);
    for (let i = 0; i < dims; i++) for (let j = 0; j < dims; j++) next[i]! += cov[i * dims + j]! * u[j]!;
    const norm = Math.hypot(...next);
    if (norm === 0) break;
    for (let i = 0; i < dims; i++) next[i]! /= norm;
    const delta = next.reduce((acc, x, i) => acc + Math.abs(x - u[i]!), 0);
    u = next;
    if (delta < 1e-10) break;
  }
  return Float32Array.from(u);
}
