/**
 * Retrieval quality of search_knowledge's arms on the demo book: full text only, vector only and
 * hybrid (RRF), by recall@10 and nDCG@10 over a labelled query set.
 *   node dist/bench/retrieval-quality.js [leads=300]
 * The set: each query is a paraphrase of a story the seeder writes (src/seed/text-themes.ts),
 * worded to share few words with it; the relevant records are those whose text carries that
 * story's signature (a regex over the seeded templates, all variants and the short "about <gist>"
 * mentions included). Recall@10 is capped: hits / min(10, |relevant|). Uses the configured
 * embedding model (default: the local one). "hybrid" uses the default arm weights (full text 0.8);
 * "hybrid 1:1" weighs both arms equally, for comparison.
 */
import { sql } from 'drizzle-orm';
import { openEmbedder } from '../src/ai/embeddings/factory.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { seedDemoData } from '../src/seed/index.js';
import { searchKnowledge } from '../src/crm/knowledge/hybrid-search.js';
import { sourceRowsSql } from '../src/crm/knowledge/sources.js';
import { runEmbedCommand } from '../src/embed-command.js';
import { LABELLED } from './labelled-queries.js';

const config = loadConfig({ ...process.env, CRM_DATA_DIR: 'memory://', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
const leads = Number(process.argv[2] ?? 300);
const database = await openDatabase({ ...config, DATABASE_URL: undefined });
try {
  const { db } = database;
  await migrate(database.pool);
  const t0 = performance.now();
  // A fixed anchor keeps the book's prose (dates, model years) and so the figures the same every day.
  const seeded = await seedDemoData(db, database.pool, { scale: leads, anchorDate: '2026-11-01' });
  const embedder = await openEmbedder(config);
  const embedded = await runEmbedCommand(database, config, { backfill: true, embedder });
  console.log(
    `book: ${seeded.leads} leads, ${seeded.notes} notes, ${seeded.communications} communications, ${seeded.tickets} tickets; model ${embedder.model}; ${embedded.processed} texts embedded; setup ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const modes = {
    fulltext: { arms: { fulltext: true, vector: false } },
    vector: { arms: { fulltext: false, vector: true } },
    hybrid: { arms: { fulltext: true, vector: true } },
    'hybrid 1:1': { arms: { fulltext: true, vector: true }, weights: [1, 1] as [number, number] },
  } as const;
  const totals = Object.fromEntries(Object.keys(modes).map((m) => [m, { recall: 0, ndcg: 0 }])) as Record<
    keyof typeof modes,
    { recall: number; ndcg: number }
  >;
  const perQuery: string[] = [];
  for (const [question, signature] of LABELLED) {
    const relevant = new Set<string>();
    for (const type of ['note', 'communication', 'ticket'] as const) {
      const r = await db.execute<{ source_id: string }>(sql`select source_id from (${sourceRowsSql(type)}) x where x.text ~* ${signature}`);
      for (const row of r.rows) relevant.add(`${type}:${row.source_id}`);
    }
    const [values] = await embedder.embed([question]);
    const vector = { space: { model: embedder.model, dims: embedder.dimensions }, values: values! };
    const line: string[] = [];
    for (const [mode, how] of Object.entries(modes) as [keyof typeof modes, (typeof modes)[keyof typeof modes]][]) {
      const { hits } = await searchKnowledge(db, { question, vector, ...how, limit: 10, rrfK: config.CRM_RRF_K });
      const gains = hits.map((h) => (relevant.has(`${h.sourceType}:${h.sourceId}`) ? 1 : 0));
      const found = gains.reduce<number>((a, b) => a + b, 0);
      const ideal = Math.min(10, relevant.size);
      const dcg = gains.reduce<number>((acc, g, i) => acc + g / Math.log2(i + 2), 0);
      const idcg = Array.from({ length: ideal }, (_, i) => 1 / Math.log2(i + 2)).reduce((a, b) => a + b, 0);
      totals[mode].recall += ideal ? found / ideal : 0;
      totals[mode].ndcg += idcg ? dcg / idcg : 0;
      line.push(`${mode} ${found}/10`);
    }
    perQuery.push(`  ${question.padEnd(66)} |R|=${String(relevant.size).padStart(4)}  ${line.join('  ')}`);
  }
  console.log('per query (relevant hits in the top 10):');
  for (const l of perQuery) console.log(l);
  const n = LABELLED.length;
  console.log(`\n${n} queries, k=10, RRF k=${config.CRM_RRF_K}`);
  console.log('| mode       | recall@10 | nDCG@10 |');
  console.log('|------------|-----------|---------|');
  for (const m of Object.keys(modes) as (keyof typeof modes)[]) {
    console.log(`| ${m.padEnd(10)} | ${(totals[m].recall / n).toFixed(3).padStart(9)} | ${(totals[m].ndcg / n).toFixed(3).padStart(7)} |`);
  }
} finally {
  await database.close();
}
