import { describe, expect, it } from 'vitest';
import { createHarness, setUpCourt } from '../../test/harness';
import { civilFirstInstance } from '../../test/fixtures';

describe('audit details as named fields (issue 9 item 2)', () => {
  it('names the fields of a filing and of a new user in Chinese, from the operations’ declarations', async () => {
    const h = createHarness();
    const admin = await setUpCourt(h);
    await h.call('users.create', { username: 'li.clerk', displayName: '李书记员', password: 'Clerk2026ok', roles: ['clerk'] }, admin);
    const clerk = ((await h.call('auth.login', { username: 'li.clerk', password: 'Clerk2026ok' })) as { token: string }).token;
    await h.call('cases.file', civilFirstInstance({ amountFen: 1_500_000 }) as never, clerk);
    const { rows } = (await h.call('audit.list', { limit: 50 }, admin)) as {
      rows: { operation: string; fields: { key: string; label: string; after: string | null; changed: boolean }[] }[];
    };
    const created = rows.find((r) => r.operation === 'users.create')!;
    const byKey = new Map(created.fields.map((f) => [f.key, f]));
    expect(byKey.get('username')).toMatchObject({ label: '用户名', after: 'li.clerk' });
    expect(byKey.get('displayName')).toMatchObject({ label: '姓名', after: '李书记员' });
    expect(byKey.get('roles')?.label).toBe('角色');
    const filed = new Map(rows.find((r) => r.operation === 'cases.file')!.fields.map((f) => [f.key, f]));
    expect(filed.get('claims')?.label).toBe('诉讼请求');
    expect(filed.get('number')).toMatchObject({ label: '案号', after: '（2026）浙0522民初1号' });
    expect(filed.get('cause')?.after).toContain('名称：民间借贷纠纷');
    expect(filed.get('parties')?.after).toContain('姓名：张三');
    // no field of these records is left without a Chinese name
    for (const r of rows.filter((x) => x.fields.length > 0)) {
      for (const f of r.fields) expect(f.label, `${r.operation}: ${f.key}`).toMatch(/^[\u4e00-\u9fff（]/);
    }
    h.close();
  });
});
