/**
 * The context budget (DESIGN.md): what every model call pays. tools/list and the default read of
 * a lead are measured on the seeded demo book; bench/tool-latency.ts prints the same figures.
 */
import { describe, expect, it } from 'vitest';
import { answerSizes, toolListSizes } from '../../bench/context-sizes.js';
import { actorForHandle } from '../../src/crm/actor.js';
import { useRuntime } from '../helpers/runtime.js';

/**
 * Ratchet: the target is 25 KB (issue 7); this is what the current tools fit in after the schema
 * compaction. Lower it as descriptions are tightened, never raise it.
 */
const TOOLS_LIST_BUDGET = 35_000;
/** Per tool: no single definition may crowd out the rest. */
const PER_TOOL_BUDGET = 4_500;

const runtime = useRuntime();

describe('context budget', () => {
  it(`tools/list stays under ${TOOLS_LIST_BUDGET} bytes, each tool under ${PER_TOOL_BUDGET}`, () => {
    const s = toolListSizes();
    expect(s.total).toBeLessThan(TOOLS_LIST_BUDGET);
    for (const t of s.perTool) expect(t.bytes, t.name).toBeLessThan(PER_TOOL_BUDGET);
    // The old schemas repeated zod's uuid/date regexes in every field.
    expect(JSON.stringify(s)).not.toContain('[0-9a-fA-F]{8}');
  });

  it('a default read of a lead stays under 3 KB (target about 2 KB); full detail is on request', async () => {
    const rt = runtime();
    const sizes = await answerSizes(rt, await actorForHandle(rt.database.db, 'demo'));
    const of = (tool: string, args: string) => sizes.find((s) => s.tool === tool && s.args === args)!;
    const summary = of('get_lead', 'leadId');
    expect(summary.typical).toBeLessThan(3_000);
    expect(summary.worst).toBeLessThan(3_500);
    expect(of('get_lead', 'leadId, detail full').typical).toBeGreaterThan(summary.typical);
  });
});
