/**
 * Turns a tool's zod schema into the JSON Schema MCP clients see, compact: every byte of
 * `tools/list` is read by a model on every call.
 * - Nullable objects come out of zod as `anyOf: [X, {type: null}]`; some clients break on `anyOf`,
 *   so those are folded into X with a null-able `type` (the value stays valid under the original).
 * - A `format` (uuid, date, date-time, email) says what zod's long regex says; the regex goes.
 * - Keys that only restate JSON Schema defaults go (`propertyNames: {type: string}`,
 *   `additionalProperties: {}`), and so do `minLength: 1` / `minItems: 1`, length caps under
 *   1,000, sanity caps on amounts, `default: false` / `default: []`, a `type` beside a string
 *   enum and `additionalProperties: false` (the server still enforces them all, with an error
 *   naming the field).
 * - Output schemas describe the top-level shape: field names and enums; nested objects and lists
 *   keep their type and a description that says what is inside. The deep detail is in the
 *   descriptions and in the answer itself; the server checks every answer against the full zod
 *   schema before returning it.
 */
import { z } from 'zod';

type Json = Record<string, unknown>;

/** Formats whose meaning makes zod's accompanying `pattern` redundant. */
const FORMATS_WITHOUT_PATTERN = new Set(['uuid', 'date', 'date-time', 'time', 'email', 'uri', 'url']);

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

/** Length caps below this are not published (names, codes, short lists); long-text caps are. */
const SHOWN_MAX = 1000;
/** Numeric maximums at or above this are sanity caps, not published. */
const HIDDEN_MAXIMUM = 1_000_000;

const isEmptyObject = (v: unknown) => !!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v as Json).length === 0;

const isStringEnum = (e: unknown) => Array.isArray(e) && e.length > 0 && e.every((x) => typeof x === 'string' || x === null);

/** Drops what restates a default, a format or an enum, everywhere in the schema. */
function strip(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strip);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) {
    if (k === 'pattern' && FORMATS_WITHOUT_PATTERN.has(String((node as Json).format))) continue;
    // An enum lists every allowed value, so a `type` beside it says nothing more.
    if (k === 'type' && isStringEnum((node as Json).enum)) continue;
    if (k === 'propertyNames' && (v as Json)?.type === 'string' && Object.keys(v as Json).length === 1) continue;
    if (k === 'additionalProperties' && isEmptyObject(v)) continue;
    // Unknown fields are refused by the server with a VALIDATION error naming them; publishing
    // `additionalProperties: false` on every object costs ~550 bytes of tools/list and tells a
    // model nothing it acts on (it sends the listed fields).
    if (k === 'additionalProperties' && v === false) continue;
    // Non-empty is obvious for a named value, and short caps on names and codes tell a model
    // nothing it would run into; the server still enforces both, with an error naming the field.
    if ((k === 'minLength' || k === 'minItems') && v === 1) continue;
    if ((k === 'maxLength' || k === 'maxItems') && typeof v === 'number' && v < SHOWN_MAX) continue;
    // An opt-in flag or list is off/empty when left out: `default: false` / `default: []` say nothing more.
    if (k === 'default' && (v === false || (Array.isArray(v) && v.length === 0))) continue;
    // Sanity caps on amounts (a premium under 100 million) are never near a real value.
    if (k === 'maximum' && typeof v === 'number' && v >= HIDDEN_MAXIMUM) continue;
    // `properties` maps names to schemas: its keys are field names, not keywords.
    out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v as Json).map(([f, s]) => [f, strip(s)])) : strip(v);
  }
  return out;
}

/**
 * One top-level output field. Objects and arrays (the nested detail) keep their type and a
 * description of what is inside; an enum keeps its values. A plain scalar is published by name
 * only (`{}`): its value in the answer shows its type, the server checks every answer against the
 * full zod schema, and typing ~110 scalars would cost ~1.5 KB of tools/list. A union stays, so
 * hasUnion still sees it.
 */
function shallow(schema: Json): Json {
  const out: Json = {};
  for (const k of ['enum', 'anyOf', 'oneOf'] as const) if (k in schema) out[k] = schema[k];
  const types = ([] as unknown[]).concat(schema.type);
  const nested = types.includes('object') || types.includes('array') || (!('type' in schema) && !('enum' in schema));
  if (!nested) return out;
  if ('type' in schema) out.type = schema.type;
  if (typeof schema.description === 'string') out.description = schema.description;
  const items = schema.items as Json | undefined;
  if (items && typeof items === 'object' && items.type !== 'object') {
    const inner: Json = {};
    for (const k of ['type', 'enum'] as const) if (k in items) inner[k] = items[k];
    out.items = inner;
  }
  return out;
}

function toJson(schema: z.ZodObject, io: 'input' | 'output'): Json {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return strip(fold(rest)) as Json;
}

/** JSON Schema of a tool's input (as a caller may send it: defaults make fields optional), complete. */
export function inputJsonSchema(schema: z.ZodObject): Json {
  return toJson(schema, 'input');
}

/** JSON Schema of a tool's output (as the server returns it): the top-level fields, nested shapes by description. */
export function outputJsonSchema(schema: z.ZodObject): Json {
  const full = toJson(schema, 'output');
  const props = (full.properties ?? {}) as Record<string, Json>;
  // No `required`: the answer always carries every field (null when empty), and the list would repeat every name.
  return { type: 'object', properties: Object.fromEntries(Object.entries(props).map(([k, s]) => [k, shallow(s)])) };
}

/** True when the schema (anywhere inside) still uses anyOf/oneOf. */
export function hasUnion(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.some(hasUnion);
  if (!schema || typeof schema !== 'object') return false;
  const o = schema as Json;
  if ('anyOf' in o || 'oneOf' in o) return true;
  return Object.values(o).some(hasUnion);
}
