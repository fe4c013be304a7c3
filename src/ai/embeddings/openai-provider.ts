/**
 * Embeddings from OpenAI or any OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio,
 * Azure-style gateways) through `OpenAIEmbeddings` of @langchain/openai. Adds what the client
 * lacks for a background worker: retries with exponential backoff on 429 and 5xx (LangChain gives
 * up on a 429 without Retry-After), and a start-up check that the server really returns vectors
 * of the configured size (some compatible servers ignore `dimensions` and return shorter ones).
 */
import { OpenAIEmbeddings } from '@langchain/openai';
import { AppError } from '../../errors.js';
import { logger } from '../../log.js';
import type { Embedder } from '../../crm/ports.js';
import { checkDimensions } from './types.js';

/** Native sizes of OpenAI's models, used when no dimension is configured. */
const KNOWN_DIMENSIONS: Record<string, number> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
};
/** Models that reject the `dimensions` parameter. */
const FIXED_SIZE = new Set(['text-embedding-ada-002']);

export interface OpenAIEmbedderOptions {
  model: string;
  /** Wanted vector size; sent as `dimensions` and checked against what the server returns. */
  dimensions?: number;
  baseURL?: string;
  apiKey?: string;
  /** Texts per request. */
  batchSize?: number;
  /** Retries of one request on 429, 5xx and network errors. */
  maxRetries?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  timeoutMs?: number;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
}

interface HttpishError {
  status?: number;
  code?: string;
  headers?: Headers | Record<string, string | undefined>;
  message?: string;
}

function retryAfterMs(err: HttpishError): number | undefined {
  const h = err.headers;
  const raw =
    h &&
    (typeof (h as Headers).get === 'function'
      ? (h as Headers).get('retry-after')
      : (h as Record<string, string | undefined>)['retry-after']);
  if (!raw) return undefined;
  const s = Number(raw);
  if (!Number.isNaN(s)) return s * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function isRetryable(err: HttpishError): boolean {
  if (err.code === 'insufficient_quota') return false;
  if (err.status === 429 || err.status === 408 || (err.status !== undefined && err.status >= 500)) return true;
  // No status: connection refused/reset, timeouts.
  return (
    err.status === undefined &&
    /connect|timeout|timed out|socket|ECONN|fetch failed|network/i.test(`${err.message ?? ''} ${err.code ?? ''}`)
  );
}

export class OpenAIEmbeddingProvider implements Embedder {
  readonly model: string;
  private dims: number;
  private verified = false;
  private readonly client: OpenAIEmbeddings;
  private readonly opts: Required<Pick<OpenAIEmbedderOptions, 'maxRetries' | 'minBackoffMs' | 'maxBackoffMs' | 'sleep'>>;
  private readonly baseURL: string;

  constructor(o: OpenAIEmbedderOptions) {
    this.model = o.model;
    this.dims = o.dimensions ?? KNOWN_DIMENSIONS[o.model] ?? 0;
    this.baseURL = o.baseURL ?? 'https://api.openai.com/v1';
    this.opts = {
      maxRetries: o.maxRetries ?? 5,
      minBackoffMs: o.minBackoffMs ?? 500,
      maxBackoffMs: o.maxBackoffMs ?? 30_000,
      sleep: o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
    };
    this.client = new OpenAIEmbeddings({
      model: o.model,
      ...(o.dimensions && !FIXED_SIZE.has(o.model) ? { dimensions: o.dimensions } : {}),
      batchSize: o.batchSize ?? 256,
      // The SDK asks for base64 by default; several compatible servers only speak float arrays.
      encodingFormat: 'float',
      // We retry ourselves (see above); one attempt per call here.
      maxRetries: 0,
      maxConcurrency: 2,
      timeout: o.timeoutMs ?? 30_000,
      // Local servers need no key, but the client insists on one.
      apiKey: o.apiKey ?? 'not-needed',
      configuration: { baseURL: this.baseURL },
    });
  }

  get dimensions(): number {
    return this.dims;
  }

  /** Embeds one probe text; learns the size when none was configured, else checks it. */
  async verify(): Promise<void> {
    const [probe] = await this.call(['dimension check']);
    if (!probe) throw new AppError('UNAVAILABLE', `The embedding server at ${this.baseURL} returned no vector for model ${this.model}.`);
    if (this.dims === 0) this.dims = probe.length;
    checkDimensions(this.model, this.dims, [probe]);
    this.verified = true;
  }

  async embed(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    if (!this.verified) await this.verify();
    const vectors = await this.call(texts);
    checkDimensions(this.model, this.dims, vectors);
    return vectors.map(normalize);
  }

  private async call(texts: string[]): Promise<number[][]> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.client.embedDocuments(texts);
      } catch (e) {
        const err = e as HttpishError;
        if (!isRetryable(err) || attempt >= this.opts.maxRetries) throw this.explain(err, attempt);
        const backoff = Math.min(this.opts.maxBackoffMs, this.opts.minBackoffMs * 2 ** attempt * (1 + Math.random() * 0.25));
        const wait = Math.min(this.opts.maxBackoffMs, Math.max(backoff, retryAfterMs(err) ?? 0));
        logger('embeddings').warn(
          { model: this.model, status: err.status, attempt: attempt + 1, waitMs: Math.round(wait) },
          'embedding request failed; retrying',
        );
        await this.opts.sleep(wait);
      }
    }
  }

  private explain(err: HttpishError, attempt: number): AppError {
    const what = `The embedding server at ${this.baseURL} (model ${this.model})`;
    if (err.status === 401 || err.status === 403)
      return new AppError('UNAUTHORIZED', `${what} rejected the API key.`, {
        hint: 'Check CRM_EMBEDDING_API_KEY (or OPENAI_API_KEY).',
        cause: err,
      });
    if (err.status === 404)
      return new AppError('VALIDATION', `${what} does not know this model or path: ${err.message ?? ''}`.trim(), {
        hint: 'Check CRM_EMBEDDING_MODEL and CRM_EMBEDDING_BASE_URL (it should end in /v1 for most servers).',
        cause: err,
      });
    if (err.status === 429)
      return new AppError('RATE_LIMITED', `${what} kept rate-limiting after ${attempt + 1} attempts.`, {
        hint: 'Wait and retry, or lower the worker batch size.',
        cause: err,
      });
    return new AppError(
      'UNAVAILABLE',
      `${what} failed${err.status ? ` with HTTP ${err.status}` : ''} after ${attempt + 1} attempt(s): ${err.message ?? 'unknown error'}`,
      {
        hint: 'Check that the server is up and CRM_EMBEDDING_BASE_URL is right; the worker retries jobs later.',
        cause: err,
      },
    );
  }
}

/** Unit length, so cosine distance behaves the same for every provider. */
function normalize(v: number[]): number[] {
  const n = Math.hypot(...v);
  return n === 0 ? v : v.map((x) => x / n);
}
