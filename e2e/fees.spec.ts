import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { api } from './api';
import { CLERK, courtToday, dropdownOption, fileCivilCase, residentId, setUpCounter, userToken, uscc } from './cases';
import { expect, snap, test } from './fixtures';
import { fieldError, login, logout, openMenu } from './ui';

/**
 * 诉讼费用 and 司法救助 at the desk (issue 5): the calculator and the fee notice; a 缓交 application through
 * the approval chain (立案庭审查 by a second clerk → 院领导审批 by the approver), its decision document, the
 * deferral falling overdue on a host whose clock has moved on, and the overdue flag on the case; 免交 refused
 * for an organisation; the month's totals.
 */

const REVIEWER = { username: 'lian02', displayName: '周审查', password: 'Window2026b' } as const;
const APPROVER = { username: 'yuanzhang', displayName: '陈院长', password: 'Approve2026a' } as const;
const ACCOUNT = { payee: '浙江省长兴县人民法院', bank: '中国农业银行长兴县支行', accountNo: '19125101040001234', note: '' };

/** print() replaced by a counter in every frame: the browser's dialog cannot be driven by a test. */
const STUB_PRINT = () => {
  const top = window.top as unknown as { __printed?: number };
  if (window === window.top) top.__printed = 0;
  window.print = () => {
    top.__printed = (top.__printed ?? 0) + 1;
  };
};

function pdfText(base64: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: Buffer.from(base64, 'base64') })
    .toString('utf8')
    .replace(/\s+/g, '');
}

/** A court with the clerk, a second clerk (reviewer), an approver and the payment account; returns tokens. */
async function setUpFees(baseURL: string) {
  const { adminToken, clerkToken } = await setUpCounter(baseURL);
  const reviewerToken = await userToken(baseURL, adminToken, REVIEWER, ['clerk']);
  const approverToken = await userToken(baseURL, adminToken, APPROVER, ['approver']);
  await api(baseURL, 'fees.updateSettings', { paymentAccount: ACCOUNT }, adminToken);
  return { adminToken, clerkToken, reviewerToken, approverToken };
}

const PLAINTIFF = {
  kind: 'person' as const,
  name: '张卫国',
  idType: 'resident' as const,
  idNumber: residentId('19780415', '035'),
  address: '浙江省长兴县雉城街道明珠路 18 号',
};
const DEFENDANT = {
  kind: 'person' as const,
  name: '李建华',
  idType: 'resident' as const,
  idNumber: residentId('19820920', '117'),
  address: '浙江省长兴县画溪街道长兴大道 9 号',
};
const COMPANY = {
  kind: 'organisation' as const,
  name: '长兴明湖建材有限公司',
  idType: 'uscc' as const,
  idNumber: uscc('91330522MA2B3C4D5'),
  representative: '赵明',
  representativeTitle: '执行董事',
  address: '浙江省长兴县太湖街道',
};

/** A 民初 case received today with a claim of 150,000 元; returns its id and number. */
async function fileCase(
  baseURL: string,
  token: string,
  plaintiff: typeof PLAINTIFF | typeof COMPANY = PLAINTIFF,
): Promise<{ id: number; number: string; parties: { casePartyId: number; role: string }[] }> {
  const c = await fileCivilCase(baseURL, token, {
    plaintiff,
    defendant: DEFENDANT,
    cause: '机动车交通事故责任纠纷',
    amountFen: 15_000_000,
    claims: '判令被告赔偿医疗费、误工费等损失 150,000 元。',
    materials: ['起诉状', '道路交通事故认定书'],
  });
  return { id: c.id, number: c.number, parties: c.parties };
}

/** Today + n days, YYYY-MM-DD (court time). */
function plusDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Clicks a button-style radio by its label (its input is hidden behind the button). */
async function choose(page: Page, label: string): Promise<void> {
  await page
    .locator('label.ant-radio-button-wrapper')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .click();
  await expect(page.getByRole('radio', { name: label })).toBeChecked();
}

/** Picks an option of a labelled antd Select and waits until the field shows it. */
async function pick(page: Page, label: string, option: string): Promise<void> {
  const item = page.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });
  await expect(async () => {
    await page.getByLabel(label, { exact: true }).click();
    await dropdownOption(page, option).click({ timeout: 2_000 });
    await expect(item.locator(`[title*="${option}"]`)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/** Waits until no dialog or message is still animating, so a screenshot shows the page as it stays. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('[class*="-appear"], [class*="-enter"], [class*="-leave"]')).toHaveCount(0);
}

async function signIn(page: Page, user: { username: string; password: string }) {
  await page.goto('/');
  await login(page, user.username, user.password);
  await expect(page.getByTestId('header-user')).toBeVisible();
}

test('a clerk quotes 150,000 元 (3,300.00), switches to 简易程序 (1,650.00) and prints the fee notice for a case', async ({
  page,
  baseURL,
}, testInfo) => {
  const { clerkToken } = await setUpFees(baseURL!);
  const c = await fileCase(baseURL!, clerkToken);
  await page.addInitScript(STUB_PRINT);
  await signIn(page, CLERK);
  await openMenu(page, '诉讼费计算');
  await expect(page.getByRole('heading', { name: '诉讼费计算' })).toBeVisible();

  // the amount has the focus (财产案件 by default); the kind is one Shift+Tab back
  const amount = page.getByLabel('诉讼请求金额（元）');
  await expect(amount).toBeFocused();
  await page.keyboard.type('15');
  await page.keyboard.insertText('万');
  await expect(fieldError(page, '诉讼请求金额（元）')).toContainText('诉讼请求金额应为数字');
  await expect(page.getByTestId('fee-total')).toHaveCount(0);
  await amount.press('Backspace');
  await page.keyboard.type('0000');
  await expect(page.getByTestId('fee-total')).toHaveText('￥3,300.00');
  await expect(page.getByTestId('fee-words')).toHaveText('人民币叁仟叁佰元整');
  const breakdown = page.getByRole('table', { name: '计算过程' });
  await expect(breakdown.getByRole('row')).toHaveCount(4);
  await expect(breakdown.getByRole('row').nth(1)).toContainText('不超过 1 万元的，每件 50 元');
  await expect(breakdown.getByRole('row').nth(2)).toContainText('超过 1 万元至 10 万元的部分');
  await expect(breakdown.getByRole('row').nth(2)).toContainText('90,000.00 元 × 2.5%');
  await expect(breakdown.getByRole('row').nth(2)).toContainText('2,250');
  await expect(breakdown.getByRole('row').nth(3)).toContainText('50,000.00 元 × 2%');
  await expect(breakdown.getByRole('row').nth(3)).toContainText('《诉讼费用交纳办法》第十三条第（一）项');
  await snap(page, testInfo, '01-calculator');

  // 简易程序: halved once, the rule in the breakdown
  await choose(page, '简易程序');
  await expect(page.getByTestId('fee-total')).toHaveText('￥1,650.00');
  await expect(page.getByTestId('fee-words')).toHaveText('人民币壹仟陆佰伍拾元整');
  await expect(breakdown).toContainText('适用简易程序审理，减半交纳');
  await expect(breakdown).toContainText('《诉讼费用交纳办法》第十六条');
  await snap(page, testInfo, '02-calculator-simplified');

  // Ctrl+P: the notice for the case by its 案号; Enter generates it
  await page.keyboard.press('Control+p');
  const dialog = page.getByRole('dialog', { name: '打印交纳诉讼费用通知书' });
  await expect(dialog.getByLabel('案号')).toBeFocused();
  await dialog.getByLabel('案号').fill(c.number);
  await dialog.getByLabel('案号').press('Enter');
  const preview = page.getByRole('dialog', { name: `交纳诉讼费用通知书 · ${c.number}` });
  // the host's first document loads the fonts and the PDF code (lazily, core/lazyModule.ts): allow a loaded machine
  await expect(preview.getByTestId('fee-document-frame')).toBeVisible({ timeout: 30_000 });
  await preview.getByRole('button', { name: '打印' }).click();
  const ask = page.getByRole('dialog', { name: '已全部打印？' });
  await expect.poll(() => page.evaluate(() => (window as unknown as { __printed?: number }).__printed ?? 0)).toBe(1);
  await ask.getByRole('button', { name: '已全部打印' }).click();
  await expect(page.getByText('已记录打印 1 份')).toBeVisible();

  // the registered notice, read back through the API
  const listed = await api(baseURL!, 'documents.list', { caseId: c.id, templateId: 'fee-notice', page: 1, pageSize: 10 }, clerkToken);
  expect(listed.rows).toHaveLength(1);
  expect(listed.rows[0]!.printCount).toBe(1);
  const text = pdfText((await api(baseURL!, 'documents.reprint', { id: listed.rows[0]!.id }, clerkToken)).base64);
  for (const part of [
    '交纳诉讼费用通知书',
    c.number,
    '张卫国：',
    '人民币1,650.00元',
    '大写：人民币壹仟陆佰伍拾元整',
    '适用简易程序审理',
    '7日内交纳',
    '按撤诉处理',
    '账号19125101040001234',
  ]) {
    expect(text).toContain(part.replace(/\s+/g, ''));
  }

  // an application fee: no procedure or closing, and the 5,000 cap of preservation
  await pick(page, '费用种类', '申请保全费');
  await expect(page.getByText('审理程序')).toHaveCount(0);
  await page.getByLabel('申请保全的财产数额（按此预收）（元）（可不填）').fill('2000000');
  await expect(page.getByTestId('fee-total')).toHaveText('￥5,000.00');
  await expect(breakdown).toContainText('申请保全措施交纳的费用最高不超过 5,000 元');
  await snap(page, testInfo, '03-calculator-preservation-cap');
});

test('a 缓交 application is reviewed by a second clerk and granted by the approver; the decision is generated; past its date it is overdue and flagged on the case', async ({
  page,
  baseURL,
  host,
}, testInfo) => {
  // three people sign in in turn and the host restarts on a later clock: more than the default minute on a busy machine
  test.slow();
  const { clerkToken } = await setUpFees(baseURL!);
  const c = await fileCase(baseURL!, clerkToken);
  const today = courtToday();

  // the clerk files the application from the case view
  await signIn(page, CLERK);
  await page.goto(`/#/cases/${c.id}`);
  const panel = page.locator('.case-fees');
  await expect(panel.getByTestId('case-fee')).toHaveText('￥3,300.00');
  await panel.getByRole('button', { name: '申请司法救助' }).click();
  await expect(page.getByRole('heading', { name: '司法救助登记' })).toBeVisible();
  await expect(page.getByLabel('案号')).toHaveValue(c.number);
  await expect(page.locator('.ant-form-item').filter({ has: page.getByLabel('申请人', { exact: true }) })).toContainText(
    '原告：张卫国（自然人）',
  );
  await expect(page.getByRole('radio', { name: '缓交' })).toBeChecked();
  await pick(page, '申请事由', '交通事故');
  await expect(page.getByText('《诉讼费用交纳办法》第四十七条第（二）项：海上事故、交通事故')).toBeVisible();
  await pick(page, '第 1 份材料种类', '事故认定书');
  await page.getByLabel('第 1 份材料名称').fill('长兴县公安局交通警察大队道路交通事故认定书');
  await expect(page.getByLabel('应交诉讼费用（元）')).toHaveValue('3300.00');
  await snap(page, testInfo, '04-relief-apply');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(/已登记张卫国的缓交申请（编号 \d+），待“立案庭审查”/)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/cases/${c.id}$`));
  await expect(panel.getByRole('table', { name: '本案司法救助申请' })).toContainText('待审查');
  await logout(page);

  // 立案庭审查: the second clerk
  await login(page, REVIEWER.username, REVIEWER.password);
  await openMenu(page, '司法救助审批');
  const list = page.getByRole('table', { name: '司法救助申请' });
  await expect(list.getByRole('row')).toHaveCount(2);
  await list.getByRole('button', { name: '审批 张卫国的申请' }).click();
  const act = page.getByRole('dialog', { name: '立案庭审查：张卫国申请缓交诉讼费用' });
  await expect(act).toContainText('《诉讼费用交纳办法》第四十七条第（二）项');
  await expect(act).toContainText('长兴县公安局交通警察大队道路交通事故认定书');
  await act.getByLabel('意见说明').fill('符合第四十七条第（二）项，同意缓交。');
  await settled(page);
  await snap(page, testInfo, '05-approval-dialog');
  await act.getByRole('button', { name: '提交意见' }).click();
  await expect(page.getByText('已提交意见，转“院领导审批”')).toBeVisible();
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list).toContainText('没有等待您审批的申请');
  await logout(page);

  // 院领导审批: the approver decides; the decision document is generated from the dialog
  await login(page, APPROVER.username, APPROVER.password);
  await openMenu(page, '司法救助审批');
  await list.getByRole('button', { name: '审批 张卫国的申请' }).click();
  const decide = page.getByRole('dialog', { name: '院领导审批：张卫国申请缓交诉讼费用' });
  await expect(decide.getByRole('list', { name: '审批记录' })).toContainText('周审查');
  const due = plusDays(today, 30);
  await decide.getByLabel('缓交期限').fill(due);
  await decide.getByLabel('缓交期限').press('Enter');
  await decide.getByRole('button', { name: '提交意见' }).click();
  const done = page.getByRole('dialog', { name: '决定已作出' });
  await expect(done).toContainText(`张卫国：准予缓交 ￥3,300.00，至 ${due}`);
  await done.getByRole('button', { name: '生成决定书' }).click();
  // generated, registered and shown: on a loaded 2-core machine this took longer than the default 10 s once
  await expect(page.getByRole('dialog', { name: `准予缓交诉讼费用决定书 · ${c.number}` }).getByTestId('fee-document-frame')).toBeVisible({
    timeout: 30_000,
  });
  const decisions = await api(
    baseURL!,
    'documents.list',
    { caseId: c.id, templateId: 'relief-decision', page: 1, pageSize: 10 },
    clerkToken,
  );
  expect(decisions.rows).toHaveLength(1);
  // the register names the decision as printed
  expect(decisions.rows[0]).toMatchObject({ subjectKind: 'relief', title: '准予缓交诉讼费用决定书' });
  const decisionText = pdfText((await api(baseURL!, 'documents.reprint', { id: decisions.rows[0]!.id }, clerkToken)).base64);
  expect(decisionText).toContain('准予缓交诉讼费用决定书');
  expect(decisionText).toContain('第四十七条第（二）项');
  expect(decisionText).toContain('准予申请人张卫国缓交诉讼费用人民币3,300.00元');

  // the court's clock moves past the due date: the host restarts with it
  await host.restart({ clock: `${plusDays(due, 1)}T09:00:00+08:00` });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await login(page, CLERK.username, CLERK.password);
  // the dashboard reminds the clerk of it first
  const reminders = page.getByTestId('dashboard-reminders');
  await expect(reminders).toContainText('逾期未交的缓交（1 件尚未记入案件）');
  await openMenu(page, '缓交跟踪');
  const follow = page.getByRole('table', { name: '缓交跟踪' });
  const row = follow.getByRole('row').filter({ hasText: c.number });
  await expect(row).toContainText('逾期未交');
  await expect(row).toHaveClass(/fee-row-overdue/);
  await expect(row).toContainText('￥3,300.00');
  await snap(page, testInfo, '06-follow-up-overdue');
  await page.getByRole('button', { name: /标记逾期案件/ }).click();
  await page.getByRole('dialog', { name: '标记逾期案件' }).getByRole('button', { name: '标记' }).click();
  await expect(page.getByText(`已将 1 件逾期案件记入案件时间线：${c.number}`)).toBeVisible();
  await expect(row).toContainText('已记入案件');
  await expect(page.getByRole('dialog', { name: '标记逾期案件' })).toBeHidden();
  await settled(page);
  await snap(page, testInfo, '07-follow-up-flagged');

  // the party pays late: the deferral is settled
  await row.getByRole('button', { name: '登记张卫国的交费' }).click();
  const pay = page.getByRole('dialog', { name: `登记交费 · ${c.number}` });
  await expect(pay.getByLabel('交费金额（元）')).toHaveValue('3300.00');
  await expect(pay.getByLabel('交费日期')).toHaveValue(plusDays(due, 1));
  await pay.getByLabel('票据号').fill('ZJ2026-000123');
  await settled(page);
  await snap(page, testInfo, '07a-payment');
  await pay.getByLabel('票据号').press('Enter');
  await expect(page.getByText(`已登记交费 ￥3,300.00（${c.number}）`)).toBeVisible();
  await expect(row).toContainText('已交清');

  // the case's timeline says so
  await row.getByRole('link', { name: c.number }).click();
  await expect(page.locator('.case-timeline')).toContainText(`张卫国缓交的诉讼费用 ￥3,300.00 已于 ${due} 到期未交纳，可依法按撤诉处理`);
  await expect(page.locator('.case-timeline')).toContainText('交纳诉讼费用 ￥3,300.00');
  await expect(page.locator('.case-fees')).toContainText('已交清');
  await expect(page.locator('.case-fees')).toContainText('本院已准予原告张卫国缓交诉讼费用 3,300.00 元');
  await page.locator('.case-fees').scrollIntoViewIfNeeded();
  await snap(page, testInfo, '08-case-fees-panel');
});

test('免交 for an organisation is refused on the applicant field and nothing is written; the totals page shows the month', async ({
  page,
  baseURL,
}, testInfo) => {
  // the clerk, then the administrator, over five pages: more than the default minute on a busy machine
  test.slow();
  const { clerkToken, reviewerToken, approverToken } = await setUpFees(baseURL!);
  const c = await fileCase(baseURL!, clerkToken, COMPANY);
  const company = c.parties.find((p) => p.role === '原告')!;
  const defendant = c.parties.find((p) => p.role === '被告')!;

  await signIn(page, CLERK);
  await openMenu(page, '司法救助登记');
  await expect(page.getByRole('heading', { name: '司法救助登记' })).toBeVisible();
  await expect(page.getByLabel('案号')).toBeFocused();
  await page.getByLabel('案号').fill(c.number);
  await page.getByLabel('案号').press('Tab');
  const applicant = page.locator('.ant-form-item').filter({ has: page.getByLabel('申请人', { exact: true }) });
  await expect(applicant).toContainText('原告：长兴明湖建材有限公司（单位）');
  // for the organisation 免交 is not offered, and the form says why
  await expect(page.getByRole('radio', { name: '免交' })).toBeDisabled();
  await expect(page.getByText('长兴明湖建材有限公司是单位：免交只适用于自然人')).toBeVisible();
  // a clerk who picked 免交 for the defendant and then switches to the company is refused by the host
  await pick(page, '申请人', '被告：李建华');
  await choose(page, '免交');
  await pick(page, '申请事由', '确实需要免交的其他情形');
  await page.getByLabel('具体理由（必填）').fill('公司连续亏损，账户已被冻结，无力交纳诉讼费用。');
  await page.getByLabel('第 1 份材料名称').fill('2026年度财务报表');
  await pick(page, '申请人', '原告：长兴明湖建材有限公司');
  await page.getByRole('button', { name: '登记申请' }).click();
  await expect(fieldError(page, '申请人')).toContainText('免交只适用于自然人');
  await expect(fieldError(page, '申请人')).toContainText('长兴明湖建材有限公司是单位，可以申请减交或缓交');
  expect((await api(baseURL!, 'relief.list', { caseId: c.id, page: 1, pageSize: 10 }, clerkToken)).total).toBe(0);
  await snap(page, testInfo, '09-waive-refused');

  // this month: the company's 减交 granted at 50 %, the defendant's 免交 granted, one 缓交 refused
  const evidence = [{ name: '困难证明', kind: '困难证明' }];
  const decide = async (id: number, action: 'grant' | 'refuse') => {
    const extra = action === 'refuse' ? { refusalReasons: '申请人名下有多处房产，不属于确有困难的情形。' } : {};
    await api(baseURL!, 'relief.act', { applicationId: id, action, ...extra }, reviewerToken);
    await api(baseURL!, 'relief.act', { applicationId: id, action, ...extra }, approverToken);
  };
  const reduce = await api(
    baseURL!,
    'relief.apply',
    {
      caseId: c.id,
      casePartyId: company.casePartyId,
      kind: 'reduce',
      ground: 'other',
      reasons: '公司受台风影响停产，经营难以为继。',
      evidence,
      feeFen: 330_000,
      requestedPercent: 50,
    },
    clerkToken,
  );
  await decide(reduce.id, 'grant');
  const waive = await api(
    baseURL!,
    'relief.apply',
    { caseId: c.id, casePartyId: defendant.casePartyId, kind: 'waive', ground: 'minimum-living', evidence, feeFen: 330_000 },
    clerkToken,
  );
  await decide(waive.id, 'grant');
  const other = await fileCase(baseURL!, clerkToken);
  const refused = await api(
    baseURL!,
    'relief.apply',
    { caseId: other.id, casePartyId: other.parties[0]!.casePartyId, kind: 'defer', ground: 'accident-victim', evidence, feeFen: 330_000 },
    clerkToken,
  );
  await decide(refused.id, 'refuse');

  // the register of applications: decided ones offer their document
  await openMenu(page, '司法救助审批');
  await page.getByText('全部申请', { exact: true }).click();
  const register = page.getByRole('table', { name: '司法救助申请' });
  await expect(register.locator('tbody tr')).toHaveCount(3);
  await expect(register.getByRole('button', { name: '生成通知书' })).toHaveCount(1);
  await expect(register.getByRole('button', { name: '生成决定书' })).toHaveCount(2);
  await settled(page);
  await snap(page, testInfo, '09a-relief-register');

  await openMenu(page, '救助统计');
  const totals = page.getByRole('table', { name: '司法救助统计' });
  const month = courtToday().slice(0, 7);
  const rowOf = (kind: 'waive' | 'reduce' | 'defer') => totals.locator(`tr[data-row-key="${month}|${kind}"]`);
  await expect(totals).toContainText(month);
  await expect(rowOf('waive')).toHaveText(/免交11——￥3,300\.00——/);
  await expect(rowOf('reduce')).toHaveText(/减交11———￥1,650\.00—/);
  await expect(rowOf('defer')).toHaveText(/缓交1——1———/);
  const sum = totals.getByRole('row').filter({ hasText: '合计' });
  await expect(sum).toHaveText(/合计3201￥3,300\.00￥1,650\.00￥0\.00/);
  await snap(page, testInfo, '10-totals');

  // the administrator's fee settings: the account printed on the notice, the approval chain
  await logout(page);
  await login(page, 'admin', 'Court2026ok');
  await openMenu(page, '诉讼费设置');
  await expect(page.getByRole('heading', { name: '诉讼费设置' })).toBeVisible();
  await expect(page.getByLabel('账号')).toHaveValue(ACCOUNT.accountNo);
  await expect(page.getByRole('textbox', { name: '第 1 阶段', exact: true })).toHaveValue('立案庭审查');
  await page.getByRole('group', { name: '第 1 套标准' }).getByLabel('离婚案件每件（50–300 元）').fill('400');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(fieldError(page.getByRole('group', { name: '第 1 套标准' }), '离婚案件每件（50–300 元）')).toContainText(
    '应在 50 元至 300 元之间',
  );
  await page.getByRole('group', { name: '第 1 套标准' }).getByLabel('离婚案件每件（50–300 元）').fill('200');
  await page.getByLabel('账号').fill('19125101040009999');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('诉讼费设置已保存')).toBeVisible();
  expect((await api(baseURL!, 'fees.settings', {}, clerkToken)).paymentAccount.accountNo).toBe('19125101040009999');
  expect((await api(baseURL!, 'fees.quote', { kind: 'divorce' }, clerkToken)).feeFen).toBe(20_000);
  await settled(page);
  await snap(page, testInfo, '11-fee-settings');
});
