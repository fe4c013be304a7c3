/**
 * The embedding provider contract shared by the hosted (OpenAI-compatible) and the local
 * embedder. Every vector is stored with `model` and `dimensions`, so vectors of different
 * providers never mix in one index.
 */
import { AppError } from '../../errors.js';

export interface EmbeddingProvider {
  /** The name stored beside every vector (`embeddings.model`); one HNSW index per name. */
  readonly model: string;
  /** Length of every vector `embed` returns. */
  readonly dimensions: number;
  /**
   * Embeds texts, one vector per text, in order. Vectors are unit length (cosine-ready).
   * A text with nothing to embed (blank, punctuation only) gets a zero vector; callers skip it.
   */
  embed(texts: string[]): Promise<number[][]>;
  /** Checks the provider once before use (reachability, dimension); throws a clear error. */
  verify?(): Promise<void>;
}

/** A server returned vectors of another length than configured (some compatible servers silently truncate). */
export class EmbeddingDimensionError extends AppError {
  constructor(model: string, expected: number, actual: number) {
    super(
      'VALIDATION',
      `The embedding model ${model} returned ${actual}-dimensional vectors, but CRM_EMBEDDING_DIMENSIONS is ${expected}.`,
      {
        hint:
          `Set CRM_EMBEDDING_DIMENSIONS=${actual} (the server's real size), or use a model/server that supports ${expected} dimensions. ` +
          'Vectors of another size cannot share the index of this model; run `crm-agent embed --reembed` after changing it.',
      },
    );
  }
}

/** Throws EmbeddingDimensionError unless every vector has `expected` entries. */
export function checkDimensions(model: string, expected: number, vectors: number[][]): void {
  for (const v of vectors) {
    if (v.length !== expected) throw new EmbeddingDimensionError(model, expected, v.length);
  }
}

/** True when the vector has no direction (nothing was embedded); such a vector cannot be searched. */
export function isZeroVector(v: readonly number[]): boolean {
  return v.every((x) => x === 0);
}
