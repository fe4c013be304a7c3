/**
 * MCP over Streamable HTTP (the SDK's web-standard transport), behind our auth middleware.
 * Stateful: one server per session, bound to the user who opened it, expired when idle.
 * Stateless: a fresh server per request with JSON responses, for many instances behind a load balancer.
 */
import { randomUUID } from 'node:crypto';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import type { Actor } from '../crm/access/actor.js';
import type { ToolDeps } from '../../tools/run-tool.js';
import { logger } from '../log.js';
import { actorFromAuthInfo, createMcpServer } from './server.js';
import { admitSession } from './session-caps.js';

export interface McpHttpOptions {
  deps: ToolDeps;
  stateless: boolean;
  /** Idle sessions are closed after this long (stateful mode). */
  sessionIdleMs?: number;
  /**
   * Open sessions at most, in all and per user (stateful mode). A user at their cap gets a new
   * session in place of their least recently used idle one; beyond that, 429 (src/mcp/session-caps.ts).
   */
  maxSessions?: number;
  maxSessionsPerUser?: number;
}

interface Session {
  transport: WebStandardStreamableHTTPServerTransport;
  userId: string;
  lastSeen: number;
  /** JSON-RPC ids of requests whose answer is still being written. */
  inFlight: Set<string>;
}

function jsonRpcError(status: number, message: string, id: string | number | null = null): Response {
  return new Response(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id }), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** The ids of the JSON-RPC requests (not notifications or responses) in a parsed body. */
function requestIds(body: unknown): (string | number)[] {
  const list = Array.isArray(body) ? body : [body];
  const ids: (string | number)[] = [];
  for (const m of list) {
    if (m && typeof m === 'object' && 'method' in m && 'id' in m) {
      const id = (m as { id: unknown }).id;
      if (typeof id === 'string' || typeof id === 'number') ids.push(id);
    }
  }
  return ids;
}

/** `res` with `done` called once its body has been sent or abandoned (SSE answers end later than handleRequest). */
function onBodyDone(res: Response, done: () => void): Response {
  if (!res.body) {
    done();
    return res;
  }
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    done();
  };
  const reader = res.body.getReader();
  const wrapped = new ReadableStream({
    async pull(ctrl) {
      try {
        const { done: end, value } = await reader.read();
        if (end) {
          once();
          ctrl.close();
        } else ctrl.enqueue(value);
      } catch (err) {
        once();
        ctrl.error(err);
      }
    },
    cancel(reason) {
      once();
      return reader.cancel(reason);
    },
  });
  return new Response(wrapped, { status: res.status, statusText: res.statusText, headers: res.headers });
}

/**
 * Serves a POST on an open session, refusing a request whose JSON-RPC id is already in flight
 * there: the SDK keys answers by id, so a second request with the same id would leave one of
 * the two callers waiting forever.
 */
async function guardedPost(s: Session, req: Request, authInfo: AuthInfo): Promise<Response> {
  let parsedBody: unknown;
  try {
    parsedBody = await req.clone().json();
  } catch {
    // Not JSON: the SDK answers with its parse error.
    return s.transport.handleRequest(req, { authInfo });
  }
  const ids = requestIds(parsedBody);
  const keys = ids.map((id) => `${typeof id}:${id}`);
  const clash = ids.find((_, i) => s.inFlight.has(keys[i]!) || keys.indexOf(keys[i]!) !== i);
  if (clash !== undefined) {
    return jsonRpcError(
      409,
      `Request id ${JSON.stringify(clash)} is already in flight in this session; use a new id for each request.`,
      clash,
    );
  }
  for (const k of keys) s.inFlight.add(k);
  const release = () => {
    for (const k of keys) s.inFlight.delete(k);
  };
  try {
    return onBodyDone(await s.transport.handleRequest(req, { authInfo, parsedBody }), release);
  } catch (err) {
    release();
    throw err;
  }
}

export interface McpHttpHandler {
  handle(req: Request, actor: Actor): Promise<Response>;
  close(): Promise<void>;
  sessionCount(): number;
}

export function createMcpHttpHandler(opts: McpHttpOptions): McpHttpHandler {
  const sessions = new Map<string, Session>();
  const idleMs = opts.sessionIdleMs ?? 30 * 60_000;
  const maxSessions = opts.maxSessions ?? Infinity;
  const maxPerUser = opts.maxSessionsPerUser ?? Infinity;
  // Initialize requests in flight count against the caps too, so a burst cannot overshoot them.
  const opening = new Map<string, number>();
  let openingTotal = 0;
  const authInfo = (actor: Actor): AuthInfo => ({ token: '', clientId: actor.userId, scopes: [...actor.scopes], extra: { actor } });
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
      if (req.method === 'POST') return guardedPost(s, req, authInfo(actor));
      return s.transport.handleRequest(req, { authInfo: authInfo(actor) });
    }
    if (req.method !== 'POST') return jsonRpcError(400, 'Missing mcp-session-id header. Start with an initialize request (POST).');
    const caps = { maxSessions, maxPerUser, idleMs };
    const verdict = admitSession(sessions, { user: opening.get(actor.userId) ?? 0, total: openingTotal }, actor.userId, caps);
    if (verdict instanceof Response) return verdict;
    if (verdict.evict) {
      // Its client meets 404 on its next request and starts a new session, as the spec says.
      const s = sessions.get(verdict.evict)!;
      sessions.delete(verdict.evict);
      void s.transport.close().catch(() => undefined);
      logger('mcp-http').info({ userId: actor.userId }, 'closed the least recently used idle session of a user at the session cap');
    }
    opening.set(actor.userId, (opening.get(actor.userId) ?? 0) + 1);
    openingTotal++;
    try {
      return await openSession(req, actor);
    } finally {
      openingTotal--;
      const left = (opening.get(actor.userId) ?? 1) - 1;
      if (left) opening.set(actor.userId, left);
      else opening.delete(actor.userId);
    }
  }

  async function openSession(req: Request, actor: Actor): Promise<Response> {
    const transport: WebStandardStreamableHTTPServerTransport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        sessions.set(id, { transport, userId: actor.userId, lastSeen: Date.now(), inFlight: new Set() });
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
