#!/usr/bin/env node
/**
 * Standalone entry of the triage eval:
 *   node dist/evals/triage/cli.js [--live] [--set dev|test|DIR] [--filter ID] [--report DIR]
 * Prints the markdown report; with --report also writes markdown and JSON there. Live mode uses
 * the configured model (CRM_CHAT_MODEL with OPENAI_API_KEY or OPENAI_BASE_URL). Exit code 1 when
 * the run cannot start (no model for --live, an invalid case file).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config.js';
import { configureLogger } from '../../src/log.js';
import { toolServicesFromConfig } from '../../src/runtime-services.js';
import { triageReportMarkdown, writeTriageReport } from './report.js';
import { runTriageEval } from './run.js';

configureLogger(process.env.LOG_LEVEL ?? 'warn');
const { values } = parseArgs({
  options: {
    live: { type: 'boolean', default: false },
    set: { type: 'string', default: 'test' },
    filter: { type: 'string' },
    report: { type: 'string' },
  },
});
const set = values.set === 'dev' || values.set === 'test' ? values.set : { dir: values.set! };
const mode = values.live ? 'live' : 'offline';
const report = await runTriageEval({
  set,
  mode,
  services: mode === 'live' ? toolServicesFromConfig(loadConfig()) : undefined,
  filter: values.filter,
  onCase: (_o, i, n) => process.stderr.write(`\r${i + 1}/${n}`),
}).catch((err: unknown) => {
  process.stderr.write(`triage eval: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
process.stderr.write('\n');
process.stdout.write(triageReportMarkdown(report));
if (values.report) {
  const paths = writeTriageReport(report, values.report);
  process.stderr.write(`wrote ${paths.markdown} and ${paths.json}\n`);
}
