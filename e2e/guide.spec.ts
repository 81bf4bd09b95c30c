import { expect as baseExpect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { api } from './api';
import { CLERK, userToken } from './cases';
import { fixedCourt, PERIOD } from './figures';
import { test } from './fixtures';
import { login, logout } from './ui';

/**
 * The screenshots of the user guide (docs/用户手册.md), taken from the running desk on a fixed court date and a fixed
 * register (e2e/figures.ts), so every run draws the same pictures. Each is the visible window at 1024×640, saved to
 * docs/guide/<name>.png and, where ImageMagick is installed, reduced to a 64-colour palette (a few dozen KB each).
 * Run it after a change to a page the guide shows: `npx playwright test e2e/guide.spec.ts`, then look at the PNGs.
 */

const expect = baseExpect.configure({ timeout: 30_000 });
const GUIDE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'guide');

function hasConvert(): boolean {
  try {
    execFileSync('convert', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(GUIDE, { recursive: true });
  const file = path.join(GUIDE, `${name}.png`);
  // the caret and CSS animations would make two runs differ
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  if (hasConvert()) execFileSync('convert', [file, '-strip', '-dither', 'None', '-colors', '64', `PNG8:${file}`]);
}

test.use({ viewport: { width: 1024, height: 640 } });

test('the guide’s screenshots, role by role', async ({ page, host }) => {
  test.setTimeout(300_000);
  const { admin, clerk, filed } = await fixedCourt(host, page);
  const MEDIATOR = { username: 'tiaojie1', displayName: '赵调解', password: 'Court2026ok' };
  await userToken(host.url, admin, MEDIATOR, ['mediation']);

  // 立案窗口
  await page.goto('/');
  await login(page, CLERK.username, CLERK.password);
  await expect(page.getByTestId('today-work')).toContainText('今日收案');
  await shot(page, 'home-clerk');
  await page.goto('/#/cases/new');
  await expect(page.getByRole('heading', { name: '立案登记' })).toBeVisible();
  await shot(page, 'filing');
  await page.goto(`/#/cases/${filed.id}`);
  await expect(page.getByTestId('case-number')).toBeVisible();
  await shot(page, 'case');
  await page.goto('/#/fees/calculator');
  // the page puts the focus in the amount field once it has loaded: typing before that loses the first keys
  await expect(page.getByLabel('诉讼请求金额（元）')).toBeFocused();
  await page.keyboard.type('150000');
  await expect(page.getByTestId('fee-total')).toBeVisible();
  await shot(page, 'fee-calculator');
  await page.goto('/#/documents');
  await expect(page.getByRole('heading', { name: '文书登记' })).toBeVisible();
  // the register's first page loaded (the picture showed its spinner)
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  await shot(page, 'documents');
  await page.goto('/#/confirmation');
  await expect(page.getByRole('heading', { name: '司法确认登记簿' })).toBeVisible();
  await shot(page, 'confirmation');
  await page.goto('/#/docket/centre');
  await expect(page.getByRole('heading', { name: /速裁/ }).first()).toBeVisible();
  await shot(page, 'docket-centre');
  await page.goto(`/#/stats?${PERIOD}`);
  await expect(page.getByTestId('chart-funnel').locator('canvas')).toBeVisible();
  await shot(page, 'stats-overview');
  await page.goto(`/#/stats/mediation?${PERIOD}`);
  await expect(page.getByTestId('breakdown-mediation-org').locator('canvas')).toBeVisible();
  await shot(page, 'stats-mediation');
  await page.goto('/#/cases/new');
  await expect(page.getByRole('heading', { name: '立案登记' })).toBeVisible();
  await page.keyboard.press('F1');
  await expect(page.getByRole('dialog', { name: /帮助：立案登记/ })).toBeVisible();
  await shot(page, 'help');
  await page.keyboard.press('Escape');
  await logout(page);

  // 速裁法官: the hearing dialog with less than three days' notice (民诉法 art. 139), the day after the court's date
  const [open] = (await api(host.url, 'docket.open', {}, clerk)).rows;
  await login(page, 'sucai1', 'Court2026ok');
  await expect(page.getByTestId('judge-desk')).toBeVisible();
  await page.goto(`/#/docket/cases/${open!.caseId}`);
  await expect(page.getByRole('heading', { name: `${open!.number}（速裁）` })).toBeVisible();
  await page.getByRole('button', { name: '排期开庭' }).click();
  const hearing = page.getByRole('dialog', { name: '排期开庭' });
  await hearing.getByLabel('法庭').fill('第三审判庭');
  await hearing.getByLabel('开庭日期').click();
  await hearing.getByLabel('开庭日期').fill('2026-12-03');
  // Enter takes the date and asks for the reason before it saves anything
  await hearing.getByLabel('开庭日期').press('Enter');
  await hearing.getByLabel('不足三日通知的理由').fill('双方当事人到庭表示不需要举证期限和答辩期间，电话通知并经双方确认同意次日开庭');
  await expect(hearing.locator('.ant-form-item-explain-error')).toHaveCount(0);
  // the dialog is taller than the window below its top margin: show it down to its bottom edge
  await page
    .locator('.ant-modal-wrap')
    .last()
    .evaluate((wrap) => wrap.scrollTo(0, wrap.scrollHeight));
  await shot(page, 'hearing-short-notice');
  await page.keyboard.press('Escape');
  await logout(page);

  // 调解管理
  await login(page, MEDIATOR.username, MEDIATOR.password);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await page.goto('/#/mediation');
  await expect(page.getByRole('heading', { name: '诉调对接' })).toBeVisible();
  await shot(page, 'mediation');
  await logout(page);

  // 管理员
  await login(page, 'admin', 'Court2026ok');
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await page.goto('/#/admin/users');
  await expect(page.getByRole('heading', { name: '用户管理' })).toBeVisible();
  await shot(page, 'admin-users');
  await page.goto('/#/admin/audit');
  await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();
  await shot(page, 'admin-audit');
  await page.goto('/#/admin/backup');
  await expect(page.getByRole('heading', { name: '数据备份' })).toBeVisible();
  await shot(page, 'backup');
});
