/**
 * MCP over Streamable HTTP (the SDK's web-standard transport), behind our auth middleware.
 * Stateful: one server per session, bound to the user who opened it, expired when idle.
 * Stateless: a fresh server per request with JSON responses, for many instances behind a load balancer.
 */
import { randomUUID } from 'node:crypto';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { Actor } from '../crm/actor.js';
import type { ToolDeps } from '../../tools/run-tool.js';
import { actorFromAuthInfo, createMcpServer } from './server.js';

export interface McpHttpOptions {
  deps: ToolDeps;
  stateless: boolean;
  /** Idle sessions are closed after this long (stateful mode). */
  sessionIdleMs?: number;
}

interface Session {
  transport: WebStandardStreamableHTTPServerTransport;
  userId: string;
  lastSeen: number;
}

function jsonRpcError(status: number, message: string): Response {
  return new Response(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

export interface McpHttpHandler {
  handle(req: Request, actor: Actor): Promise<Response>;
  close(): Promise<void>;
  sessionCount(): number;
}

export function createMcpHttpHandler(opts: McpHttpOptions): McpHttpHandler {
  const sessions = new Map<string, Session>();
  const idleMs = opts.sessionIdleMs ?? 30 * 60_000;
  const authInfo = (actor: Actor) => ({ token: '', clientId: actor.userId, scopes: [...actor.scopes], extra: { actor } });
  const newServer = () => createMcpServer({ deps: opts.deps, channel: 'mcp_http', actorFor: actorFromAuthInfo });

  const sweep = setInterval(() => {
    const cutoff = Date.now() - idleMs;
    for (const s of sessions.values()) if (s.lastSeen < cutoff) void s.transport.close();
  }, 60_000);
  sweep.unref();

  async function stateless(req: Request, actor: Actor): Promise<Response> {
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    const server = newServer();
    await server.connect(transport);
    try {
      return await transport.handleRequest(req, { authInfo: authInfo(actor) });
    } finally {
      // JSON responses are complete when handleRequest resolves.
      void server.close();
    }
  }

  async function stateful(req: Request, actor: Actor): Promise<Response> {
    const sessionId = req.headers.get('mcp-session-id');
    if (sessionId) {
      const s = sessions.get(sessionId);
      if (!s) return jsonRpcError(404, 'Session not found or expired. Start a new session with an initialize request.');
      // A session belongs to the user who opened it; another token cannot ride on it.
      if (s.userId !== actor.userId) return jsonRpcError(403, 'This session belongs to another user.');
      s.lastSeen = Date.now();
      return s.transport.handleRequest(req, { authInfo: authInfo(actor) });
    }
    if (req.method !== 'POST') return jsonRpcError(400, 'Missing mcp-session-id header. Start with an initialize request (POST).');
    const transport: WebStandardStreamableHTTPServerTransport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        sessions.set(id, { transport, userId: actor.userId, lastSeen: Date.now() });
      },
      onsessionclosed: (id) => {
        sessions.delete(id);
      },
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
    };
    const server = newServer();
    await server.connect(transport);
    return transport.handleRequest(req, { authInfo: authInfo(actor) });
  }

  return {
    handle: (req, actor) => (opts.stateless ? stateless(req, actor) : stateful(req, actor)),
    async close() {
      clearInterval(sweep);
      await Promise.all([...sessions.values()].map((s) => s.transport.close().catch(() => undefined)));
      sessions.clear();
    },
    sessionCount: () => sessions.size,
  };
}
