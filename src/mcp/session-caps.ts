/**
 * Who may open another MCP-over-HTTP session. A user at their cap (CRM_MAX_SESSIONS_PER_USER)
 * gets the new session in place of their least recently used session that has no request in
 * flight: clients that never DELETE their sessions (the SDK's `Client.close()` does not) would
 * otherwise be locked out until the idle expiry, and the spec has a client that meets 404 for its
 * session start a new one. Only when every one of the user's sessions is busy is the new one
 * refused. Another user's sessions are never touched, and the server's total cap
 * (CRM_MAX_SESSIONS) refuses outright.
 */

/** What the cap decision needs of an open session. */
export interface CappedSession {
  userId: string;
  /** Last request time (ms since the epoch). */
  lastSeen: number;
  /** Requests whose answer is still being written. */
  inFlight: ReadonlySet<string>;
}

export interface SessionCaps {
  maxSessions: number;
  maxPerUser: number;
  /** Idle sessions are closed after this long (for Retry-After). */
  idleMs: number;
}

/** Initialize requests in flight (they count against the caps, so a burst cannot overshoot them). */
export interface Opening {
  user: number;
  total: number;
}

/** Seconds a client told "all your sessions are busy" waits: busy sessions free up when their calls end. */
export const BUSY_RETRY_S = 5;

/** 429 for a session over a cap, with Retry-After. */
export function sessionCapped(message: string, hint: string, retryAfterS: number): Response {
  return new Response(
    JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message, data: { code: 'RATE_LIMITED', hint } }, id: null }),
    { status: 429, headers: { 'content-type': 'application/json', 'retry-after': String(retryAfterS) } },
  );
}

/** Seconds until the idlest of `list` expires (the sweep runs each minute), at least 1. */
function untilExpiry(list: Iterable<CappedSession>, idleMs: number, now: number): number {
  let oldest = Infinity;
  for (const s of list) oldest = Math.min(oldest, s.lastSeen);
  if (oldest === Infinity) return 60;
  return Math.max(1, Math.ceil((oldest + idleMs - now) / 1000) + 60);
}

/**
 * Decides a new session of `userId`: `{}` to open it, `{ evict }` to open it in place of that
 * session of the same user (to be closed first), or a 429 response.
 */
export function admitSession(
  sessions: ReadonlyMap<string, CappedSession>,
  opening: Opening,
  userId: string,
  caps: SessionCaps,
  now = Date.now(),
): { evict?: string } | Response {
  let mine = 0;
  let victim: [string, CappedSession] | undefined;
  for (const entry of sessions) {
    const s = entry[1];
    if (s.userId !== userId) continue;
    mine++;
    if (s.inFlight.size === 0 && (!victim || s.lastSeen < victim[1].lastSeen)) victim = entry;
  }
  const atCap = mine + opening.user >= caps.maxPerUser;
  if (atCap && !victim) {
    return sessionCapped(
      `All ${caps.maxPerUser} of your sessions are busy, the most one user may hold.`,
      `Wait for a call to finish and retry after ${BUSY_RETRY_S} s, or reuse an open session.`,
      BUSY_RETRY_S,
    );
  }
  const evict = atCap ? victim![0] : undefined;
  if (sessions.size - (evict ? 1 : 0) + opening.total >= caps.maxSessions) {
    const retry = untilExpiry(sessions.values(), caps.idleMs, now);
    return sessionCapped(
      'The server holds as many sessions as it may; try again shortly.',
      `Close sessions you no longer use (HTTP DELETE with their mcp-session-id), reuse an open one, or retry after ${retry} s.`,
      retry,
    );
  }
  return evict ? { evict } : {};
}
