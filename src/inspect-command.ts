/**
 * `crm-agent inspect` (`npm run inspect -- ...`): the MCP Inspector CLI installed with the
 * project, run the way it works. Its `build/cli.js --cli` reads its own version through
 * `../package.json` of the *working folder*, so run from a project root whose parent has no
 * package.json it fails; it is run from its own `build/` folder instead. The stdio server it
 * spawns then inherits that folder, so the data folder is passed as an absolute path (and the
 * rest of the configuration, `.env` included, through the environment).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { MEMORY_DIR } from './db/embedded.js';
import { PROJECT_ROOT } from './paths.js';

export const INSPECTOR_CLI = path.join(PROJECT_ROOT, 'node_modules', '@modelcontextprotocol', 'inspector-cli', 'build', 'cli.js');
const SERVER_CLI = path.join(PROJECT_ROOT, 'dist', 'src', 'cli.js');

/**
 * The inspector's arguments: an http(s) URL first targets that endpoint over Streamable HTTP;
 * anything else targets this project's stdio server (`cli.js mcp`).
 */
export function inspectorArgs(args: readonly string[]): string[] {
  const [first, ...rest] = args;
  if (first && /^https?:\/\//.test(first))
    return ['--cli', first, ...(rest.includes('--transport') ? [] : ['--transport', 'http']), ...rest];
  return ['--cli', process.execPath, SERVER_CLI, 'mcp', ...args];
}

/** Runs the inspector with the terminal's stdin/stdout/stderr; resolves with its exit code. */
export function runInspector(args: readonly string[], opts: { env: NodeJS.ProcessEnv; dataDir: string }): Promise<number> {
  if (!existsSync(INSPECTOR_CLI)) {
    process.stderr.write(
      `The MCP Inspector CLI is not installed (${INSPECTOR_CLI}); it is a dev dependency: run \`npm install\`, or use \`npx @modelcontextprotocol/inspector\`.\n`,
    );
    return Promise.resolve(1);
  }
  if (!existsSync(SERVER_CLI)) {
    process.stderr.write(`${SERVER_CLI} is missing: run \`npm run build\` first.\n`);
    return Promise.resolve(1);
  }
  const env = { ...opts.env, ...(opts.dataDir === MEMORY_DIR ? {} : { CRM_DATA_DIR: path.resolve(opts.dataDir) }) };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [INSPECTOR_CLI, ...inspectorArgs(args)], {
      cwd: path.dirname(INSPECTOR_CLI),
      env,
      stdio: 'inherit',
    });
    child.once('error', reject);
    child.once('close', (code) => resolve(code ?? 1));
  });
}
