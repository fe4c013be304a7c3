/**
 * One HNSW index per embedding model. `embeddings.embedding` has no fixed dimension, so each
 * model gets a partial index over `embedding::vector(d)` (halfvec above pgvector's 2000-dimension
 * HNSW limit) `WHERE model = '<model>'`, created when the model is first used. Queries must use
 * `vectorDistance` (the same expression, with the model as a literal) or the planner cannot
 * match the partial index.
 */
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { pgErrorOf, ValidationError } from '../../errors.js';

/** pgvector's HNSW limit for `vector`; `halfvec` goes to 4000. */
const MAX_VECTOR_HNSW = 2000;
const MAX_HALFVEC_HNSW = 4000;

export interface VectorSpace {
  model: string;
  dims: number;
}

function checkSpace({ model, dims }: VectorSpace): void {
  if (!Number.isInteger(dims) || dims < 1 || dims > MAX_HALFVEC_HNSW) {
    throw new ValidationError(`Embedding dimension ${dims} is out of range (1-${MAX_HALFVEC_HNSW}).`, [
      { field: 'CRM_EMBEDDING_DIMENSIONS', message: 'out of range' },
    ]);
  }
  if (!model || model.length > 200 || [...model].some((ch) => ch.charCodeAt(0) < 32)) {
    throw new ValidationError(`Unusable embedding model name ${JSON.stringify(model)}.`, [
      { field: 'CRM_EMBEDDING_MODEL', message: 'invalid' },
    ]);
  }
}

/** `vector(d)` or `halfvec(d)`: the type vectors of this size are cast to, in the index and in queries. */
export function vectorType(dims: number): SQL {
  return sql.raw(dims <= MAX_VECTOR_HNSW ? `vector(${dims})` : `halfvec(${dims})`);
}

/** The model name as a SQL string literal (quotes doubled): partial-index matching needs a literal, not a parameter. */
export function modelLiteral(model: string): SQL {
  return sql.raw(`'${model.replace(/'/g, "''")}'`);
}

/** Name of a model's index: readable part plus a hash, so "a-b" and "a_b" never collide; within 63 bytes. */
export function hnswIndexName(model: string): string {
  const safe = model
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .slice(0, 36);
  const hash = createHash('sha256').update(model).digest('hex').slice(0, 8);
  return `embeddings_hnsw_${safe}_${hash}`;
}

/** `(alias.embedding::vector(d) <=> '<q>'::vector(d))`: cosine distance in the indexed expression. */
export function vectorDistance(space: VectorSpace, query: readonly number[], alias = 'e'): SQL {
  checkSpace(space);
  const t = vectorType(space.dims);
  return sql`(${sql.raw(alias)}.embedding::${t} <=> ${toVectorText(query)}::${t})`;
}

/** `alias.model = '<model>'` as a literal, matching the partial index predicate. */
export function modelIs(model: string, alias = 'e'): SQL {
  return sql`${sql.raw(alias)}.model = ${modelLiteral(model)}`;
}

/** pgvector text form of a vector. */
export function toVectorText(v: readonly number[]): string {
  return `[${v.join(',')}]`;
}

/**
 * Creates the model's HNSW index if it does not exist (idempotent; concurrent creators are fine).
 * Checks the catalog first, lock-free, so calling it per batch costs one lookup. Plain CREATE INDEX,
 * not CONCURRENTLY: it runs when a model is first used, when it has few rows.
 */
export async function ensureModelIndex(db: DbOrTx, space: VectorSpace): Promise<string> {
  checkSpace(space);
  const name = hnswIndexName(space.model);
  const found = await db.execute<{ present: boolean }>(sql`select to_regclass(${name}) is not null as present`);
  if (found.rows[0]?.present) return name;
  const ops = space.dims <= MAX_VECTOR_HNSW ? 'vector_cosine_ops' : 'halfvec_cosine_ops';
  try {
    await db.execute(
      sql`create index if not exists ${sql.identifier(name)} on embeddings using hnsw ((embedding::${vectorType(space.dims)}) ${sql.raw(ops)}) where model = ${modelLiteral(space.model)}`,
    );
  } catch (err) {
    // Two workers creating it at once: the loser sees a duplicate; the index exists either way.
    if (!['23505', '42P07'].includes(pgErrorOf(err)?.code ?? '')) throw err;
  }
  return name;
}

/** Drops a model's index (benchmarks rebuild it to time the build). */
export async function dropModelIndex(db: DbOrTx, model: string): Promise<void> {
  await db.execute(sql`drop index if exists ${sql.identifier(hnswIndexName(model))}`);
}
