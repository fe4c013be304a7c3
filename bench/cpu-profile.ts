/**
 * An in-process CPU profile of one phase of a benchmark (node:inspector), and its self time
 * grouped by where it went, so a benchmark can say what the CPU of a call is spent on.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The group a frame's self time counts in; first match wins. */
const GROUPS: [string, RegExp][] = [
  ['database (PGlite)', /^wasm:|@electric-sql\/pglite/],
  ['pg driver', /node_modules\/(pg|pg-protocol|pg-pool)\//],
  ['drizzle', /node_modules\/drizzle-orm\//],
  ['zod', /node_modules\/zod\//],
  [
    'MCP SDK + HTTP',
    /node_modules\/(@modelcontextprotocol|hono|@hono)\/|undici|node:internal\/(http|webstreams|streams|net)|node:(http|net|stream)/,
  ],
  ['app', /\/(src|tools)\//],
];

function group(frame: ProfileNode['callFrame']): string {
  if (frame.functionName === '(garbage collector)') return 'GC';
  if (frame.functionName === '(idle)') return 'idle';
  for (const [name, re] of GROUPS) if (re.test(frame.url)) return name;
  return 'other (node, libuv)';
}

/** Starts profiling; `stop(file)` writes the profile there and returns self ms per group, largest first (idle left out). */
export async function startProfile(): Promise<{ stop(file: string): Promise<[string, number][]> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
      session.disconnect();
      writeFileSync(file, JSON.stringify(profile));
      const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
      const ms = new Map<string, number>();
      profile.samples.forEach((id, i) => {
        const g = group(frames.get(id)!);
        ms.set(g, (ms.get(g) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
      });
      ms.delete('idle');
      return [...ms].sort((a, b) => b[1] - a[1]);
    },
  };
}
