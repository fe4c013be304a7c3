/** MCP over stdio, acting as the configured local user (CRM_USER). Logs go to stderr only. */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { actorForHandle } from '../crm/access/actor.js';
import { logger } from '../log.js';
import type { Db } from '../db/client.js';
import type { ToolDeps } from '../../tools/run-tool.js';
import { createMcpServer } from './server.js';

type Id = string | number;
const requestId = (m: JSONRPCMessage): Id | undefined => ('method' in m && 'id' in m ? (m.id as Id) : undefined);
const responseId = (m: JSONRPCMessage): Id | undefined => (!('method' in m) && 'id' in m ? (m.id as Id) : undefined);

/**
 * Serves until stdin closes, then answers the requests already received before resolving, so a
 * client that writes its requests and closes its end (a script, a pipe) still gets every answer.
 */
/** What serving needs of the runtime (src/runtime.ts builds it; this layer does not import it). */
export interface StdioRuntime {
  database: { db: Db };
  config: { CRM_USER: string };
  deps: ToolDeps;
}

export async function serveStdio(rt: StdioRuntime, opts: { drainTimeoutMs?: number } = {}): Promise<void> {
  const actor = await actorForHandle(rt.database.db, rt.config.CRM_USER);
  const server = createMcpServer({ deps: rt.deps, channel: 'mcp_stdio', actorFor: () => actor });
  const transport = new StdioServerTransport();
  await server.connect(transport);

  const inFlight = new Set<Id>();
  let drained: (() => void) | undefined;
  const receive = transport.onmessage!;
  transport.onmessage = (message: JSONRPCMessage) => {
    const id = requestId(message);
    if (id !== undefined) inFlight.add(id);
    receive(message);
  };
  const send = transport.send.bind(transport);
  transport.send = async (message: JSONRPCMessage) => {
    await send(message);
    const id = responseId(message);
    if (id !== undefined && inFlight.delete(id) && inFlight.size === 0) drained?.();
  };

  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once('end', resolve);
  });
  logger('mcp-stdio').info({ user: actor.handle }, 'MCP server ready on stdio');
  await closed;
  if (inFlight.size > 0) {
    await new Promise<void>((resolve) => {
      drained = resolve;
      setTimeout(resolve, opts.drainTimeoutMs ?? 30_000).unref();
    });
  }
  await server.close().catch(() => undefined);
}
