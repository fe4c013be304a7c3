/**
 * A tool is defined once here and served on every surface (MCP, the LangGraph agent, evals).
 * The zod input and output schemas are the single source of the MCP input/output schemas, the
 * LangChain tool schema and the README docs; every field has `.describe()`.
 */
import type { z } from 'zod';
import type { DbOrTx } from '../src/db/client.js';
import type { Actor, Scope } from '../src/crm/access/actor.js';
import type { Fence } from '../src/crm/views/fence.js';
import type { ModelTurn } from '../src/crm/audit/interactions.js';
import type { FusionParams } from '../src/crm/knowledge/fusion.js';
import type { Embedder, TriageModel } from '../src/crm/ports.js';
import type { Book, BookPolicy } from '../src/crm/access/book.js';
import type { RecordRef } from '../src/crm/access/guard.js';

export interface ToolAnnotations {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

/** Agency settings tools need (from config), and optional services (models, embedder). */
export interface ToolSettings {
  agencyTimezone: string;
  /** Calls and texts only between these local hours of the agency, e.g. [8, 20]. */
  businessHours: readonly [number, number];
  rrfK: number;
  /** Knowledge-search fusion (CRM_SEARCH_*); absent: the tuned defaults. */
  fusion?: Partial<FusionParams>;
  /** Producers' book of business (CRM_BOOK_POLICY); absent: `team`. */
  bookPolicy?: BookPolicy;
}

/**
 * Optional services. Tools must work without them (offline, deterministic fallbacks) and use
 * them when configured. The contracts are the domain's ports (src/crm/ports.ts), implemented by src/ai.
 */
export interface ToolServices {
  /** Classifies tickets; absent offline (the rules classifier `crm-rules-v1` is used then). */
  triageModel?: TriageModel;
  /** Embeds texts for hybrid search; absent: full text only. */
  embedder?: Embedder;
}

export interface ToolContext {
  /** Inside `handler` of a write tool: the call's transaction. Elsewhere: the database. */
  db: DbOrTx;
  actor: Actor;
  /** What the actor may see and change (src/crm/access); lists filter by it, ids are checked by runTool. */
  book: Book;
  /** Fences untrusted text with this call's random tag. */
  fence: Fence;
  /** The time of the call, fixed for the whole call. */
  now: Date;
  settings: ToolSettings;
  services: ToolServices;
  /** Reports a model call made for this tool call; runTool audits it as a child ai_interactions row. */
  recordModelTurn: (turn: ModelTurn) => void;
}

export interface ToolDef<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject, P = undefined> {
  /** snake_case verb_noun */
  name: string;
  title: string;
  /** What it does, when to use it, what it returns; a model reads this. */
  description: string;
  input: I;
  output: O;
  annotations: ToolAnnotations;
  /** Scope the caller needs. */
  scope: Scope;
  /**
   * Optional first phase, outside any transaction: slow work such as a model call. Its result is
   * passed to `handler`. Never write here.
   */
  prepare?: (input: z.infer<I>, ctx: ToolContext) => Promise<P>;
  /** Does the work. For tools that are not read-only, runs inside one transaction. */
  handler: (input: z.infer<I>, ctx: ToolContext, prepared: P) => Promise<z.infer<O>>;
  /** One line for the audit row's result summary. */
  summarize?: (output: z.infer<O>) => string;
  /**
   * Read-only tools only: the record references whose book-of-business check the handler's own
   * first read makes (filtering by `ctx.book`, and answering NOT_FOUND word for word as for an
   * unknown id), so runTool does not probe them in a query of their own.
   */
  bookCheckedInRead?: readonly RecordRef[];
}

// The registry holds tools of many shapes; handlers are only ever called with parsed input.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTool = ToolDef<z.ZodObject, z.ZodObject, any>;

/** Identity function that keeps the types of a tool definition. */
export function defineTool<I extends z.ZodObject, O extends z.ZodObject, P = undefined>(def: ToolDef<I, O, P>): ToolDef<I, O, P> {
  return def;
}

/** Annotation presets. */
export const READ_ONLY: ToolAnnotations = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };
export const WRITE: ToolAnnotations = { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false };
export const IDEMPOTENT_WRITE: ToolAnnotations = {
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
};
