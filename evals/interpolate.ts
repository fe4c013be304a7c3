/**
 * `${...}` in scripted model turns, edited approvals and expectations:
 * - `${lead:rivera}` the id of a fixture (or `${user:demo}` a user's);
 * - `${lead:rivera.xDate}` a column of a fixture row as inserted (drizzle field name);
 * - `${result.leads[0].id}` a path into the last tool result the model received;
 * - `${result:search_leads.leads[0].id}` into the last result of that tool.
 * A string that is one reference becomes the referenced value (number, object...); references
 * inside longer text are spliced in as text.
 */
import { ToolMessage, type BaseMessage } from '@langchain/core/messages';
import type { Symbols } from './symbols.js';

const REF = /\$\{([^}]+)\}/g;

export interface Scope {
  symbols: Symbols;
  /** The messages the model received (tool results come from here); absent outside model turns. */
  messages?: BaseMessage[];
}

export function getPath(value: unknown, path: string): unknown {
  const parts = path.match(/[^.[\]]+/g) ?? [];
  let v = value;
  for (const p of parts) {
    if (v === null || v === undefined || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[p];
  }
  return v;
}

function lastResult(messages: BaseMessage[] | undefined, tool?: string): unknown {
  const found = [...(messages ?? [])].reverse().find((m) => ToolMessage.isInstance(m) && (!tool || m.name === tool));
  if (!found) throw new Error(tool ? `no ${tool} result yet` : 'no tool result yet');
  try {
    return JSON.parse(String(found.content));
  } catch {
    return found.content;
  }
}

function resolve(ref: string, scope: Scope): unknown {
  const r = /^result(?::([a-z_]+))?(?:\.(.+)|(\[.+))?$/.exec(ref);
  if (r) {
    const base = lastResult(scope.messages, r[1]);
    const path = r[2] ?? r[3];
    const v = path ? getPath(base, path) : base;
    if (v === undefined) throw new Error(`\${${ref}}: nothing at that path in the tool result ${JSON.stringify(base).slice(0, 300)}`);
    return v;
  }
  if (scope.symbols.has(ref)) return scope.symbols.idOf(ref);
  const f = /^([a-zA-Z]+:[a-z0-9_-]+)(?:\.([a-zA-Z_]+))?$/.exec(ref);
  if (!f) throw new Error(`\${${ref}}: not a reference (kind:name, kind:name.field, result.path, result:tool.path)`);
  if (!f[2]) return scope.symbols.idOf(f[1]!);
  const row = scope.symbols.rows.get(f[1]!);
  if (!row) throw new Error(`\${${ref}}: ${f[1]} is not a fixture`);
  const v = row[f[2]];
  return v instanceof Date ? v.toISOString() : v;
}

/** Resolves every reference in `value` (deeply). Throws, naming the reference, when one cannot be resolved. */
export function interpolate<T>(value: T, scope: Scope): T {
  if (typeof value === 'string') {
    const whole = /^\$\{([^}]+)\}$/.exec(value);
    if (whole) return resolve(whole[1]!, scope) as T;
    return value.replace(REF, (_m, ref: string) => {
      const v = resolve(ref, scope);
      return typeof v === 'string' ? v : JSON.stringify(v);
    }) as T;
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, scope)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, scope)])) as T;
  return value;
}
