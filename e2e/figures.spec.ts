import { expect as baseExpect } from '@playwright/test';
import { CLERK } from './cases';
import { fixedCourt, PERIOD, TODAY } from './figures';
import { snap, test } from './fixtures';
import { login, logout } from './ui';

/**
 * The centre's figures in the desk (issue 15): the overview with its charts and their 数据表, the numbers of the
 * hand-counted register of core/stats/stats.test.ts; the clerk's 今日工作; "/" reaching the global search from a
 * page that focused a field; F1 opening the guide at the page's section; a page address typed directly; the
 * administrator tracing an audit entry to a read-only case.
 */

const expect = baseExpect.configure({ timeout: 30_000 });
test('the centre overview: figures, charts with their tables, one register’s page, a typed address', async ({ page, host }, testInfo) => {
  test.setTimeout(180_000);
  await fixedCourt(host, page);
  await page.goto('/');
  await login(page, 'admin', 'Court2026ok');
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();

  // typed directly into the address bar: the host sends /stats?… to the desk's own address
  await page.goto(`/stats?${PERIOD}`);
  await expect(page).toHaveURL(new RegExp(`/#/stats\\?${PERIOD}$`));
  await expect(page.getByRole('heading', { name: '中心统计' })).toBeVisible();

  const mediation = page.getByTestId('section-mediation');
  await expect(mediation).toContainText('收案5');
  await expect(mediation).toContainText('办结4');
  await expect(mediation).toContainText('调解成功率75.0%');
  await expect(mediation).toContainText('超期在办1');
  await expect(page.getByTestId('section-docket')).toContainText('调撤率66.7%');
  await expect(page.getByTestId('litigation')).toContainText('诉前化解率40.0%');
  await expect(page.getByTestId('litigation')).toContainText('未经庭审化解率60.0%');

  // each chart draws on a canvas, and its 数据表 shows the same numbers
  for (const chart of ['chart-trend', 'chart-judges', 'chart-funnel'])
    await expect(page.getByTestId(chart).locator('canvas').first()).toBeVisible();
  await snap(page, testInfo, 'stats-overview');
  const funnel = page.getByTestId('chart-funnel');
  await funnel.getByText('数据表').click();
  await expect(funnel.getByRole('row')).toHaveCount(8);
  await expect(funnel.getByRole('row', { name: /收案\s*5\s*100\.0%/ })).toBeVisible();
  await expect(funnel.getByRole('row', { name: /确认有效\s*1\s*20\.0%/ })).toBeVisible();
  const trend = page.getByTestId('chart-trend');
  await trend.getByText('数据表').click();
  await expect(trend.getByRole('row', { name: /2026-10\s*4\s*3\s*1\s*2\s*2/ })).toBeVisible();
  const judges = page.getByTestId('chart-judges');
  await judges.getByText('数据表').click();
  await expect(judges.getByRole('row', { name: /周法官\s*1\s*2\s*2\s*100\.0%/ })).toBeVisible();
  await snap(page, testInfo, 'stats-overview-tables');

  // one register's page, reached from its card, with the period kept
  await mediation.getByRole('link', { name: '诉调对接（调解）统计详情' }).click();
  await expect(page.getByRole('heading', { name: '诉调对接（调解）统计' })).toBeVisible();
  const byOrg = page.getByTestId('breakdown-mediation-org');
  await byOrg.getByText('数据表').click();
  await expect(byOrg.getByRole('row', { name: /雉城街道人民调解委员会\s*3\s*2\s*1\s*50\.0%\s*12\.0\s*12\s*1/ })).toBeVisible();
  await snap(page, testInfo, 'stats-mediation');
});

test('the clerk’s home shows today’s work; "/" reaches the search from a focused field; F1 opens the page’s guide', async ({
  page,
  host,
}, testInfo) => {
  test.setTimeout(180_000);
  await fixedCourt(host, page);
  await page.goto('/');
  await login(page, CLERK.username, CLERK.password);

  const today = page.getByTestId('today-work');
  await expect(today).toContainText(`今日工作（${TODAY}）`);
  await expect(today).toContainText('今日收案（全中心）1');
  await expect(today).toContainText('其中我登记的1');
  await expect(today.getByRole('link', { name: '（2026）浙0522民初1号' })).toBeVisible();
  await expect(today.getByRole('link', { name: '待分派调解员的调解案件 1 件' })).toBeVisible();
  await expect(page.getByText('下一个案号')).toHaveCount(0);
  await expect(page.getByText('案号解析')).toHaveCount(0);
  await snap(page, testInfo, 'clerk-home');

  const search = page.getByRole('combobox', { name: '查找案件' });
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('');

  // the filing page focuses its first field; "/" still goes to the search while that field is empty
  await page.goto('/#/cases/new');
  await expect(page.getByRole('heading', { name: '立案登记' })).toBeVisible();
  await page.waitForFunction(() => document.activeElement?.tagName === 'INPUT');
  await page.keyboard.press('/');
  await expect(search).toBeFocused();

  // F1: the guide opens at the section of the page in use
  await expect(page.getByRole('heading', { name: '立案登记' })).toBeVisible();
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: /帮助：立案登记/ });
  await expect(help).toBeVisible();
  await expect(help.getByRole('heading', { name: '立案登记' })).toBeVisible();
  await snap(page, testInfo, 'help-filing');
  await page.getByRole('button', { name: '完整手册' }).click();
  await expect(page.getByRole('dialog', { name: '用户手册' })).toBeVisible();
  await page.keyboard.press('Escape');

  // the administrator traces the filing in the audit log to the case, read-only
  await logout(page);
  await login(page, 'admin', 'Court2026ok');
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await page.goto('/#/admin/audit');
  await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();
  await page
    .getByRole('link', { name: /案件 （2026）浙0522民初1号/ })
    .first()
    .click();
  await expect(page.getByText('管理员只读查看')).toBeVisible();
  await expect(page.getByTestId('case-number')).toHaveText('（2026）浙0522民初1号');
  await expect(page.getByRole('button', { name: '收案回执' })).toHaveCount(0);
  await snap(page, testInfo, 'admin-case-read-only');
});

// Printing in host mode, in headless Chromium. Headless Chromium has no print system: its HeadlessPrintManager
// answers a page's window.print() with "Unexpected Print Manager call" and the browser terminates the renderer
// (chromium's stderr: "Terminating render process for bad Mojo message: Received bad user message: Headless Print
// Manager: Unexpected Print Manager call") — the "Page crashed" of earlier full runs (2 of 2 in a run after other
// specs here; why it once passed alone was not established). A real browser opens its print dialog there instead,
// and the desk's frame is not at fault. So the test records
// the frame's print() at the browser's edge (an init script in each child frame) and checks everything the desk
// does: the PDF in the hidden frame, print() called once on that frame's window, the tab alive and answering, the
// question 「已全部打印？」 and its answer recorded. The dialog itself needs a headed browser (xvfb-run) to be seen.
test('printing a PDF in host mode: the desk prints the hidden PDF frame, the tab survives, the answer is recorded', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000);
  const { filed } = await fixedCourt(host, page);
  let crashed = false;
  page.on('crash', () => (crashed = true));
  await page.addInitScript(() => {
    if (window === window.top) return;
    const top = window.top as Window & { __courtPrints?: string[] };
    // the document type of the frame printed: application/pdf when the PDF viewer holds the receipt
    window.print = () => void (top.__courtPrints = [...(top.__courtPrints ?? []), document.contentType]);
  });
  await page.goto('/');
  await login(page, CLERK.username, CLERK.password);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await page.goto(`/#/cases/${filed.id}/receipt`);
  const print = page.getByRole('button', { name: /打印/ }).first();
  await expect(print).toBeEnabled();
  await print.click();
  const frame = page.locator('#court-print-frame');
  await expect(frame).toHaveCount(1);
  await expect(frame).toHaveAttribute('src', /^blob:/);
  await expect
    .poll(() => page.evaluate(() => (window as Window & { __courtPrints?: string[] }).__courtPrints ?? []))
    .toEqual(['application/pdf']);
  const question = page.getByRole('dialog').filter({ hasText: '已全部打印？' });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: '已全部打印' }).click();
  await expect(page.getByText(/已记录打印 1 份/)).toBeVisible();
  expect(crashed).toBe(false);
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
});
