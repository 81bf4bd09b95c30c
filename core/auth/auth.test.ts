import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, countRows, createHarness, setUpCourt, type Harness } from '../../test/harness';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

async function withClerk() {
  h = createHarness();
  const admin = await setUpCourt(h);
  await h.call('users.create', { username: 'clerk1', displayName: '李书记', password: 'Clerk2026ok', roles: ['clerk'] }, admin);
  return { h, admin };
}

describe('first-run setup', () => {
  it('records the court and the admin, and logs the admin in', async () => {
    h = createHarness();
    expect(await h.call('setup.status', undefined)).toEqual({ initialised: false, court: null });
    const token = await setUpCourt(h);
    expect(await h.call('setup.status', undefined)).toEqual({ initialised: true, court: { name: '浙江省长兴县人民法院', code: '浙0522' } });
    const me = await h.call('auth.me', undefined, token);
    expect(me.user).toMatchObject({ username: 'admin', displayName: ADMIN.displayName, roles: ['admin'] });
    expect(me.court.code).toBe('浙0522');
  });

  it.each([
    [{ courtCode: 'X0522' }, 'courtCode', /法院代字须以省级简称开头/],
    [{ courtCode: '浙052' }, 'courtCode', /法院代字格式不正确/],
    [{ courtName: '长兴法院办公室' }, 'courtName', /法院名称应为全称/],
    [{ courtName: '' }, 'courtName', /法院名称不能为空/],
    [{ adminPassword: 'short1' }, 'adminPassword', /密码至少 8 位/],
    [{ adminPassword: 'onlyletters' }, 'adminPassword', /须同时包含字母和数字/],
    [{ adminUsername: '1admin' }, 'adminUsername', /用户名须以字母开头/],
  ])('refuses %j on field %s and writes nothing', async (patch, field, message) => {
    h = createHarness();
    const err = await h.fail('setup.initialise', {
      courtName: '浙江省长兴县人民法院',
      courtCode: '浙0522',
      adminUsername: 'admin',
      adminDisplayName: '王管理',
      adminPassword: 'Court2026ok',
      ...patch,
    });
    expect(err).toMatchObject({ code: 'VALIDATION', field, status: 400 });
    expect(err.message).toMatch(message);
    for (const table of ['settings', 'users', 'audit_log', 'sessions']) expect(countRows(h.core, table)).toBe(0);
  });

  it('cannot be run twice', async () => {
    h = createHarness();
    await setUpCourt(h);
    const err = await h.fail('setup.initialise', {
      courtName: '浙江省湖州市中级人民法院',
      courtCode: '浙05',
      adminUsername: 'other',
      adminDisplayName: '赵',
      adminPassword: 'Other2026ok',
    });
    expect(err.code).toBe('CONFLICT');
    expect(countRows(h.core, 'users')).toBe(1);
  });
});

describe('login, lockout and sessions', () => {
  it('answers a wrong password with 401 and the same message as an unknown user', async () => {
    const { h } = await withClerk();
    const wrong = await h.fail('auth.login', { username: 'clerk1', password: 'nope1234' });
    const unknown = await h.fail('auth.login', { username: 'ghost', password: 'nope1234' });
    expect(wrong).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, message: '用户名或密码错误' });
    expect(unknown).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, message: '用户名或密码错误' });
  });

  it('slows down a name after 5 wrong passwords from one source instead of locking it (issue 11 item 5)', async () => {
    const { h } = await withClerk();
    for (let i = 0; i < 5; i++)
      expect((await h.fail('auth.login', { username: 'clerk1', password: 'wrong123' })).code).toBe('UNAUTHENTICATED');
    const sixth = await h.fail('auth.login', { username: 'Clerk1', password: 'Clerk2026ok' });
    expect(sixth).toMatchObject({ code: 'THROTTLED', status: 429, message: '登录尝试过于频繁，请 1 秒后再试' });
    h.clock.advance(1000);
    const ok = await h.call('auth.login', { username: 'clerk1', password: 'Clerk2026ok' });
    expect(ok.user.lockedUntil).toBeNull();
  });

  it('an admin reset unlocks and forces a new password at the next login', async () => {
    const { h, admin } = await withClerk();
    for (let i = 0; i < 5; i++) await h.fail('auth.login', { username: 'clerk1', password: 'wrong123' });
    const users = await h.call('users.list', undefined, admin);
    const clerk = users.find((u) => u.username === 'clerk1')!;
    await h.call('users.resetPassword', { id: clerk.id, newPassword: 'Reset2026ok' }, admin);
    const login = await h.call('auth.login', { username: 'clerk1', password: 'Reset2026ok' });
    expect(login.user.mustChangePassword).toBe(true);
    // enforced by the API, not only by the UI
    expect(await h.fail('settings.get', undefined, login.token)).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED', status: 403 });
    expect((await h.fail('auth.changePassword', { currentPassword: 'Reset2026ok', newPassword: 'abc' }, login.token)).field).toBe(
      'newPassword',
    );
    await h.call('auth.changePassword', { currentPassword: 'Reset2026ok', newPassword: 'Mine2026ok' }, login.token);
    expect((await h.call('auth.me', undefined, login.token)).user.mustChangePassword).toBe(false);
    await h.call('settings.get', undefined, login.token);
  });

  it('ends a session after the idle time, after logout and when the user is disabled', async () => {
    const { h, admin } = await withClerk();
    const { token } = await h.call('auth.login', { username: 'clerk1', password: 'Clerk2026ok' });
    h.clock.advanceMinutes(119);
    await h.call('auth.me', undefined, token); // activity keeps it alive
    h.clock.advanceMinutes(119);
    await h.call('auth.me', undefined, token);
    h.clock.advanceMinutes(121);
    expect(await h.fail('auth.me', undefined, token)).toMatchObject({ code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' });

    const second = await h.call('auth.login', { username: 'clerk1', password: 'Clerk2026ok' });
    await h.call('auth.logout', undefined, second.token);
    expect((await h.fail('auth.me', undefined, second.token)).code).toBe('UNAUTHENTICATED');

    const third = await h.call('auth.login', { username: 'clerk1', password: 'Clerk2026ok' });
    const clerkId = (await h.call('auth.me', undefined, third.token)).user.id;
    h.clock.advanceMinutes(5);
    const adminToken = (await h.call('auth.login', { username: 'admin', password: ADMIN.password })).token;
    await h.call('users.setDisabled', { id: clerkId, disabled: true }, adminToken);
    expect((await h.fail('auth.me', undefined, third.token)).code).toBe('UNAUTHENTICATED');
    expect((await h.fail('auth.login', { username: 'clerk1', password: 'Clerk2026ok' })).message).toMatch(/已停用/);
    void admin;
  });

  it('ends any session 12 hours after login however active', async () => {
    const { h } = await withClerk();
    const { token } = await h.call('auth.login', { username: 'clerk1', password: 'Clerk2026ok' });
    for (let i = 0; i < 12; i++) {
      h.clock.advanceMinutes(59);
      await h.call('auth.me', undefined, token);
    }
    h.clock.advanceMinutes(13);
    expect((await h.fail('auth.me', undefined, token)).code).toBe('UNAUTHENTICATED');
  });
});

describe('roles and user administration', () => {
  it('refuses admin operations to a clerk, with the role named', async () => {
    const { h } = await withClerk();
    const { token } = await h.call('auth.login', { username: 'clerk1', password: 'Clerk2026ok' });
    const err = await h.fail('users.list', undefined, token);
    expect(err).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(err.message).toMatch(/管理员/);
    expect((await h.fail('users.list', undefined)).code).toBe('UNAUTHENTICATED');
  });

  it('lets one user hold several roles', async () => {
    const { h, admin } = await withClerk();
    const u = await h.call(
      'users.create',
      { username: 'judge1', displayName: '周法官', password: 'Judge2026ok', roles: ['judge', 'approver', 'judge'] },
      admin,
    );
    expect(u.roles).toEqual(['judge', 'approver']);
  });

  it('refuses a duplicate user name, a bad role and an unknown field, writing nothing', async () => {
    const { h, admin } = await withClerk();
    const before = countRows(h.core, 'audit_log');
    expect(
      await h.fail('users.create', { username: 'CLERK1', displayName: '重名', password: 'Clerk2026ok', roles: ['clerk'] }, admin),
    ).toMatchObject({
      code: 'CONFLICT',
      field: 'username',
    });
    expect(
      await h.fail('users.create', { username: 'x2', displayName: '甲', password: 'Clerk2026ok', roles: ['boss'] }, admin),
    ).toMatchObject({
      code: 'VALIDATION',
      field: 'roles.0',
      message: '角色不是有效的选项',
    });
    expect(await h.fail('users.create', { username: 'x3', displayName: '乙', password: 'Clerk2026ok', roles: [] }, admin)).toMatchObject({
      field: 'roles',
    });
    expect(
      (await h.fail('users.create', { username: 'x4', displayName: '丙', password: 'Clerk2026ok', roles: ['clerk'], isAdmin: true }, admin))
        .message,
    ).toMatch(/不支持的字段：isAdmin/);
    expect(countRows(h.core, 'users')).toBe(2);
    expect(countRows(h.core, 'audit_log')).toBe(before);
  });

  it('always keeps one enabled admin', async () => {
    h = createHarness();
    const admin = await setUpCourt(h);
    const me = (await h.call('auth.me', undefined, admin)).user;
    expect((await h.fail('users.update', { id: me.id, displayName: me.displayName, roles: ['clerk'] }, admin)).message).toMatch(
      /至少需要保留一名启用的管理员/,
    );
    expect((await h.fail('users.setDisabled', { id: me.id, disabled: true }, admin)).message).toMatch(/不能停用当前登录的本人账户/);
    const second = await h.call(
      'users.create',
      { username: 'admin2', displayName: '副管理', password: 'Second2026ok', roles: ['admin'] },
      admin,
    );
    await h.call('users.update', { id: me.id, displayName: me.displayName, roles: ['admin', 'clerk'] }, admin);
    await h.call('users.setDisabled', { id: second.id, disabled: true }, admin);
    expect((await h.fail('users.update', { id: me.id, displayName: me.displayName, roles: ['clerk'] }, admin)).code).toBe('CONFLICT');
  });
});
