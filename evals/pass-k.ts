/**
 * pass^k as tau-bench defines it: for a task run n times with c successes, the chance that k
 * trials drawn without replacement all succeed, C(c,k)/C(n,k); the suite's pass^k is the mean
 * over tasks. pass^1 is the plain success rate; pass^k falls as k grows unless the agent is
 * reliably right.
 */
export function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/** pass^k of one task with `c` successes in `n` trials (k <= n). */
export function passHatK(n: number, c: number, k: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(c) || !Number.isInteger(k) || n < 1 || c < 0 || c > n || k < 1 || k > n)
    throw new RangeError(`pass^k needs 1 <= k <= n and 0 <= c <= n (n=${n}, c=${c}, k=${k})`);
  return choose(c, k) / choose(n, k);
}

/** pass^1..pass^n of one task. */
export function passCurve(n: number, c: number): number[] {
  return Array.from({ length: n }, (_, i) => passHatK(n, c, i + 1));
}

/** The suite's pass^1..pass^n: the mean of every task's (all run n times). */
export function suiteCurve(tasks: { n: number; c: number }[]): number[] {
  if (!tasks.length) return [];
  const n = tasks[0]!.n;
  if (tasks.some((t) => t.n !== n)) throw new RangeError('every task must have the same number of trials');
  return Array.from({ length: n }, (_, i) => tasks.reduce((s, t) => s + passHatK(t.n, t.c, i + 1), 0) / tasks.length);
}
