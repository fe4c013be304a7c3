/**
 * Labelling review for bench/retrieval: for every answerable question (both splits alike), the
 * records that no judgement covers but that full text, vector or the default fusion ranks in the
 * top 3, grouped by story, with their texts, so a person can check whether a record truly answers
 * a story's questions and was left unjudged. Prints; changes nothing, scores nothing.
 *   npx tsx bench/retrieval/review.ts
 */
import { openEmbedder } from '../../src/ai/embeddings/factory.js';
import { loadConfig } from '../../src/config.js';
import { drainEmbeddingQueue } from '../../src/crm/knowledge/embedding-worker.js';
import { searchKnowledge, type KnowledgeQuery } from '../../src/crm/knowledge/hybrid-search.js';
import { openDatabase } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { loadBook } from './load-book.js';

const config = loadConfig({ ...process.env, DATABASE_URL: '', CRM_DATA_DIR: 'memory://', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
const database = await openDatabase(config);
const { db } = database;
try {
  await migrate(database.pool);
  const { book, idOf } = await loadBook(db);
  const embedder = await openEmbedder(config);
  await drainEmbeddingQueue(db, embedder);
  const space = { model: embedder.model, dims: embedder.dimensions };
  const vectors = await embedder.embed(book.questions.map((q) => q.q));
  const text = new Map(book.records.map((r) => [r.id, r.text]));
  const modes: Array<Omit<KnowledgeQuery, 'question' | 'vector'>> = [
    { arms: { fulltext: true, vector: false } },
    { arms: { fulltext: false, vector: true } },
    {},
  ];
  // story -> unjudged record -> questions that ranked it in a top 3
  const found = new Map<string, Map<string, Set<string>>>();
  for (const [i, q] of book.questions.entries()) {
    if (!q.story) continue;
    for (const mode of modes) {
      const r = await searchKnowledge(db, { question: q.q, vector: { space, values: vectors[i]! }, limit: 3, ...mode });
      for (const h of r.hits.slice(0, 3)) {
        const id = idOf.get(h.sourceId) ?? h.sourceId;
        if (q.rel[id] || id.startsWith('letter-')) continue;
        const byRecord = found.get(q.story) ?? new Map<string, Set<string>>();
        byRecord.set(id, (byRecord.get(id) ?? new Set()).add(q.q));
        found.set(q.story, byRecord);
      }
    }
  }
  for (const [story, byRecord] of found) {
    console.log(`\n## ${story} (${book.questions.find((q) => q.story === story)!.split}): ${text.get(story)}`);
    for (const [id, qs] of byRecord) console.log(`  - ${id}: ${text.get(id)}\n      by: ${[...qs].join(' | ')}`);
  }
} finally {
  await database.close();
}
