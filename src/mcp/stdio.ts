/** MCP over stdio, acting as the configured local user (CRM_USER). Logs go to stderr only. */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { actorForHandle } from '../crm/actor.js';
import { logger } from '../log.js';
import type { Runtime } from '../runtime.js';
import { createMcpServer } from './server.js';

/** Serves until stdin closes; resolves then. */
export async function serveStdio(rt: Runtime): Promise<void> {
  const actor = await actorForHandle(rt.database.db, rt.config.CRM_USER);
  const server = createMcpServer({ deps: rt.deps, channel: 'mcp_stdio', actorFor: () => actor });
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
  });
  await server.connect(transport);
  logger('mcp-stdio').info({ user: actor.handle }, 'MCP server ready on stdio');
  await closed;
  await server.close().catch(() => undefined);
}
