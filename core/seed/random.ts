/**
 * A small seeded pseudo-random generator for reproducible demo and benchmark data: mulberry32 (32-bit state,
 * period 2^32, good enough for data, never for secrets). The same seed gives the same sequence on every
 * machine and Node version — no Math.random, no dependency.
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

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** `n` decimal digits as text (leading zeros allowed). */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(Math.floor(this.next() * 10));
    return s;
  }
}

/** A weighted choice prepared once: pick() is a binary search over the cumulative weights. */
export class Weighted<T> {
  private readonly items: T[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    if (entries.length === 0) throw new Error('Weighted: no entries');
    this.items = entries.map(([item]) => item);
    let sum = 0;
    this.cumulative = entries.map(([, w]) => {
      if (!(w >= 0)) throw new Error('Weighted: negative weight');
      return (sum += w);
    });
    this.total = sum;
  }

  pick(rng: Rng): T {
    return this.at(rng.next());
  }

  /** The item at quantile u ∈ [0, 1). */
  at(u: number): T {
    return this.items[indexAtQuantile(this.cumulative, u * this.total)]!;
  }
}

/** Zipf-like weights for a list ordered from most to least common: item i gets 1 / (i + 1)^s. */
export function zipf<T>(items: readonly T[], s = 1): [T, number][] {
  return items.map((item, i) => [item, 1 / Math.pow(i + 1, s)]);
}

/** First index whose cumulative weight exceeds `target` (binary search over ascending cumulative weights). */
export function indexAtQuantile(cumulative: readonly number[], target: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
