/**
 * Retrieval quality of search_knowledge and search_leads free text on the labelled book
 * (bench/retrieval/book.ts): full text only, vector only, RRF and the convex fusion (the default),
 * by recall@10, nDCG@10 and MRR with 95% bootstrap intervals on the test split, plus the paired
 * difference of the default minus the best single arm. Parameters are chosen on the dev split only
 * (the grid is printed); the low-confidence threshold is calibrated on dev too. Test nDCG@10 is
 * also printed by question form (paraphrase, abbreviation, Spanish).
 *   npx tsx bench/retrieval/run.ts            (or node dist/bench/retrieval/run.js; ~70 s)
 * Labelling review (unjudged records in any arm's top 3): npx tsx bench/retrieval/review.ts
 * Uses the configured embedding model (default: the local one). Prints figures; asserts nothing.
 */
import { openEmbedder } from '../../src/ai/embeddings/factory.js';
import { loadConfig } from '../../src/config.js';
import { drainEmbeddingQueue } from '../../src/crm/knowledge/embedding-worker.js';
import { DEFAULT_FUSION, type FusionParams } from '../../src/crm/knowledge/fusion.js';
import { searchKnowledge, type KnowledgeQuery } from '../../src/crm/knowledge/hybrid-search.js';
import { rankLeadsByKnowledge } from '../../src/crm/knowledge/lead-rank.js';
import { searchLeads } from '../../src/crm/leads/search.js';
import { expandQuestion } from '../../src/crm/knowledge/question-expansion.js';
import { questionToEmbed } from '../../src/crm/knowledge/spanish-question.js';
import { openDatabase } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { LEADS } from './book.js';
import { loadBook } from './load-book.js';
import { bootstrapMean, pairedDifference, score, type Scores } from './metrics.js';

const config = loadConfig({ ...process.env, DATABASE_URL: '', CRM_DATA_DIR: 'memory://', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
const database = await openDatabase(config);
const { db } = database;
const f3 = (x: number) => x.toFixed(3);
const f4 = (x: number) => x.toFixed(4);

try {
  await migrate(database.pool);
  const { book, leadIds, idOf } = await loadBook(db);
  const embedder = await openEmbedder(config);
  await drainEmbeddingQueue(db, embedder);
  const space = { model: embedder.model, dims: embedder.dimensions };
  // --expand: questions expanded by the insurance vocabulary before they are embedded (vector arm only).
  const expand = process.argv.includes('--expand');
  const vectors = await embedder.embed(
    await Promise.all(book.questions.map((q) => (expand ? expandQuestion(db, q.q) : questionToEmbed(q.q)))),
  );
  console.log(
    `book: ${LEADS.length} leads, ${book.records.length} records; ${book.questions.length} questions (dev ${book.questions.filter((q) => q.split === 'dev').length}, test ${book.questions.filter((q) => q.split === 'test').length}; ${book.questions.filter((q) => !q.story).length} with no answer); model ${embedder.model}`,
  );

  type Mode = Omit<KnowledgeQuery, 'question' | 'vector'>;
  const run = async (mode: Mode, i: number) => {
    const r = await searchKnowledge(db, { question: book.questions[i]!.q, vector: { space, values: vectors[i]! }, limit: 10, ...mode });
    return { ranked: r.hits.map((h) => idOf.get(h.sourceId) ?? h.sourceId), lowConfidence: r.lowConfidence };
  };
  const answerable = (split: 'dev' | 'test') =>
    book.questions
      .map((q, i) => [q, i] as const)
      .filter(([q]) => q.split === split && q.story)
      .map(([, i]) => i);
  const perQuery = async (mode: Mode, ids: number[]): Promise<Scores[]> => {
    const out: Scores[] = [];
    for (const i of ids) out.push(score((await run(mode, i)).ranked, book.questions[i]!.rel));
    return out;
  };
  const avg = (xs: Scores[], k: keyof Scores) => xs.reduce((a, s) => a + s[k], 0) / xs.length;

  // Dev: choose the convex weight, and compare RRF k.
  const dev = answerable('dev');
  console.log('\ndev split: convex fusion by full-text weight (nDCG@10 / MRR)');
  let bestW = DEFAULT_FUSION.fulltextWeight;
  let bestN = -1;
  for (const w of [0.3, 0.5, 0.6, 0.7, 0.8, 0.9]) {
    const s = await perQuery({ fusion: { fulltextWeight: w } }, dev);
    console.log(`  w=${w}: ${f3(avg(s, 'ndcg'))} / ${f3(avg(s, 'mrr'))}`);
    if (avg(s, 'ndcg') > bestN + 1e-9) [bestN, bestW] = [avg(s, 'ndcg'), w];
  }
  console.log(`  best on dev: w=${bestW} (default in code: ${DEFAULT_FUSION.fulltextWeight})`);
  for (const vectorNorm of ['minmax', 'raw'] as const) {
    for (const w of [0.3, 0.5, 0.6, 0.7]) {
      const s = await perQuery({ fusion: { fulltextWeight: w, vectorNorm } }, dev);
      console.log(`  ${vectorNorm} w=${w}: ${f3(avg(s, 'ndcg'))} / ${f3(avg(s, 'mrr'))}`);
    }
  }
  for (const [name, mode] of [
    ['full text', { arms: { fulltext: true, vector: false } }],
    ['vector', { arms: { fulltext: false, vector: true } }],
    ['RRF', { fusion: { method: 'rrf' } }],
    ['RRF 1:1', { fusion: { method: 'rrf' }, weights: [1, 1] }],
  ] as Array<[string, Mode]>) {
    const s = await perQuery(mode, dev);
    console.log(`  ${name}: ${f3(avg(s, 'ndcg'))} / ${f3(avg(s, 'mrr'))}`);
  }
  // Dev by question form (recall@10 / nDCG@10 / MRR per mode): where a class of question fails.
  const byForm = async (ids: number[], label: string) => {
    for (const form of ['paraphrase', 'abbreviation', 'spanish'] as const) {
      const of = ids.filter((i) => book.questions[i]!.form === form);
      const cells: string[] = [];
      for (const [name, mode] of [
        ['full text', { arms: { fulltext: true, vector: false } }],
        ['vector', { arms: { fulltext: false, vector: true } }],
        ['RRF', { fusion: { method: 'rrf' } }],
        ['convex', {}],
      ] as Array<[string, Mode]>) {
        const s = await perQuery(mode, of);
        cells.push(`${name} ${f3(avg(s, 'recall'))} / ${f3(avg(s, 'ndcg'))} / ${f3(avg(s, 'mrr'))}`);
      }
      console.log(`  ${label} ${form} (${of.length}; recall@10 / nDCG@10 / MRR): ${cells.join(', ')}`);
    }
  };
  console.log('\ndev split by question form');
  await byForm(dev, 'dev');
  if (process.argv.includes('--dev-only')) process.exit(0);

  // Low-confidence threshold on dev: answerable questions should not be flagged, no-answer ones should.
  console.log('\ndev split: lowConfidence by minSimilarity (flagged answerable / flagged no-answer)');
  const devAll = book.questions.map((q, i) => [q, i] as const).filter(([q]) => q.split === 'dev');
  for (const m of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55]) {
    let fa = 0;
    let fn = 0;
    for (const [q, i] of devAll) {
      const low = (await run({ fusion: { minSimilarity: m } }, i)).lowConfidence;
      if (q.story && low) fa++;
      if (!q.story && low) fn++;
    }
    console.log(
      `  ${m}: ${fa}/${devAll.filter(([q]) => q.story).length} answerable flagged, ${fn}/${devAll.filter(([q]) => !q.story).length} no-answer flagged`,
    );
  }

  // Test: the report.
  const test = answerable('test');
  const modes: Record<string, Mode> = {
    'full text': { arms: { fulltext: true, vector: false } },
    vector: { arms: { fulltext: false, vector: true } },
    RRF: { fusion: { method: 'rrf' } },
    'convex (default)': {},
  };
  const results: Record<string, Scores[]> = {};
  for (const [name, mode] of Object.entries(modes)) results[name] = await perQuery(mode, test);
  const ci = (xs: number[]) => {
    const [m, lo, hi] = bootstrapMean(xs);
    return `${f3(m)} [${f3(lo)}, ${f3(hi)}]`;
  };
  const table = (title: string, res: Record<string, Scores[]>, n: number) => {
    console.log(`\n${title} (test split, ${n} answerable questions, k=10, 95% bootstrap CI, 2000 resamples)`);
    console.log('| mode               | recall@10              | nDCG@10                | MRR                    |');
    console.log('|--------------------|------------------------|------------------------|------------------------|');
    for (const [name, s] of Object.entries(res)) {
      console.log(`| ${name.padEnd(18)} | ${ci(s.map((x) => x.recall))} | ${ci(s.map((x) => x.ndcg))} | ${ci(s.map((x) => x.mrr))} |`);
    }
    const single = ['full text', 'vector'].sort((a, b) => avg(res[b]!, 'ndcg') - avg(res[a]!, 'ndcg'))[0]!;
    const def = Object.keys(res).find((k) => k.includes('default'))!;
    for (const k of ['recall', 'ndcg', 'mrr'] as const) {
      const [d, lo, hi] = pairedDifference(
        res[def]!.map((x) => x[k]),
        res[single]!.map((x) => x[k]),
      );
      console.log(
        `  ${def} minus best single arm (${single}), ${k}: ${f4(d)} [${f4(lo)}, ${f4(hi)}]${lo > 0 ? ' (outside the interval: better)' : ' (interval includes 0: not shown better)'}`,
      );
    }
  };
  table('search_knowledge', results, test.length);
  for (const form of ['paraphrase', 'abbreviation', 'spanish'] as const) {
    const of = test.map((i, j) => [book.questions[i]!.form, j] as const).filter(([f]) => f === form);
    const cells = Object.entries(results).map(([name, s]) => `${name} ${f3(of.reduce((a, [, j]) => a + s[j]!.ndcg, 0) / of.length)}`);
    console.log(`  nDCG@10 on the ${of.length} ${form} questions: ${cells.join(', ')}`);
  }
  await byForm(test, 'test');
  let flaggedAns = 0;
  let flaggedNone = 0;
  const testAll = book.questions.map((q, i) => [q, i] as const).filter(([q]) => q.split === 'test');
  for (const [q, i] of testAll) {
    const low = (await run({}, i)).lowConfidence;
    if (q.story && low) flaggedAns++;
    if (!q.story && low) flaggedNone++;
  }
  console.log(
    `  lowConfidence on test: ${flaggedNone}/${testAll.filter(([q]) => !q.story).length} no-answer questions flagged, ${flaggedAns}/${test.length} answerable flagged`,
  );

  // search_leads free text: the lead of the answering record is relevant.
  const leadOfRecord = new Map(book.records.map((r) => [r.id, leadIds[r.lead]!]));
  const now = new Date();
  const leadModes: Record<string, (i: number) => Promise<string[]>> = {
    'full text': async (i) => (await searchLeads(db, { query: book.questions[i]!.q }, { now, limit: 10 })).rows.map((r) => r.leadId),
    vector: (i) =>
      rankLeadsByKnowledge(db, {
        question: book.questions[i]!.q,
        vector: { space, values: vectors[i]! },
        filters: {},
        now,
        fulltext: false,
      }),
    RRF: (i) =>
      rankLeadsByKnowledge(db, {
        question: book.questions[i]!.q,
        vector: { space, values: vectors[i]! },
        filters: {},
        now,
        fusion: { method: 'rrf' },
      }),
    'convex (default)': (i) =>
      rankLeadsByKnowledge(db, { question: book.questions[i]!.q, vector: { space, values: vectors[i]! }, filters: {}, now }),
  };
  const leadResults: Record<string, Scores[]> = {};
  for (const [name, fn] of Object.entries(leadModes)) {
    leadResults[name] = [];
    for (const i of test) {
      const rel: Record<string, number> = {};
      for (const [rid, g] of Object.entries(book.questions[i]!.rel)) {
        const l = leadOfRecord.get(rid)!;
        rel[l] = Math.max(rel[l] ?? 0, g);
      }
      leadResults[name].push(score((await fn(i)).slice(0, 10), rel));
    }
  }
  table('search_leads free text', leadResults, test.length);
  const params: FusionParams = DEFAULT_FUSION;
  console.log(`\ndefaults: ${JSON.stringify(params)}`);
} finally {
  await database.close();
}
