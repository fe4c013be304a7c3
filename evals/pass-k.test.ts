import { describe, expect, it } from 'vitest';
import { choose, passCurve, passHatK, suiteCurve } from './pass-k.js';

describe('pass^k (tau-bench)', () => {
  it('is C(c,k)/C(n,k)', () => {
    expect(choose(5, 2)).toBe(10);
    expect(choose(3, 4)).toBe(0);
    // 3 successes in 4 trials: pass^1 = 3/4, pass^2 = 3/6, pass^3 = 1/4, pass^4 = 0.
    expect(passCurve(4, 3)).toEqual([0.75, 0.5, 0.25, 0]);
    expect(passHatK(8, 8, 8)).toBe(1);
    expect(passHatK(8, 0, 1)).toBe(0);
    expect(passHatK(10, 7, 3)).toBeCloseTo(35 / 120, 12);
  });

  it('averages over tasks, and never rises with k', () => {
    const curve = suiteCurve([
      { n: 4, c: 4 },
      { n: 4, c: 3 },
      { n: 4, c: 1 },
    ]);
    expect(curve[0]).toBeCloseTo((1 + 0.75 + 0.25) / 3, 12);
    expect(curve[1]).toBeCloseTo((1 + 0.5 + 0) / 3, 12);
    expect(curve[3]).toBeCloseTo(1 / 3, 12);
    for (let k = 1; k < curve.length; k++) expect(curve[k]!).toBeLessThanOrEqual(curve[k - 1]!);
  });

  it('refuses k beyond the trials and uneven trial counts', () => {
    expect(() => passHatK(3, 2, 4)).toThrow(RangeError);
    expect(() => passHatK(3, 4, 1)).toThrow(RangeError);
    expect(() =>
      suiteCurve([
        { n: 2, c: 1 },
        { n: 3, c: 1 },
      ]),
    ).toThrow(RangeError);
  });
});
