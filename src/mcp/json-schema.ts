/**
 * Turns a tool's zod schema into the JSON Schema MCP clients see. Nullable objects come out of
 * zod as `anyOf: [X, {type: null}]`; some clients break on `anyOf`, so those are folded into X
 * with a null-able `type` (the value stays valid under the original schema).
 */
import { z } from 'zod';

type Json = Record<string, unknown>;

function fold(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(fold);
  if (!node || typeof node !== 'object') return node;
  const obj = Object.fromEntries(Object.entries(node as Json).map(([k, v]) => [k, fold(v)])) as Json;
  const any = obj.anyOf;
  if (Array.isArray(any) && any.length === 2) {
    const nullIdx = any.findIndex((s) => (s as Json)?.type === 'null' && Object.keys(s as Json).length === 1);
    const other = any[1 - nullIdx] as Json | undefined;
    if (nullIdx !== -1 && other && typeof other.type === 'string') {
      const { anyOf: _drop, ...rest } = obj;
      const folded: Json = { ...rest, ...other, type: [other.type, 'null'] };
      if (Array.isArray(other.enum)) folded.enum = [...(other.enum as unknown[]), null];
      return folded;
    }
  }
  return obj;
}

/** JSON Schema of a tool's input (as a caller may send it: defaults make fields optional). */
export function inputJsonSchema(schema: z.ZodObject): Json {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  return fold(rest) as Json;
}

/** JSON Schema of a tool's output (as the server returns it). */
export function outputJsonSchema(schema: z.ZodObject): Json {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Json;
  return fold(rest) as Json;
}

/** True when the schema (anywhere inside) still uses anyOf/oneOf. */
export function hasUnion(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.some(hasUnion);
  if (!schema || typeof schema !== 'object') return false;
  const o = schema as Json;
  if ('anyOf' in o || 'oneOf' in o) return true;
  return Object.values(o).some(hasUnion);
}
