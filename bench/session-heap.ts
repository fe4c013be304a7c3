/**
 * Heap held per idle MCP-over-HTTP session (issue 7: the tools/list used to be rebuilt per session):
 *   npx tsc -p . && node --expose-gc dist/bench/session-heap.js [sessions=200]
 *
 * Opens `sessions` stateful sessions against startHttp() on loopback with plain fetch (initialize,
 * notifications/initialized, tools/list), so no client object stays in this process, and leaves
 * them idle. Prints the heap used before and after (both after a full GC) and the difference per
 * session, and the tools/list size as a reference. Numbers depend on the machine and Node version.
 */
import { testConfig } from '../src/config.js';
import { createToken } from '../src/crm/access/tokens.js';
import { startHttp } from '../src/http/server.js';
import { toolListJson } from '../src/mcp/server.js';
import { configureLogger } from '../src/log.js';
import { openRuntime } from '../src/runtime.js';

const SESSIONS = Number(process.argv[2] ?? 200);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('Run with node --expose-gc.');

async function settledHeap(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc!();
    await new Promise((r) => setTimeout(r, 50));
  }
  return process.memoryUsage().heapUsed;
}

configureLogger('silent');
// Rate limits are per token: a high budget so the bench measures memory, not refusals.
const rt = await openRuntime(testConfig({ PORT: '0', CRM_RATE_LIMIT_PER_MINUTE: '100000', CRM_RATE_LIMIT_BURST: '100000' }), {
  seedIfEmpty: true,
});
const http = await startHttp(rt);
try {
  const { token } = await createToken(rt.database.db, { userHandle: 'demo', scopes: ['crm:read'], name: 'heap bench' });
  const url = `${http.url}/mcp`;
  const headers = { Authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  const post = async (body: object, sessionId?: string) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { ...headers, ...(sessionId ? { 'mcp-session-id': sessionId } : {}) },
      body: JSON.stringify(body),
    });
    await res.text();
    if (!res.ok && res.status !== 202) throw new Error(`HTTP ${res.status}`);
    return res.headers.get('mcp-session-id') ?? sessionId;
  };
  const open = async () => {
    const init = { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'heap-bench', version: '1' } };
    const id = await post({ jsonrpc: '2.0', id: 1, method: 'initialize', params: init });
    if (!id) throw new Error('no session id (is the server stateless?)');
    await post({ jsonrpc: '2.0', method: 'notifications/initialized' }, id);
    await post({ jsonrpc: '2.0', id: 2, method: 'tools/list' }, id);
  };
  await open(); // warm up: modules, the shared tools/list, the pool
  const before = await settledHeap();
  for (let i = 0; i < SESSIONS; i++) await open();
  const after = await settledHeap();
  const kb = (n: number) => (n / 1024).toFixed(1);
  console.log(`tools/list: ${Buffer.byteLength(toolListJson())} bytes, built once per process`);
  console.log(`heap before: ${kb(before)} KB, after ${SESSIONS} idle sessions: ${kb(after)} KB`);
  console.log(`per idle session: ${kb((after - before) / SESSIONS)} KB`);
} finally {
  await http.stop();
  await rt.close();
}
