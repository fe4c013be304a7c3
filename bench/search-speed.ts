/**
 * Speed of hybrid search and of filling the vector index, each figure beside the bare SQL
 * query's in the same run.
 *   node dist/bench/search-speed.js [leads=10000]             embedded database (PGlite)
 *   DATABASE_URL=postgres://... node dist/bench/search-speed.js [leads=100000] --server
 *   node dist/bench/search-speed.js 10000 --data /tmp/bench-10k   embedded, kept in that folder:
 *     the first run seeds and embeds it, later runs with the same lead count reuse it (minutes saved)
 * Seeds the demo book at that scale (about 9-10 notes and communications per lead), embeds it
 * with the configured model (default local-sif-100) with the HNSW index dropped, builds the
 * index, then times each search mode over the labelled questions (3 runs each, p50/p95). "hybrid"
 * is the default (coverage-first full text, convex fusion, near-duplicate collapsing); the bare
 * full-text baseline ranks every any-word match by ts_rank, as the arm did before issue 10.
 * "vector, no collapse" and "vector arm alone, 50 / 10" split vector mode's cost: the search
 * without near-duplicate collapsing, and `vectorArm` by itself at the search's depth and at k.
 * Prints figures; asserts nothing.
 */
import { sql, type SQL } from 'drizzle-orm';
import { openEmbedder } from '../src/ai/embeddings/factory.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { seedDemoData } from '../src/seed/index.js';
import { enqueueSources } from '../src/crm/knowledge/embedding-jobs.js';
import { drainEmbeddingQueue } from '../src/crm/knowledge/embedding-worker.js';
import { searchKnowledge, type KnowledgeQuery } from '../src/crm/knowledge/hybrid-search.js';
import { tsQuery } from '../src/crm/knowledge/scope.js';
import { vectorArm } from '../src/crm/knowledge/vector-arm.js';
import { dropModelIndex, ensureModelIndex, modelIs, vectorDistance } from '../src/crm/knowledge/vector-index.js';
import { matchingLeadIdsSql } from '../src/crm/leads/search-filters.js';
import { LABELLED } from './labelled-queries.js';

const server = process.argv.includes('--server');
const dataAt = process.argv.indexOf('--data');
const dataDir = dataAt > 0 ? process.argv[dataAt + 1] : undefined;
const leads = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? (server ? 100_000 : 10_000));
const config = loadConfig({
  ...process.env,
  ...(server ? {} : { DATABASE_URL: '', CRM_DATA_DIR: dataDir ?? 'memory://' }),
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
});
if (server && !config.DATABASE_URL) throw new Error('--server needs DATABASE_URL');
const database = await openDatabase(config);
const { db } = database;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

try {
  await migrate(database.pool);
  const embedder = await openEmbedder(config);
  const space = { model: embedder.model, dims: embedder.dimensions };
  const count1 = async (q: SQL) => Number((await db.execute<{ n: number }>(q)).rows[0]!.n);
  // A kept folder is reused when it holds this many leads, embedded with this model and indexed.
  const reusable =
    dataDir !== undefined &&
    (await count1(sql`select count(*)::int as n from leads`)) === leads &&
    (await count1(sql`select count(*)::int as n from embeddings where model = ${embedder.model}`)) > 0;
  if (reusable) {
    console.log(
      `embedded database in ${dataDir}, reused: ${leads} leads, ${await count1(sql`select count(*)::int as n from embeddings where model = ${embedder.model}`)} vectors (${embedder.model})`,
    );
    await ensureModelIndex(db, space);
  } else {
    const [seeded, seedMs] = await time(() =>
      seedDemoData(db, database.pool, {
        scale: leads,
        reset: true,
        anchorDate: '2026-11-01',
        onProgress: (d, t, phase) => phase === 'loading' && d % 10_000 === 0 && console.error(`seed ${d}/${t}`),
      }),
    );
    const texts = seeded.notes + seeded.communications + seeded.tickets;
    console.log(
      `${server ? 'server' : 'embedded'} database; ${seeded.leads} leads, ${seeded.notes} notes, ${seeded.communications} communications, ${seeded.tickets} tickets (seeded in ${secs(seedMs)})`,
    );

    const sample = (await db.execute<{ text: string }>(sql`select body as text from lead_notes limit 5000`)).rows.map((r) => r.text);
    const [, embedMs] = await time(() => embedder.embed(sample));
    console.log(
      `embedder ${embedder.model}: ${Math.round(sample.length / (embedMs / 1000))} texts/s (${sample.length} notes, one call, no database)`,
    );

    await dropModelIndex(db, embedder.model);
    await db.execute(sql`delete from embeddings where model = ${embedder.model}`);
    await enqueueSources(db, embedder.model);
    let last = 0;
    const [drained, ingestMs] = await time(() =>
      drainEmbeddingQueue(db, embedder, {
        batchSize: 256,
        ensureIndex: false,
        onProgress: (p) => {
          if (p.processed - last >= 10_000) console.error(`embedded ${(last = p.processed)}`);
        },
      }),
    );
    const rows = Number(
      (await db.execute<{ n: number }>(sql`select count(*)::int as n from embeddings where model = ${embedder.model}`)).rows[0]!.n,
    );
    console.log(
      `ingestion (worker: claim, read, chunk, embed, write, finish): ${drained.processed} jobs -> ${rows} vectors in ${secs(ingestMs)} = ${Math.round(drained.processed / (ingestMs / 1000))} texts/s (${texts} texts)`,
    );
    const [, bulkMs] = await time(() =>
      db.execute(
        sql`create temp table bench_copy as select source_type, source_id, chunk_index, lead_id, client_id, model, dimensions, embedding, content, content_hash from embeddings where model = ${embedder.model}`,
      ),
    );
    console.log(
      `  bare SQL baseline: copying those ${rows} rows with one CREATE TABLE AS: ${secs(bulkMs)} = ${Math.round(rows / (bulkMs / 1000))} rows/s`,
    );
    await db.execute(sql`drop table bench_copy`);
    const [, hnswMs] = await time(() => ensureModelIndex(db, space));
    console.log(`HNSW build (m=16, ef_construction=64, cosine) over ${rows} vectors of ${space.dims} dims: ${secs(hnswMs)}`);
    await db.execute(sql`analyze`);
  }

  const questions = LABELLED.map(([q]) => q);
  const vectors = await embedder.embed(questions);
  const filters = { statuses: ['quoting', 'quoted', 'nurturing'], lines: ['auto'] };
  const someLead = (
    await db.execute<{ id: string }>(sql`select lead_id as id from lead_notes group by lead_id order by count(*) desc limit 1`)
  ).rows[0]!.id;
  const now = new Date();
  const bareFts = (q: string, extra: SQL = sql`true`) =>
    sql`select id from (select id, ts_rank(search_vector, ${tsQuery(q)}) as r from lead_notes where search_vector @@ ${tsQuery(q)} and ${extra}
      union all select id, ts_rank(search_vector, ${tsQuery(q)}) from lead_communications where search_vector @@ ${tsQuery(q)} and ${extra}) x order by r desc limit 10`;
  const bareVec = (v: number[], extra: SQL = sql`true`) =>
    sql`select e.source_id from embeddings e where ${modelIs(space.model)} and ${extra} order by ${vectorDistance(space, v)} limit 10`;
  const leadIn = sql`lead_id in (${matchingLeadIdsSql(filters, now)})`;

  type Case = { name: string; ours: (i: number) => Promise<number>; bare: (i: number) => Promise<number> };
  const ks = (q: Omit<KnowledgeQuery, 'question'>, i: number) =>
    searchKnowledge(db, { ...q, question: questions[i]!, limit: 10 }).then((r) => r.hits.length);
  const vq = (i: number) => ({ space, values: vectors[i]! });
  const count = (s: SQL) => db.execute(s).then((r) => r.rows.length);
  const cases: Case[] = [
    { name: 'full text', ours: (i) => ks({ arms: { fulltext: true, vector: false } }, i), bare: (i) => count(bareFts(questions[i]!)) },
    {
      name: 'vector',
      ours: (i) => ks({ vector: vq(i), arms: { fulltext: false, vector: true } }, i),
      bare: (i) => count(bareVec(vectors[i]!)),
    },
    {
      name: 'vector, no collapse',
      ours: (i) => ks({ vector: vq(i), arms: { fulltext: false, vector: true }, collapse: false }, i),
      bare: (i) => count(bareVec(vectors[i]!)),
    },
    {
      name: 'vector arm alone, 50',
      ours: (i) => vectorArm(db, vq(i), {}, 50).then((h) => h.length),
      bare: (i) => count(bareVec(vectors[i]!)),
    },
    {
      name: 'vector arm alone, 10',
      ours: (i) => vectorArm(db, vq(i), {}, 10).then((h) => h.length),
      bare: (i) => count(bareVec(vectors[i]!)),
    },
    {
      name: 'hybrid',
      ours: (i) => ks({ vector: vq(i) }, i),
      bare: async (i) => (await count(bareFts(questions[i]!))) + (await count(bareVec(vectors[i]!))),
    },
    {
      name: 'hybrid (RRF)',
      ours: (i) => ks({ vector: vq(i), fusion: { method: 'rrf' } }, i),
      bare: async (i) => (await count(bareFts(questions[i]!))) + (await count(bareVec(vectors[i]!))),
    },
    {
      name: 'hybrid, lead filters',
      ours: (i) => ks({ vector: vq(i), leadFilters: filters, now }, i),
      bare: async (i) => (await count(bareFts(questions[i]!, leadIn))) + (await count(bareVec(vectors[i]!, sql`e.${leadIn}`))),
    },
    {
      name: 'vector, lead filters',
      ours: (i) => vectorArm(db, vq(i), { leadFilters: filters, now }, 10).then((h) => h.length),
      bare: (i) => count(bareVec(vectors[i]!, sql`e.${leadIn}`)),
    },
    {
      name: 'hybrid, one lead',
      ours: (i) => ks({ vector: vq(i), leadId: someLead }, i),
      bare: async (i) =>
        (await count(bareFts(questions[i]!, sql`lead_id = ${someLead}`))) +
        (await count(bareVec(vectors[i]!, sql`e.lead_id = ${someLead}`))),
    },
  ];
  console.log(`\nsearch latency, ${questions.length} questions x 3 runs, k=10 (ms)`);
  console.log(
    '| mode                 | p50    | p95    | bare SQL p50 | bare SQL p95 | p50 ours / bare | rows (ours / bare, min over runs) |',
  );
  console.log(
    '|----------------------|--------|--------|--------------|--------------|-----------------|-----------------------------------|',
  );
  for (const c of cases) {
    const ours: number[] = [];
    const bare: number[] = [];
    let minOurs = Infinity;
    let minBare = Infinity;
    for (let run = 0; run < 3; run++) {
      for (let i = 0; i < questions.length; i++) {
        // Which goes first alternates: the second of a pair finds the first's pages in cache.
        const oursFirst = (run + i) % 2 === 0;
        if (!oursFirst) {
          const [b, bms] = await time(() => c.bare(i));
          bare.push(bms);
          minBare = Math.min(minBare, b);
        }
        const [n, ms] = await time(() => c.ours(i));
        ours.push(ms);
        minOurs = Math.min(minOurs, n);
        if (oursFirst) {
          const [b, bms] = await time(() => c.bare(i));
          bare.push(bms);
          minBare = Math.min(minBare, b);
        }
      }
    }
    console.log(
      `| ${c.name.padEnd(20)} | ${pct(ours, 50).toFixed(1).padStart(6)} | ${pct(ours, 95).toFixed(1).padStart(6)} | ${pct(bare, 50).toFixed(1).padStart(12)} | ${pct(bare, 95).toFixed(1).padStart(12)} | ${(pct(ours, 50) / pct(bare, 50)).toFixed(2).padStart(15)} | ${`${minOurs} / ${minBare}`.padStart(33)} |`,
    );
  }
  // What the vector arm's extra depth buys: recall@10 of distinct texts against an exact scan.
  const exactTop = async (v: number[]) =>
    (
      await db.execute<{ id: string }>(
        sql`select source_id as id from (select distinct on (source_id) source_id, ${vectorDistance(space, v)} as d from embeddings e
          where ${modelIs(space.model)} order by source_id, d) x order by d limit 10`,
      )
    ).rows.map((r) => r.id);
  const recall = { bare: 0, arm10: 0, arm50: 0 };
  for (let i = 0; i < questions.length; i++) {
    const exact = new Set(await exactTop(vectors[i]!));
    const hit = (ids: string[]) => [...new Set(ids)].filter((x) => exact.has(x)).length / 10 / questions.length;
    recall.bare += hit((await db.execute<{ source_id: string }>(bareVec(vectors[i]!))).rows.map((r) => r.source_id));
    recall.arm10 += hit((await vectorArm(db, vq(i), {}, 10)).map((h) => h.sourceId));
    recall.arm50 += hit((await vectorArm(db, vq(i), {}, 50)).slice(0, 10).map((h) => h.sourceId));
  }
  console.log(
    `\nvector recall@10 (distinct texts, against an exact scan): bare SQL ${recall.bare.toFixed(3)}, vector arm at k ${recall.arm10.toFixed(3)}, vector arm at the search's depth 50 ${recall.arm50.toFixed(3)}`,
  );
  const matching = Number(
    (await db.execute<{ n: number }>(sql`select count(*)::int as n from embeddings e where ${modelIs(space.model)} and e.${leadIn}`))
      .rows[0]!.n,
  );
  console.log(
    `\nfiltered vector search: ${matching} vectors match the lead filters ${JSON.stringify(filters)}; k=10 rows come back from ours whenever >= 10 match (see the "rows" column; bare SQL is plain HNSW without iterative scan).`,
  );
} finally {
  await database.close();
}
