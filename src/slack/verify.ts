/**
 * Slack request signing (v0): `v0=` + hex HMAC-SHA256(signing secret, `v0:<timestamp>:<raw body>`),
 * sent in X-Slack-Signature with the timestamp in X-Slack-Request-Timestamp. Checked on the raw
 * bytes before anything parses them; a timestamp more than five minutes from our clock is refused
 * so a captured request cannot be replayed later.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's replay window. */
export const MAX_SKEW_SECONDS = 5 * 60;

export type VerifyFailure = 'missing_headers' | 'stale_timestamp' | 'bad_signature';

export interface VerifyInput {
  signingSecret: string;
  rawBody: string;
  timestamp: string | undefined;
  signature: string | undefined;
  /** Our clock, seconds since the epoch. */
  nowSeconds: number;
}

/** The signature Slack would send for this body and timestamp. */
export function signSlackRequest(signingSecret: string, timestamp: string, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

/** null when the request is Slack's; otherwise why not. Constant-time in the signature. */
export function verifySlackRequest(input: VerifyInput): VerifyFailure | null {
  const { timestamp, signature } = input;
  if (!timestamp || !signature) return 'missing_headers';
  if (!/^\d{1,12}$/.test(timestamp)) return 'stale_timestamp';
  if (Math.abs(input.nowSeconds - Number(timestamp)) > MAX_SKEW_SECONDS) return 'stale_timestamp';
  const expected = Buffer.from(signSlackRequest(input.signingSecret, timestamp, input.rawBody), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  // timingSafeEqual needs equal lengths; a different length is simply wrong.
  if (given.length !== expected.length) return 'bad_signature';
  return timingSafeEqual(given, expected) ? null : 'bad_signature';
}
