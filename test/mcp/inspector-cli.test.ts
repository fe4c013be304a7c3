/**
 * Drives the built server with the MCP Inspector CLI (a third-party MCP client), the way a user
 * checks a setup by hand: stdio (`node dist/src/cli.js mcp`) and Streamable HTTP with a token.
 *
 * Needs dist/ (`npm test` builds first). This process hosts the embedded database of one temp
 * data folder; every stdio server the inspector spawns on that folder joins it over the socket
 * (server.json) instead of opening and seeding its own, which keeps each spawn to a few seconds.
 * The inspector exits 0 even when a tool fails, so the assertions read its JSON output.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { createToken } from '../../src/crm/access/tokens.js';
import { startHttp, type RunningHttp } from '../../src/http/server.js';
import { MCP_PROMPTS } from '../../src/mcp/prompts.js';
import { listResources } from '../../src/mcp/resources.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { openRuntime, type Runtime } from '../../src/runtime.js';
import { tools } from '../../tools/index.js';

const CLI = path.join(PROJECT_ROOT, 'dist', 'src', 'cli.js');
const INSPECTOR = path.join(PROJECT_ROOT, 'node_modules', '@modelcontextprotocol', 'inspector-cli', 'build', 'cli.js');

let tmp: string;
let dataDir: string;
let workDir: string;
let rt: Runtime;
let http: RunningHttp;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the inspector CLI; async so this process keeps serving the database the spawned server joins. */
function inspector(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, CRM_DATA_DIR: dataDir, CRM_USER: 'demo', LOG_LEVEL: 'warn', NODE_ENV: 'test' };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, [INSPECTOR, '--cli', ...args], { cwd: workDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The JSON result the inspector printed; fails with its stderr when it printed none. */
async function call<T = Record<string, unknown>>(args: string[]): Promise<T> {
  const r = await inspector(args);
  const start = r.stdout.indexOf('{');
  if (r.code !== 0 || start < 0) throw new Error(`inspector exited ${r.code} without a result.\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  return JSON.parse(r.stdout.slice(start)) as T;
}

const stdio = (...args: string[]) => call([process.execPath, CLI, 'mcp', ...args]);

interface ToolCallResult {
  isError?: boolean;
  content: { type: string; text: string }[];
  structuredContent?: { leads: { leadId: string; clientName: string }[]; total: number };
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test builds before vitest).`);
  tmp = mkdtempSync(path.join(os.tmpdir(), 'crm-inspector-'));
  dataDir = path.join(tmp, 'data');
  // The inspector reads its own version through `../package.json` relative to its working folder.
  workDir = path.join(tmp, 'work');
  mkdirSync(workDir);
  writeFileSync(path.join(tmp, 'package.json'), '{ "name": "inspector-workdir", "private": true }\n');
  rt = await openRuntime(testConfig({ CRM_DATA_DIR: dataDir, PORT: '0' }), { seedIfEmpty: true });
  http = await startHttp(rt);
});

afterAll(async () => {
  await http?.stop();
  await rt?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const q = async <T>(sql: string, params?: unknown[]) => (await rt.database.pool.query(sql, params)).rows as T[];

describe('MCP Inspector CLI against the stdio server', () => {
  it('lists every tool of the registry', async () => {
    const out = await stdio('--method', 'tools/list');
    const listed = (out.tools as { name: string; inputSchema: { type: string } }[]).map((t) => t.name);
    expect([...listed].sort()).toEqual(tools.map((t) => t.name).sort());
  });

  it('calls search_leads and gets structured rows, audited as an inspector call over stdio', async () => {
    const [lead] = await q<{ id: string; name: string }>(
      'select l.id, c.display_name as name from leads l join clients c on c.id = l.client_id order by l.created_at, l.id limit 1',
    );
    const out = await stdio('--method', 'tools/call', '--tool-name', 'search_leads', '--tool-arg', `query="${lead!.name}"`, 'limit=5');
    const result = out as unknown as ToolCallResult;
    expect(result.isError).toBeFalsy();
    const rows = result.structuredContent!.leads;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.leadId)).toContain(lead!.id);
    // The text block is the same JSON, for clients that ignore structuredContent.
    expect(JSON.parse(result.content[0]!.text)).toEqual(result.structuredContent);
    const [audit] = await q<{ channel: string; client_name: string; error_code: string | null }>(
      `select channel, client_name, error_code from ai_interactions where tool_name = 'search_leads' order by created_at desc limit 1`,
    );
    expect(audit).toEqual({ channel: 'mcp_stdio', client_name: 'inspector-cli', error_code: null });
  });

  it('returns isError with code VALIDATION for bad input', async () => {
    const out = (await stdio(
      '--method',
      'tools/call',
      '--tool-name',
      'get_lead',
      '--tool-arg',
      'leadId=not-a-uuid',
    )) as unknown as ToolCallResult;
    expect(out.isError).toBe(true);
    const { error } = JSON.parse(out.content[0]!.text) as { error: { code: string; message: string; details: { field?: string }[] } };
    expect(error.code).toBe('VALIDATION');
    expect(error.details.map((d) => d.field)).toContain('leadId');
  });

  it('lists resources and prompts', async () => {
    const resources = (await stdio('--method', 'resources/list')).resources as { uri: string; name: string }[];
    expect(resources.map((r) => r.uri).sort()).toEqual(
      listResources()
        .map((r) => r.uri)
        .sort(),
    );
    expect(resources.map((r) => r.uri)).toContain('crm://lookups/lead-statuses');
    const prompts = (await stdio('--method', 'prompts/list')).prompts as { name: string; arguments?: { name: string }[] }[];
    expect(prompts.map((p) => p.name).sort()).toEqual(MCP_PROMPTS.map((p) => p.name).sort());
    expect(prompts.find((p) => p.name === 'summarize_lead')?.arguments?.map((a) => a.name)).toEqual(['leadId']);
  });
});

describe('npm run inspect (the installed Inspector CLI, as the README gives it)', () => {
  /** Runs the npm script from the project root, as a user would; its parent folder has no package.json. */
  function npmInspect(args: string[]): Promise<Run> {
    return new Promise((resolve, reject) => {
      const env: NodeJS.ProcessEnv = { ...process.env, CRM_DATA_DIR: dataDir, CRM_USER: 'demo', LOG_LEVEL: 'warn', NODE_ENV: 'test' };
      delete env.DATABASE_URL;
      const child = spawn('npm', ['run', '--silent', 'inspect', '--', ...args], {
        cwd: PROJECT_ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.once('error', reject);
      child.once('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('lists the tools of the stdio server on the configured data folder', async () => {
    const r = await npmInspect(['--method', 'tools/list']);
    expect(r.code, r.stderr).toBe(0);
    const listed = (JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as { tools: { name: string }[] }).tools.map((t) => t.name);
    expect(listed.sort()).toEqual(tools.map((t) => t.name).sort());
  });

  it('targets the HTTP endpoint when given its URL first', async () => {
    const { token } = await createToken(rt.database.db, { userHandle: 'demo', scopes: ['crm:read'], name: 'npm inspect test' });
    const r = await npmInspect([
      `${http.url}/mcp`,
      '--method',
      'tools/call',
      '--tool-name',
      'search_leads',
      '--tool-arg',
      'limit=1',
      '--header',
      `Authorization: Bearer ${token}`,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as ToolCallResult;
    expect(out.structuredContent!.leads).toHaveLength(1);
  });
});

describe('MCP Inspector CLI against Streamable HTTP', () => {
  it('calls a tool with a bearer token, and is refused without one', async () => {
    const { token } = await createToken(rt.database.db, { userHandle: 'demo', scopes: ['crm:read'], name: 'inspector test' });
    const url = `${http.url}/mcp`;
    const out = (await call([
      url,
      '--transport',
      'http',
      '--method',
      'tools/call',
      '--tool-name',
      'search_leads',
      '--tool-arg',
      'limit=2',
      '--header',
      `Authorization: Bearer ${token}`,
    ])) as unknown as ToolCallResult;
    expect(out.isError).toBeFalsy();
    expect(out.structuredContent!.leads).toHaveLength(2);
    const [audit] = await q<{ channel: string; client_name: string }>(
      `select channel, client_name from ai_interactions where tool_name = 'search_leads' order by created_at desc limit 1`,
    );
    expect(audit).toEqual({ channel: 'mcp_http', client_name: 'inspector-cli' });

    const refused = await inspector([url, '--transport', 'http', '--method', 'tools/list']);
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).not.toContain('"tools"');
    expect(refused.stderr).toContain('UNAUTHORIZED');
  });
});
