import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../api/dispatcher';
import { createHarness, setUpCourt, ADMIN, type Harness } from '../../test/harness';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

/** A login from a given network address, as the HTTP host passes it. */
async function loginFrom(address: string, username: string, password: string) {
  const r = await dispatch(h!.core, 'auth.login', { username, password }, { client: { transport: 'http', address } });
  return r;
}

function failedRows(): number {
  return (h!.core.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE operation = 'auth.loginFailed'`).get() as { n: number }).n;
}

describe('login throttling (issue 11 item 5)', () => {
  it('a flood of 200 wrong logins writes a handful of audit rows and the admin still logs in from another address', async () => {
    h = createHarness();
    await setUpCourt(h);
    const answers = new Map<string, number>();
    for (let i = 0; i < 200; i++) {
      const r = await loginFrom('203.0.113.9', ADMIN.username, `Wrong${i}pw`);
      expect(r.ok).toBe(false);
      if (!r.ok) answers.set(r.error.code, (answers.get(r.error.code) ?? 0) + 1);
      h.clock.advance(50);
    }
    expect(answers.get('UNAUTHENTICATED')).toBeLessThan(12);
    expect(answers.get('THROTTLED')).toBeGreaterThan(188);
    expect(answers.has('LOCKED')).toBe(false);
    const rows = failedRows();
    expect(rows).toBeLessThanOrEqual(6);
    console.log(`flood of 200 wrong logins: ${rows} auth.loginFailed audit rows, answers ${JSON.stringify(Object.fromEntries(answers))}`);
    // the last row carries the count of the burst
    const last = h.core.sqlite
      .prepare(`SELECT "after" AS a FROM audit_log WHERE operation = 'auth.loginFailed' ORDER BY id DESC LIMIT 1`)
      .get() as { a: string };
    const burst = JSON.parse(last.a) as { username: string; source: string; attempts: number; waitSeconds: number };
    expect(burst).toMatchObject({ username: ADMIN.username, source: '203.0.113.9' });
    expect(burst.attempts).toBeGreaterThan(100); // the throttled attempts are counted, not lost
    expect(burst.waitSeconds).toBeGreaterThan(0);
    // the real admin from the console (another source) is not affected
    const fromConsole = await loginFrom('127.0.0.1', ADMIN.username, ADMIN.password);
    expect(fromConsole.ok).toBe(true);
    // the attacker's source stays throttled even with the right password
    const attacker = await loginFrom('203.0.113.9', ADMIN.username, ADMIN.password);
    expect(attacker.ok || attacker.error.code).toBe('THROTTLED');
  }, 30_000);

  it('gives an unknown user and a wrong password the identical answer, also once throttled', async () => {
    h = createHarness();
    await setUpCourt(h);
    const wrong = await loginFrom('198.51.100.1', ADMIN.username, 'Wrong2026pw');
    const unknown = await loginFrom('198.51.100.1', 'nobody', 'Wrong2026pw');
    expect(wrong).toEqual(unknown);
    for (let i = 0; i < 5; i++) {
      await loginFrom('198.51.100.2', ADMIN.username, 'Wrong2026pw');
      await loginFrom('198.51.100.3', 'nobody', 'Wrong2026pw');
    }
    const throttledReal = await loginFrom('198.51.100.2', ADMIN.username, 'Wrong2026pw');
    const throttledGhost = await loginFrom('198.51.100.3', 'nobody', 'Wrong2026pw');
    expect(throttledReal.ok).toBe(false);
    expect(throttledReal).toEqual(throttledGhost);
  });

  it('takes the same scrypt work for an unknown user, a wrong password and a throttled name', async () => {
    h = createHarness();
    await setUpCourt(h);
    const time = async (address: string, username: string) => {
      const t0 = performance.now();
      await loginFrom(address, username, 'Wrong2026pw');
      return performance.now() - t0;
    };
    for (let i = 0; i < 6; i++) await loginFrom('192.0.2.50', ADMIN.username, 'Wrong2026pw'); // throttle this one
    const samples = { unknown: [] as number[], wrong: [] as number[], throttled: [] as number[] };
    for (let i = 0; i < 4; i++) {
      samples.unknown.push(await time(`192.0.2.${100 + i}`, 'nobody'));
      samples.wrong.push(await time(`192.0.2.${110 + i}`, ADMIN.username));
      samples.throttled.push(await time('192.0.2.50', ADMIN.username));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const m = { unknown: median(samples.unknown), wrong: median(samples.wrong), throttled: median(samples.throttled) };
    console.log(`login time (median ms, test scrypt cost): ${JSON.stringify(m)}`);
    const lo = Math.min(m.unknown, m.wrong, m.throttled);
    const hi = Math.max(m.unknown, m.wrong, m.throttled);
    expect(hi).toBeLessThan(lo * 3 + 5); // every path hashes once; no path is cheap enough to tell apart
  });

  it('doubles the wait up to the cap, and an admin password reset clears it', async () => {
    h = createHarness();
    const admin = await setUpCourt(h);
    await h.call('users.create', { username: 'clerk1', displayName: '李书记', password: 'Clerk2026ok', roles: ['clerk'] }, admin);
    const waits: string[] = [];
    for (let i = 0; i < 14; i++) {
      const r = await loginFrom('10.0.0.7', 'clerk1', 'wrong123');
      expect(r.ok || r.error.code).toBe('UNAUTHENTICATED');
      if (i >= 4) {
        // from the fifth failure on, each failure sets a wait: the next attempt at once is refused and told how long
        const t = await loginFrom('10.0.0.7', 'clerk1', 'wrong123');
        expect(t.ok || t.error.code).toBe('THROTTLED');
        if (!t.ok) waits.push(t.error.message.replace(/^登录尝试过于频繁，请 (.+)后再试$/, '$1'));
      }
      h.clock.advance(10 * 60_000); // longer than any wait, shorter than a burst's idle end
    }
    // 1 s after five failures, doubling, shown rounded up (64 s is "2 分钟", never a wait too short), capped at 5 minutes
    expect(waits).toEqual(['1 秒', '2 秒', '4 秒', '8 秒', '16 秒', '32 秒', '2 分钟', '3 分钟', '5 分钟', '5 分钟']);
    expect(failedRows()).toBeLessThanOrEqual(14);
    // one more failure: clerk1 must now wait 5 minutes…
    await loginFrom('10.0.0.7', 'clerk1', 'wrong123');
    expect((await loginFrom('10.0.0.7', 'clerk1', 'Clerk2026ok')).ok).toBe(false);
    // …until the admin (logging in again: the 140 idle minutes ended the earlier session) resets the password
    const again = await h.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(again.token).not.toBe(admin);
    const list = await h.call('users.list', undefined, again.token);
    await h.call('users.resetPassword', { id: list.find((u) => u.username === 'clerk1')!.id, newPassword: 'Reset2026ok' }, again.token);
    expect((await loginFrom('10.0.0.7', 'clerk1', 'Reset2026ok')).ok).toBe(true);
  });
});
