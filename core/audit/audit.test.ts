import { afterEach, describe, expect, it } from 'vitest';
import { countRows, createHarness, setUpCourt, type Harness } from '../../test/harness';
import { verifyDatabase } from './verify';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

async function busyCourt() {
  h = createHarness();
  const admin = await setUpCourt(h);
  const clerk = await h.call(
    'users.create',
    { username: 'clerk1', displayName: '李书记', password: 'Clerk2026ok', roles: ['clerk'] },
    admin,
  );
  await h.call('users.update', { id: clerk.id, displayName: '李书记员', roles: ['clerk', 'print'] }, admin);
  await h.fail('auth.login', { username: 'clerk1', password: 'bad-pass1' });
  await h.call('auth.login', { username: 'clerk1', password: 'Clerk2026ok' });
  return { h, admin, clerk };
}

describe('audit log', () => {
  it('records every mutation with actor, operation, entity and before/after', async () => {
    const { h } = await busyCourt();
    const rows = h.core.sqlite.prepare('SELECT * FROM audit_log ORDER BY id').all() as Record<string, string | number | null>[];
    expect(rows.map((r) => r.operation)).toEqual([
      'setup.initialise',
      'auth.login',
      'users.create',
      'users.update',
      'auth.loginFailed',
      'auth.login',
    ]);
    const update = rows[3]!;
    expect(update.actor_name).toBe('王管理（admin）');
    expect(JSON.parse(update.before as string).displayName).toBe('李书记');
    expect(JSON.parse(update.after as string).roles).toEqual(['clerk', 'print']);
    expect(rows.every((r) => String(r.at).endsWith('+08:00'))).toBe(true);
  });

  it('never stores a password or its hash', async () => {
    const { h } = await busyCourt();
    const all = JSON.stringify(h.core.sqlite.prepare('SELECT * FROM audit_log').all());
    expect(all).not.toMatch(/Clerk2026ok|Court2026ok|scrypt\$/);
  });

  it('verifies a sound chain', async () => {
    const { h } = await busyCourt();
    expect(verifyDatabase(h.core.sqlite)).toMatchObject({ ok: true, integrity: 'ok', auditRows: 6 });
  });

  it('names the first row edited by hand', async () => {
    const { h } = await busyCourt();
    h.core.sqlite.prepare(`UPDATE audit_log SET actor_name = '他人' WHERE id = 3`).run();
    const report = verifyDatabase(h.core.sqlite);
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toEqual({
      id: 3,
      reason: '第 3 条审计记录的内容被改动（密钥校验不符：记录被改动，或审计链在没有密钥的情况下被重新计算）',
    });
  });

  it('detects a deleted row and a rewritten hash', async () => {
    const { h } = await busyCourt();
    h.core.sqlite.prepare('DELETE FROM audit_log WHERE id = 2').run();
    expect(verifyDatabase(h.core.sqlite).firstBroken?.id).toBe(3);
    h.close();
    const { h: h2 } = await busyCourt();
    // a forger who recomputes the edited row's own hash still breaks the link of the next row
    h2.core.sqlite.prepare(`UPDATE audit_log SET hash = '${'a'.repeat(64)}' WHERE id = 4`).run();
    expect(verifyDatabase(h2.core.sqlite).firstBroken?.id).toBe(4);
  });

  it('lists newest first with paging, for admins', async () => {
    const { h, admin } = await busyCourt();
    const page1 = await h.call('audit.list', { limit: 4 }, admin);
    expect(page1.rows.map((r) => r.id)).toEqual([6, 5, 4, 3]);
    const page2 = await h.call('audit.list', { limit: 4, beforeId: page1.nextBeforeId! }, admin);
    expect(page2.rows.map((r) => r.id)).toEqual([2, 1]);
    expect(page2.nextBeforeId).toBeNull();
    expect(countRows(h.core, 'audit_log')).toBe(6);
  });
});
