/** The eval report in markdown (for people) and JSON (for tools), written to a folder. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SuiteReport } from './run-suite.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function markdownReport(r: SuiteReport): string {
  const ks = Array.from({ length: r.trials }, (_, i) => i + 1);
  const lines = [
    `# Eval report (${r.mode}, model ${r.model})`,
    '',
    `${r.dialogs.length} dialogs × ${r.trials} trial(s); ${r.dialogs.filter((d) => d.passes === d.trials).length} passed every trial. Wall time ${(r.wallMs / 1000).toFixed(1)} s (database set-up ${(r.setupMs / 1000).toFixed(1)} s).`,
    '',
    `Overall: ${ks.map((k) => `pass^${k} ${pct(r.passHat[k - 1] ?? 0)}`).join(', ')}`,
    '',
    `| dialog | passes | ${ks.map((k) => `pass^${k}`).join(' | ')} | tokens | latency ms | tool calls |`,
    `| --- | --- | ${ks.map(() => '---').join(' | ')} | --- | --- | --- |`,
    ...r.dialogs.map(
      (d) =>
        `| ${d.name} | ${d.passes}/${d.trials} | ${d.passHat.map(pct).join(' | ')} | ${Math.round(d.tokens)} | ${Math.round(d.latencyMs)} | ${d.toolCalls.toFixed(1)} |`,
    ),
  ];
  const failures = r.dialogs.flatMap((d) => d.results.filter((x) => !x.passed));
  if (failures.length) {
    lines.push('', '## Failures', '');
    for (const f of failures) {
      lines.push(
        `### ${f.name} (trial ${f.trial})`,
        '',
        ...f.checks.filter((c) => !c.ok).map((c) => `- ${c.name}${c.message ? `: ${c.message}` : ''}`),
        '',
        '```',
        f.diff,
        '```',
        '',
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

export function jsonReport(r: SuiteReport): unknown {
  return {
    mode: r.mode,
    model: r.model,
    trials: r.trials,
    passHat: r.passHat,
    wallMs: Math.round(r.wallMs),
    dialogs: r.dialogs.map((d) => ({
      name: d.name,
      file: d.file,
      trials: d.trials,
      passes: d.passes,
      passHat: d.passHat,
      tokens: d.tokens,
      latencyMs: d.latencyMs,
      toolCalls: d.toolCalls,
      runs: d.results.map((x) => ({
        trial: x.trial,
        passed: x.passed,
        failed: x.checks.filter((c) => !c.ok),
        calls: x.calls.map((c) => c.name),
        tokens: x.tokens,
        latencyMs: x.latencyMs,
        ...(x.error ? { error: x.error } : {}),
      })),
    })),
  };
}

/** Writes report.md and report.json into `dir`; returns their paths. */
export function writeReport(r: SuiteReport, dir: string): { markdown: string; json: string } {
  mkdirSync(dir, { recursive: true });
  const markdown = path.join(dir, 'report.md');
  const json = path.join(dir, 'report.json');
  writeFileSync(markdown, markdownReport(r));
  writeFileSync(json, `${JSON.stringify(jsonReport(r), null, 2)}\n`);
  return { markdown, json };
}
