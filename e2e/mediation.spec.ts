import type { Page } from '@playwright/test';
import { api, initialise } from './api';
import { courtToday, residentId, userToken } from './cases';
import { expect, snap, test } from './fixtures';
import { login } from './ui';

/**
 * The mediation register (issue 12), keyboard first: a coordinator takes a delegated (委派) mediation from intake to
 * an agreement handed on to judicial confirmation; a failed 委派 converts to the next 民初 number; a limit turns
 * overdue on a later clock; the self-service progress page shows the stage and nothing personal.
 */
test.describe.configure({ timeout: 240_000 });

const COORD = { username: 'tiaojie01', displayName: '周调解', password: 'Mediate2026a' } as const;
const CLERK = { username: 'lian01', displayName: '王立案', password: 'Window2026a' } as const;
const REGION = '长兴县/雉城街道/明珠社区';
const APPLICANT = {
  kind: 'person' as const,
  name: '张晓明',
  idType: 'resident' as const,
  idNumber: residentId('19850312', '123'),
  address: '长兴县雉城街道明珠路 1 号',
  phone: '13905721234',
};
const RESPONDENT = {
  kind: 'person' as const,
  name: '李建华',
  idType: 'resident' as const,
  idNumber: residentId('19900101', '246'),
  address: '长兴县画溪街道',
  phone: '13905725678',
};

async function arrange(baseURL: string) {
  const admin = await initialise(baseURL);
  const coord = await userToken(baseURL, admin, COORD, ['mediation']);
  const clerk = await userToken(baseURL, admin, CLERK, ['clerk']);
  const village = await api(
    baseURL,
    'mediation.saveOrg',
    { name: '明珠社区人民调解委员会', kind: 'people', level: 'village', region: REGION, activeFrom: '2026-01-01' },
    coord,
  );
  const town = await api(
    baseURL,
    'mediation.saveOrg',
    { name: '雉城街道人民调解委员会', kind: 'people', level: 'town', region: '长兴县/雉城街道', activeFrom: '2026-01-01' },
    coord,
  );
  await api(
    baseURL,
    'mediation.saveMediator',
    { name: '陈村调', kind: 'invited', orgId: village.id, capacity: 5, activeFrom: '2026-01-01' },
    coord,
  );
  await api(
    baseURL,
    'mediation.saveMediator',
    { name: '吴镇调', kind: 'invited', orgId: town.id, fields: ['合同纠纷'], capacity: 5, activeFrom: '2026-01-01' },
    coord,
  );
  const registered = await api(
    baseURL,
    'cases.file',
    {
      caseType: '调登',
      receivedOn: courtToday(),
      parties: [
        { role: '申请人', party: APPLICANT },
        { role: '被申请人', party: RESPONDENT },
      ],
      cause: { revision: '2025', no: '108.3' },
      amountFen: 5_000_000,
      claims: '请求被申请人归还借款 5 万元',
      materials: ['调解申请书'],
    },
    clerk,
  );
  return { admin, coord, clerk, registered };
}

async function openDelegatedByApi(baseURL: string, t: Awaited<ReturnType<typeof arrange>>) {
  return api(
    baseURL,
    'mediation.open',
    {
      caseId: t.registered.id,
      flow: 'delegated',
      region: REGION,
      consents: [{ partyId: t.registered.parties[0]!.party.id, answer: 'agree', on: courtToday() }],
    },
    t.coord,
  );
}

async function pressButton(page: Page, name: string) {
  // a dialog that just closed hands the focus back to its opener: wait until it is gone
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const b = page.getByRole('button', { name, exact: true });
  await b.focus();
  await expect(b).toBeFocused();
  await page.keyboard.press('Enter');
}

test('intake → receipt → route → accept → agreement → hand-off to confirmation, by keyboard', async ({ page, baseURL }, testInfo) => {
  const t = await arrange(baseURL!);
  await page.goto('/');
  await login(page, COORD.username, COORD.password);
  await expect(page.getByTestId('mediation-warnings')).toBeVisible();
  await page.goto('/#/mediation/new');
  // intake: the 登记号 typed (or scanned) into the focused field
  const lookup = page.getByLabel('案号、登记号或案件码');
  await expect(lookup).toBeFocused();
  await page.keyboard.type(t.registered.number);
  await page.keyboard.press('Enter');
  await expect(page.getByText('申请人 张晓明；被申请人 李建华')).toBeVisible();
  await page.getByLabel('当事人意见 1').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByLabel('当事人所在区域').focus();
  await page.keyboard.type(REGION);
  await snap(page, testInfo, '1-intake');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/mediation\/\d+$/);
  await expect(page.getByTestId('mediation-status')).toHaveText('待分派');
  // receipt with the case code
  await page.getByRole('link', { name: '收案回执' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('receipt-number')).toHaveText(t.registered.number);
  await snap(page, testInfo, '2-receipt');
  await page.goBack();
  // route: the ranked recommendation with reasons; the first is preselected
  await pressButton(page, '指派调解员');
  const dialog = page.getByRole('dialog', { name: '指派调解员' });
  await expect(dialog).toContainText('擅长领域“合同纠纷”与案由相符');
  await snap(page, testInfo, '3-route');
  await dialog.getByLabel('超出承办上限的理由').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('mediation-status')).toHaveText('待调解员接受');
  // accept: signing for the materials today starts the 30 days
  await pressButton(page, '调解员答复');
  await expect(page.getByRole('dialog', { name: '调解员答复' }).getByLabel('签收或答复日期')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('mediation-status')).toHaveText('调解中');
  // agreement, sent on to judicial confirmation
  await pressButton(page, '达成协议');
  const terms = page.getByRole('dialog', { name: '记录调解协议' }).getByLabel('协议条款（每行一项）');
  await expect(terms).toBeFocused();
  await page.keyboard.type('李建华于 2026 年 12 月 31 日前归还张晓明借款 50,000 元');
  await page.keyboard.press('Enter');
  await page.keyboard.type('双方再无其他争议');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('mediation-status')).toHaveText('已结案');
  await expect(page.getByText('申请司法确认').first()).toBeVisible();
  await expect(page.getByTestId('agreement-terms')).toContainText('双方再无其他争议');
  await snap(page, testInfo, '4-agreement');
});

test('a failed 委派 converts to 民初 with the next 案号', async ({ page, baseURL }, testInfo) => {
  const t = await arrange(baseURL!);
  const year = courtToday().slice(0, 4);
  const first = await api(
    baseURL!,
    'cases.file',
    {
      caseType: '民初',
      receivedOn: courtToday(),
      parties: [
        { role: '原告', party: APPLICANT },
        { role: '被告', party: RESPONDENT },
      ],
      cause: { revision: '2025', no: '108.3' },
      amountFen: 100_000,
      claims: '归还借款',
      materials: [],
    },
    t.clerk,
  );
  expect(first.number).toBe(`（${year}）浙0522民初1号`);
  const m = await openDelegatedByApi(baseURL!, t);
  const meds = await api(baseURL!, 'mediation.listMediators', {}, t.coord);
  await api(baseURL!, 'mediation.assign', { mediationId: m.id, mediatorId: meds[0]!.id, how: 'appointed' }, t.coord);
  await api(baseURL!, 'mediation.respond', { mediationId: m.id, accept: true, on: courtToday() }, t.coord);
  await page.goto('/');
  await login(page, COORD.username, COORD.password);
  await expect(page.getByTestId('mediation-warnings')).toBeVisible();
  await page.goto(`/#/mediation/${m.id}`);
  await pressButton(page, '调解不成');
  await expect(page.getByRole('dialog', { name: '记录调解不成' }).getByLabel('调解终结日期')).toBeFocused();
  await snap(page, testInfo, '5-failure');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('mediation-status')).toHaveText('已转立案');
  await expect(page.getByRole('link', { name: `（${year}）浙0522民初2号` })).toBeVisible();
  await snap(page, testInfo, '6-converted');
});

test('an acceptance limit turns overdue on a later clock and shows on the coordinator’s home page', async ({
  page,
  baseURL,
  host,
}, testInfo) => {
  const t = await arrange(baseURL!);
  const m = await openDelegatedByApi(baseURL!, t);
  const meds = await api(baseURL!, 'mediation.listMediators', {}, t.coord);
  const assigned = await api(baseURL!, 'mediation.assign', { mediationId: m.id, mediatorId: meds[0]!.id, how: 'appointed' }, t.coord);
  const due = assigned.limits.acceptDue!;
  const later = new Date(`${due}T12:00:00Z`);
  later.setUTCDate(later.getUTCDate() + 3);
  await host.restart({ clock: `${later.toISOString().slice(0, 10)}T09:00:00+08:00` });
  await page.goto('/');
  await login(page, COORD.username, COORD.password);
  const card = page.getByTestId('mediation-warnings');
  await expect(card).toContainText(t.registered.number);
  await expect(card).toContainText('已超期·已升级');
  await expect(card).toContainText('接受期限');
  await snap(page, testInfo, '7-overdue');
});

// Marked fixme at the end of the session that merged the registers: it failed in the first full run after the
// merges (selectors and flows changed by the corrections, throttling and receipt work); to repair next, see the issue notes.
test('the progress page shows the stage and no ID number', async ({ page, baseURL }, testInfo) => {
  const t = await arrange(baseURL!);
  await openDelegatedByApi(baseURL!, t);
  await page.goto('/#/progress');
  await expect(page.getByLabel('案件码（扫描回执上的二维码或输入）')).toBeFocused();
  await page.keyboard.type(t.registered.code);
  await page.keyboard.press('Tab');
  await page.keyboard.type('1234');
  await page.keyboard.press('Enter');
  const progress = page.getByTestId('progress');
  await expect(progress).toContainText('待分派');
  await expect(progress).toContainText('诉讼服务中心指派调解员');
  const text = await page.locator('body').innerText();
  expect(text).not.toContain(APPLICANT.idNumber);
  expect(text).not.toContain(APPLICANT.name);
  expect(text).not.toContain(APPLICANT.phone);
  await snap(page, testInfo, '8-progress');
});

test('the coordinator’s subsidy statement for the month, exported to Excel; the dated settings page', async ({
  page,
  baseURL,
}, testInfo) => {
  const t = await arrange(baseURL!);
  const m = await openDelegatedByApi(baseURL!, t);
  const meds = await api(baseURL!, 'mediation.listMediators', {}, t.coord);
  const chen = meds.find((x) => x.name === '陈村调')!;
  await api(baseURL!, 'mediation.assign', { mediationId: m.id, mediatorId: chen.id, how: 'appointed' }, t.coord);
  await api(baseURL!, 'mediation.respond', { mediationId: m.id, accept: true, on: courtToday() }, t.coord);
  await api(
    baseURL!,
    'mediation.recordAgreement',
    { mediationId: m.id, terms: ['李建华归还借款'], signedOn: courtToday(), signatories: ['张晓明', '李建华'], closing: 'performed' },
    t.coord,
  );
  await page.goto('/');
  await login(page, COORD.username, COORD.password);
  await page.goto('/#/mediation/subsidies');
  const month = page.getByLabel('月份');
  await month.click();
  await month.fill(courtToday().slice(0, 7));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('subsidy-total')).toContainText('结案 1 件，补贴合计 600.00 元');
  await expect(page.getByRole('cell', { name: '明珠社区人民调解委员会' }).first()).toBeVisible();
  await snap(page, testInfo, '9-subsidies');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  expect((await download).suggestedFilename()).toBe(`浙江省长兴县人民法院调解补贴月报-${courtToday().slice(0, 7)}.xlsx`);

  await page.goto('/#/mediation/settings');
  const assign = page.getByLabel('分派期限（工作日）');
  await expect(assign).toHaveValue('3');
  await assign.fill('2');
  await page
    .getByRole('button', { name: '保 存' })
    .or(page.getByRole('button', { name: '保存', exact: true }))
    .click();
  await expect(page.getByText(/已保存，自 \d{4}-\d{2}-\d{2} 起施行/)).toBeVisible();
  await expect(page.getByRole('cell', { name: '2 / 3 / 3' })).toBeVisible();
  await snap(page, testInfo, '10-settings');
});
