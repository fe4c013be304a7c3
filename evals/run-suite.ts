/**
 * Runs dialogs k times each (the data reset to the demo book before each run) and sums them up: passes per
 * dialog, pass^1..pass^k per dialog and overall, tokens, latency and tool calls per dialog.
 */
import type { Dialog } from './dialog-schema.js';
import { openEvalDb, type EvalDb } from './eval-db.js';
import { passCurve, suiteCurve } from './pass-k.js';
import { runDialog, type DialogResult, type RunOptions } from './run-dialog.js';

export interface DialogSummary {
  name: string;
  file: string;
  trials: number;
  passes: number;
  passHat: number[];
  /** Means per trial. */
  tokens: number;
  latencyMs: number;
  toolCalls: number;
  results: DialogResult[];
}

export interface SuiteReport {
  mode: 'offline' | 'live';
  model: string;
  trials: number;
  dialogs: DialogSummary[];
  passHat: number[];
  /** Opening and seeding the database, ms. */
  setupMs: number;
  wallMs: number;
}

export interface SuiteOptions extends Omit<RunOptions, 'data' | 'trial'> {
  trials?: number;
  modelName?: string;
  /** A database to reuse (tests); default: one opened and closed by this run. */
  data?: EvalDb;
  onResult?: (r: DialogResult) => void;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export async function runSuite(dialogs: Dialog[], o: SuiteOptions = {}): Promise<SuiteReport> {
  const started = performance.now();
  const data = o.data ?? (await openEvalDb());
  const trials = o.trials ?? 1;
  const summaries: DialogSummary[] = [];
  try {
    for (const d of dialogs) {
      const results: DialogResult[] = [];
      for (let t = 1; t <= trials; t++) {
        const r = await runDialog(d, { ...o, data, trial: t });
        o.onResult?.(r);
        results.push(r);
      }
      const passes = results.filter((r) => r.passed).length;
      summaries.push({
        name: d.name,
        file: d.file,
        trials,
        passes,
        passHat: passCurve(trials, passes),
        tokens: mean(results.map((r) => r.tokens)),
        latencyMs: mean(results.map((r) => r.latencyMs)),
        toolCalls: mean(results.map((r) => r.calls.length)),
        results,
      });
    }
  } finally {
    if (!o.data) await data.close();
  }
  return {
    mode: o.model ? 'live' : 'offline',
    model: o.modelName ?? (o.model ? 'configured' : 'scripted'),
    trials,
    dialogs: summaries,
    passHat: suiteCurve(summaries.map((s) => ({ n: s.trials, c: s.passes }))),
    setupMs: data.setupMs,
    wallMs: performance.now() - started,
  };
}

/** A failed run as text: the failed checks, then the diff. */
export function describeFailure(r: DialogResult): string {
  const failed = r.checks.filter((c) => !c.ok).map((c) => `  ✗ ${c.name}${c.message ? `: ${c.message}` : ''}`);
  return [`${r.name} (${r.file}, trial ${r.trial}) failed:`, ...failed, '  diff:', r.diff || '  (not computed)'].join('\n');
}
