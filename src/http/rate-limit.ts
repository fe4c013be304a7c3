/**
 * Fair share on the network surface: per-caller request rate (token bucket) and concurrency
 * limits, so one token's burst cannot starve everyone else (the embedded database runs one
 * query at a time). Refusals are 429 with `Retry-After` and a JSON-RPC-shaped body a client can
 * read. State is per process; behind a load balancer each instance enforces its own share.
 */
import type { MiddlewareHandler } from 'hono';
import type { AuthEnv } from './security.js';

export interface RateLimitOptions {
  /** Sustained requests per minute per caller. */
  perMinute: number;
  /** Requests a caller may make at once above the sustained rate. */
  burst: number;
  /** Requests of one caller being served at the same time. */
  concurrent: number;
  /** Clock in ms, injectable for tests. */
  now?: () => number;
}

interface Bucket {
  tokens: number;
  updated: number;
  active: number;
}

/** Decides for one caller key; pure state machine, exported for unit tests. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;
  constructor(private readonly opts: RateLimitOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** Takes a slot, or returns the seconds to wait before retrying. */
  acquire(key: string): { ok: true; release: () => void } | { ok: false; retryAfterS: number; reason: 'rate' | 'concurrency' } {
    const t = this.now();
    const ratePerMs = this.opts.perMinute / 60_000;
    let b = this.buckets.get(key);
    if (!b) {
      b = { tokens: this.opts.burst, updated: t, active: 0 };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(this.opts.burst, b.tokens + (t - b.updated) * ratePerMs);
    b.updated = t;
    if (b.active >= this.opts.concurrent) return { ok: false, retryAfterS: 1, reason: 'concurrency' };
    if (b.tokens < 1) return { ok: false, retryAfterS: Math.max(1, Math.ceil((1 - b.tokens) / ratePerMs / 1000)), reason: 'rate' };
    b.tokens -= 1;
    b.active += 1;
    let released = false;
    const bucket = b;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        bucket.active -= 1;
        this.sweep();
      },
    };
  }

  /** Forgets idle, full buckets so the map does not grow with every caller ever seen. */
  private sweep(): void {
    if (this.buckets.size < 1000) return;
    const t = this.now();
    for (const [k, b] of this.buckets) {
      if (b.active === 0 && b.tokens + (t - b.updated) * (this.opts.perMinute / 60_000) >= this.opts.burst) this.buckets.delete(k);
    }
  }
}

/**
 * Hono middleware (after authentication): keys by token id when the caller used a token, else by
 * user. Long-lived GET streams (MCP server-sent events) are rate-counted but do not hold a
 * concurrency slot.
 */
export function rateLimit(opts: RateLimitOptions): MiddlewareHandler<AuthEnv> {
  const limiter = new RateLimiter(opts);
  return async (c, next) => {
    const actor = c.get('actor');
    const key = actor.tokenId ?? `user:${actor.userId}`;
    const slot = limiter.acquire(key);
    if (!slot.ok) {
      c.header('Retry-After', String(slot.retryAfterS));
      const message =
        slot.reason === 'rate'
          ? `Too many requests: this token may make ${opts.perMinute} requests a minute (burst ${opts.burst}).`
          : `Too many requests at once: this token may have ${opts.concurrent} requests in flight.`;
      return c.json(
        {
          jsonrpc: '2.0',
          error: { code: -32000, message, data: { code: 'RATE_LIMITED', hint: `Retry after ${slot.retryAfterS} s, or spread calls out.` } },
          id: null,
        },
        429,
      );
    }
    if (c.req.method === 'GET') slot.release();
    try {
      await next();
    } finally {
      slot.release();
    }
  };
}
