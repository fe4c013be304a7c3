import { describe, expect, it } from 'vitest';
import { LocalSifEmbedder } from '../../src/ai/embeddings/local-sif.js';
import { createEmbedder } from '../../src/ai/embeddings/factory.js';
import { tokenize } from '../../src/ai/embeddings/local-sif-model.js';
import { testConfig } from '../../src/config.js';
import { chunkText } from '../../src/crm/knowledge/chunking.js';

// One embedder for the file: the cache (node_modules/.cache/crm-agent) is built once, on first use.
const embedder = new LocalSifEmbedder();
const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
async function sim(a: string, b: string) {
  const [x, y] = await embedder.embed([a, b]);
  return cos(x!, y!);
}

describe('local SIF embedder', () => {
  it('knows that car is near vehicle and far from banana', async () => {
    const nearVehicle = await sim('car', 'vehicle');
    expect(nearVehicle).toBeGreaterThan(0.5);
    expect(nearVehicle).toBeGreaterThan((await sim('car', 'banana')) + 0.4);
  });

  it('knows that cancel is near cancellation, also in sentences', async () => {
    expect(await sim('cancel', 'cancellation')).toBeGreaterThan(0.5);
    const paraphrase = await sim('The customer wants to cancel her auto policy', 'Client asked for cancellation of the car insurance');
    const unrelated = await sim('The customer wants to cancel her auto policy', 'Roof damaged by hail, adjuster visiting Tuesday');
    expect(paraphrase).toBeGreaterThan(unrelated + 0.3);
  });

  it('gives words it does not know a non-zero vector from character n-grams, close to their look-alikes', async () => {
    const [oov, typo, other] = await embedder.embed(['Zbigniewskowicz', 'Zbigniewskowitz', 'umbrella']);
    expect(oov!.some((x) => x !== 0)).toBe(true);
    expect(Math.hypot(...oov!)).toBeCloseTo(1, 5);
    expect(cos(oov!, typo!)).toBeGreaterThan(cos(oov!, other!) + 0.3);
  });

  it('is deterministic, unit length, 100-dimensional, and zero for text without words', async () => {
    const a = await embedder.embed(['Quote for a boat and a jet ski', '...']);
    const b = await new LocalSifEmbedder().embed(['Quote for a boat and a jet ski', '...']);
    expect(a).toEqual(b);
    expect(a[0]).toHaveLength(100);
    expect(Math.hypot(...a[0]!)).toBeCloseTo(1, 6);
    expect(a[1]!.every((x) => x === 0)).toBe(true);
  });

  it('tokenizes contractions the way the vectors were trained', () => {
    expect(tokenize("Client's roof isn't OK")).toEqual(['client', 'roof', 'is', 'not', 'ok']);
  });
});

describe('embedder factory', () => {
  it('builds the local embedder by default and rejects a dimension it cannot make', () => {
    expect(createEmbedder(testConfig()).model).toBe('local-sif-100');
    expect(() => createEmbedder(testConfig({ CRM_EMBEDDING_DIMENSIONS: '384' }))).toThrow(/100-dimensional/);
  });

  it('asks for a server or key for a hosted model', () => {
    expect(() => createEmbedder(testConfig({ CRM_EMBEDDING_MODEL: 'text-embedding-3-small' }))).toThrow(/no server is configured/);
    const e = createEmbedder(
      testConfig({
        CRM_EMBEDDING_MODEL: 'nomic-embed-text',
        CRM_EMBEDDING_BASE_URL: 'http://127.0.0.1:11434/v1',
        CRM_EMBEDDING_DIMENSIONS: '768',
      }),
    );
    expect([e.model, e.dimensions]).toEqual(['nomic-embed-text', 768]);
  });
});

describe('chunking', () => {
  it('keeps short texts whole and splits long ones at sentences, with overlap, within the size', () => {
    expect(chunkText('  A short note.  ')).toEqual(['A short note.']);
    expect(chunkText('   ')).toEqual([]);
    const sentences = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} is about the roof and the deductible.`);
    const chunks = chunkText(sentences.join(' '), { maxChars: 300, overlapChars: 80 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(300);
    // Every sentence survives, and consecutive chunks share their boundary sentence.
    for (const s of sentences) expect(chunks.some((c) => c.includes(s))).toBe(true);
    const lastOfFirst = chunks[0]!.split(/(?<=\.) /).at(-1)!;
    expect(chunks[1]!.startsWith(lastOfFirst)).toBe(true);
  });

  it('cuts a sentence longer than a chunk at words, and a word longer than a chunk hard', () => {
    const chunks = chunkText(`${'word '.repeat(100)}${'x'.repeat(250)}`, { maxChars: 100, overlapChars: 0 });
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(100);
    expect(chunks.join('').replace(/ /g, '')).toContain('x'.repeat(100));
  });
});
