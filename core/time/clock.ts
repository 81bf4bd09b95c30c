/**
 * Time in 诉服台 (docs/ARCHITECTURE.md, rule 5): instants are ISO-8601 text with the +08:00 offset, dates are
 * YYYY-MM-DD in Asia/Shanghai. China has no daylight saving time, so a fixed +8 h shift is exact.
 * Every service reads time from a Clock so that tests can freeze it and step it forward.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock for tests: frozen at a given instant, moved only by `advance` or `set`. */
export class FrozenClock implements Clock {
  private current: number;
  constructor(start: string | Date = '2026-11-23T09:00:00+08:00') {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60_000);
  }
  set(at: string | Date): void {
    this.current = new Date(at).getTime();
  }
}

/**
 * A clock that starts at `start` and runs at the speed of `base`: for a training or demonstration court
 * ("it is 1 January next year") and for end-to-end tests of deadlines (`court serve --clock`).
 */
export function clockStartingAt(start: string | Date, base: Clock = systemClock): Clock {
  const offset = new Date(start).getTime() - base.now().getTime();
  if (!Number.isFinite(offset)) throw new RangeError(`invalid start time: ${String(start)}`);
  return { now: () => new Date(base.now().getTime() + offset) };
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

function shifted(d: Date): Date {
  return new Date(d.getTime() + SHANGHAI_OFFSET_MS);
}

/** `2026-11-23T18:29:50.123+08:00` */
export function isoShanghai(d: Date): string {
  return shifted(d).toISOString().replace('Z', '+08:00');
}

/** `2026-11-23` — the calendar date in Asia/Shanghai */
export function dateShanghai(d: Date): string {
  return shifted(d).toISOString().slice(0, 10);
}

export function yearOfDate(date: string): number {
  return Number(date.slice(0, 4));
}

export function addMinutes(d: Date, minutes: number): Date {
  return new Date(d.getTime() + minutes * 60_000);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}
