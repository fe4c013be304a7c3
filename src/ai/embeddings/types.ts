/**
 * Checks shared by the hosted (OpenAI-compatible) and the local embedder; the contract they
 * implement is `Embedder` in src/crm/ports.ts.
 */
import { AppError } from '../../errors.js';

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
