/**
 * A seeded pseudo-random generator (mulberry32) with the helpers the seeder needs. Everything
 * random in the demo book comes from here, never from Math.random, so a seed fixes every row,
 * uuids included.
 */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1]![0];
  }

  /** `n` distinct items, in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, Math.min(n, copy.length));
  }

  /**
   * An independent generator seeded from this one (one draw). Parts whose number of draws depends
   * on the anchor date (model years decide which coverages are drawn) use one, so the main
   * sequence, and with it every id, is the same whatever the anchor.
   */
  fork(): Rng {
    return new Rng(Math.floor(this.next() * 4294967296));
  }

  /** A version-4-shaped uuid drawn from this generator. */
  uuid(): string {
    const hex = [0, 1, 2, 3]
      .map(() =>
        Math.floor(this.next() * 4294967296)
          .toString(16)
          .padStart(8, '0'),
      )
      .join('');
    const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** `len` digits as a string. */
  digits(len: number): string {
    let s = '';
    for (let i = 0; i < len; i++) s += String(this.int(0, 9));
    return s;
  }
}
