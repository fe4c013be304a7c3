/**
 * Where a knowledge search spends its time: every SQL statement `searchKnowledge` runs, timed and
 * grouped by the function that issued it, over the labelled questions, on a database kept by
 * `bench/search-speed.ts --data DIR` (seed it there first).
 *   npx tsx bench/search-profile.ts /tmp/bench-10k [--explain] [--mode hybrid|fulltext|vector] [--filters] [--one-lead]
 * With --filters, every search carries the lead filters of search-speed's "lead filters" modes;
 * with --one-lead, every search is scoped to the lead with the most notes (get_lead_context's case).
 * With --explain, prints EXPLAIN (ANALYZE, BUFFERS) of each statement of the slowest question.
 * Prints figures; asserts nothing.
 */
import { sql, type SQL } from 'drizzle-orm';
import { openEmbedder } from '../src/ai/embeddings/factory.js';
import { loadConfig } from '../src/config.js';
import type { DbOrTx } from '../src/db/client.js';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { searchKnowledge } from '../src/crm/knowledge/hybrid-search.js';
import { SOURCE_TYPES, sourceRowsSql } from '../src/crm/knowledge/sources.js';
import { LABELLED } from './labelled-queries.js';

const dir = process.argv[2];
if (!dir || dir.startsWith('--')) throw new Error('usage: search-profile.ts DATA_DIR [--explain] [--mode hybrid|fulltext|vector]');
const explain = process.argv.includes('--explain');
const quality = process.argv.includes('--quality');
const modeAt = process.argv.indexOf('--mode');
const mode = modeAt > 0 ? process.argv[modeAt + 1]! : 'hybrid';
// The same filters as bench/search-speed.ts's "hybrid, lead filters".
const filtered = process.argv.includes('--filters')
  ? { leadFilters: { statuses: ['quoting', 'quoted', 'nurturing'], lines: ['auto'] }, now: new Date() }
  : {};
const config = loadConfig({ ...process.env, DATABASE_URL: '', CRM_DATA_DIR: dir, LOG_LEVEL: 'warn' });
const database = await openDatabase(config);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

interface Step {
  caller: string;
  ms: number;
  query: SQL;
}
let steps: Step[] = [];

function callerOf(stack: string): string {
  const frame = stack
    .split('\n')
    .slice(2)
    .find((l) => /src\/crm\//.test(l));
  const m = frame?.match(/at (?:async )?([\w.<>]+) \(.*\/(src\/crm\/[\w-]+)\.ts/);
  return m ? `${m[2]!.replace('src/crm/', '')}:${m[1]}` : (frame?.trim() ?? '?');
}

/** The database handle with every execute timed (transactions included). */
function traced(db: DbOrTx): DbOrTx {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'execute')
        return async (q: SQL) => {
          const caller = callerOf(new Error().stack ?? '');
          const t = performance.now();
          const r = await target.execute(q);
          steps.push({ caller, ms: performance.now() - t, query: q });
          return r;
        };
      if (prop === 'transaction')
        return (fn: (tx: DbOrTx) => Promise<unknown>) => {
          const t = performance.now();
          return target
            .transaction((tx) => fn(traced(tx)))
            .finally(() => steps.push({ caller: 'transaction (whole)', ms: performance.now() - t, query: sql`` }));
        };
      return Reflect.get(target, prop, receiver) as unknown;
    },
  }) as DbOrTx;
}

try {
  await migrate(database.pool);
  const embedder = await openEmbedder(config);
  const space = { model: embedder.model, dims: embedder.dimensions };
  const questions = LABELLED.map(([q]) => q);
  const vectors = await embedder.embed(questions);
  const db = traced(database.db);
  const oneLead = process.argv.includes('--one-lead')
    ? {
        leadId: (
          await database.db.execute<{ id: string }>(
            sql`select lead_id as id from lead_notes group by lead_id order by count(*) desc limit 1`,
          )
        ).rows[0]!.id,
      }
    : {};
  const arms = mode === 'fulltext' ? { fulltext: true, vector: false } : mode === 'vector' ? { fulltext: false, vector: true } : undefined;
  if (quality) {
    // Precision@10 against the set's signature regexes (bench/retrieval-quality.ts): at this scale
    // every story has far more than 10 relevant records, so capped recall@10 is precision@10.
    let sum = 0;
    for (let i = 0; i < questions.length; i++) {
      const r = await searchKnowledge(database.db, {
        question: questions[i]!,
        vector: { space, values: vectors[i]! },
        limit: 10,
        ...(arms ? { arms } : {}),
      });
      const ids = r.hits.map((h) => h.sourceId);
      const rel = ids.length
        ? Number(
            (
              await database.db.execute<{ n: number }>(
                sql`select count(*)::int as n from (${sql.join(
                  SOURCE_TYPES.map((t) => sourceRowsSql(t, sql`s.id = any(${sql.param(ids)}::uuid[])`)),
                  sql` union all `,
                )}) x where x.text ~* ${LABELLED[i]![1]}`,
              )
            ).rows[0]!.n,
          )
        : 0;
      sum += rel / 10;
    }
    console.log(`precision@10 (${mode}, signature regexes, ${questions.length} questions): ${(sum / questions.length).toFixed(3)}`);
  }
  const byCaller = new Map<string, number[]>();
  const totals: number[] = [];
  const cpus: number[] = [];
  let slowest = { ms: 0, i: 0, steps: [] as Step[] };
  for (let run = 0; run < 3; run++) {
    for (let i = 0; i < questions.length; i++) {
      steps = [];
      const t = performance.now();
      const c0 = process.cpuUsage();
      await searchKnowledge(db, {
        question: questions[i]!,
        vector: { space, values: vectors[i]! },
        limit: 10,
        ...(arms ? { arms } : {}),
        ...filtered,
        ...oneLead,
      });
      const ms = performance.now() - t;
      const c = process.cpuUsage(c0);
      cpus.push((c.user + c.system) / 1000);
      totals.push(ms);
      const per = new Map<string, number>();
      for (const s of steps) per.set(s.caller, (per.get(s.caller) ?? 0) + s.ms);
      for (const [c, v] of per) byCaller.set(c, [...(byCaller.get(c) ?? []), v]);
      if (run > 0 && ms > slowest.ms) slowest = { ms, i, steps };
    }
  }
  console.log(
    `mode ${mode}${process.argv.includes('--filters') ? ', lead filters' : ''}: total p50 ${pct(totals, 50).toFixed(1)} p95 ${pct(totals, 95).toFixed(1)} ms over ${totals.length} searches; CPU of this process (the embedded database runs in it) p50 ${pct(cpus, 50).toFixed(1)} p95 ${pct(cpus, 95).toFixed(1)} ms`,
  );
  console.log('| issued by | calls/search | p50 | p95 | mean |');
  for (const [c, xs] of [...byCaller].sort((a, b) => b[1].reduce((s, x) => s + x, 0) - a[1].reduce((s, x) => s + x, 0))) {
    console.log(
      `| ${c} | ${(xs.length / totals.length).toFixed(2)} | ${pct(xs, 50).toFixed(1)} | ${pct(xs, 95).toFixed(1)} | ${(xs.reduce((s, x) => s + x, 0) / xs.length).toFixed(1)} |`,
    );
  }
  console.log(`\nslowest: "${questions[slowest.i]}" ${slowest.ms.toFixed(1)} ms`);
  for (const s of slowest.steps) console.log(`  ${s.ms.toFixed(1).padStart(7)} ms  ${s.caller}`);
  if (explain) {
    for (const s of slowest.steps) {
      if (!s.caller.includes(':') || s.caller.includes('transaction')) continue;
      const plan = await database.db
        .execute<{ 'QUERY PLAN': string }>(sql`explain (analyze, buffers) ${s.query}`)
        .catch((e: Error) => ({ rows: [{ 'QUERY PLAN': e.message }] }));
      console.log(`\n--- ${s.caller}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
  }
} finally {
  await database.close();
}
