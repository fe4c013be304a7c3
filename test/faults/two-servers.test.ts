/**
 * Two server processes (`crm-agent start`, stateless MCP) on one database behind a round-robin
 * client: every write and every audit row lands exactly once, and the two embedding workers do
 * no job twice. On the embedded database the second process joins the first one's socket server
 * (server.json in the data folder), the supported way to run two app processes on it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { createToken } from '../../src/crm/access/tokens.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { makeLead, makeUser } from '../helpers/fixtures.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-two-'));
const servers: ChildProcess[] = [];
afterAll(async () => {
  // The joining process first, then the one hosting the database.
  for (const s of [...servers].reverse()) {
    if (s.exitCode !== null) continue;
    const exited = new Promise((r) => s.once('exit', r));
    s.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (s.exitCode === null) s.kill('SIGKILL');
  }
  rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function startServer(port: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('src', 'cli.ts'), 'start'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      CRM_DATA_DIR: dir,
      PORT: String(port),
      HOST: '127.0.0.1',
      MCP_STATELESS: 'true',
      CRM_SEED_ON_START: 'false',
      CRM_RATE_LIMIT_BURST: '10000',
      CRM_RATE_LIMIT_CONCURRENT: '64',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  servers.push(child);
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server on port ${port} exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server on port ${port} not ready`);
}

describe('two stateless server processes on one database', () => {
  it('round-robin: every write and audit row once, both processes served, no embedding job done twice', async () => {
    let db: Database = await openDatabase(testConfig({ CRM_DATA_DIR: dir }));
    await migrate(db.pool);
    const user = await makeUser(db.db, { role: 'csr' });
    const lead = await makeLead(db.db);
    const { token } = await createToken(db.db, { userHandle: user.handle, scopes: ['crm:read', 'crm:write'] });
    await db.close();

    const ports = [await freePort(), await freePort()];
    await startServer(ports[0]!);
    await startServer(ports[1]!); // joins the first one's database over its socket
    const served = [0, 0];
    let turn = 0;
    const roundRobin: typeof fetch = (input, init) => {
      const i = turn++ % 2;
      served[i]!++;
      const url = new URL(input instanceof Request ? input.url : String(input));
      url.port = String(ports[i]);
      return fetch(url, init);
    };

    const CLIENTS = 4;
    const NOTES = 10;
    const run = async (c: number) => {
      const client = new Client({ name: `rr-${c}`, version: '1' });
      await client.connect(
        new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${ports[0]}/mcp`), {
          fetch: roundRobin,
          requestInit: { headers: { Authorization: `Bearer ${token}` } },
        }),
      );
      try {
        for (let i = 0; i < NOTES; i++) {
          const w = (await client.callTool({
            name: 'add_note',
            arguments: { leadId: lead.id, body: `rr ${c}-${i} about flood cover` },
          })) as CallToolResult;
          expect(w.isError, JSON.stringify(w.content)).toBeFalsy();
          const r = (await client.callTool({ name: 'search_leads', arguments: { query: 'flood', limit: 3 } })) as CallToolResult;
          expect(r.isError, JSON.stringify(r.content)).toBeFalsy();
        }
      } finally {
        await client.close();
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => run(c)));
    expect(served[0]).toBeGreaterThan((CLIENTS * NOTES) / 2);
    expect(served[1]).toBeGreaterThan((CLIENTS * NOTES) / 2);

    db = await openDatabase(testConfig({ CRM_DATA_DIR: dir })); // joins too: a third process
    try {
      const q = async <T>(sql: string, p: unknown[] = []) => (await db.pool.query(sql, p)).rows as T[];
      const notes = await q<{ body: string; n: number }>(
        "select body, count(*)::int as n from lead_notes where body like 'rr %' group by body",
      );
      expect(notes).toHaveLength(CLIENTS * NOTES);
      expect(notes.every((n) => n.n === 1)).toBe(true);
      const audit = await q<{ tool_name: string; n: number }>(
        "select tool_name, count(*)::int as n from ai_interactions where user_id = $1 and type = 'tool_call' group by tool_name order by tool_name",
        [user.id],
      );
      expect(audit).toEqual([
        { tool_name: 'add_note', n: CLIENTS * NOTES },
        { tool_name: 'search_leads', n: CLIENTS * NOTES },
      ]);

      // Both processes run the embedding worker: each note's job finishes once, claimed once.
      const deadline = Date.now() + 60_000;
      let jobs: { status: string; attempts: number }[] = [];
      while (Date.now() < deadline) {
        jobs = await q(
          "select j.status, j.attempts from embedding_jobs j join lead_notes n on n.id = j.source_id where j.source_type = 'note' and n.body like 'rr %'",
        );
        if (jobs.length === CLIENTS * NOTES && jobs.every((j) => j.status === 'done')) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      expect(jobs).toHaveLength(CLIENTS * NOTES);
      expect(jobs.every((j) => j.status === 'done' && j.attempts === 1)).toBe(true);
      const vectors = await q<{ n: number }>(
        "select count(*)::int as n from embeddings e join lead_notes n on n.id = e.source_id where e.source_type = 'note' and n.body like 'rr %'",
      );
      expect(vectors[0]!.n).toBe(CLIENTS * NOTES);
    } finally {
      await db.close();
    }
    // Two server start-ups and a drained embedding queue: minutes on a loaded 2-core machine.
  }, 240_000);
});
