/** A client that writes its requests and closes stdin (a script, a pipe) still gets every answer. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';

const cli = path.join(PROJECT_ROOT, 'dist/src/cli.js');
const dataDir = mkdtempSync(path.join(tmpdir(), 'crm-pipe-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('crm-agent mcp with stdin closed after the requests', () => {
  it('answers the requests in flight, then exits 0', async () => {
    if (!existsSync(cli)) throw new Error('dist/src/cli.js is missing: run `npm run build` first (npm test does).');
    const child = spawn(process.execPath, [cli, 'mcp'], {
      env: { PATH: process.env.PATH ?? '', CRM_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const lines = [
      {
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'pipe', version: '1' } },
      },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'search_leads', arguments: { limit: 2 } } },
    ];
    child.stdin.end(lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    const replies = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: number; result: { structuredContent?: { leads: unknown[] } } });
    expect(replies.map((r) => r.id)).toEqual([1, 2]);
    expect(replies[1]!.result.structuredContent!.leads).toHaveLength(2);
  });
});
