/** Builds the configured embedding provider and checks it once before use. */
import type { Config } from '../../config.js';
import { ValidationError } from '../../errors.js';
import { LOCAL_SIF_MODEL, LocalSifEmbedder } from './local-sif.js';
import { OpenAIEmbeddingProvider } from './openai-provider.js';
import type { Embedder } from '../../crm/ports.js';

export type EmbeddingConfig = Pick<
  Config,
  | 'CRM_EMBEDDING_MODEL'
  | 'CRM_EMBEDDING_DIMENSIONS'
  | 'CRM_EMBEDDING_BASE_URL'
  | 'CRM_EMBEDDING_API_KEY'
  | 'OPENAI_API_KEY'
  | 'OPENAI_BASE_URL'
>;

/**
 * The provider for `CRM_EMBEDDING_MODEL`: `local-sif-100` is the offline embedder; any other name
 * is a model on an OpenAI-compatible server (`CRM_EMBEDDING_BASE_URL`, else `OPENAI_BASE_URL`,
 * else OpenAI). Not yet verified; see `openEmbedder`.
 */
export function createEmbedder(cfg: EmbeddingConfig, opts: { cacheDir?: string } = {}): Embedder {
  if (cfg.CRM_EMBEDDING_MODEL === LOCAL_SIF_MODEL) {
    if (cfg.CRM_EMBEDDING_DIMENSIONS !== undefined && cfg.CRM_EMBEDDING_DIMENSIONS !== 100) {
      throw new ValidationError(
        `The local embedder ${LOCAL_SIF_MODEL} makes 100-dimensional vectors, but CRM_EMBEDDING_DIMENSIONS is ${cfg.CRM_EMBEDDING_DIMENSIONS}.`,
        [{ field: 'CRM_EMBEDDING_DIMENSIONS', message: 'must be 100 (or unset) for local-sif-100' }],
      );
    }
    return new LocalSifEmbedder({ cacheDir: opts.cacheDir });
  }
  const baseURL = cfg.CRM_EMBEDDING_BASE_URL ?? cfg.OPENAI_BASE_URL;
  const apiKey = cfg.CRM_EMBEDDING_API_KEY ?? cfg.OPENAI_API_KEY;
  if (!baseURL && !apiKey) {
    throw new ValidationError(
      `CRM_EMBEDDING_MODEL is ${cfg.CRM_EMBEDDING_MODEL}, a hosted model, but no server is configured.`,
      [{ field: 'CRM_EMBEDDING_API_KEY', message: 'required for OpenAI (or set CRM_EMBEDDING_BASE_URL for a local server)' }],
      `Set CRM_EMBEDDING_API_KEY (OpenAI) or CRM_EMBEDDING_BASE_URL (e.g. http://localhost:11434/v1 for Ollama), or use CRM_EMBEDDING_MODEL=${LOCAL_SIF_MODEL} offline.`,
    );
  }
  return new OpenAIEmbeddingProvider({ model: cfg.CRM_EMBEDDING_MODEL, dimensions: cfg.CRM_EMBEDDING_DIMENSIONS, baseURL, apiKey });
}

/** `createEmbedder` plus its start-up check (reachability; returned dimension = configured one). */
export async function openEmbedder(cfg: EmbeddingConfig, opts: { cacheDir?: string } = {}): Promise<Embedder> {
  const embedder = createEmbedder(cfg, opts);
  await embedder.verify?.();
  return embedder;
}
