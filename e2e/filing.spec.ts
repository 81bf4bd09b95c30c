import { caseCodeForId, formatCaseCode } from '../core/cases/caseCode';
import { api } from './api';
import {
  CLERK,
  caseCount,
  courtToday,
  dropdownOption,
  errorOf,
  fileCivilCase,
  partyCard,
  residentId,
  seedCases,
  seedWithCli,
  setUpCounter,
  snapPage,
  tabTo,
  typeText,
} from './cases';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { login } from './ui';

const YEAR = courtToday().slice(0, 4);
const PLAINTIFF = { name: '张小明', id: residentId('19900307', '123') };
const APPLICANT2 = { name: '王芳', id: residentId('19880512', '246') };
const COMPANY = { name: '长兴恒达贸易有限公司', uscc: '91350100M000100Y43' };

/**
 * A USB scanner types the code and Enter in one burst, the keys a few milliseconds apart. Playwright's
 * keyboard waits for a round trip per key (20–40 ms on a busy machine, slower than a scanner), so the key
 * events go through CDP with the time stamps a scanner's keys carry: 4 ms apart. The page sees them as it
 * would see a device, however busy it is when it handles them.
 */
async function scan(page: Page, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const start = Date.now() / 1000;
  let n = 0;
  const at = () => start + n++ * 0.004;
  const sends: Promise<unknown>[] = [];
  for (const ch of text) {
    const code = /\d/.test(ch) ? `Digit${ch}` : `Key${ch.toUpperCase()}`;
    const vk = ch.toUpperCase().charCodeAt(0);
    const timestamp = at();
    sends.push(
      cdp.send('Input.dispatchKeyEvent', {
        type: 'keyDown',
        key: ch,
        code,
        text: ch,
        unmodifiedText: ch,
        windowsVirtualKeyCode: vk,
        timestamp,
      }),
    );
    sends.push(
      cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch, code, windowsVirtualKeyCode: vk, timestamp: timestamp + 0.001 }),
    );
  }
  const timestamp = at();
  sends.push(
    cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Enter', code: 'Enter', text: '\r', windowsVirtualKeyCode: 13, timestamp }),
  );
  sends.push(
    cdp.send('Input.dispatchKeyEvent', {
      type: 'keyUp',
      key: 'Enter',
      code: 'Enter',
      windowsVirtualKeyCode: 13,
      timestamp: timestamp + 0.001,
    }),
  );
  await Promise.all(sends);
  await cdp.detach();
}

/**
 * The browser's print dialog cannot be driven by a test: print() is replaced by a counter in every frame
 * (the app prints the registered PDF from a hidden frame in host mode) and the count is kept on the top window.
 */
const STUB_PRINT = () => {
  const top = window.top as unknown as { __printed?: number };
  if (window === window.top) top.__printed = 0;
  window.print = () => {
    top.__printed = (top.__printed ?? 0) + 1;
  };
};
const printedCount = (page: Page) => page.evaluate(() => (window as unknown as { __printed?: number }).__printed ?? 0);

// typing through the whole form key by key takes a while on a busy machine
test.describe.configure({ timeout: 180_000 });

test('a clerk files a 民初 and a 民特 case with the keyboard only, prints the receipt and scans the code', async ({
  page,
  baseURL,
}, testInfo) => {
  await setUpCounter(baseURL!);
  await page.addInitScript(STUB_PRINT);
  await page.goto('/');
  await login(page, CLERK.username, CLERK.password);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();

  // ---- 民初: F2 opens the form with the case type focused ----
  await page.keyboard.press('F2');
  await expect(page.getByRole('heading', { name: '立案登记' })).toBeVisible();
  await expect(page.getByRole('radio', { name: '民初（民事一审）' })).toBeFocused();
  await expect(page.getByRole('radio', { name: '民初（民事一审）' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('收案日期')).toBeFocused();
  await expect(page.getByLabel('收案日期')).toHaveValue(courtToday());

  // plaintiff: a natural person with a resident ID; sex and birth date are read from it
  const p1 = partyCard(page, 1);
  await tabTo(page, p1.getByLabel('姓名'));
  await typeText(page, PLAINTIFF.name);
  await page.keyboard.press('Tab');
  await expect(p1.getByLabel('证件类型')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(p1.getByLabel('证件号码')).toBeFocused();
  await page.keyboard.type(PLAINTIFF.id);
  await expect(p1.getByText('男 · 1990-03-07 出生')).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.type('13857200001');
  await tabTo(page, p1.getByLabel('住址'));
  await typeText(page, '浙江省长兴县雉城街道金陵路 8 号');

  // the plaintiff's lawyer
  await tabTo(page, p1.getByRole('button', { name: /添加代理人/ }));
  await page.keyboard.press('Enter');
  const agent = p1.getByRole('group', { name: '代理人 1' });
  await expect(agent.getByLabel('代理人类型')).toBeFocused();
  await page.keyboard.press('Tab');
  await typeText(page, '陈律师');
  await tabTo(page, agent.getByLabel('律师事务所'));
  await typeText(page, '浙江长兴律师事务所');
  await page.keyboard.press('Tab');
  await expect(agent.getByLabel('律师执业证号')).toBeFocused();
  await page.keyboard.type('13305201210012345');

  // defendant: switch to 单位 with the arrow key, USCC checked as typed
  const p2 = partyCard(page, 2);
  await tabTo(page, p2.getByRole('radio', { name: '自然人' }));
  await page.keyboard.press('ArrowRight');
  await expect(p2.getByRole('radio', { name: '单位' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(p2.getByLabel('单位名称')).toBeFocused();
  await typeText(page, COMPANY.name);
  await tabTo(page, p2.getByLabel('统一社会信用代码', { exact: true }));
  await page.keyboard.type(COMPANY.uscc.toLowerCase());
  await expect(p2.getByLabel('统一社会信用代码', { exact: true })).toHaveValue(COMPANY.uscc);
  await expect(p2.getByText('统一社会信用代码校验通过')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(p2.getByLabel('法定代表人（负责人）')).toBeFocused();
  await typeText(page, '李四');
  await page.keyboard.press('Tab');
  await typeText(page, '总经理');

  // cause by pinyin initials, amount in yuan, claims and facts
  await tabTo(page, page.getByLabel('案由'));
  await page.keyboard.type('jdsg');
  await expect(dropdownOption(page, '机动车交通事故责任纠纷')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('.cause-picker')).toContainText('411 机动车交通事故责任纠纷');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('争议金额（元）')).toBeFocused();
  await page.keyboard.type('150000.5');
  await expect(page.getByText('￥150,000.50')).toBeVisible();
  await page.keyboard.press('Tab');
  await typeText(page, '1. 判令被告赔偿原告各项损失 150000.50 元；2. 本案诉讼费用由被告负担。');
  await page.keyboard.press('Tab');
  await typeText(page, '2026 年 10 月 3 日，被告车辆在长兴县雉城街道与原告发生碰撞，致原告受伤。');

  // materials: Space ticks a checkbox; one more added by name
  await tabTo(page, page.getByRole('checkbox', { name: '起诉状' }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('checkbox', { name: '证据材料及清单' }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByLabel('其他材料'));
  await typeText(page, '交通事故认定书');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('checkbox', { name: '交通事故认定书' })).toBeChecked();
  await snapPage(page, testInfo, '01-filing-minchu-filled');

  await page.keyboard.press('Control+Enter');
  await expect(page).toHaveURL(/#\/cases\/\d+\/receipt$/);
  const firstNumber = `（${YEAR}）浙0522民初1号`;
  await expect(page.getByTestId('receipt-number')).toHaveText(firstNumber);
  const receipt = page.getByRole('article', { name: '收案回执' });
  await expect(receipt).toContainText('浙江省长兴县人民法院');
  await expect(receipt).toContainText(`原告：${PLAINTIFF.name}`);
  await expect(receipt).toContainText(`被告：${COMPANY.name}`);
  await expect(receipt).toContainText('机动车交通事故责任纠纷');
  await expect(receipt).toContainText('￥150,000.50');
  await expect(receipt).toContainText('交通事故认定书');
  await expect(page.getByTestId('receipt-clerk')).toHaveText(CLERK.displayName);
  const code = caseCodeForId(1);
  await expect(page.getByTestId('receipt-code')).toHaveText(formatCaseCode(code));
  const qr = receipt.getByRole('img', { name: '案件码二维码' });
  await expect(qr).toBeVisible();
  await expect(qr).toHaveAttribute('data-qr-text', code);
  expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 100 && img.src.startsWith('data:image/png'))).toBe(
    true,
  );
  await snapPage(page, testInfo, '02-receipt');

  // print: what prints is the 收案回执 template, generated from the record and registered like any document
  const registered = page.getByTestId('receipt-document');
  await expect(registered).toHaveText(/已登记为文书 \d+ 号/);
  const receiptDocument = await registered.textContent();
  // the button has the focus (Enter), and Ctrl+P prints too; each time the desk is asked whether it came out
  await expect(page.getByRole('button', { name: /打印/ })).toBeFocused();
  await page.keyboard.press('Enter');
  const ask = page.getByRole('dialog', { name: '已全部打印？' });
  await expect(ask).toBeVisible();
  await expect.poll(() => printedCount(page)).toBe(1);
  await ask.getByRole('button', { name: '未打印完' }).click();
  await expect(ask).toBeHidden();
  await page.keyboard.press('Control+p');
  await expect(ask).toBeVisible();
  await expect.poll(() => printedCount(page)).toBe(2);
  await ask.getByRole('button', { name: '已全部打印' }).click();
  await expect(page.getByText('已记录打印 1 份')).toBeVisible();
  // opening the receipt again reprints the same registered document: one receipt per case
  await page.reload();
  await expect(registered).toHaveText(receiptDocument!);
  const receiptUrl = page.url();
  await page.goto(receiptUrl.replace(/\/receipt$/, ''));
  const documents = page.getByRole('table', { name: '本案文书' });
  await expect(documents.getByRole('row').filter({ hasText: '收案回执' })).toHaveCount(1);
  await expect(documents.getByRole('row').filter({ hasText: '收案回执' })).toContainText('已打印');
  await page.goto(receiptUrl);
  await expect(registered).toHaveText(receiptDocument!);

  // ---- 民特: two 申请人, one of them returning, cause by sfqr ----
  await page.keyboard.press('F2');
  await expect(page.getByRole('heading', { name: '立案登记' })).toBeVisible();
  await expect(page.getByText('已恢复未保存的草稿')).toHaveCount(0);
  await expect(page.getByRole('radio', { name: '民初（民事一审）' })).toBeFocused();
  await page.keyboard.press('2');
  await expect(page.getByRole('radio', { name: '民特（民事特别程序（含司法确认））' })).toBeChecked();
  await expect(partyCard(page, 2)).toHaveCount(0);
  const a1 = partyCard(page, 1);
  await expect(a1.getByLabel('诉讼地位')).toHaveValue('');
  await expect(a1.locator('.ant-select').first()).toContainText('申请人');
  await tabTo(page, a1.getByLabel('姓名'));
  await typeText(page, '张小');
  const hit = page.getByRole('option', { name: new RegExp(PLAINTIFF.name) });
  await expect(hit).toBeVisible();
  await expect(hit).toContainText('330522********');
  await snapPage(page, testInfo, '04-party-suggestions');
  await page.keyboard.press('Enter');
  await expect(a1.getByTestId('returning-party-0')).toContainText(PLAINTIFF.name);
  await expect(a1.getByTestId('returning-party-0')).toContainText(
    `居民身份证 ${PLAINTIFF.id.slice(0, 6)}********${PLAINTIFF.id.slice(-4)}`,
  );
  await expect(a1.getByRole('button', { name: '更换' })).toBeFocused();

  await page.keyboard.press('Alt+n');
  const a2 = partyCard(page, 2);
  await expect(a2.getByLabel('姓名')).toBeFocused();
  await expect(a2.locator('.ant-select').first()).toContainText('申请人');
  await typeText(page, APPLICANT2.name);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type(APPLICANT2.id);
  await expect(a2.getByText('女 · 1988-05-12 出生')).toBeVisible();

  await tabTo(page, page.getByLabel('案由'));
  // typed and Enter at once, before the answer: the first result is taken when it comes
  await page.keyboard.type('sfqr');
  await page.keyboard.press('Enter');
  await expect(page.locator('.cause-picker')).toContainText('448 申请司法确认调解协议');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('请求事项')).toBeFocused();
  await typeText(page, '请求确认双方于 2026 年 11 月 20 日达成的调解协议有效。');
  await tabTo(page, page.getByRole('checkbox', { name: '司法确认申请书' }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('checkbox', { name: '调解协议' }));
  await page.keyboard.press('Space');
  await snapPage(page, testInfo, '05-filing-minte-filled');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('receipt-number')).toHaveText(`（${YEAR}）浙0522民特1号`);
  await expect(page.getByRole('article', { name: '收案回执' })).toContainText(`申请人：${PLAINTIFF.name}、${APPLICANT2.name}`);
  await snapPage(page, testInfo, '06-receipt-minte');

  // ---- the scanner: the 民初 code typed fast with Enter, on the 工作台 (today's work; no 案号 box since issue 15) ----
  await page.goto('/#/');
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  const recent = page.getByTestId('recent-cases');
  await expect(recent.getByRole('row')).toHaveCount(3);
  await expect(recent.getByRole('row').nth(1)).toContainText(`（${YEAR}）浙0522民特1号`);
  await snapPage(page, testInfo, '07-dashboard-recent');
  await scan(page, code);
  await expect(page).toHaveURL(/#\/cases\/1$/);
  await expect(page.getByRole('heading', { name: firstNumber })).toBeVisible();
  await expect(page.getByTestId('case-code')).toHaveText(formatCaseCode(code));
  await snapPage(page, testInfo, '08-case-view');
});

test('bad inputs are refused on their fields in Chinese and nothing is written', async ({ page, baseURL }, testInfo) => {
  const { clerkToken } = await setUpCounter(baseURL!);
  await page.goto('/');
  await login(page, CLERK.username, CLERK.password);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await page.keyboard.press('F2');
  await expect(page.getByRole('heading', { name: '立案登记' })).toBeVisible();

  // a wrong check digit shows as the last digit is typed
  const p1 = partyCard(page, 1);
  const good = residentId('19900307', '123');
  const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
  await tabTo(page, p1.getByLabel('姓名'));
  await typeText(page, '赵六');
  await tabTo(page, p1.getByLabel('证件号码'));
  await page.keyboard.type(wrong);
  await expect(errorOf(p1, '证件号码')).toHaveText(`身份证号码校验位错误（最后一位应为 ${good[17]}），请核对`);
  // a birth date in the future (2030), with a correct check digit
  await page.keyboard.press('Control+a');
  await page.keyboard.type(residentId('20300101', '123'));
  await expect(errorOf(p1, '证件号码')).toHaveText('身份证号码中的出生日期 2030-01-01 晚于今天');

  // a USCC with the letter O
  const p2 = partyCard(page, 2);
  await tabTo(page, p2.getByRole('radio', { name: '自然人' }));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Tab');
  await typeText(page, '长兴某某建材有限公司');
  await tabTo(page, p2.getByLabel('统一社会信用代码', { exact: true }));
  await page.keyboard.type('9135O100M000100Y43');
  await expect(errorOf(p2, '统一社会信用代码')).toHaveText('统一社会信用代码不使用字母 I、O、Z、S、V（含有“O”），请核对');
  await page.keyboard.press('Tab');
  await typeText(page, '钱七');
  await page.keyboard.press('Tab');
  await typeText(page, '执行董事');

  // a negative amount; no cause
  await tabTo(page, page.getByLabel('争议金额（元）'));
  await page.keyboard.type('-100');
  await expect(errorOf(page, '争议金额（元）')).toHaveText('争议金额不能为负数');
  await page.keyboard.press('Tab');
  await typeText(page, '判令被告返还货款');

  await page.keyboard.press('Control+Enter');
  await expect(errorOf(page, '案由')).toHaveText('请选择案由');
  await expect(errorOf(p1, '证件号码')).toHaveText('身份证号码中的出生日期 2030-01-01 晚于今天');
  await expect(errorOf(p2, '统一社会信用代码')).toContainText('不使用字母 I、O、Z、S、V');
  await expect(errorOf(page, '争议金额（元）')).toHaveText('争议金额不能为负数');
  // the form takes the clerk to the first problem
  await expect(p1.getByLabel('证件号码')).toBeFocused();
  await snapPage(page, testInfo, '01-filing-errors');
  expect(await caseCount(baseURL!, clerkToken)).toBe(0);

  // fixed on the client, but the plaintiff's lawyer lacks a licence number and firm: the host refuses, on those fields
  await page.keyboard.press('Control+a');
  await page.keyboard.type(good);
  await expect(errorOf(p1, '证件号码')).toHaveCount(0);
  await tabTo(page, p1.getByRole('button', { name: /添加代理人/ }));
  await page.keyboard.press('Enter');
  const agent = p1.getByRole('group', { name: '代理人 1' });
  await expect(agent.getByLabel('代理人类型')).toBeFocused();
  await page.keyboard.press('Tab');
  await typeText(page, '周律师');
  await tabTo(page, p2.getByLabel('统一社会信用代码', { exact: true }));
  await page.keyboard.press('Control+a');
  await page.keyboard.type('91350100M000100Y43');
  await tabTo(page, page.getByLabel('案由'));
  await page.keyboard.type('mmht');
  await expect(dropdownOption(page, '分期付款买卖合同纠纷')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('.cause-picker')).toContainText('88 买卖合同纠纷');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('2000.555');
  await expect(errorOf(page, '争议金额（元）')).toHaveText('争议金额最多两位小数（到分）');
  await page.keyboard.press('Backspace');
  await expect(page.getByText('￥2,000.55')).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(errorOf(agent, '律师执业证号')).toHaveText('律师代理须填写律师执业证号');
  await expect(errorOf(agent, '律师事务所')).toHaveText('律师代理须填写律师事务所');
  await expect(agent.getByLabel('律师执业证号')).toBeFocused();
  await snapPage(page, testInfo, '02-filing-host-errors');
  expect(await caseCount(baseURL!, clerkToken)).toBe(0);
  await expect(page).toHaveURL(/#\/cases\/new$/);

  // the licence number typed where the focus already is; the firm next; saved
  await page.keyboard.type('13305201510054321');
  await page.keyboard.press('Shift+Tab');
  await expect(agent.getByLabel('律师事务所')).toBeFocused();
  await typeText(page, '浙江湖州律师事务所');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('receipt-number')).toHaveText(`（${YEAR}）浙0522民初1号`);
  expect(await caseCount(baseURL!, clerkToken)).toBe(1);
});

test('a half-filled form survives a reload; a scan from inside it leaves it untouched', async ({ page, baseURL }, testInfo) => {
  const { clerkToken } = await setUpCounter(baseURL!);
  await seedCases(baseURL!, clerkToken, 1);
  const [seeded] = await api(baseURL!, 'cases.recent', { limit: 1 }, clerkToken);
  await page.goto('/');
  await login(page, CLERK.username, CLERK.password);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await page.keyboard.press('F2');
  await expect(page.getByRole('heading', { name: '立案登记' })).toBeVisible();
  await page.keyboard.press('3');
  await expect(page.getByRole('radio', { name: '民督（申请支付令）' })).toBeChecked();
  const p1 = partyCard(page, 1);
  await expect(p1.locator('.ant-select').first()).toContainText('申请人');
  await tabTo(page, p1.getByLabel('姓名'));
  await typeText(page, '孙丽');
  await tabTo(page, page.getByLabel('争议金额（元）'));
  await page.keyboard.type('50000');
  await page.keyboard.press('Tab');
  await typeText(page, '请求督促被申请人支付货款 50000 元。');
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('court.filingDraft.v1.lian01') ?? ''))
    .toContain('请求督促被申请人支付货款');

  await page.reload();
  await expect(page.getByRole('heading', { name: '立案登记' })).toBeVisible();
  await expect(page.getByText(/已恢复未保存的草稿/)).toBeVisible();
  await expect(page.getByRole('radio', { name: '民督（申请支付令）' })).toBeChecked();
  await expect(partyCard(page, 1).getByLabel('姓名')).toHaveValue('孙丽');
  await expect(page.getByLabel('争议金额（元）')).toHaveValue('50000');
  await expect(page.getByLabel('请求事项')).toHaveValue('请求督促被申请人支付货款 50000 元。');
  await snapPage(page, testInfo, '01-draft-restored');

  // a scan while the focus is in the name box: the case opens, the box keeps what the clerk typed
  await partyCard(page, 1).getByLabel('姓名').focus();
  await scan(page, seeded!.code);
  await expect(page).toHaveURL(new RegExp(`#/cases/${seeded!.id}$`));
  await expect(page.getByRole('heading', { name: seeded!.number })).toBeVisible();
  await page.keyboard.press('F2');
  await expect(page.getByText(/已恢复未保存的草稿/)).toBeVisible();
  await expect(partyCard(page, 1).getByLabel('姓名')).toHaveValue('孙丽');

  // 清空草稿 empties the form and the stored draft
  await page.getByRole('button', { name: '清空草稿' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/已恢复未保存的草稿/)).toHaveCount(0);
  await expect(page.getByRole('radio', { name: '民初（民事一审）' })).toBeChecked();
  await expect(partyCard(page, 1).getByLabel('姓名')).toHaveValue('');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('court.filingDraft.v1.lian01'))).toBeNull();
  await page.reload();
  await expect(page.getByRole('heading', { name: '立案登记' })).toBeVisible();
  await expect(page.getByText(/已恢复未保存的草稿/)).toHaveCount(0);
});

test('search: a two-character name among seeded cases, a 案号, a typed code; the case view corrects a party and links cases', async ({
  page,
  baseURL,
  host,
}, testInfo) => {
  const { clerkToken } = await setUpCounter(baseURL!);
  await seedWithCli(host.dataDir, 200);
  // a two-character name of a seeded party, and what the host finds for it
  const recent = await api(baseURL!, 'cases.recent', { limit: 100 }, clerkToken);
  const names = recent.flatMap((r) => r.partiesText.split(/ — |、/)).filter((n) => /^[\u4e00-\u9fff]{2}$/.test(n));
  let name = names[0]!;
  let found = (await api(baseURL!, 'cases.search', { q: name, limit: 100 }, clerkToken)).rows;
  for (const candidate of [...new Set(names)].slice(0, 20)) {
    const rows = (await api(baseURL!, 'cases.search', { q: candidate, limit: 100 }, clerkToken)).rows;
    if (rows.length > found.length) [name, found] = [candidate, rows];
  }
  expect(found.length).toBeGreaterThan(1);
  await page.goto('/');
  await login(page, CLERK.username, CLERK.password);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await expect(page.getByTestId('recent-cases').getByRole('row')).toHaveCount(11);
  await snapPage(page, testInfo, '01-dashboard-seeded');

  // Ctrl+K and the name: results as you type, ↓ Enter opens one
  await page.keyboard.press('Control+k');
  const box = page.getByRole('combobox', { name: '查找案件' });
  await expect(box).toBeFocused();
  await typeText(page, name);
  const results = page.getByRole('listbox', { name: '查找结果' });
  await expect(results.getByRole('option')).toHaveCount(Math.min(8, found.length));
  for (const text of await results.getByRole('option').allTextContents()) expect(text).toContain(name);
  await snapPage(page, testInfo, '02-header-search');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/cases/${found[0]!.id}$`));
  await expect(page.locator('.case-party-name').filter({ hasText: name }).first()).toBeVisible();

  // Enter without choosing lists everything on 案件查询
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  await typeText(page, name);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '案件查询' })).toBeVisible();
  await expect(page).toHaveURL(/#\/cases\?q=/);
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(found.length);
  for (const text of await rows.allTextContents()) expect(text).toContain(name);
  await expect(page.getByText(`找到 ${found.length} 件（按当事人姓名），新案在前`)).toBeVisible();
  await snapPage(page, testInfo, '03-search-page');
  // ↓ from the box into the results, Enter opens
  await page.getByLabel('查询内容').press('ArrowDown');
  await expect(rows.first().getByRole('link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/cases/${found[0]!.id}$`));

  // a full 案号 in the box opens its case (half-width brackets accepted); a code typed by hand (not a scan) too
  const target = recent.find((r) => r.caseType === '民初' && r.id !== found[0]!.id)!;
  await page.keyboard.press('Control+k');
  await page.keyboard.insertText(target.number.replace('（', '(').replace('）', ')'));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/cases/${target.id}$`));
  const other = recent.find((r) => r.caseType === '民初' && r.id !== target.id && r.id !== found[0]!.id)!;
  await page.keyboard.press('Control+k');
  await page.keyboard.type(formatCaseCode(other.code).toLowerCase(), { delay: 80 });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/cases/${other.id}$`));
  await expect(page.getByTestId('case-code')).toHaveText(formatCaseCode(other.code));

  // a case filed at another window; the clerk opens it by its 案号 and corrects the defendant's phone
  const oldPhone = '13912345678';
  const filed = await fileCivilCase(baseURL!, clerkToken, {
    plaintiff: { kind: 'person', name: '冯晓东', idType: 'resident', idNumber: residentId('19770405', '013') },
    defendant: { kind: 'person', name: '褚海燕', idType: 'resident', idNumber: residentId('19820911', '024'), phone: oldPhone },
    cause: '民间借贷纠纷',
    amountFen: 3_000_000,
    claims: '判令被告归还借款 30000 元',
    materials: ['起诉状'],
  });
  await page.keyboard.press('Control+k');
  await page.keyboard.insertText(filed.number);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: filed.number })).toBeVisible();
  const defendant = page.getByRole('group', { name: '被告：褚海燕' });
  await expect(defendant).toContainText(oldPhone);
  await defendant.getByRole('button', { name: /^更正/ }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /更正当事人信息/ });
  await expect(dialog.getByLabel('姓名')).toBeFocused();
  await tabTo(page, dialog.getByLabel('联系电话'));
  await page.keyboard.press('Control+a');
  await page.keyboard.type('13957209999');
  await tabTo(page, dialog.getByLabel('更正理由'));
  await page.keyboard.press('Control+Enter');
  await expect(errorOf(dialog, '更正理由')).toHaveText('请填写更正理由');
  await expect(dialog.getByLabel('更正理由')).toBeFocused();
  await typeText(page, '当事人到窗口提供新的联系电话');
  await snapPage(page, testInfo, '04-correct-modal');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已更正：联系电话')).toBeVisible();
  await expect(defendant).toContainText('13957209999');
  await expect(page.locator('.case-timeline')).toContainText('当事人到窗口提供新的联系电话');
  await defendant.getByRole('button', { name: /更正记录/ }).focus();
  await page.keyboard.press('Enter');
  const history = page.getByRole('dialog', { name: /更正记录/ });
  await expect(history.getByRole('row').nth(1)).toContainText('当事人到窗口提供新的联系电话');
  await expect(history.getByRole('row').nth(1)).toContainText(oldPhone);
  await snapPage(page, testInfo, '05-correction-history');
  await page.keyboard.press('Escape');
  await expect(history).toBeHidden();

  // link to another case by its 案号
  await page.getByLabel('关联案号').focus();
  await page.keyboard.insertText('（2026）浙0522民初999号');
  await page.keyboard.press('Enter');
  await expect(errorOf(page, '关联案号')).toHaveText('没有找到这个案号的案件，请核对');
  await page.getByLabel('关联案号').fill('');
  await page.keyboard.insertText(target.number);
  await page.keyboard.press('Enter');
  await expect(page.locator('.links-list')).toContainText(target.number);
  await expect(page.locator('.case-timeline')).toContainText(`关联案件：${target.number}`);
  await snapPage(page, testInfo, '06-case-view-linked');
});

test('a case received in 2025 takes its cause as text, flagged 待核, under the 2020 revision', async ({ page, baseURL }, testInfo) => {
  await setUpCounter(baseURL!);
  await page.goto('/');
  await login(page, CLERK.username, CLERK.password);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await page.keyboard.press('F2');
  await expect(page.getByRole('heading', { name: '立案登记' })).toBeVisible();
  await page.keyboard.press('2');
  await expect(page.getByRole('radio', { name: '民特（民事特别程序（含司法确认））' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('收案日期')).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('20251215');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('收案日期')).toHaveValue('2025-12-15');
  const a1 = partyCard(page, 1);
  await tabTo(page, a1.getByLabel('姓名'));
  await typeText(page, '吴敏');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type(residentId('19790101', '022'));
  // 司法确认 is applied for jointly by the parties to the agreement (民诉法 art. 205): a second applicant
  await page.keyboard.press('Alt+n');
  const a2 = partyCard(page, 2);
  await expect(a2.getByLabel('姓名')).toBeFocused();
  await typeText(page, '钱伟');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type(residentId('19750303', '031'));
  await tabTo(page, page.getByLabel('案由'));
  await expect(page.getByText('适用 2020 年版案由规定，系统未收录该版目录')).toBeVisible();
  await typeText(page, '申请司法确认调解协议');
  await snapPage(page, testInfo, '01-cause-as-text');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('receipt-number')).toHaveText('（2025）浙0522民特1号');
  await page.getByRole('button', { name: '查看案件' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-cause')).toContainText('申请司法确认调解协议');
  await expect(page.getByTestId('case-cause')).toContainText('2020 年版');
  await expect(page.getByTestId('case-cause').getByText('待核')).toBeVisible();
  await snapPage(page, testInfo, '02-case-cause-review');
});
