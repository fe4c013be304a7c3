/**
 * `crm-agent eval triage [--live] [--set dev|test|DIR] [--filter ID] [--report DIR]`: the triage
 * eval (evals/triage) over a labelled ticket set, offline with the rules or live with the
 * configured model. Prints the markdown report on stdout; returns the process exit code.
 */
import type { Config } from './config.js';
import { hasChatModel, NO_CHAT_MODEL_HELP } from './ai/chat-model.js';
import { toolServicesFromConfig } from './runtime-services.js';
import { triageReportMarkdown, writeTriageReport } from '../evals/triage/report.js';
import { runTriageEval } from '../evals/triage/run.js';

export interface EvalTriageOptions {
  live?: boolean;
  set?: string;
  filter?: string;
  report?: string;
}

export async function runEvalTriage(config: Config, o: EvalTriageOptions): Promise<number> {
  if (o.live && !hasChatModel(config)) {
    process.stderr.write(`${NO_CHAT_MODEL_HELP}\n`);
    return 2;
  }
  const set = !o.set || o.set === 'test' ? 'test' : o.set === 'dev' ? 'dev' : { dir: o.set };
  const mode = o.live ? 'live' : 'offline';
  try {
    const report = await runTriageEval({
      set,
      mode,
      services: mode === 'live' ? toolServicesFromConfig(config) : undefined,
      filter: o.filter,
      onCase: (_c, i, n) => process.stderr.write(`\r${i + 1}/${n}`),
    });
    process.stderr.write('\n');
    process.stdout.write(triageReportMarkdown(report));
    if (o.report) {
      const paths = writeTriageReport(report, o.report);
      process.stderr.write(`wrote ${paths.markdown} and ${paths.json}\n`);
    }
    return 0;
  } catch (err) {
    process.stderr.write(`triage eval: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
