/**
 * The context budget (DESIGN.md): what every model call pays. tools/list and the default reads are
 * measured on the seeded demo book; bench/tool-latency.ts prints the same figures.
 */
import { describe, expect, it } from 'vitest';
import { answerSizes, toolListSizes, type AnswerSizes } from '../../bench/context-sizes.js';
import { actorForHandle } from '../../src/crm/access/actor.js';
import { useRuntime } from '../helpers/runtime.js';

/** Issue 7: the whole tools/list under 25 KB for the current tools. */
const TOOLS_LIST_BUDGET = 25_000;
/** Per tool: no single definition may crowd out the rest. */
const PER_TOOL_BUDGET = 3_000;

/**
 * Default answers (the text copy a model reads), bytes: [typical, worst] on the demo book. A lead
 * reads in about 2 KB; the other read tools stay within a few KB by default, more on request.
 */
const ANSWER_BUDGETS: Record<string, [number, number]> = {
  // get_lead grew ~130 B and search_leads with a query ~2 KB (knowledge snippets per lead) when the living demo book and the
  // new search ranking landed together; measured 2,229 (worst 2,891) and 5,752 typical. Bring them back down (see the session note).
  'get_lead leadId': [2_400, 3_000],
  'get_client clientId': [2_200, 3_000],
  // 5,559 / 7,406 before the outline `text` and open tickets' repeated highlight text were dropped; 4,381 / 5,775 after.
  'get_lead_context leadId': [4_800, 6_200],
  // 5,752 typical at 20 rows a page; the default page is 10 rows, like the other list tools: 3,001 / 3,137.
  'search_leads defaults / query': [3_500, 4_000],
  'list_follow_ups allUsers': [5_000, 5_000],
  'list_tickets assignee any': [5_000, 5_000],
};

const runtime = useRuntime();

describe('context budget', () => {
  it(`tools/list stays under ${TOOLS_LIST_BUDGET} bytes, each tool under ${PER_TOOL_BUDGET}`, () => {
    const s = toolListSizes();
    expect(s.total).toBeLessThan(TOOLS_LIST_BUDGET);
    for (const t of s.perTool) expect(t.bytes, t.name).toBeLessThan(PER_TOOL_BUDGET);
    // The old schemas repeated zod's uuid/date regexes in every field.
    expect(JSON.stringify(s)).not.toContain('[0-9a-fA-F]{8}');
  });

  describe('default answers', () => {
    let sizes: AnswerSizes[];
    const of = (key: string) => {
      const s = sizes.find((x) => `${x.tool} ${x.args}` === key);
      if (!s) throw new Error(`no measurement for ${key}`);
      return s;
    };

    it('are measured for every read tool', async () => {
      const rt = runtime();
      sizes = await answerSizes(rt, await actorForHandle(rt.database.db, 'demo'));
      for (const key of Object.keys(ANSWER_BUDGETS)) expect(of(key).calls).toBeGreaterThan(0);
    });

    for (const [key, [typical, worst]] of Object.entries(ANSWER_BUDGETS)) {
      it(`${key}: typical under ${typical}, worst under ${worst} bytes`, () => {
        const s = of(key);
        expect(s.typical, `${key} typical`).toBeLessThanOrEqual(typical);
        expect(s.worst, `${key} worst`).toBeLessThanOrEqual(worst);
      });
    }

    it('full detail is on request and larger', () => {
      expect(of('get_lead leadId, detail full').typical).toBeGreaterThan(of('get_lead leadId').typical * 3);
      expect(of('get_client clientId, detail full').typical).toBeGreaterThan(of('get_client clientId').typical * 3);
    });
  });
});
