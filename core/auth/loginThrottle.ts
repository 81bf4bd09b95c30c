import type { Core } from '../context';

/**
 * Login throttling (issue 11 item 5): growing delays per source address and typed user name, and per source
 * address over all names, instead of locking an account for everyone. Keys are built from the name as typed
 * (normalised), never from whether the account exists, so an unknown name is throttled exactly like a real
 * one and the answers do not tell which accounts exist. A right password from another source is never
 * affected; the server console (loopback) is its own source, so an admin there can always log in.
 *
 * Failed attempts are recorded in bursts: the caller writes one audit row when a burst starts and one each
 * time the delay steps up (with the count of attempts, throttled ones included), so a flood writes a
 * handful of rows, not one per attempt. The state lives in the host's memory: a restart clears it, and the
 * map is bounded.
 */

/** failures of one name from one source before the first delay */
export const ACCOUNT_FREE_FAILURES = 5;
/** failures from one source over all names (password spraying) before the first delay */
export const SOURCE_FREE_FAILURES = 20;
export const FIRST_DELAY_MS = 1000;
export const DEFAULT_MAX_DELAY_MS = 5 * 60 * 1000;
/** a burst ends after this long without a failure; the next failure starts a new burst */
export const BURST_IDLE_MS = 15 * 60 * 1000;
const MAX_ENTRIES = 10_000;

interface Entry {
  /** verified wrong passwords in this burst */
  failures: number;
  /** every attempt in this burst, throttled ones included */
  attempts: number;
  /** attempts since the last audit row of this burst */
  unreported: number;
  /** epoch ms before which the next attempt is refused */
  blockedUntil: number;
  lastAt: number;
}

export interface ThrottlePolicy {
  accountFreeFailures: number;
  maxDelayMs: number;
}

export const DEFAULT_POLICY: ThrottlePolicy = { accountFreeFailures: ACCOUNT_FREE_FAILURES, maxDelayMs: DEFAULT_MAX_DELAY_MS };

export interface ThrottleVerdict {
  /** ms still to wait, 0 when the attempt may go on */
  waitMs: number;
}

export interface FailureRecord {
  /** write an audit row now (burst start or a step of the delay) */
  report: boolean;
  attempts: number;
  unreported: number;
  waitMs: number;
}

function delayFor(failures: number, free: number, maxMs: number): number {
  if (failures < free) return 0;
  const steps = Math.min(failures - free, 30);
  return Math.min(FIRST_DELAY_MS * 2 ** steps, maxMs);
}

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  private keys(source: string, username: string, policy: ThrottlePolicy = DEFAULT_POLICY): [string, number][] {
    return [
      [`a|${source}|${username}`, policy.accountFreeFailures],
      [`s|${source}`, SOURCE_FREE_FAILURES],
    ];
  }

  private live(key: string, now: number): Entry | undefined {
    const e = this.entries.get(key);
    if (e && now - e.lastAt > BURST_IDLE_MS && now >= e.blockedUntil) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  /** Before checking the password: is this attempt to wait? Counts the attempt when it is refused. */
  check(source: string, username: string, now: number): ThrottleVerdict {
    let waitMs = 0;
    for (const [key] of this.keys(source, username)) {
      const e = this.live(key, now);
      if (e && e.blockedUntil > now) {
        waitMs = Math.max(waitMs, e.blockedUntil - now);
        e.attempts++;
        e.unreported++;
        e.lastAt = now;
      }
    }
    return { waitMs };
  }

  /** After a wrong password (or an unknown name): count it and tell whether to write an audit row. */
  fail(source: string, username: string, now: number, policy: ThrottlePolicy = DEFAULT_POLICY): FailureRecord {
    let report = false;
    let attempts = 0;
    let unreported = 0;
    let waitMs = 0;
    for (const [key, free] of this.keys(source, username, policy)) {
      let e = this.live(key, now);
      if (!e) {
        this.prune(now);
        e = { failures: 0, attempts: 0, unreported: 0, blockedUntil: 0, lastAt: now };
        this.entries.set(key, e);
        if (key.startsWith('a|')) report = true; // a new burst of this name from this source
      }
      e.failures++;
      e.attempts++;
      e.unreported++;
      e.lastAt = now;
      const delay = delayFor(e.failures, free, policy.maxDelayMs);
      if (delay > 0) {
        const stepped = delay > delayFor(e.failures - 1, free, policy.maxDelayMs);
        if (stepped) report = true;
        e.blockedUntil = now + delay;
        waitMs = Math.max(waitMs, delay);
      }
      if (key.startsWith('a|')) {
        attempts = e.attempts;
        unreported = e.unreported;
      }
    }
    if (report)
      for (const [key] of this.keys(source, username)) {
        const e = this.entries.get(key);
        if (e) e.unreported = 0;
      }
    return { report, attempts, unreported, waitMs };
  }

  /** After a right password: ends the name's burst from this source; returns the attempts not yet reported. */
  succeed(source: string, username: string): { attempts: number; unreported: number } {
    const key = this.keys(source, username)[0]![0];
    const e = this.entries.get(key);
    this.entries.delete(key);
    return { attempts: e?.attempts ?? 0, unreported: e?.unreported ?? 0 };
  }

  /** Clears every throttle on a name (an admin's password reset). */
  clearUser(username: string): void {
    for (const key of [...this.entries.keys()]) if (key.startsWith('a|') && key.endsWith(`|${username}`)) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private prune(now: number): void {
    if (this.entries.size < MAX_ENTRIES) return;
    for (const [key, e] of this.entries) if (now - e.lastAt > BURST_IDLE_MS && now >= e.blockedUntil) this.entries.delete(key);
    // still full under a flood of distinct names: drop the oldest (Map keeps insertion order)
    while (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }
}

const throttles = new WeakMap<Core, LoginThrottle>();

export function loginThrottle(core: Core): LoginThrottle {
  let t = throttles.get(core);
  if (!t) throttles.set(core, (t = new LoginThrottle()));
  return t;
}
