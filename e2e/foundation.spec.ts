import { ADMIN, COURT, api, health, initialise } from './api';
import { expect, snap, test } from './fixtures';
import { fieldError, formItem, login, logout, openMenu, sideMenu } from './ui';

const CLERK = { username: 'lian01', displayName: '王立案', password: 'Window2026a' };

test('first-run setup, create a clerk, the clerk sees no admin pages', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page).toHaveURL(/#\/setup$/);
  await expect(page.getByRole('heading', { name: '首次设置' })).toBeVisible();
  await expect(page.getByLabel('法院全称')).toBeFocused();
  await snap(page, testInfo, '01-setup-court');

  // step 1 by keyboard: type, Enter moves on
  await page.keyboard.type(COURT.courtName);
  await page.getByLabel('法院代字').fill(COURT.courtCode);
  await page.getByLabel('法院代字').press('Enter');
  await expect(page.getByLabel('用户名')).toBeVisible();
  await expect(page.getByLabel('用户名')).toBeFocused();

  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('姓名').fill(ADMIN.displayName);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('确认密码').fill(ADMIN.password);
  await snap(page, testInfo, '02-setup-admin');
  await page.getByRole('button', { name: '完成设置' }).click();

  await expect(page.getByText('设置完成')).toBeVisible();
  await snap(page, testInfo, '03-setup-done');
  await page.getByRole('button', { name: '进入工作台' }).click();

  // logged in as admin on the dashboard
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await expect(page.getByTestId('header-court')).toHaveText(COURT.courtName);
  await expect(page.getByTestId('header-user')).toContainText(ADMIN.displayName);
  // the home page shows the court and the account, not next numbers (issue 15: today's work instead)
  await expect(page.getByText('本院与账户')).toBeVisible();
  await expect(sideMenu(page).getByText('系统管理')).toBeVisible();
  await snap(page, testInfo, '04-dashboard-admin');

  // create a clerk
  await openMenu(page, '用户管理');
  await expect(page.getByRole('heading', { name: '用户管理' })).toBeVisible();
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog', { name: '新建用户' });
  await expect(dialog.getByLabel('用户名')).toBeFocused();
  await dialog.getByLabel('用户名').fill(CLERK.username);
  await dialog.getByLabel('姓名').fill(CLERK.displayName);
  await dialog.getByLabel('初始密码').fill(CLERK.password);
  await dialog.getByRole('checkbox', { name: '立案窗口' }).check();
  await snap(page, testInfo, '05-users-create-modal');
  await dialog.getByRole('button', { name: '新建' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: CLERK.username });
  await expect(row).toContainText(CLERK.displayName);
  await expect(row).toContainText('立案窗口');
  await expect(row).toContainText('正常');
  await snap(page, testInfo, '06-users-list');

  // the clerk logs in: no 系统管理, and the users page refuses
  await logout(page);
  await login(page, CLERK.username, CLERK.password);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await expect(page.getByTestId('header-user')).toContainText(CLERK.displayName);
  await expect(sideMenu(page).getByRole('menuitem', { name: '工作台' })).toBeVisible();
  await expect(sideMenu(page).getByText('系统管理')).toHaveCount(0);
  await expect(sideMenu(page).getByText('用户管理')).toHaveCount(0);
  await snap(page, testInfo, '07-dashboard-clerk');

  await page.goto('/#/admin/users');
  await expect(page.getByText('无权访问：需要管理员角色')).toBeVisible();
  await expect(page.getByRole('button', { name: '新建用户' })).toHaveCount(0);
  await expect(page.getByRole('table')).toHaveCount(0);
  await snap(page, testInfo, '08-clerk-refused');
});

test('setup refuses an invalid court code and a weak password on their fields, writing nothing', async ({ page, baseURL }, testInfo) => {
  await page.goto('/');
  await page.getByLabel('法院全称').fill(COURT.courtName);
  await page.getByLabel('法院代字').fill('X0522');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('姓名').fill(ADMIN.displayName);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('确认密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '完成设置' }).click();

  // back on step 1, the host's Chinese message on the 法院代字 field
  await expect(fieldError(page, '法院代字')).toContainText('法院代字须以省级简称开头');
  await expect(page.getByLabel('法院代字')).toBeVisible();
  await expect(page.getByLabel('法院代字')).toBeFocused();
  await snap(page, testInfo, '01-setup-bad-code');
  expect((await health(baseURL!)).initialised).toBe(false);

  // fix the code; a password without digits is refused on its field
  await page.getByLabel('法院代字').fill(COURT.courtCode);
  await page.getByLabel('法院代字').press('Enter');
  await page.getByLabel('密码', { exact: true }).fill('passwordonly');
  await page.getByLabel('确认密码').fill('passwordonly');
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(fieldError(page, '密码')).toHaveText('管理员密码：密码须同时包含字母和数字');
  await expect(formItem(page, '法院代字')).toBeHidden();
  await snap(page, testInfo, '02-setup-weak-password');
  expect((await health(baseURL!)).initialised).toBe(false);
});

test('a wrong password at login says 用户名或密码错误', async ({ page, baseURL }, testInfo) => {
  await initialise(baseURL!);
  await page.goto('/');
  await expect(page).toHaveURL(/#\/login$/);
  await expect(page.getByText(COURT.courtName)).toBeVisible();
  await expect(page.getByLabel('用户名')).toBeFocused();
  await login(page, ADMIN.username, 'Wrong2026pw');
  await expect(page.getByRole('alert').filter({ hasText: '用户名或密码错误' })).toBeVisible();
  await expect(page.getByLabel('密码', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('密码', { exact: true })).toBeFocused();
  await snap(page, testInfo, '01-login-wrong-password');
});

test('after an admin resets a password the user must change it at next login', async ({ page, baseURL }, testInfo) => {
  // five logins (each a deliberate scrypt) after a host start: more than the default minute on a busy machine
  test.slow();
  const adminToken = await initialise(baseURL!);
  await api(baseURL!, 'users.create', { ...CLERK, roles: ['clerk', 'print'] }, adminToken);

  await page.goto('/');
  await login(page, ADMIN.username, ADMIN.password);
  await openMenu(page, '用户管理');
  const row = page.getByRole('row').filter({ hasText: CLERK.username });
  await row.getByRole('button', { name: '重置密码' }).click();
  const dialog = page.getByRole('dialog', { name: /重置密码/ });
  await expect(dialog.getByLabel('临时密码')).toBeFocused();

  // a weak temporary password is refused on the field; Enter submits
  await dialog.getByLabel('临时密码').fill('12345678');
  await dialog.getByLabel('临时密码').press('Enter');
  await expect(fieldError(dialog, '临时密码')).toHaveText('新密码：密码须同时包含字母和数字');
  await snap(page, testInfo, '01-reset-modal-error');
  await dialog.getByLabel('临时密码').fill('Temp2026pw');
  await dialog.getByLabel('临时密码').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('待改密码');
  await snap(page, testInfo, '02-users-after-reset');
  await logout(page);

  // the old password no longer works; the temporary one leads to the password change first
  await login(page, CLERK.username, CLERK.password);
  await expect(page.getByRole('alert').filter({ hasText: '用户名或密码错误' })).toBeVisible();
  await login(page, CLERK.username, 'Temp2026pw');
  await expect(page.getByRole('heading', { name: '修改密码' })).toBeVisible();
  await expect(page.getByText('管理员已重置您的密码')).toBeVisible();
  await page.goto('/#/');
  await expect(page.getByRole('heading', { name: '修改密码' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '工作台' })).toHaveCount(0);
  await snap(page, testInfo, '03-forced-change-password');

  await page.getByLabel('当前密码（管理员告知的临时密码）').fill('Temp2026pw');
  await page.getByLabel('新密码', { exact: true }).fill('Temp2026pw');
  await page.getByLabel('确认新密码').fill('Temp2026pw');
  await page.getByLabel('确认新密码').press('Enter');
  await expect(fieldError(page, '新密码')).toHaveText('新密码不能与当前密码相同');

  await page.getByLabel('新密码', { exact: true }).fill('Mine2026pw');
  await page.getByLabel('确认新密码').fill('Mine2026pw');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await expect(page.getByTestId('header-user')).toContainText(CLERK.displayName);

  await logout(page);
  await login(page, CLERK.username, 'Mine2026pw');
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
});

test('an ended session returns to the login page with 登录已过期', async ({ page, baseURL }, testInfo) => {
  await initialise(baseURL!);
  await page.goto('/');
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  // end the session behind the UI's back, as the idle timeout would
  const token = await page.evaluate(() => sessionStorage.getItem('court.sessionToken'));
  expect(token).toBeTruthy();
  await api(baseURL!, 'auth.logout', {}, token!);
  await openMenu(page, '用户管理');
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '登录已过期' })).toBeVisible();
  await snap(page, testInfo, '01-session-expired');
  // logging in again returns to the page that was asked for
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: '用户管理' })).toBeVisible();
});

test('admin pages: settings errors on their fields, audit log with details and chain check', async ({ page, baseURL }, testInfo) => {
  await initialise(baseURL!);
  await page.goto('/');
  await login(page, ADMIN.username, ADMIN.password);

  await openMenu(page, '本院设置');
  await expect(page.getByRole('heading', { name: '本院设置' })).toBeVisible();
  await expect(page.getByLabel('法院全称')).toHaveValue(COURT.courtName);
  await expect(page.getByLabel('法院全称')).toBeFocused();
  await page.getByLabel('中心登记号格式').fill('调登{serial}');
  await page.getByLabel('中心登记号格式').press('Enter');
  await expect(fieldError(page, '中心登记号格式')).toContainText('年度占位符');
  await snap(page, testInfo, '01-settings-error');
  await page.getByLabel('中心登记号格式').fill('长调〔{year}〕{serial:5}');
  await page.getByLabel('法院全称').fill('浙江省湖州市长兴县人民法院');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('本院设置已保存')).toBeVisible();
  await expect(page.getByTestId('header-court')).toHaveText('浙江省湖州市长兴县人民法院');
  await snap(page, testInfo, '02-settings-saved');

  await openMenu(page, '审计日志');
  await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();
  const settingsRow = page.getByRole('row').filter({ hasText: '修改本院设置' });
  await expect(settingsRow).toHaveCount(1);
  await settingsRow.getByRole('button', { name: /展开/ }).click();
  // the details by field name, before and after (issue 9: no raw JSON)
  const details = page.locator('.audit-details');
  await expect(details.getByRole('row').filter({ hasText: '中心登记号格式' })).toContainText('长调〔{year}〕{serial:5}');
  await expect(details).not.toContainText('registerPattern');
  await page.getByRole('button', { name: '校验哈希链' }).click();
  await expect(page.getByTestId('verify-result')).toContainText('哈希链完整');
  await snap(page, testInfo, '03-audit');

  // users: a taken user name is refused on its field; Esc closes the dialog
  await openMenu(page, '用户管理');
  await page.getByRole('button', { name: '新建用户' }).click();
  let dialog = page.getByRole('dialog', { name: '新建用户' });
  // open first (an Escape sent before the dialog is up does nothing, and toBeHidden would pass at once)
  await expect(dialog.getByLabel('用户名')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: '新建用户' }).click();
  dialog = page.getByRole('dialog', { name: '新建用户' });
  await expect(dialog.getByLabel('用户名')).toBeFocused();
  await dialog.getByLabel('用户名').fill('ADMIN');
  await dialog.getByLabel('姓名').fill('重名');
  await dialog.getByLabel('初始密码').fill('Another2026');
  await dialog.getByRole('checkbox', { name: '审批' }).check();
  await dialog.getByLabel('初始密码').press('Enter');
  await expect(fieldError(dialog, '用户名')).toHaveText('用户名“admin”已被使用');
  await snap(page, testInfo, '04-users-conflict');
  await dialog.getByLabel('用户名').fill('mediator1');
  await dialog.getByRole('button', { name: '新建' }).click();
  await expect(dialog).toBeHidden();

  // edit: name and roles
  const row = page.getByRole('row').filter({ hasText: 'mediator1' });
  await row.getByRole('button', { name: '编辑' }).click();
  const edit = page.getByRole('dialog', { name: '编辑用户：mediator1' });
  await expect(edit.getByLabel('姓名')).toBeFocused();
  await expect(edit.getByLabel('姓名')).toHaveValue('重名');
  await edit.getByLabel('姓名').fill('李调解');
  await edit.getByRole('checkbox', { name: '审批' }).uncheck();
  await edit.getByRole('checkbox', { name: '调解管理' }).check();
  await snap(page, testInfo, '05-users-edit');
  await edit.getByLabel('姓名').press('Enter');
  await expect(edit).toBeHidden();
  await expect(row).toContainText('李调解');
  await expect(row).toContainText('调解管理');
  await expect(row).not.toContainText('审批');

  // disable and enable again, each confirmed
  // by keyboard: Enter opens the confirmation with its button focused, Enter confirms
  await row.getByRole('button', { name: '停用' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tooltip').getByRole('button', { name: '停用' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row.locator('.ant-tag', { hasText: '停用' })).toBeVisible();
  await snap(page, testInfo, '06-users-disabled');
  await row.getByRole('button', { name: '启用' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '启用' }).click();
  await expect(row).toContainText('正常');
  // one's own account cannot be disabled from here
  await expect(page.getByRole('row').filter({ hasText: '系统管理员' }).getByRole('button', { name: '停用' })).toHaveCount(0);

  // the home route is reachable from the menu by keyboard
  await sideMenu(page).getByRole('menuitem', { name: '工作台' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
});
