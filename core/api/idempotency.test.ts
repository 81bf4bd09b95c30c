import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from './dispatcher';
import { ADMIN, createHarness, setUpCourt, countRows, type Harness } from '../../test/harness';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

const newUser = (username: string) => ({ username, displayName: '李书记员', password: 'Clerk2026ok', roles: ['clerk'] as const });

describe('idempotent retries (issue 11 item 8)', () => {
  it('answers a retry with the same request id with the first result and writes nothing', async () => {
    h = createHarness();
    const admin = await setUpCourt(h);
    const first = await h.call('users.create', { ...newUser('li'), requestId: 'submit-0001-abcd' } as never, admin);
    const users = countRows(h.core, 'users');
    const audit = countRows(h.core, 'audit_log');
    const again = await h.call('users.create', { ...newUser('li'), requestId: 'submit-0001-abcd' } as never, admin);
    expect(again).toEqual(first);
    expect(countRows(h.core, 'users')).toBe(users);
    expect(countRows(h.core, 'audit_log')).toBe(audit);
    // a new submit (new id) is a new call: the duplicate user name is refused as usual
    expect(await h.fail('users.create', { ...newUser('li'), requestId: 'submit-0002-abcd' }, admin)).toMatchObject({ code: 'CONFLICT' });
  });

  it('keeps request ids per user and per operation', async () => {
    h = createHarness();
    const admin = await setUpCourt(h);
    await h.call('users.create', { ...newUser('li'), requestId: 'submit-0001-abcd' } as never, admin);
    const misuse = await h.fail('users.list', { requestId: 'submit-0001-abcd' }, admin);
    expect(misuse).toMatchObject({ code: 'VALIDATION', field: 'requestId' });
    expect(misuse.message).toMatch(/请求编号/);
    const bad = await h.fail('users.create', { ...newUser('wang'), requestId: 'x' }, admin);
    expect(bad).toMatchObject({ code: 'VALIDATION', field: 'requestId' });
    expect(countRows(h.core, 'users')).toBe(2);
  });

  it('refuses a concurrent duplicate instead of saving it twice', async () => {
    h = createHarness();
    const admin = await setUpCourt(h);
    const call = () =>
      dispatch(
        h!.core,
        'users.create',
        { ...newUser('zhao'), requestId: 'submit-0003-abcd' },
        { token: admin, client: { transport: 'test' } },
      );
    const [a, b] = await Promise.all([call(), call()]);
    expect([a.ok, b.ok].filter(Boolean).length).toBeGreaterThanOrEqual(1);
    expect(countRows(h.core, 'users')).toBe(2);
  });

  it('forgets request ids after a day', async () => {
    h = createHarness();
    const admin = await setUpCourt(h);
    await h.call('users.create', { ...newUser('li'), requestId: 'submit-0001-abcd' } as never, admin);
    h.clock.advanceMinutes(25 * 60);
    const { token } = await h.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    await h.call('users.create', { ...newUser('wang'), requestId: 'submit-0009-abcd' } as never, token);
    expect(countRows(h.core, 'request_ids')).toBe(1);
  });
});
