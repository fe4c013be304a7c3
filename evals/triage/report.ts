/** The triage eval's report: markdown for people, JSON for machines, and writing both to a folder. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TRIAGE_FIELDS, type FieldScore } from './metrics.js';
import type { TriageEvalReport } from './run.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** A confusion table: rows are the expected labels, columns what triage answered. */
export function confusionMarkdown(score: FieldScore): string {
  const labels = [...new Set([...Object.keys(score.confusion), ...Object.values(score.confusion).flatMap((r) => Object.keys(r))])].sort();
  const head = `| expected \\ got | ${labels.join(' | ')} |\n|---|${labels.map(() => '---:').join('|')}|`;
  const rows = Object.keys(score.confusion)
    .sort()
    .map((e) => `| **${e}** | ${labels.map((g) => score.confusion[e]![g] ?? '·').join(' | ')} |`);
  return [head, ...rows].join('\n');
}

export function triageReportMarkdown(r: TriageEvalReport): string {
  const s = r.scores;
  const langs = Object.keys(s.byLanguage);
  const lines = [
    `# Triage eval: ${r.set} set, ${r.mode} (${r.model})`,
    '',
    `${s.cases} cases, run at ${r.ranAt}${r.mode === 'live' ? `; ${r.fallbacks} fell back to the rules` : ''}.`,
    '',
    '| field | accuracy | correct |',
    '|---|---:|---:|',
    ...TRIAGE_FIELDS.map((f) => `| ${f} | ${pct(s.fields[f].accuracy)} | ${s.fields[f].correct}/${s.fields[f].total} |`),
    '',
    '## Per language',
    '',
    `| language | cases | ${TRIAGE_FIELDS.join(' | ')} |`,
    `|---|---:|${TRIAGE_FIELDS.map(() => '---:').join('|')}|`,
    ...langs.map((l) => `| ${l} | ${s.byLanguage[l]!.cases} | ${TRIAGE_FIELDS.map((f) => pct(s.byLanguage[l]![f])).join(' | ')} |`),
  ];
  for (const f of TRIAGE_FIELDS) lines.push('', `## Confusion: ${f}`, '', confusionMarkdown(s.fields[f]));
  const misses = r.outcomes.filter((o) => TRIAGE_FIELDS.some((f) => o.expect[f] !== o.got[f]));
  if (misses.length) {
    lines.push('', '## Misses', '', '| case | field: expected → got |', '|---|---|');
    for (const o of misses) {
      const diff = TRIAGE_FIELDS.filter((f) => o.expect[f] !== o.got[f])
        .map((f) => `${f}: ${o.expect[f]} → ${o.got[f]}${f === 'sentiment' ? ` (${o.sentimentScore})` : ''}`)
        .join('; ');
      lines.push(`| ${o.id} | ${diff} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Writes `triage-<set>-<mode>.md` and `.json` into `dir`; returns their paths. */
export function writeTriageReport(r: TriageEvalReport, dir: string): { markdown: string; json: string } {
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `triage-${r.set.replace(/[^a-z0-9]+/gi, '_')}-${r.mode}`);
  writeFileSync(`${base}.md`, triageReportMarkdown(r));
  writeFileSync(`${base}.json`, `${JSON.stringify(r, null, 2)}\n`);
  return { markdown: `${base}.md`, json: `${base}.json` };
}
