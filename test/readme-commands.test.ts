/**
 * The README's commands must exist: every `npm run` script, every CLI subcommand it names, every
 * relative link (inside the repository: a newcomer's clone has nothing beside it), every demo
 * user. And `npm start` must not rebuild: the build happens once, at install.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { USERS } from '../src/seed/book.js';
import { PROJECT_ROOT } from '../src/paths.js';

const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const CLI = path.join(PROJECT_ROOT, 'dist', 'src', 'cli.js');

/** Subcommand names listed by `cli.js [group] --help`. */
function commandsOf(...group: string[]): string[] {
  const help = execFileSync(process.execPath, [CLI, ...group, '--help'], {
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  const section = help.split(/^Commands:$/m)[1] ?? '';
  return [...section.matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((m) => m[1]!);
}

describe('README commands and links', () => {
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test builds before vitest).`);
  });

  it('names only npm scripts that exist', () => {
    const named = [...readme.matchAll(/npm run ([a-z:-]+)/g)].map((m) => m[1]!);
    expect(named).toContain('inspect');
    for (const s of named) expect(Object.keys(pkg.scripts), `npm run ${s}`).toContain(s);
  });

  it('names only CLI commands that exist, including users list', () => {
    const top = commandsOf();
    const mentions = [...readme.matchAll(/(?:cli\.js|(?<!@)crm-agent) ([a-z][a-z-]*)(?: ([a-z][a-z-]*))?/g)].map(
      (m) => [m[1]!, m[2]] as const,
    );
    expect(mentions.map((m) => m.join(' '))).toContain('users list');
    const groups = new Map<string, string[]>();
    for (const [cmd, sub] of mentions) {
      expect(top, `${cmd}`).toContain(cmd);
      if (!sub || ['mcp', 'start', 'serve', 'migrate', 'seed', 'embed', 'inspect'].includes(cmd)) continue;
      if (!groups.has(cmd)) groups.set(cmd, commandsOf(cmd));
      expect(groups.get(cmd), `${cmd} ${sub}`).toContain(sub);
    }
  });

  it('links only to files inside the repository that exist, architecture included', () => {
    const links = [...readme.matchAll(/\]\(([^)#\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l));
    expect(links).toContain('docs/architecture.md');
    for (const l of links) {
      expect(path.resolve(PROJECT_ROOT, l).startsWith(PROJECT_ROOT + path.sep), l).toBe(true);
      expect(existsSync(path.join(PROJECT_ROOT, l)), l).toBe(true);
    }
    expect(readme).not.toMatch(/\.\.\/shared\//);
  });

  it('says what db url prints, and what exists today', () => {
    expect(readme).not.toMatch(/loopback URL/);
    expect(readme).toMatch(/db url`[^]*Unix-socket URL/);
    expect(readme).not.toMatch(/agent issue/);
  });

  it('lists every demo user with its role', () => {
    for (const u of USERS) expect(readme).toMatch(new RegExp(`\\| \`${u.handle.replace('.', '\\.')}\` \\| ${u.fullName} \\| ${u.role}`));
  });

  it('builds at install, not at every npm start', () => {
    expect(pkg.scripts.prepare).toMatch(/\b(tsc|npm run build)\b/);
    expect(pkg.scripts.start).not.toMatch(/\b(tsc|build)\b/);
    expect(pkg.scripts.dev).toMatch(/build/);
  });
});
