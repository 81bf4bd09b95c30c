/**
 * Exact fee arithmetic. Fees are percentages of amounts in fen, halved or divided by three, and the 办法 allows
 * rounding only once, at the end (docs/DOMAIN.md “诉讼费用与司法救助”). So every intermediate value is an exact fraction of a fen
 * (BigInt numerator and denominator) and only `roundFen` turns it into an integer.
 */
export interface Exact {
  n: bigint;
  d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  while (b) [a, b] = [b, a % b];
  return a;
};

function norm(n: bigint, d: bigint): Exact {
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

export const fen = (v: number | bigint): Exact => ({ n: BigInt(v), d: 1n });
export const ZERO: Exact = fen(0);
export const add = (a: Exact, b: Exact): Exact => norm(a.n * b.d + b.n * a.d, a.d * b.d);
/** amount × num / den (a rate such as 25/1000 for 2.5 %, or 1/2 for a halving) */
export const times = (a: Exact, num: number | bigint, den: number | bigint): Exact => norm(a.n * BigInt(num), a.d * BigInt(den));
export const cmp = (a: Exact, b: Exact): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const min = (a: Exact, b: Exact): Exact => (cmp(a, b) <= 0 ? a : b);
export const isInteger = (a: Exact): boolean => a.d === 1n;

export type RoundingUnit = 'fen' | 'yuan';
export type RoundingMode = 'half-up' | 'down';

/** Rounds a non-negative exact amount to whole fen or whole yuan, returning integer fen. */
export function roundFen(a: Exact, unit: RoundingUnit = 'fen', mode: RoundingMode = 'half-up'): number {
  const d = a.d * (unit === 'yuan' ? 100n : 1n);
  const q = mode === 'half-up' ? (2n * a.n + d) / (2n * d) : a.n / d;
  const out = q * (unit === 'yuan' ? 100n : 1n);
  if (out > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('fee exceeds the safe integer range');
  return Number(out);
}

/**
 * The exact amount in yuan as text: "2300", "2250.5", "0.025", or "≈ 766.6667" when it does not terminate
 * (a third). Used in the breakdown so a clerk can follow each step.
 */
export function exactYuanText(a: Exact): string {
  const d = a.d * 100n;
  const neg = a.n < 0n;
  const n = neg ? -a.n : a.n;
  const whole = n / d;
  let rest = n % d;
  let decimals = '';
  for (let i = 0; i < 6 && rest; i++) {
    rest *= 10n;
    decimals += String(rest / d);
    rest %= d;
  }
  if (rest) {
    // does not terminate within 6 places: show 4, rounded half-up
    const scaled = (n * 10000n * 2n + d) / (2n * d);
    const s = scaled.toString().padStart(5, '0');
    return `≈ ${neg ? '-' : ''}${group(s.slice(0, -4))}.${s.slice(-4)}`;
  }
  return `${neg ? '-' : ''}${group(whole.toString())}${decimals ? '.' + decimals : ''}`;
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
