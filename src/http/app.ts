/**
 * The HTTP application (hono): health and readiness probes, and MCP over Streamable HTTP at
 * /mcp behind Host/Origin guards and bearer auth, and Slack at /slack/events and
 * /slack/interactions when a Slack surface is given (Slack configured; 404 otherwise).
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { AppError, ERROR_TABLE, fromPgError } from '../errors.js';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { logger } from '../log.js';
import { listMigrations } from '../db/migrate.js';
import { hasScope } from '../crm/access/actor.js';
import { createMcpHttpHandler, type McpHttpHandler } from '../mcp/http-transport.js';
import type { Runtime } from '../runtime.js';
import { rateLimit } from './rate-limit.js';
import type { SlackSurface } from '../slack/index.js';
import { allowedHostnames, bearerAuth, hostGuard, localUserAuth, originGuard, type AuthEnv } from './security.js';

export interface HttpApp {
  app: Hono<AuthEnv>;
  mcp: McpHttpHandler;
}

export interface HttpAppOptions {
  /** The Slack surface (src/slack), when Slack is configured. */
  slack?: SlackSurface | null;
}

export function createHttpApp(rt: Runtime, opts: HttpAppOptions = {}): HttpApp {
  const log = logger('http');
  const app = new Hono<AuthEnv>();
  const hosts = allowedHostnames(rt.config.HOST, rt.config.CRM_ALLOWED_HOSTS);
  const mcp = createMcpHttpHandler({
    deps: rt.deps,
    stateless: rt.config.MCP_STATELESS,
    maxSessions: rt.config.CRM_MAX_SESSIONS,
    maxSessionsPerUser: rt.config.CRM_MAX_SESSIONS_PER_USER,
  });

  app.onError((err, c) => {
    // A lost database (e.g. while authenticating) is a retriable 503, not a 500.
    const mapped = fromPgError(err);
    if (mapped instanceof AppError) return c.json({ error: mapped.toJSON() }, ERROR_TABLE[mapped.code].http as ContentfulStatusCode);
    // hono's own refusals (e.g. 413 from the body limit) are answers, not failures.
    if (err instanceof HTTPException) return err.getResponse();
    log.error({ err: { message: err.message, stack: err.stack }, path: c.req.path }, 'unhandled error');
    return c.json({ error: { code: 'INTERNAL', message: 'Internal error.' } }, 500);
  });
  app.notFound((c) => c.json({ error: { code: 'NOT_FOUND', message: `No route ${c.req.method} ${c.req.path}.` } }, 404));

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  // Readiness is cached briefly so a flood of probes is not a flood of queries, and it says only
  // ready or not: which database and how many migrations is detail for operators (`crm-agent`).
  let readyCache: { at: number; ok: boolean } | undefined;
  const checkReady = async (): Promise<boolean> => {
    if (readyCache && Date.now() - readyCache.at < 2_000) return readyCache.ok;
    let ok = false;
    try {
      const { rows } = await rt.database.pool.query<{ n: number }>('select count(*)::int as n from crm_migrations');
      ok = (rows[0]?.n ?? 0) >= listMigrations().length;
    } catch (err) {
      log.warn({ err: { code: (err as { code?: string }).code } }, 'readiness check failed');
    }
    readyCache = { at: Date.now(), ok };
    return ok;
  };
  app.get('/readyz', async (c) => ((await checkReady()) ? c.json({ status: 'ready' }) : c.json({ status: 'unavailable' }, 503)));

  const auth = rt.config.MCP_HTTP_AUTH === 'none' ? localUserAuth(rt.database.db, rt.config) : bearerAuth(rt.database.db);
  // The detail operators need, for crm:admin tokens only: it tells an attacker what to aim at.
  app.get('/readyz/detail', hostGuard(hosts), bearerAuth(rt.database.db), async (c) => {
    if (!hasScope(c.get('actor'), 'crm:admin')) {
      return c.json(
        { error: { code: 'FORBIDDEN', message: 'Readiness detail needs a crm:admin token.', hint: 'Use /readyz for ready or not.' } },
        403,
      );
    }
    const ready = await checkReady();
    let applied: number | null = null;
    try {
      applied = (await rt.database.pool.query<{ n: number }>('select count(*)::int as n from crm_migrations')).rows[0]?.n ?? 0;
    } catch {
      // The database is down: applied stays null and status says unavailable.
    }
    const pool = rt.database.pool;
    return c.json(
      {
        status: ready ? 'ready' : 'unavailable',
        database: rt.database.embedded ? 'embedded' : 'server',
        migrations: { applied, expected: listMigrations().length },
        pool: { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount },
        mcpSessions: mcp.sessionCount(),
        rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
      },
      ready ? 200 : 503,
    );
  });
  const limit = rateLimit({
    perMinute: rt.config.CRM_RATE_LIMIT_PER_MINUTE,
    burst: rt.config.CRM_RATE_LIMIT_BURST,
    concurrent: rt.config.CRM_RATE_LIMIT_CONCURRENT,
  });
  const tooLarge = (c: Context) =>
    c.json(
      {
        jsonrpc: '2.0',
        error: { code: -32000, message: 'Request body over 4 MB.', data: { code: 'VALIDATION', hint: 'Send less per call.' } },
        id: null,
      },
      413,
    );
  app.use(
    '/mcp',
    hostGuard(hosts),
    originGuard(rt.config.CRM_ALLOWED_ORIGINS, hosts),
    bodyLimit({ maxSize: 4 * 1024 * 1024, onError: tooLarge }),
    auth,
    limit,
  );
  app.all('/mcp', (c) => mcp.handle(c.req.raw, c.get('actor')));
  // Slack signs its requests; the surface verifies them itself (no bearer token, no Origin).
  if (opts.slack) app.route('/slack', opts.slack.routes);
  return { app, mcp };
}
