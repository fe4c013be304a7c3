/**
 * The dependency rule of DESIGN.md, checked on every relative import of src/ and tools/ (tests
 * excluded): src/db <- src/crm <- tools/ <- src/mcp, src/agent <- entrypoints; src/ai implements
 * the domain's ports (src/crm/ports.ts) and src/seed uses the domain, so both sit above src/crm
 * and nothing below them imports them. Also fails on any import cycle between files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type Layer = 'base' | 'db' | 'crm' | 'ai' | 'seed' | 'tools' | 'mcp' | 'agent' | 'entry';

/** What each layer may import (itself included). Entrypoints may import anything. */
const ALLOWED: Record<Exclude<Layer, 'entry'>, readonly Layer[]> = {
  base: ['base'],
  db: ['base', 'db'],
  crm: ['base', 'db', 'crm'],
  ai: ['base', 'crm', 'ai'],
  seed: ['base', 'db', 'crm', 'seed'],
  tools: ['base', 'db', 'crm', 'tools'],
  mcp: ['base', 'db', 'crm', 'tools', 'mcp'],
  agent: ['base', 'db', 'crm', 'tools', 'agent'],
};
/** Leaf modules every layer may use: configuration, errors, logging, paths, the prompt loader. */
const BASE = new Set(['src/config.ts', 'src/errors.ts', 'src/log.ts', 'src/paths.ts', 'src/prompts.ts']);

export function layerOf(file: string): Layer {
  if (BASE.has(file)) return 'base';
  if (file.startsWith('tools/')) return 'tools';
  const m = /^src\/(db|crm|ai|seed|mcp|agent)\//.exec(file);
  return (m?.[1] as Layer | undefined) ?? 'entry';
}

function sources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = path.posix.join(dir, e);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const SPEC = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

/** Relative imports of `file` as repo-relative .ts paths. */
export function importsOf(file: string, text: string): string[] {
  return [...text.matchAll(SPEC)].map((m) =>
    path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]!)).replace(/\.js$/, '.ts'),
  );
}

export function layerViolations(graph: Map<string, string[]>): string[] {
  const out: string[] = [];
  for (const [file, deps] of graph) {
    const from = layerOf(file);
    if (from === 'entry') continue;
    for (const dep of deps) {
      const to = layerOf(dep);
      if (!ALLOWED[from].includes(to)) out.push(`${file} (${from}) imports ${dep} (${to})`);
    }
  }
  return out.sort();
}

/** Strongly connected components of more than one file, or a file importing itself (Tarjan). */
export function importCycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return cycles;
}

const graph = new Map([...sources('src'), ...sources('tools')].map((f) => [f, importsOf(f, readFileSync(f, 'utf8'))]));

describe('layers', () => {
  it('reads the whole tree', () => {
    expect(graph.size).toBeGreaterThan(150);
    expect(layerOf('src/crm/leads/create.ts')).toBe('crm');
    expect(layerOf('src/cli.ts')).toBe('entry');
  });

  it('every import follows the layer order', () => {
    expect(layerViolations(graph)).toEqual([]);
  });

  it('no import cycles', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('the checks catch a bad import and a cycle', () => {
    const bad = new Map([
      ['src/crm/a.ts', ['tools/x.ts']],
      ['tools/x.ts', ['src/crm/a.ts']],
    ]);
    expect(layerViolations(bad)).toEqual(['src/crm/a.ts (crm) imports tools/x.ts (tools)']);
    expect(importCycles(bad)).toEqual([['src/crm/a.ts', 'tools/x.ts']]);
  });
});
