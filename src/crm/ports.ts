/**
 * What the domain needs of models and embedders, declared once here and implemented in src/ai
 * (the local SIF and OpenAI-compatible embedders, the LangChain triage adapter). src/crm never
 * imports src/ai; entrypoints build the implementations and pass them in.
 */
import type { ModelTurn } from './audit/interactions.js';

/**
 * Turns texts into vectors. Every vector is stored with `model` and `dimensions`, so vectors of
 * different embedders never mix in one index.
 */
export interface Embedder {
  /** The name stored beside every vector (`embeddings.model`); one HNSW index per name. */
  readonly model: string;
  /** Length of every vector `embed` returns. */
  readonly dimensions: number;
  /**
   * Embeds texts, one vector per text, in order. Vectors are unit length (cosine-ready).
   * A text with nothing to embed (blank, punctuation only) gets a zero vector; callers skip it.
   */
  embed(texts: string[]): Promise<number[][]>;
  /** Checks the embedder once before use (reachability, dimension); throws a clear error. */
  verify?(): Promise<void>;
}

/** True when the vector has no direction (nothing was embedded); such a vector cannot be searched. */
export function isZeroVector(v: readonly number[]): boolean {
  return v.every((x) => x === 0);
}

/**
 * Classifies a ticket with a model. `classify` gets the raw subject and description; the adapter
 * renders prompts/triage-ticket.md with `triagePromptVars()` (fenced customer text) and returns
 * the model's answer: an object or JSON text matching `modelTriageSchema`
 * (src/crm/tickets/triage/model.ts). Callers call it outside any transaction, with a timeout; it
 * may throw or return anything: invalid answers fall back to the rules. `observe` receives the
 * model turn for the audit trail. `modelName` is stored as ai_model.
 */
export interface TriageModel {
  modelName: string;
  classify(input: { subject: string; description: string }, observe?: (turn: ModelTurn) => void): Promise<unknown>;
}
