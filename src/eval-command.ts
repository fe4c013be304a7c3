/**
 * `crm-agent eval`: runs the dialogs of evals/dialogs on a private in-memory copy of the demo
 * book (never the configured database). Offline (default) the model is each dialog's script and
 * the exit code says whether every dialog passed; `--live` uses the configured model, runs each
 * dialog `--trials` times and reports pass^1..pass^k, tokens, latency and tool calls.
 * `eval record --thread ID` writes a logged conversation of the configured database as a dialog.
 */
import { writeFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Config } from './config.js';
import { chatProvider, createChatModel, hasChatModel, NO_CHAT_MODEL_HELP } from './ai/chat-model.js';
import { openDatabase } from './db/client.js';
import { migrate } from './db/migrate.js';
import { openEvalDb } from '../evals/eval-db.js';
import { loadDialogs } from '../evals/load-dialogs.js';
import { recordThread } from '../evals/record.js';
import { markdownReport, writeReport } from '../evals/report.js';
import { describeFailure, runSuite } from '../evals/run-suite.js';

export interface EvalOptions {
  live?: boolean;
  trials?: number;
  filter?: string;
  report?: string;
}

export interface EvalIo {
  out: Writable;
  err: Writable;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Runs the suite; returns the exit code (offline: 1 when a dialog failed; 2: nothing to run or no model). */
export async function runEvalCommand(
  config: Config,
  o: EvalOptions,
  io: EvalIo = { out: process.stdout, err: process.stderr },
): Promise<number> {
  const say = (s: string) => io.err.write(`${s}\n`);
  const dialogs = loadDialogs(undefined, o.filter);
  if (!dialogs.length) {
    say(`No dialog matches ${o.filter ?? '(all)'} in evals/dialogs.`);
    return 2;
  }
  if (o.live && !hasChatModel(config)) {
    say(NO_CHAT_MODEL_HELP);
    return 2;
  }
  const trials = o.trials ?? 1;
  say(
    `Running ${dialogs.length} dialog(s) ${o.live ? `live against ${config.CRM_CHAT_MODEL}` : 'offline (scripted model)'}, ${trials} trial(s) each...`,
  );
  const report = await runSuite(dialogs, {
    trials,
    ...(o.live
      ? {
          model: () => createChatModel(config)!,
          modelName: config.CRM_CHAT_MODEL,
          settings: {
            modelName: config.CRM_CHAT_MODEL,
            provider: chatProvider(config),
            temperature: config.CRM_CHAT_TEMPERATURE,
            stepLimit: config.CRM_AGENT_STEP_LIMIT,
            tokenBudget: config.CRM_AGENT_TOKEN_BUDGET,
          },
        }
      : {}),
    onResult: (r) => {
      say(`${r.passed ? 'pass' : 'FAIL'}  ${r.name}${trials > 1 ? ` (trial ${r.trial})` : ''}  ${Math.round(r.wallMs)} ms`);
      if (!r.passed && !o.live) say(describeFailure(r));
    },
  });
  const passedAll = report.dialogs.filter((d) => d.passes === d.trials).length;
  say(
    `${passedAll}/${report.dialogs.length} dialogs passed every trial in ${(report.wallMs / 1000).toFixed(1)} s; ` +
      report.passHat.map((p, i) => `pass^${i + 1} ${pct(p)}`).join(', '),
  );
  if (o.report) {
    const files = writeReport(report, o.report);
    say(`report: ${files.markdown} and ${files.json}`);
  } else if (o.live) io.out.write(markdownReport(report));
  if (o.live) return 0;
  return passedAll === report.dialogs.length ? 0 : 1;
}

/** `eval record`: writes the thread's dialog to `out` (a file) or stdout; returns the exit code. */
export async function runEvalRecord(
  config: Config,
  o: { thread: string; out?: string },
  io: EvalIo = { out: process.stdout, err: process.stderr },
): Promise<number> {
  const database = await openDatabase(config);
  const data = await openEvalDb();
  try {
    await migrate(database.pool);
    const r = await recordThread(database.pool, o.thread, data);
    if (o.out) {
      writeFileSync(o.out, r.yaml);
      io.err.write(`wrote ${o.out}\n`);
    } else io.out.write(r.yaml);
    if (!r.passed)
      io.err.write(`The replay on the demo book did not go as logged; review:\n${r.problems.map((p) => `  ${p}`).join('\n')}\n`);
    return 0;
  } finally {
    await data.close();
    await database.close();
  }
}
