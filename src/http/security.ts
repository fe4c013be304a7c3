/**
 * Guards for network surfaces: Host allow-list (DNS rebinding), Origin allow-list (browsers),
 * and bearer-token authentication. Failures answer JSON with a code and a hint.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { actorForHandle, type Actor } from '../crm/access/actor.js';
import type { Config } from '../config.js';
import { authenticateToken } from '../crm/access/tokens.js';
import type { Db } from '../db/client.js';
import { AppError, UnauthorizedError } from '../errors.js';

export type AuthEnv = { Variables: { actor: Actor } };

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]', '::1'];

function deny(c: Context, status: 401 | 403 | 421, code: string, message: string, hint: string): Response {
  if (status === 401) c.header('WWW-Authenticate', 'Bearer realm="crm-agent"');
  return c.json({ error: { code, message, hint } }, status);
}

/** Hostnames accepted in the Host header: loopback names, the bind host, and configured extras. */
export function allowedHostnames(bindHost: string, extra: readonly string[]): Set<string> {
  const hosts = new Set([...LOOPBACK, ...extra.map((h) => h.toLowerCase())]);
  if (bindHost !== '0.0.0.0' && bindHost !== '::') hosts.add(bindHost.toLowerCase());
  return hosts;
}

function hostnameOf(hostHeader: string): string {
  if (hostHeader.startsWith('[')) return hostHeader.slice(0, hostHeader.indexOf(']') + 1).toLowerCase();
  return hostHeader.split(':')[0]!.toLowerCase();
}

/** Rejects requests whose Host is not ours: a DNS-rebinding page would send its own hostname. */
export function hostGuard(allowed: Set<string>): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host');
    if (!host || !allowed.has(hostnameOf(host))) {
      return deny(
        c,
        421,
        'MISDIRECTED',
        `Host "${host ?? ''}" is not served here.`,
        'Add the hostname to CRM_ALLOWED_HOSTS if this server is meant to be reached by that name.',
      );
    }
    await next();
  };
}

/** Browsers send Origin; only listed origins (and same-host loopback ones) may call. Non-browser clients send none. */
export function originGuard(allowedOrigins: readonly string[], allowedHosts: Set<string>): MiddlewareHandler {
  const exact = new Set(allowedOrigins.map((o) => o.replace(/\/$/, '').toLowerCase()));
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin && origin !== 'null') {
      let ok = exact.has(origin.toLowerCase());
      if (!ok) {
        try {
          const u = new URL(origin);
          ok =
            (u.protocol === 'http:' || u.protocol === 'https:') &&
            LOOPBACK.includes(u.hostname.toLowerCase()) &&
            allowedHosts.has(u.hostname.toLowerCase());
        } catch {
          ok = false;
        }
      }
      if (!ok)
        return deny(
          c,
          403,
          'FORBIDDEN_ORIGIN',
          `Origin ${origin} is not allowed.`,
          'Add it to CRM_ALLOWED_ORIGINS to allow browser clients from it.',
        );
    } else if (origin === 'null') {
      return deny(c, 403, 'FORBIDDEN_ORIGIN', 'Opaque origins are not allowed.', 'Call from a non-browser client or an allowed origin.');
    }
    await next();
  };
}

/** Authenticates `Authorization: Bearer <token>` and sets the actor. */
export function bearerAuth(db: Db): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m)
      return deny(
        c,
        401,
        'UNAUTHORIZED',
        'Missing bearer token.',
        'Send "Authorization: Bearer <token>"; create one with `crm-agent token create --user <handle> --scopes crm:read`.',
      );
    try {
      c.set('actor', await authenticateToken(db, m[1]!));
    } catch (err) {
      if (err instanceof UnauthorizedError)
        return deny(c, 401, 'UNAUTHORIZED', err.message, err.hint ?? 'Create a token with `crm-agent token create`.');
      throw err;
    }
    await next();
  };
}

/** True for hosts only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * MCP_HTTP_AUTH=none: every request acts as CRM_USER, without a token. Only for local test
 * clients that cannot send a token (the MCP conformance suite); refused on a non-loopback bind.
 */
export function localUserAuth(db: Db, config: Pick<Config, 'HOST' | 'CRM_USER'>): MiddlewareHandler<AuthEnv> {
  if (!isLoopbackHost(config.HOST)) {
    throw new AppError('FORBIDDEN', `MCP_HTTP_AUTH=none is refused when HOST is ${config.HOST}.`, {
      hint: 'Bind to 127.0.0.1, or use bearer tokens (MCP_HTTP_AUTH=token).',
    });
  }
  let actor: Promise<Actor> | undefined;
  return async (c, next) => {
    actor ??= actorForHandle(db, config.CRM_USER);
    c.set('actor', await actor);
    await next();
  };
}
