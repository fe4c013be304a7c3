import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAIEmbeddingProvider } from '../../src/ai/embeddings/openai-provider.js';
import { EmbeddingDimensionError } from '../../src/ai/embeddings/types.js';

/** An OpenAI-compatible stub: POST /v1/embeddings answers from a script, one entry per request. */
type Step = { status: number; dims?: number; headers?: Record<string, string> };
let script: Step[] = [];
const requests: Array<{ model: string; input: string[]; dimensions?: number }> = [];
let server: http.Server;
let baseURL = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/embeddings') {
        res.writeHead(404).end();
        return;
      }
      const parsed = JSON.parse(body) as { model: string; input: string[] | string; dimensions?: number };
      const input = Array.isArray(parsed.input) ? parsed.input : [parsed.input];
      requests.push({ model: parsed.model, input, dimensions: parsed.dimensions });
      const step = script.shift() ?? { status: 200 };
      if (step.status !== 200) {
        res.writeHead(step.status, { 'content-type': 'application/json', ...step.headers });
        res.end(JSON.stringify({ error: { message: `scripted ${step.status}`, type: 'server_error' } }));
        return;
      }
      const dims = step.dims ?? parsed.dimensions ?? 8;
      const data = input.map((t, index) => ({
        object: 'embedding',
        index,
        embedding: Array.from({ length: dims }, (_, j) => ((t.length + j) % 5) + 1),
      }));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data, model: parsed.model, usage: { prompt_tokens: 1, total_tokens: 1 } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

const sleeps: number[] = [];
const provider = (o: Partial<ConstructorParameters<typeof OpenAIEmbeddingProvider>[0]> = {}) =>
  new OpenAIEmbeddingProvider({
    model: 'stub-embed',
    dimensions: 8,
    baseURL,
    apiKey: 'test-key',
    sleep: async (ms) => void sleeps.push(ms),
    ...o,
  });

describe('OpenAI-compatible embedding provider', () => {
  it('sends the model and dimensions, and returns unit vectors in order', async () => {
    script = [];
    requests.length = 0;
    const p = provider();
    const vectors = await p.embed(['first', 'second text']);
    expect(vectors).toHaveLength(2);
    for (const v of vectors) {
      expect(v).toHaveLength(8);
      expect(Math.hypot(...v)).toBeCloseTo(1, 6);
    }
    expect(vectors[0]).not.toEqual(vectors[1]);
    // The start-up probe, then the texts.
    expect(requests.map((r) => r.input)).toEqual([['dimension check'], ['first', 'second text']]);
    expect(requests.every((r) => r.model === 'stub-embed' && r.dimensions === 8)).toBe(true);
  });

  it('retries a 429 with backoff (honouring Retry-After) and a 503, then succeeds', async () => {
    const p = provider();
    await p.verify();
    script = [{ status: 429, headers: { 'retry-after': '2' } }, { status: 503 }, { status: 200 }];
    requests.length = 0;
    sleeps.length = 0;
    const vectors = await p.embed(['hello']);
    expect(vectors).toHaveLength(1);
    expect(requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThanOrEqual(2000);
  });

  it('gives up after maxRetries with a rate-limit error, and does not retry a 401', async () => {
    const p = provider({ maxRetries: 2 });
    await p.verify();
    script = [{ status: 429 }, { status: 429 }, { status: 429 }];
    requests.length = 0;
    await expect(p.embed(['x'])).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(requests).toHaveLength(3);
    script = [{ status: 401 }];
    requests.length = 0;
    await expect(p.embed(['x'])).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(requests).toHaveLength(1);
  });

  it('fails at start with a clear error when the server returns shorter vectors than configured', async () => {
    script = [{ status: 200, dims: 4 }];
    const p = provider({ dimensions: 8 });
    const err = await p.verify().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmbeddingDimensionError);
    expect((err as Error).message).toMatch(/returned 4-dimensional vectors, but CRM_EMBEDDING_DIMENSIONS is 8/);
    expect((err as EmbeddingDimensionError).hint).toMatch(/CRM_EMBEDDING_DIMENSIONS=4/);
  });

  it('learns the dimension from the server when none is configured', async () => {
    script = [{ status: 200, dims: 6 }];
    const p = provider({ dimensions: undefined });
    expect(p.dimensions).toBe(0);
    await p.verify();
    expect(p.dimensions).toBe(6);
  });
});
