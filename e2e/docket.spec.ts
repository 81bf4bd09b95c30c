import { expect as baseExpect } from '@playwright/test';
import { api, initialise } from './api';
import { courtToday, fileCivilCase, residentId, userToken } from './cases';
import { test } from './fixtures';
import { login } from './ui';

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

test('a 民初 case is triaged to small claims, lands on the judge’s desk, and warns as its trial period runs out', async ({
  page,
  host,
}, testInfo) => {
  test.setTimeout(300_000); // the host restarts once; the shared machine is slow
  const admin = await initialise(host.url);
  const clerk = await userToken(host.url, admin, CLERK, ['clerk']);
  await userToken(host.url, admin, JUDGE, ['judge']);
  const today = courtToday();
  const year = Number(today.slice(0, 4));
  await api(
    host.url,
    'docket.setWageFigure',
    {
      wageYear: year - 1,
      amountFen: 10_000_000,
      publishedOn: `${year}-01-02` > today ? today : `${year}-01-02`,
      source: '浙江省高级人民法院通知',
    },
    admin,
  );
  const filed = await fileCivilCase(host.url, clerk, {
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
  });

  await page.goto(host.url);
  await login(page, CLERK.username, CLERK.password);
  await page.getByRole('menuitem', { name: '程序分流' }).click();
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
