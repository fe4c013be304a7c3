/**
 * Property-based fuzzing of every registry tool's input, derived from its zod schema, through
 * runTool over the seeded embedded database: every call answers ok or with a structured error
 * of a known code (never INTERNAL, never a throw); a failed call or a read changes no domain
 * table; every call leaves exactly one new top-level ai_interactions row, the one it names.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { actorForHandle, type Actor } from '../../src/crm/access/actor.js';
import { tools } from '../../tools/index.js';
import { runTool } from '../../tools/run-tool.js';
import { useRuntime } from '../helpers/runtime.js';
import { toolInput } from './arbitraries.js';
import { auditCount, idPools, stateReader } from './db-state.js';

const runtime = useRuntime();
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const KNOWN = new Set(['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'CONSENT_REQUIRED', 'INVALID_TRANSITION']);

let actor: Actor;
let ids: Record<string, string[]>;
let readState: () => Promise<Record<string, string>>;
const tally: Record<string, Record<string, number>> = {};

beforeAll(async () => {
  const rt = runtime();
  // A manager may do everything (including crm:pii), so refusals come from input, not scope.
  const [manager] = (
    await rt.database.pool.query<{ handle: string }>(
      "select handle from users where role in ('admin', 'manager') and is_active order by handle limit 1",
    )
  ).rows;
  actor = await actorForHandle(rt.database.db, manager?.handle ?? 'demo');
  ids = await idPools(rt.database.pool);
  readState = await stateReader(rt.database.pool);
});

describe('fuzzing every tool input from its schema', () => {
  for (const [i, tool] of tools.entries()) {
    it(`${tool.name}: ok or a structured error; failures write nothing; one audit row per call`, async () => {
      const rt = runtime();
      const counts: Record<string, number> = (tally[tool.name] = {});
      await fc.assert(
        fc.asyncProperty(toolInput(tool, ids), async (input) => {
          const before = await readState();
          const auditBefore = await auditCount(rt.database.pool);
          const r = await runTool(rt.deps, tool, input, { actor, channel: 'mcp_memory' });
          const outcome = r.ok ? 'ok' : r.error.code;
          counts[outcome] = (counts[outcome] ?? 0) + 1;
          if (!r.ok) {
            expect(KNOWN.has(r.error.code), `${r.error.code}: ${r.error.message}`).toBe(true);
            expect(r.error.message.length).toBeGreaterThan(10);
          }
          if (!r.ok || tool.annotations.readOnlyHint) expect(await readState()).toEqual(before);
          expect(await auditCount(rt.database.pool)).toBe(auditBefore + 1);
          const { rows } = await rt.database.pool.query<{ tool_name: string; error_code: string | null }>(
            'select tool_name, error_code from ai_interactions where id = $1',
            [r.interactionId],
          );
          expect(rows).toEqual([{ tool_name: tool.name, error_code: r.ok ? null : r.error.code }]);
        }),
        { numRuns: RUNS, seed: 0x5eed + i, endOnFailure: true },
      );
      // Not all refusals: the generator must reach the handlers too (reads at least).
      if (tool.annotations.readOnlyHint) expect(counts.ok ?? 0).toBeGreaterThan(0);
    });
  }

  it('prints what the fuzzer reached', () => {
    console.log(`fuzz outcomes per tool (${RUNS} runs each): ${JSON.stringify(tally)}`);
  });
});
