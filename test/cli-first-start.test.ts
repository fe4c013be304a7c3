/**
 * The built CLI on a fresh data folder, as a newcomer meets it: the first `mcp` (what Claude
 * Desktop spawns) reports its first-start work on stderr and keeps stdout for the protocol;
 * `users list` names the demo users; `db url` prints a Unix-socket URL psql-style clients can use.
 * Needs dist/ (`npm test` builds first).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { USERS } from '../src/seed/book.js';
import { createToken } from '../src/crm/access/tokens.js';
import { PROJECT_ROOT } from '../src/paths.js';

const CLI = path.join(PROJECT_ROOT, 'dist', 'src', 'cli.js');
let tmp: string;
let dataDir: string;

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, CRM_DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'test' };
    delete env.DATABASE_URL;
    // stdin is /dev/null: `mcp` sees its client close at once and exits after starting up.
    const child = spawn(process.execPath, [CLI, ...args], { cwd: tmp, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test builds before vitest).`);
  tmp = mkdtempSync(path.join(os.tmpdir(), 'crm-cli-'));
  dataDir = path.join(tmp, 'data');
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('CLI on a fresh data folder', () => {
  it('first mcp start: progress of each first-start step on stderr, nothing on stdout', async () => {
    const r = await cli(['mcp']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/crm-agent: creating the embedded database in .*\.\.\.\n/);
    expect(r.stderr).toMatch(/crm-agent: creating the embedded database .*: done in \d+\.\d s/);
    expect(r.stderr).toMatch(/crm-agent: applied \d+ database migration\(s\) in/);
    expect(r.stderr).toMatch(/crm-agent: seeding the demo book \(first start only\): done in \d+\.\d s \(6 users, \d+ leads/);
    expect(r.stderr).toMatch(/crm-agent: embedding \d+ texts for search in the background/);
    // A second start has nothing of that to do.
    const again = await cli(['mcp']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toMatch(/creating the embedded database|seeding the demo book|migration/);
    // Two cold starts of a WASM Postgres; generous for a busy CI machine (not a timing assertion).
  }, 300_000);

  it('users list prints every demo user with role and Slack id', async () => {
    const r = await cli(['users', 'list']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^handle\s+name\s+role\s+slack\s+active$/);
    expect(lines).toHaveLength(USERS.length + 1);
    for (const u of USERS)
      expect(lines.find((l) => l.startsWith(`${u.handle} `))).toMatch(new RegExp(`${u.fullName}\\s+${u.role}\\s+U\\w+\\s+yes$`));
  });

  it('db url prints a Unix-socket URL that a client can use while a process holds the folder, and the token hint names users list', async () => {
    const database = await openDatabase(testConfig({ CRM_DATA_DIR: dataDir }));
    try {
      const r = await cli(['db', 'url']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('Unix socket');
      expect(r.stderr).not.toContain('loopback');
      const url = r.stdout.trim();
      expect(url).toMatch(/^postgres:\/\/postgres@localhost\/postgres\?host=%2F/);
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        expect((await c.query('select count(*)::int as n from users')).rows[0].n).toBe(USERS.length);
      } finally {
        await c.end();
      }
      await expect(createToken(database.db, { userHandle: 'nobody', scopes: ['crm:read'] })).rejects.toMatchObject({
        hint: expect.stringContaining('crm-agent users list'),
      });
    } finally {
      await database.close();
    }
  });
});
