/** Reads dialog files: YAML, validated by the zod schema; every error names the file and the field. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../src/paths.js';
import { dialogSchema, type Dialog } from './dialog-schema.js';
import { checkFixtureColumns } from './fixtures.js';

export const DIALOGS_DIR = path.join(PROJECT_ROOT, 'evals', 'dialogs');

export class DialogFileError extends Error {}

/** Parses one dialog's text; `file` names it in errors. */
export function parseDialog(text: string, file: string): Dialog {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (err) {
    throw new DialogFileError(`${file}: not valid YAML: ${(err as Error).message}`);
  }
  const parsed = dialogSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new DialogFileError(`${file}: invalid dialog:\n${lines.join('\n')}`);
  }
  const problems = parsed.data.fixtures.flatMap((f, i) => checkFixtureColumns(f).map((p) => `  fixtures.${i}.${p}`));
  if (problems.length) throw new DialogFileError(`${file}: invalid dialog:\n${problems.join('\n')}`);
  return { ...parsed.data, name: path.basename(file).replace(/\.ya?ml$/, ''), file };
}

/** Every dialog of the folder (sorted by name), optionally those whose name matches `filter` (a regex). */
export function loadDialogs(dir = DIALOGS_DIR, filter?: string): Dialog[] {
  const re = filter ? new RegExp(filter, 'i') : null;
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => parseDialog(readFileSync(path.join(dir, f), 'utf8'), path.relative(PROJECT_ROOT, path.join(dir, f))))
    .filter((d) => !re || re.test(d.name) || d.tags.some((t) => re.test(t)));
}
