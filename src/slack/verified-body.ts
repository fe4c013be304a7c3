/** Reads a Slack request's raw body and checks its signature before anything parses it. */
import type { Context } from 'hono';
import { logger } from '../log.js';
import { verifySlackRequest } from './verify.js';

export interface VerifyDeps {
  signingSecret: string;
  /** Clock in milliseconds, injectable for tests. */
  now: () => number;
}

/** The verified raw body, or a 401 response to return. */
export async function verifiedBody(c: Context, deps: VerifyDeps): Promise<{ raw: string } | { refused: Response }> {
  const raw = await c.req.text();
  const failure = verifySlackRequest({
    signingSecret: deps.signingSecret,
    rawBody: raw,
    timestamp: c.req.header('x-slack-request-timestamp'),
    signature: c.req.header('x-slack-signature'),
    nowSeconds: Math.floor(deps.now() / 1000),
  });
  if (!failure) return { raw };
  logger('slack').warn({ path: c.req.path, reason: failure }, 'refused a Slack request that failed verification');
  const message =
    failure === 'stale_timestamp'
      ? 'The request timestamp is more than 5 minutes from our clock (a replay, or a clock out of sync).'
      : 'The request is not signed with this app’s signing secret.';
  return { refused: c.json({ error: { code: 'UNAUTHORIZED', message, hint: 'Check SLACK_SIGNING_SECRET and the server clock.' } }, 401) };
}
