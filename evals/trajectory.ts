/**
 * Trajectory checks over the tool calls the agent proposed, in order: strict (same calls, same
 * order), unordered (same calls, any order), subset (every call is one of the expected),
 * superset (every expected call was made). Arguments are matched per tool with field matchers
 * on the symbolised arguments (ids shown as names); unnamed arguments are not checked.
 */
import type { Trajectory } from './dialog-schema.js';
import { matches } from './matchers.js';

export interface ProposedCall {
  name: string;
  args: Record<string, unknown>;
}

type Expected = Trajectory['calls'][number];
const fits = (e: Expected, c: ProposedCall) => e.tool === c.name && (!e.args || matches(e.args, c.args));

/** Pairs expected with actual calls one to one (a bipartite matching, small sizes). */
function maxMatching(expected: Expected[], actual: ProposedCall[]): number {
  const owner = new Array<number>(actual.length).fill(-1);
  const tryAssign = (i: number, seen: boolean[]): boolean => {
    for (let j = 0; j < actual.length; j++) {
      if (seen[j] || !fits(expected[i]!, actual[j]!)) continue;
      seen[j] = true;
      if (owner[j] === -1 || tryAssign(owner[j]!, seen)) {
        owner[j] = i;
        return true;
      }
    }
    return false;
  };
  let n = 0;
  for (let i = 0; i < expected.length; i++) if (tryAssign(i, new Array<boolean>(actual.length).fill(false))) n++;
  return n;
}

/** Null when the trajectory fits, else why not. */
export function checkTrajectory(t: Trajectory, actual: ProposedCall[]): string | null {
  const shown = actual.map((c) => c.name).join(', ') || '(none)';
  switch (t.mode) {
    case 'strict': {
      if (actual.length !== t.calls.length) return `expected ${t.calls.length} calls in order, got ${actual.length}: ${shown}`;
      const i = t.calls.findIndex((e, k) => !fits(e, actual[k]!));
      return i < 0
        ? null
        : `call ${i + 1} is ${actual[i]!.name} ${JSON.stringify(actual[i]!.args)}, expected ${t.calls[i]!.tool} ${JSON.stringify(t.calls[i]!.args ?? {})}`;
    }
    case 'unordered':
      if (actual.length !== t.calls.length || maxMatching(t.calls, actual) !== t.calls.length)
        return `expected exactly these calls in any order: ${t.calls.map((c) => c.tool).join(', ')}; got ${shown}`;
      return null;
    case 'superset':
      if (maxMatching(t.calls, actual) !== t.calls.length)
        return `expected at least these calls: ${t.calls.map((c) => c.tool).join(', ')}; got ${shown}`;
      return null;
    case 'subset': {
      const stray = actual.filter((c) => !t.calls.some((e) => fits(e, c)));
      return stray.length ? `calls outside the allowed set: ${stray.map((c) => `${c.name} ${JSON.stringify(c.args)}`).join('; ')}` : null;
    }
  }
}
