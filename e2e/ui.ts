import { expect, type Locator, type Page } from '@playwright/test';

/** Small page helpers shared by the specs: they use what a user sees (labels, roles, texts). */

/** The form item (label + control + messages) of a labelled field. */
export function formItem(scope: Page | Locator, label: string): Locator {
  const page = 'page' in scope ? scope.page() : scope;
  return scope.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });
}

/** The error text shown under a labelled field. */
export function fieldError(scope: Page | Locator, label: string): Locator {
  return formItem(scope, label).locator('.ant-form-item-explain-error');
}

export async function login(page: Page, username: string, password: string): Promise<void> {
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByLabel('密码', { exact: true }).press('Enter');
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出' }).click();
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
}

export function sideMenu(page: Page): Locator {
  return page.getByRole('navigation', { name: '主菜单' });
}

export async function openMenu(page: Page, ...path: string[]): Promise<void> {
  for (const item of path) {
    const entry = sideMenu(page).getByRole('menuitem', { name: item });
    await entry.click();
  }
}
