import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import { expect as baseExpect } from '@playwright/test';
import { api, initialise } from './api';
import { unzip } from '../test/unzip';
import { courtToday, fileCivilCase, residentId, tabTo, typeText, userToken, uscc } from './cases';
import { test } from './fixtures';
import { formItem, login } from './ui';

/**
 * The fast-track docket as its people use it: the clerk triages a filed 民初 case (the recommendation with its
 * article), the case lands on the judge's 工作台, the judge opens it from the keyboard; a later court date
 * (serve --clock) shows the trial-period warning on the desk.
 */

/** eight helpers share two cores: give the UI time */
const expect = baseExpect.configure({ timeout: 30_000 });

const CLERK = { username: 'fenliu', displayName: '王分流', password: 'Window2026a' } as const;
const JUDGE = { username: 'sucai1', displayName: '陈速裁', password: 'Judge2026ok' } as const;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

type Filing = Parameters<typeof fileCivilCase>[2];

/** A 30,000 元 民间借贷 case between two residents. */
const LOAN: Filing = {
  plaintiff: {
    kind: 'person',
    name: '张三',
    idType: 'resident',
    idNumber: residentId('19850312', '123'),
    address: '长兴县雉城街道',
    phone: '13905721234',
  },
  defendant: {
    kind: 'person',
    name: '李四',
    idType: 'resident',
    idNumber: residentId('19900101', '246'),
    address: '长兴县画溪街道',
    phone: '13905725678',
  },
  cause: '民间借贷纠纷',
  amountFen: 3_000_000,
  claims: '判令被告偿还借款 30,000 元',
  materials: ['起诉状', '借条'],
};

/** A clerk, a fast-track judge, last year's wage figure, and a case filed at the counter (by default LOAN). */
async function loanCase(url: string, filing: Filing = LOAN) {
  const admin = await initialise(url);
  const clerk = await userToken(url, admin, CLERK, ['clerk']);
  const judge = await userToken(url, admin, JUDGE, ['judge']);
  const today = courtToday();
  const year = Number(today.slice(0, 4));
  await api(
    url,
    'docket.setWageFigure',
    {
      wageYear: year - 1,
      amountFen: 10_000_000,
      publishedOn: `${year}-01-02` > today ? today : `${year}-01-02`,
      source: '浙江省高级人民法院通知',
    },
    admin,
  );
  const filed = await fileCivilCase(url, clerk, filing);
  return { admin, clerk, judge, filed, today };
}

test('a 民初 case is triaged to small claims, lands on the judge’s desk, and warns as its trial period runs out', async ({
  page,
  host,
}, testInfo) => {
  test.setTimeout(300_000); // the host restarts once; the shared machine is slow
  const { filed, today } = await loanCase(host.url);

  await page.goto(host.url);
  await login(page, CLERK.username, CLERK.password);
  await page.getByRole('menuitem', { name: '程序分流' }).click();
  // the home page lists the same 案号 (今日工作, recent cases): wait for the triage page before picking the case
  await expect(page.getByRole('heading', { name: '程序分流' })).toBeVisible();
  await page.getByText(filed.number).click();
  await expect(page.getByText('建议：小额诉讼程序')).toBeVisible();
  await expect(page.getByTestId('triage-reason').first()).toContainText('第一百六十五条');
  await page.screenshot({ path: testInfo.outputPath('docket-triage.png'), fullPage: true });
  await page.getByRole('button', { name: '确定分流并分配法官' }).click();
  await expect(page.getByTestId('docket-judge')).toHaveText(JUDGE.displayName);
  await expect(page.getByTestId('docket-procedure')).toHaveText('小额诉讼程序');
  await page.getByRole('button', { name: '退出' }).click();

  await login(page, JUDGE.username, JUDGE.password);
  const desk = page.getByTestId('judge-desk');
  await expect(desk.getByText(filed.number)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('docket-desk.png'), fullPage: true });
  // the 工作台 puts the focus in the 案号 field; a click on the row takes it to the docket, Enter opens the case
  await desk.getByRole('cell', { name: '民间借贷纠纷' }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `${filed.number}（速裁）` })).toBeVisible();
  await expect(page.getByTestId('docket-due')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('docket-case.png'), fullPage: true });

  // fifty days later: two months from filing leave less than thirty days
  await host.restart({ clock: `${addDays(today, 50)}T09:00:00+08:00` });
  await page.goto(host.url);
  await login(page, JUDGE.username, JUDGE.password);
  await expect(page.getByTestId('judge-desk').getByTestId('tier-tag')).toHaveText('审限不足三十日');
  await page.screenshot({ path: testInfo.outputPath('docket-desk-warning.png'), fullPage: true });
});

/** The next working day after `date` that is not a weekend (the court's holidays in December fall on none). */
function nextWeekday(date: string): string {
  let d = addDays(date, 1);
  while ([0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) d = addDays(d, 1);
  return d;
}

test('the judge schedules a hearing, prints the summons, closes the case with an element-style judgment', async ({
  page,
  host,
}, testInfo) => {
  test.setTimeout(300_000);
  const { clerk, judge, filed, today } = await loanCase(host.url);
  await api(host.url, 'docket.triage', { caseId: filed.id }, clerk);

  await page.goto(host.url);
  await login(page, JUDGE.username, JUDGE.password);
  await expect(page.getByTestId('judge-desk').getByText(filed.number)).toBeVisible();
  await page.goto(`${host.url}/#/docket/cases/${filed.id}`);
  await expect(page.getByRole('heading', { name: `${filed.number}（速裁）` })).toBeVisible();

  // a hearing: courtroom and day
  const day = nextWeekday(today);
  await page.getByRole('button', { name: '排期开庭' }).click();
  const dialog = page.getByRole('dialog', { name: '排期开庭' });
  await dialog.getByLabel('法庭').fill('第三审判庭');
  await dialog.getByLabel('开庭日期').click();
  await dialog.getByLabel('开庭日期').fill(day);
  // Enter takes the date and saves the form (time 09:00 and 30 minutes by default)
  await dialog.getByLabel('开庭日期').press('Enter');
  // 民诉法 art. 139: less than three days' notice needs its reason (a small claim: simplified procedure)
  const daysAway = Math.round((Date.parse(day) - Date.parse(today)) / 86_400_000);
  if (daysAway < 3) {
    await dialog.getByLabel('不足三日通知的理由').fill('双方当事人均表示不需要举证期限和答辩期间，电话通知并经确认');
    await dialog.getByRole('button', { name: '保存' }).click();
  }
  const hearings = page.getByTestId('docket-hearings');
  await expect(hearings.getByTestId('hearing-time')).toHaveText(`${day} 09:00–09:30`);

  // the summons, one page per party, from the hearing
  await hearings.getByRole('button', { name: '传票' }).click();
  await expect(page.getByRole('dialog').getByText(/已登记为文书 \d+ 号/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('docket-summons.png'), fullPage: true });
  await page.keyboard.press('Escape');

  // on the judge's desk: the hearing this week
  await page.goto(`${host.url}/#/`);
  await expect(page.getByTestId('my-hearings').getByText(filed.number)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('docket-desk-hearings.png'), fullPage: true });
  await page.goto(`${host.url}/#/docket/cases/${filed.id}`);

  // closing: an element-style judgment from its elements
  await page.getByRole('button', { name: '结案', exact: true }).click();
  const close = page.getByRole('dialog', { name: '结案' });
  await close.getByLabel('结案方式').click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: /^判决$/ })
    .click();
  await close.getByLabel('书记员').fill('吴书记');
  await close.getByLabel('诉讼请求（每行一项）').fill('判令被告归还借款30,000元\n本案诉讼费用由被告负担');
  await close.getByLabel('借款本金（元）').fill('30000');
  await close.getByLabel('借款交付日期').click();
  await close.getByLabel('借款交付日期').fill('2025-03-01');
  await close.getByLabel('借款交付日期').press('Enter');
  await close.getByLabel('交付方式（现金、银行转账等）').fill('银行转账');
  await close.getByLabel('借贷凭证（借条、借款合同等）').fill('借条一份');
  await close.getByLabel('利息约定（未约定的写“未约定”）').fill('未约定');
  await close.getByLabel('已归还金额（元）').fill('0');
  await close.getByLabel('本院认为').fill('原告提供的借条和转账凭证足以证明借贷关系成立，被告到期未还，应当承担还款责任');
  await close.getByLabel('判决主文（每行一项）').fill('被告李四于本判决生效之日起十日内归还原告张三借款30,000元');
  await page.screenshot({ path: testInfo.outputPath('docket-close-dialog.png'), fullPage: true });
  await close.getByRole('button', { name: '结案' }).click();
  const closing = page.getByTestId('docket-closing');
  await expect(closing.getByText('案件受理费', { exact: true })).toBeVisible();
  await expect(page.getByTestId('docket-procedure')).toBeVisible();
  await closing.getByRole('button', { name: '生成判决书' }).click();
  await expect(page.getByRole('dialog').getByText(/已登记为文书 \d+ 号/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('docket-judgment.png'), fullPage: true });
  await page.keyboard.press('Escape');

  // the case left the open docket; the judgment PDF as registered (rendered to PNG by hand for review)
  expect((await api(host.url, 'docket.mine', undefined as never, judge)).rows.map((r) => r.caseId)).not.toContain(filed.id);
  const docs = await api(host.url, 'documents.list', { caseId: filed.id, templateId: 'docket-judgment' }, judge);
  expect(docs.rows).toHaveLength(1);
  const pdf = await api(host.url, 'documents.reprint', { id: docs.rows[0]!.id, format: 'pdf' }, judge);
  await fs.writeFile(testInfo.outputPath('docket-judgment.pdf'), Buffer.from(pdf.base64, 'base64'));
});

/** A 物业服务合同纠纷: the property company sues an owner for a year's fees, 120.5 m² at 1.80 元 a month, and a late fee. */
const PROPERTY: Filing = {
  plaintiff: {
    kind: 'organisation',
    name: '长兴明珠物业服务有限公司',
    idType: 'uscc',
    idNumber: uscc('91330522MA2B3C4D5'),
    representative: '赵五',
    representativeTitle: '执行董事',
    address: '长兴县太湖街道',
    phone: '0572-6020000',
  },
  defendant: LOAN.defendant,
  cause: '物业服务合同纠纷',
  amountFen: 275_280,
  claims: '判令被告支付2025年度物业费2,602.80元及违约金150元',
  materials: ['起诉状', '物业服务合同', '催交通知'],
};

/** The text of a PDF (pdftotext), whitespace dropped; of a DOCX's body, one space after each table cell. */
function pdfWords(base64: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: Buffer.from(base64, 'base64') })
    .toString('utf8')
    .replace(/\s+/g, '');
}
function docxCells(base64: string): string {
  const xml = unzip(Buffer.from(base64, 'base64')).get('word/document.xml')!.toString('utf8');
  return xml
    .replace(/<\/w:tc>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/\u2060/g, ''); // the word joiners that keep a number on one line
}

/** The parts occur in this order (each after the one before). */
function expectInOrder(text: string, parts: string[]): void {
  let at = 0;
  for (const p of parts) {
    const i = text.indexOf(p, at);
    expect(i, `“${p}” after: ${text.slice(at, at + 80)}…`).toBeGreaterThanOrEqual(0);
    at = i + p.length;
  }
}

test('the judge closes a 物业服务合同纠纷 from the keyboard with its element-style judgment; the PDF and DOCX state each element', async ({
  page,
  host,
}, testInfo) => {
  test.setTimeout(300_000);
  const { clerk, judge, filed } = await loanCase(host.url, PROPERTY);
  await api(host.url, 'docket.triage', { caseId: filed.id }, clerk);

  await page.goto(host.url);
  await login(page, JUDGE.username, JUDGE.password);
  const desk = page.getByTestId('judge-desk');
  await expect(desk.getByText(filed.number)).toBeVisible();
  await desk.getByRole('cell', { name: '物业服务合同纠纷' }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `${filed.number}（速裁）` })).toBeVisible();

  // 结案: the dialog opens on 结案方式; ↓ opens its list, 判决 is the first method
  await page.getByRole('button', { name: '结案', exact: true }).click();
  const close = page.getByRole('dialog', { name: '结案' });
  await expect(close.getByLabel('结案方式')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(formItem(close, '结案方式')).toContainText('判决');
  // the cause chose the element set
  await expect(formItem(close, '要素表')).toContainText('物业服务合同纠纷');
  await expect(close.getByText('物业服务合同纠纷要素')).toBeVisible();

  /** Tab to the field, type as a clerk does (dates typed whole, then Tab takes them). */
  const type = async (label: string, text: string) => {
    const field = close.getByLabel(label, { exact: true });
    await tabTo(page, field);
    await typeText(page, text);
  };
  await type('书记员', '吴书记');
  await type('诉讼请求（每行一项）', '判令被告支付2025年度物业费2,602.80元及违约金150元');
  await page.keyboard.press('Enter');
  await typeText(page, '本案诉讼费用由被告负担');
  await type('物业服务合同（前期物业服务合同）及签订日期', '2019年6月1日《前期物业服务合同》');
  await type('物业坐落', '长兴县太湖街道明珠花园3幢2单元501室');
  await type('建筑面积（平方米）', '120.5');
  await type('物业费收费标准（每平方米每月）（元）', '1.8');
  await type('欠费期间起', '2025-01-01');
  await type('欠费期间止', '2025-12-31');
  // 120.5 m² × 1.80 元 × 12 months = 2,602.80 元, the most the arrears may be
  await type('欠缴物业费（元）', '2602.8');
  await type('违约金（滞纳金）的约定（未约定的写“未约定”）', '逾期按日万分之五计付违约金');
  await type('主张的违约金（元）', '150');
  await type('催缴情况（书面催交的日期和方式）', '2026年3月5日张贴并邮寄书面催交通知');
  // 业主的抗辩 left empty: the owner raised none, and the judgment leaves the row out
  await type('本院认为', '原告依约提供了物业服务，被告作为业主应当按约交纳物业费，经书面催交仍未交纳，应当承担违约责任');
  await type('判决主文（每行一项）', '被告李四于本判决生效之日起十日内支付原告长兴明珠物业服务有限公司物业费2,602.80元及违约金150元');
  await expect(close.locator('.ant-form-item-explain-error')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('docket-close-property.png'), fullPage: true });
  // Ctrl+Enter saves from a text box
  await page.keyboard.press('Control+Enter');
  await expect(close).toBeHidden();
  const closing = page.getByTestId('docket-closing');
  await expect(closing.getByText('案件受理费', { exact: true })).toBeVisible();

  await closing.getByRole('button', { name: '生成判决书' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog').getByText(/已登记为文书 \d+ 号/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('docket-property-judgment.png'), fullPage: true });
  await page.keyboard.press('Escape');

  // the judgment as registered, in PDF and in DOCX: every element entered, under its heading, in the set's order
  const docs = await api(host.url, 'documents.list', { caseId: filed.id, templateId: 'docket-judgment' }, judge);
  expect(docs.rows).toHaveLength(1);
  const pdf = await api(host.url, 'documents.reprint', { id: docs.rows[0]!.id, format: 'pdf' }, judge);
  expect(pdf.identical).toBe(true);
  await fs.writeFile(testInfo.outputPath('docket-property-judgment.pdf'), Buffer.from(pdf.base64, 'base64'));
  const docx = await api(host.url, 'documents.reprint', { id: docs.rows[0]!.id, format: 'docx' }, judge);
  const rows: [string, string][] = [
    ['物业服务合同（前期物业服务合同）及签订日期', '2019年6月1日《前期物业服务合同》'],
    ['物业坐落', '长兴县太湖街道明珠花园3幢2单元501室'],
    ['建筑面积', '120.5平方米'],
    ['物业费收费标准', '￥1.80'],
    ['欠费期间起', '2025年1月1日'],
    ['欠费期间止', '2025年12月31日'],
    ['欠缴物业费', '￥2,602.80'],
    ['违约金（滞纳金）的约定', '逾期按日万分之五计付违约金'],
    ['主张的违约金', '￥150.00'],
    ['催缴情况', '2026年3月5日张贴并邮寄书面催交通知'],
  ];
  const head = ['民事判决书', filed.number, '原告：长兴明珠物业服务有限公司', '被告：李四', '物业服务合同纠纷要素'];
  const tail = [
    '第五百零九条、第五百七十七条、第五百八十五条、第九百三十七条、第九百三十九条、第九百四十四条',
    '被告李四于本判决生效之日起十日内支付原告长兴明珠物业服务有限公司物业费2,602.80元及违约金150元',
  ];
  // PDF: pdftotext reads the table row by row, label then value
  const pdfText = pdfWords(pdf.base64);
  expectInOrder(pdfText, [...head, ...rows.flat(), ...tail]);
  // DOCX: each row is its two cells, label then value
  const docxText = docxCells(docx.base64);
  expectInOrder(docxText.replace(/\s+/g, ''), [...head, ...tail]);
  for (const [label, value] of rows) expect(docxText).toContain(`${label} ${value} `);
  // no row for what was not entered (业主的抗辩 is optional)
  for (const text of [pdfText, docxText]) expect(text).not.toContain('业主的抗辩');
});
