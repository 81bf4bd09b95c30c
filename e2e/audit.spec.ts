import { ADMIN, api, initialise } from './api';
import { expect, snap, test } from './fixtures';
import { login, openMenu } from './ui';

// 审计日志 (issue 9 item 2): a record's fields by their Chinese names, before and after side by side, changed ones
// named; the check of the chain runs on the host in the background and reports its result.
test('the audit page shows a settings change as named fields and verifies the chain', async ({ page, host }, testInfo) => {
  const token = await initialise(host.url);
  const current = await api(host.url, 'settings.get', undefined, token);
  await api(
    host.url,
    'settings.update',
    {
      courtName: '浙江省湖州市长兴县人民法院',
      courtCode: current.courtCode,
      registerPattern: '长调〔{year}〕{serial:5}',
      sessionIdleMinutes: current.sessionIdleMinutes,
      sessionMaxHours: current.sessionMaxHours,
      lockoutThreshold: current.lockoutThreshold,
      lockoutMinutes: current.lockoutMinutes,
    },
    token,
  );
  await page.goto('/');
  await login(page, ADMIN.username, ADMIN.password);
  await openMenu(page, '审计日志');
  await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: '修改本院设置' });
  await row.getByRole('button', { name: /展开/ }).click();
  const details = page.locator('.audit-details');
  await expect(details.getByRole('columnheader', { name: '变更前' })).toBeVisible();
  const changed = details.getByRole('row').filter({ hasText: '中心登记号格式' });
  await expect(changed).toContainText('长调〔{year}〕{serial:5}');
  await expect(details.getByText('变更的字段：法院名称、中心登记号格式')).toBeVisible();
  await expect(details).not.toContainText('registerPattern');
  await page.getByRole('button', { name: '校验哈希链' }).click();
  await expect(page.getByTestId('verify-result')).toContainText('哈希链完整');
  await snap(page, testInfo, 'audit-details');
});
