import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { ADMIN, api } from './api';
import { CLERK, courtToday, residentId, setUpCounter, userToken } from './cases';
import { expect, snap, test } from './fixtures';
import { login, logout, openMenu } from './ui';

/** The sentence an admin rewrites in the ruling (templates/ruling-confirm-valid.txt) and what it becomes. */
const OLD_SENTENCE = '当事人应当按照调解协议的约定自觉履行义务。';
const NEW_SENTENCE = '当事人应当按照调解协议的约定自觉、全面、及时履行义务。';
const PRINTER = { username: 'dayin01', displayName: '赵打印', password: 'Print2026ok' } as const;
const AGREEMENT = { date: '2026-11-20', organisation: '长兴县画溪街道人民调解委员会' } as const;
const APPLICANTS = [
  { name: '张小明', idNumber: residentId('19900307', '123') },
  { name: '王芳', idNumber: residentId('19880512', '246') },
];

/**
 * The browser's print dialog cannot be driven by a test: print() is replaced by a counter in every frame
 * (the app prints a PDF from a hidden frame in host mode) and the count is kept on the top window.
 */
const STUB_PRINT = () => {
  const top = window.top as unknown as { __printed?: number };
  if (window === window.top) top.__printed = 0;
  window.print = () => {
    top.__printed = (top.__printed ?? 0) + 1;
  };
};

/** A full-page screenshot with the generate page's sticky bars in their places (not mid-page). */
async function snapForm(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({
    path: testInfo.outputPath(`${name}.png`),
    fullPage: true,
    style: '.generate-actions, .generate-preview { position: static !important; }',
  });
}

const printedCount = (page: Page) => page.evaluate(() => (window as unknown as { __printed?: number }).__printed ?? 0);

/** Files a 民特 (judicial confirmation) case with two applicants through the API; returns its id and number. */
async function fileConfirmationCase(baseURL: string, token: string): Promise<{ id: number; number: string }> {
  const c = await api(
    baseURL,
    'cases.file',
    {
      caseType: '民特',
      receivedOn: courtToday(),
      parties: APPLICANTS.map((a) => ({
        role: '申请人',
        party: {
          kind: 'person' as const,
          name: a.name,
          idType: 'resident' as const,
          idNumber: a.idNumber,
          address: '浙江省长兴县雉城街道金陵路 8 号',
        },
      })),
      cause: { revision: '2025', no: '448' },
      claims: '请求确认双方达成的调解协议有效。',
      materials: ['司法确认申请书', '调解协议'],
    },
    token,
  );
  return { id: c.id, number: c.number };
}

/** A call the host refuses: its typed error (code, message, field). */
async function apiFailure(
  baseURL: string,
  name: string,
  input: unknown,
  token: string,
): Promise<{ code: string; message: string; field?: string }> {
  const res = await fetch(`${baseURL}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  expect(res.ok).toBe(false);
  return ((await res.json()) as { error: { code: string; message: string; field?: string } }).error;
}

/** pdftotext on PDF bytes; whitespace removed, since a sentence may wrap at any character. */
function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, '');
}

test.describe.configure({ timeout: 120_000 });

test('an admin rewrites a sentence of the ruling, previews and saves it; the next ruling uses court.1', async ({
  page,
  baseURL,
}, testInfo) => {
  const { clerkToken } = await setUpCounter(baseURL!);
  const kase = await fileConfirmationCase(baseURL!, clerkToken);
  await page.addInitScript(STUB_PRINT);

  // ---- the admin edits the template ----
  await page.goto('/');
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await openMenu(page, '文书模板');
  await expect(page.getByRole('heading', { name: '文书模板' })).toBeVisible();
  const listRow = page.getByRole('row').filter({ hasText: 'ruling-confirm-valid' });
  await expect(listRow).toContainText('内置');
  await listRow.getByRole('button', { name: /修改/ }).click();
  await expect(page.getByRole('heading', { name: '修改模板：民事裁定书（确认调解协议有效）' })).toBeVisible();

  const editor = page.getByRole('textbox', { name: '模板文本' });
  const source = await editor.inputValue();
  expect(source).toContain(OLD_SENTENCE);
  await editor.fill(source.replace(OLD_SENTENCE, NEW_SENTENCE));
  await expect(page.getByTestId('template-dirty')).toBeVisible();

  await page.getByRole('button', { name: '检查' }).click();
  await expect(page.getByTestId('template-check')).toContainText('检查通过：民事裁定书（确认调解协议有效）');
  await page.getByRole('button', { name: '预览' }).click();
  const frame = page.getByTestId('template-preview-frame');
  await expect(frame).toBeVisible();
  await expect(frame).toHaveAttribute('src', /^blob:/);
  await expect(page.locator('.template-preview')).toContainText(/共 \d+ 页/);
  await snap(page, testInfo, '01-template-editor-preview');

  // Ctrl+S: the note, Enter saves
  await editor.focus();
  await page.keyboard.press('Control+s');
  const save = page.getByRole('dialog', { name: '保存为新版本' });
  await expect(save.getByLabel('修改说明')).toBeFocused();
  await save.getByLabel('修改说明').fill('履行义务的表述按院务会意见修改');
  await save.getByLabel('修改说明').press('Enter');
  await expect(save).toBeHidden();
  await expect(page.getByText('已保存为 court.1')).toBeVisible();
  await expect(page.locator('.template-meta')).toContainText('court.1');
  const history = page.locator('.template-history');
  await expect(history.getByRole('row').filter({ hasText: 'court.1' })).toContainText('履行义务的表述按院务会意见修改');
  await expect(history.getByRole('row').filter({ hasText: 'court.1' })).toContainText(ADMIN.displayName);
  await snap(page, testInfo, '02-template-saved');
  await logout(page);

  // ---- the clerk generates the ruling for the 民特 case ----
  await login(page, CLERK.username, CLERK.password);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await page.goto(`/#/cases/${kase.id}`);
  await expect(page.getByRole('heading', { name: kase.number })).toBeVisible();
  const panel = page.locator('.case-documents');
  await expect(panel).toContainText('本案尚未生成文书');
  await panel.getByRole('button', { name: '生成文书' }).click();
  await expect(page.getByRole('heading', { name: `生成文书 · ${kase.number}` })).toBeVisible();
  await expect(page.getByLabel('文书模板')).toBeFocused();
  await page.keyboard.type('确认调解');
  await page.keyboard.press('Enter');
  await expect(page.locator('.generate-template-meta')).toContainText('court.1');

  // the case's facts are filled in; what the case does not hold is the sample, marked, and must be ticked
  await expect(page.getByRole('group', { name: '申请人 1' }).getByLabel('姓名或名称')).toHaveValue(APPLICANTS[0]!.name);
  await expect(page.getByLabel('案号', { exact: true })).toHaveValue(kase.number);
  const summary = page.getByTestId('missing-summary');
  await expect(summary).toContainText('取自模板样例');
  const missing = page.locator('.data-missing');
  const n = await missing.count();
  expect(n).toBeGreaterThan(0);
  await expect(missing.first()).toContainText('请核对：样例内容');
  await expect(page.getByRole('button', { name: '生成 PDF' })).toBeDisabled();
  await snapForm(page, testInfo, '03-generate-missing');

  // ticking every sample field as checked without typing is not enough: the host refuses, naming the fields
  for (let i = 0; i < n; i++) await missing.nth(i).getByRole('checkbox').check();
  await expect(summary).toContainText('已全部核对');
  await page.getByRole('button', { name: '生成 PDF' }).click();
  const refusal = page.locator('.generate-error');
  await expect(refusal).toContainText('仍是模板样例');
  for (const name of ['审判员', '书记员', '调解协议达成日期', '主持调解的组织', '调解协议条款']) await expect(refusal).toContainText(name);
  await snapForm(page, testInfo, '03b-sample-refused');
  expect((await api(baseURL!, 'documents.list', { caseId: kase.id, page: 1, pageSize: 10 }, clerkToken)).total).toBe(0);

  // the clerk writes the real agreement, the judge and the clerk of the ruling
  await page
    .getByRole('textbox', { name: '协议条款（每行一条）' })
    .fill('王芳于2026年12月31日前向张小明返还借款50,000元；\n双方就本案再无其他争议。');
  await page.getByRole('textbox', { name: '达成日期' }).fill(AGREEMENT.date);
  await page.getByRole('textbox', { name: '主持调解的组织' }).fill(AGREEMENT.organisation);
  await page.getByRole('textbox', { name: '审判员' }).fill('李审判');
  await page.getByRole('textbox', { name: '书记员' }).fill('孙记录');
  await page.getByRole('button', { name: '预览' }).click();
  await expect(page.getByTestId('document-preview-frame')).toHaveAttribute('src', /^blob:/);
  await page.getByRole('button', { name: '生成 PDF' }).click();
  await expect(page.getByTestId('generated')).toContainText('模板版本 court.1');
  await snapForm(page, testInfo, '04-generated');

  // the case's 文书 panel and the register show the version used
  await page.getByRole('button', { name: '返回案件' }).click();
  const row = panel.getByRole('row').filter({ hasText: '民事裁定书（确认调解协议有效）' });
  await expect(row).toContainText('court.1');
  await expect(row).toContainText('PDF');
  await expect(row).toContainText('未打印');
  await expect(page.locator('.case-timeline')).toContainText('生成文书');
  await snap(page, testInfo, '05-case-documents');
  await openMenu(page, '文书登记');
  await expect(page.getByRole('heading', { name: '文书登记' })).toBeVisible();
  const regRow = page.getByRole('row').filter({ hasText: kase.number });
  await expect(regRow).toContainText('民事裁定书（确认调解协议有效）');
  await expect(regRow).toContainText('court.1');

  // the recorded document, fetched through the API, has the new sentence and the clerk's text
  const listed = await api(baseURL!, 'documents.list', { caseId: kase.id, page: 1, pageSize: 10 }, clerkToken);
  expect(listed.rows).toHaveLength(1);
  expect(listed.rows[0]).toMatchObject({
    templateId: 'ruling-confirm-valid',
    templateVersion: 'court.1',
    format: 'pdf',
    createdByName: CLERK.displayName,
  });
  const reprint = await api(baseURL!, 'documents.reprint', { id: listed.rows[0]!.id }, clerkToken);
  expect(reprint.identical).toBe(true);
  const pdf = Buffer.from(reprint.base64, 'base64');
  fs.writeFileSync(testInfo.outputPath('ruling.pdf'), pdf);
  const text = pdfText(pdf);
  expect(text).toContain(NEW_SENTENCE);
  expect(text).not.toContain(OLD_SENTENCE);
  expect(text).toContain('审判员李审判');
  expect(text).toContain('返还借款50,000元');
  expect(text).toContain(AGREEMENT.organisation);
  expect(text).toContain(APPLICANTS[0]!.idNumber);
  expect(text).not.toContain('王五');
});

test('the same ruling generated by the print desk and by a clerk is byte-identical, with full ID numbers; the second asks first', async ({
  baseURL,
}) => {
  const { adminToken, clerkToken } = await setUpCounter(baseURL!);
  const printerToken = await userToken(baseURL!, adminToken, PRINTER, ['print']);
  const kase = await fileConfirmationCase(baseURL!, clerkToken);
  const typed = {
    judge: '李审判',
    clerk: '孙记录',
    agreement: { ...AGREEMENT, terms: ['王芳于2026年12月31日前向张小明返还借款50,000元；', '双方就本案再无其他争议。'] },
  };
  const ruling = async (token: string) => {
    const draft = await api(baseURL!, 'documents.draftData', { caseId: kase.id, templateId: 'ruling-confirm-valid' }, token);
    return { caseId: kase.id, templateId: 'ruling-confirm-valid', format: 'pdf' as const, data: { ...draft.data, ...typed } };
  };
  const byPrinter = await ruling(printerToken);
  expect(JSON.stringify(byPrinter.data)).toContain(APPLICANTS[0]!.idNumber);
  await api(baseURL!, 'documents.generate', byPrinter, printerToken);
  const byClerk = await ruling(clerkToken);
  const duplicate = await apiFailure(baseURL!, 'documents.generate', byClerk, clerkToken);
  expect(duplicate).toMatchObject({ code: 'CONFLICT', field: 'confirmDuplicate' });
  await api(baseURL!, 'documents.generate', { ...byClerk, confirmDuplicate: true }, clerkToken);
  const { rows } = await api(baseURL!, 'documents.list', { caseId: kase.id, page: 1, pageSize: 10 }, clerkToken);
  expect(rows.map((r) => r.createdByName).sort()).toEqual([CLERK.displayName, PRINTER.displayName].sort());
  expect(rows[0]!.sha256).toBe(rows[1]!.sha256);
});

test('a template with an unknown placeholder is refused with its line, and nothing is saved', async ({ page, baseURL }, testInfo) => {
  const adminToken = (await setUpCounter(baseURL!)).adminToken;
  await page.goto('/');
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await page.goto('/#/admin/templates/notice');
  await expect(page.getByRole('heading', { name: '修改模板：通知书' })).toBeVisible();

  const editor = page.getByRole('textbox', { name: '模板文本' });
  const lines = (await editor.inputValue()).split('\n');
  const at = lines.indexOf('特此通知。');
  expect(at).toBeGreaterThan(0);
  lines.splice(at, 0, '请于{{hearingDate}}到庭。');
  await editor.fill(lines.join('\n'));
  const line = at + 1;

  await page.getByRole('button', { name: '检查' }).click();
  const check = page.getByTestId('template-check');
  await expect(check.getByRole('alert')).toContainText(`第 ${line} 行有误`);
  await expect(check).toContainText('hearingDate');
  await expect(page.locator('.code-editor-line-error')).toHaveText(String(line));
  // the editor has put the caret on that line
  expect(await editor.evaluate((el: HTMLTextAreaElement) => el.value.slice(0, el.selectionStart).split('\n').length)).toBe(line);
  await snap(page, testInfo, '01-template-error');

  // saving anyway is refused the same way
  await page.keyboard.press('Control+s');
  const save = page.getByRole('dialog', { name: '保存为新版本' });
  await save.getByLabel('修改说明').fill('加一句到庭时间');
  await save.getByRole('button', { name: '保存' }).click();
  await expect(save).toBeHidden();
  await expect(check.getByRole('alert')).toContainText(`第 ${line} 行有误`);
  await expect(page.getByTestId('template-dirty')).toBeVisible();
  await expect(page.locator('.template-history')).toContainText('尚未修改过');

  const after = await api(baseURL!, 'documents.template', { id: 'notice' }, adminToken);
  expect(after.history).toEqual([]);
  expect(after.template).toMatchObject({ version: '1', origin: 'builtin' });
  expect(after.source).not.toContain('hearingDate');

  // the list still shows the built-in version; leaving keeps the unsaved text on this workstation
  await page.getByRole('button', { name: '返回模板列表' }).click();
  const noticeRow = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'notice', exact: true }) });
  await expect(noticeRow).toContainText('内置');
  await snap(page, testInfo, '02-templates-list');
  await noticeRow.getByRole('button', { name: /修改/ }).click();
  await expect(page.getByText('已恢复本机上次未保存的修改')).toBeVisible();
  await expect(editor).toHaveValue(/hearingDate/);
  await page.getByRole('button', { name: '放弃修改' }).first().click();
  await expect(editor).not.toHaveValue(/hearingDate/);

  // the court's own fonts: a file that does not exist is refused on its field
  await openMenu(page, '本院设置');
  const body = page.getByLabel('正文字体');
  await body.fill('/srv/court/fonts/no-such-font.ttf');
  await page.getByRole('button', { name: '保存字体设置' }).click();
  await expect(page.locator('.font-settings .ant-form-item-explain-error')).toContainText('正文字体');
  await body.scrollIntoViewIfNeeded();
  await snap(page, testInfo, '03-font-settings-error');
  expect(await api(baseURL!, 'documents.fontSettings', undefined, adminToken)).toEqual({ body: null, bodyBold: null, title: null });
});

test('batch print of 5 documents: progress, preview, print, 已全部打印 → the rows show 已打印', async ({ page, baseURL }, testInfo) => {
  const { adminToken, clerkToken } = await setUpCounter(baseURL!);
  await api(baseURL!, 'users.create', { ...PRINTER, roles: ['print'] }, adminToken);
  const kase = await fileConfirmationCase(baseURL!, clerkToken);
  const { data: drafted } = await api(baseURL!, 'documents.draftData', { caseId: kase.id, templateId: 'notice' }, clerkToken);
  const notice = {
    ...drafted,
    paragraphs: [
      '本院受理张小明、王芳申请司法确认调解协议一案，定于2026年12月10日上午9时在本院诉讼服务中心调解室审查。',
      '请按时到场，并携带下列材料：',
    ],
    items: ['身份证原件；', '调解协议原件。'],
    contact: { name: '孙记录', phone: '0572-6012888' },
  };
  for (const addressee of ['最早的一份（不选）', '张小明', '王芳', '长兴县雉城街道人民调解委员会', '李律师', '赵某某']) {
    await api(
      baseURL!,
      'documents.generate',
      { caseId: kase.id, templateId: 'notice', format: 'pdf', data: { ...notice, addressee } },
      clerkToken,
    );
  }
  await page.addInitScript(STUB_PRINT);

  await page.goto('/');
  await login(page, PRINTER.username, PRINTER.password);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await openMenu(page, '文书登记');
  await expect(page.getByRole('heading', { name: '文书登记' })).toBeVisible();
  const rows = page.locator('.document-table tbody tr.ant-table-row');
  await expect(rows).toHaveCount(6);
  await expect(rows.filter({ hasText: '未打印' })).toHaveCount(6);

  // the first box, then Shift+click on the fifth: five in a row
  await rows.nth(0).getByRole('checkbox').check();
  await rows
    .nth(4)
    .getByRole('checkbox')
    .click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selected-count')).toHaveText('已选 5 份');
  await expect(rows.nth(5).getByRole('checkbox')).not.toBeChecked();

  await page.getByRole('button', { name: /批量打印（5）/ }).click();
  const dialog = page.getByRole('dialog', { name: '批量打印（5 份）' });
  await expect(dialog.getByTestId('batch-state')).toContainText('已生成 5 份文书');
  await expect(dialog.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  await expect(dialog.getByTestId('batch-preview-frame')).toHaveAttribute('src', /^blob:/);
  await snap(page, testInfo, '01-batch-preview');

  await dialog.getByRole('button', { name: '打印全部' }).click();
  const ask = page.getByRole('dialog', { name: '已全部打印？' });
  await expect(ask).toBeVisible();
  await expect.poll(() => printedCount(page)).toBe(1);
  await ask.getByRole('button', { name: '已全部打印' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已记录打印 5 份')).toBeVisible();
  await expect(rows.filter({ hasText: '已打印' })).toHaveCount(5);
  await expect(rows.filter({ hasText: '未打印' })).toHaveCount(1);
  await expect(rows.filter({ hasText: '未打印' })).toContainText('通知书');
  await expect(page.getByTestId('selected-count')).not.toContainText('已选');
  await snap(page, testInfo, '02-batch-printed');

  // the filter shows what is left to print
  await page.getByLabel('打印状态').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '未打印' }).click();
  await expect(rows).toHaveCount(1);
  const left = await api(baseURL!, 'documents.list', { printed: false, page: 1, pageSize: 50 }, clerkToken);
  expect(left.total).toBe(1);
});
