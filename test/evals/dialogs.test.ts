/**
 * The offline eval suite: every dialog in evals/dialogs runs with its scripted model turns on a
 * fresh copy of the demo book, through the real graph, tools and runTool, and must pass. A
 * failure names the dialog, each failed expectation, and the diff.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEvalDb, type EvalDb } from '../../evals/eval-db.js';
import { loadDialogs } from '../../evals/load-dialogs.js';
import { runDialog } from '../../evals/run-dialog.js';
import { describeFailure } from '../../evals/run-suite.js';

const dialogs = loadDialogs(undefined, process.env.EVAL_FILTER);
let data: EvalDb;
const timings: number[] = [];

beforeAll(async () => {
  data = await openEvalDb();
});

afterAll(async () => {
  await data?.close();
  if (timings.length)
    console.log(
      `evals: ${timings.length} dialogs in ${(timings.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s (set-up ${(data.setupMs / 1000).toFixed(1)} s)`,
    );
});

describe('offline eval dialogs', () => {
  it('has at least 40 dialogs', () => {
    if (process.env.EVAL_FILTER) return;
    expect(dialogs.length).toBeGreaterThanOrEqual(40);
  });

  for (const d of dialogs) {
    it(d.name, async () => {
      const r = await runDialog(d, { data });
      timings.push(r.wallMs);
      if (process.env.EVAL_DEBUG)
        console.log(
          `${d.name} ${Math.round(r.wallMs)} ms (reset ${Math.round(r.resetMs ?? 0)} ms)\n${r.replies.join('\n---\n')}\n${r.diff}\n${describeFailure(r)}`,
        );
      if (!r.passed) expect.fail(describeFailure(r));
    });
  }
});
