import { describe, expect, it } from 'vitest';
import { signSlackRequest, verifySlackRequest } from './verify.js';

const secret = '8f742231b10e8888abcd99yyyzzz85a5';
const now = 1531420618;

describe('verifySlackRequest', () => {
  it("matches Slack's documented example signature", () => {
    // From Slack's "Verifying requests from Slack" guide.
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(signSlackRequest(secret, String(now), body)).toBe('v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503');
    expect(
      verifySlackRequest({
        signingSecret: secret,
        rawBody: body,
        timestamp: String(now),
        signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
        nowSeconds: now,
      }),
    ).toBeNull();
  });

  it('refuses wrong, missing, short and stale signatures', () => {
    const body = '{"a":1}';
    const sig = signSlackRequest(secret, String(now), body);
    const base = { signingSecret: secret, rawBody: body, timestamp: String(now), signature: sig, nowSeconds: now };
    expect(verifySlackRequest(base)).toBeNull();
    expect(verifySlackRequest({ ...base, rawBody: '{"a":2}' })).toBe('bad_signature');
    expect(verifySlackRequest({ ...base, signingSecret: 'other' })).toBe('bad_signature');
    expect(verifySlackRequest({ ...base, signature: 'v0=00' })).toBe('bad_signature');
    expect(verifySlackRequest({ ...base, signature: undefined })).toBe('missing_headers');
    expect(verifySlackRequest({ ...base, timestamp: 'abc' })).toBe('stale_timestamp');
    expect(verifySlackRequest({ ...base, nowSeconds: now + 301 })).toBe('stale_timestamp');
    expect(verifySlackRequest({ ...base, nowSeconds: now - 301 })).toBe('stale_timestamp');
    expect(verifySlackRequest({ ...base, nowSeconds: now + 300 })).toBeNull();
  });
});
