import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { api } from './api';
import { CLERK, dropdownOption, residentId, seedWithCli, setUpCounter } from './cases';
import { expect, snap, test } from './fixtures';
import { login, openMenu, sideMenu } from './ui';

/**
 * Issue 15: every register as a list — filters, keyset paging, column choice, Excel export — and the import of a
 * sheet of cases sent by a 综治中心 (the preview lists each refused row with its reason; nothing is written
 * until the clerk confirms).
 */
test('the clerk lists cases by type, pages, exports to Excel, and imports a referral sheet', async ({ page, host, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const { clerkToken } = await setUpCounter(baseURL!);
  await seedWithCli(host.dataDir, 400);

  await page.goto('/');
  await login(page, CLERK.username, CLERK.password);
  await sideMenu(page)
    .getByRole('menuitem')
    .filter({ hasText: /^案件列表$/ })
    .click();
  const list = page.getByTestId('list-cases');
  await expect(list.getByRole('heading', { name: '案件列表' })).toBeVisible();
  await expect(page.getByTestId('list-count')).toContainText('共 400 条');

  // filter: 民初 only
  await page.getByLabel('类型').click();
  await dropdownOption(page, '民初').click();
  const expected = await api(baseURL!, 'cases.browse', { filters: { caseType: '民初' }, limit: 1 }, clerkToken);
  await expect(page.getByTestId('list-count')).toContainText(`共 ${expected.total} 条`);
  const types = await list.locator('tbody tr.ant-table-row td:nth-child(3)').allTextContents();
  expect(types.length).toBe(Math.min(50, expected.total));
  expect(new Set(types)).toEqual(new Set(['民初']));
  await snap(page, testInfo, 'lists-cases-filtered');

  // the next page by position, and back
  await page.getByRole('button', { name: '下一页' }).click();
  await expect(page.getByTestId('list-page')).toHaveText('第 2 页');
  await expect(page.getByTestId('list-count')).toContainText('第 51–');
  await page.getByRole('button', { name: '上一页' }).click();
  await expect(page.getByTestId('list-page')).toHaveText('第 1 页');

  // export: the same filter, one row per case, Chinese headers
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^案件列表-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const file = testInfo.outputPath('cases.xlsx');
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  expect(ws.rowCount).toBe(expected.total + 1);
  expect(ws.getRow(1).getCell(1).value).toBe('案号');
  expect(ws.getRow(2).getCell(2).value).toBe('民初');

  // column choice: hide 案由
  await page.getByRole('button', { name: '列设置' }).click();
  await page.getByRole('checkbox', { name: '案由' }).uncheck();
  await expect(list.getByRole('columnheader', { name: '案由' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  // search: an organisation by part of its name
  await page.getByLabel('查询').fill('银行');
  await page.getByLabel('查询').press('Enter');
  await expect(list.locator('tbody tr.ant-table-row').first()).toContainText('银行');
  await snap(page, testInfo, 'lists-cases-search-bank');

  // import: 30 rows from a 综治中心, 3 of them wrong
  const sheet = path.join(testInfo.outputDir, '雉城街道综治中心移送.xlsx');
  fs.mkdirSync(testInfo.outputDir, { recursive: true });
  const out = new ExcelJS.Workbook();
  const s = out.addWorksheet('移送');
  s.addRow(['序号', '移送日期', '纠纷类型', '申请人', '申请人身份证号码', '被申请人', '被申请人身份证号码', '争议金额']);
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  for (let i = 1; i <= 30; i++) {
    const seq = String(100 + i);
    s.addRow([
      i,
      today,
      i === 7 ? '吵架' : '民间借贷纠纷',
      `申请人${i}`,
      i === 12 ? residentId('19800101', seq).slice(0, 17) + 'Y' : residentId('19800101', seq),
      `被申请人${i}`,
      residentId('19900101', seq, '330523'),
      i === 20 ? '-1' : `${i * 1000}`,
    ]);
  }
  await out.xlsx.writeFile(sheet);
  const before = (await api(baseURL!, 'cases.browse', { limit: 1 }, clerkToken)).total;

  await openMenu(page, '导入移送案件');
  await page.locator('input[type=file]').setInputFiles(sheet);
  await page.getByLabel('单位名称').fill('雉城街道综治中心');
  await page.getByRole('button', { name: '预览' }).click();
  await expect(page.getByTestId('import-summary')).toContainText('共 30 行：可导入 27 行，未通过校验 3 行');
  const refused = page.getByTestId('import-refused');
  await expect(refused.locator('tbody tr.ant-table-row')).toHaveCount(3);
  await expect(refused).toContainText('纠纷类型');
  await expect(refused).toContainText('申请人身份证号码');
  await expect(refused).toContainText('标的额不能为负数');
  await snap(page, testInfo, 'import-preview');
  // nothing written by the preview
  expect((await api(baseURL!, 'cases.browse', { limit: 1 }, clerkToken)).total).toBe(before);

  await expect(page.getByRole('button', { name: '确认导入 27 行' })).toBeDisabled();
  await page.getByRole('checkbox', { name: /跳过未通过校验的 3 行/ }).check();
  await page.getByRole('button', { name: '确认导入 27 行' }).click();
  await expect(page.getByText('已导入 27 件')).toBeVisible();
  await snap(page, testInfo, 'import-done');
  expect((await api(baseURL!, 'cases.browse', { limit: 1 }, clerkToken)).total).toBe(before + 27);
});
