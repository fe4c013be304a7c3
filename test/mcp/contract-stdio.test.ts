import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { findRunningServer } from '../../src/db/embedded.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { defineContract } from '../helpers/mcp-contract.js';

const cli = path.join(PROJECT_ROOT, 'dist/src/cli.js');
const dataDir = mkdtempSync(path.join(tmpdir(), 'crm-stdio-'));
let client: Client;
let pool: pg.Pool;

beforeAll(async () => {
  if (!existsSync(cli)) throw new Error('dist/src/cli.js is missing: run `npm run build` first (npm test does).');
  client = new Client({ name: 'stdio-contract', version: '1.0.0' });
  // The spawned server opens (and seeds) its own embedded database, and serves it on loopback:
  // the test reads the same database through that socket, as `crm-agent db url` would.
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [cli, 'mcp'],
      env: { PATH: process.env.PATH ?? '', CRM_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      stderr: 'inherit',
    }),
  );
  const running = await findRunningServer(dataDir);
  if (!running) throw new Error('the stdio server did not publish its database');
  pool = new pg.Pool({ connectionString: running.url, max: 1 });
});

afterAll(async () => {
  await pool?.end();
  await client?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('MCP over stdio (spawned `crm-agent mcp`)', () => {
  defineContract({ client: () => client, q: async (sql, params) => (await pool.query(sql, params)).rows });
});
