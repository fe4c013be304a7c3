import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.js';

describe('RateLimiter', () => {
  it('allows a burst, then refuses with a retry time that refills the bucket', () => {
    let t = 0;
    const rl = new RateLimiter({ perMinute: 60, burst: 3, concurrent: 10, now: () => t });
    for (let i = 0; i < 3; i++) {
      const s = rl.acquire('a');
      expect(s.ok).toBe(true);
      if (s.ok) s.release();
    }
    const refused = rl.acquire('a');
    expect(refused).toEqual({ ok: false, retryAfterS: 1, reason: 'rate' });
    // another caller is not affected
    expect(rl.acquire('b').ok).toBe(true);
    t += 1000; // one request a second refills one token
    expect(rl.acquire('a').ok).toBe(true);
  });

  it('caps requests in flight per caller and frees the slot on release (once)', () => {
    const rl = new RateLimiter({ perMinute: 6000, burst: 100, concurrent: 2, now: () => 0 });
    const a = rl.acquire('k');
    const b = rl.acquire('k');
    expect(rl.acquire('k')).toMatchObject({ ok: false, reason: 'concurrency' });
    if (a.ok) {
      a.release();
      a.release(); // double release must not free two slots
    }
    expect(rl.acquire('k').ok).toBe(true);
    expect(rl.acquire('k').ok).toBe(false);
    expect(b.ok).toBe(true);
  });
});
