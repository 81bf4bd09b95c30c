import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { InputOf, OutputOf } from '../core/api/contract';
import type { Operations } from '../core/api/operations';
import { residentIdCheckChar, usccCheckChar } from '../core/parties/identity';
import { api, initialise } from './api';

/** Helpers for the counter-filing specs: a clerk, seeded cases, IDs with correct check characters, keyboard moves. */

export const CLERK = { username: 'lian01', displayName: '王立案', password: 'Window2026a' } as const;

/** Creates a user with these roles through the API and logs them in; returns their token. */
export async function userToken(
  baseURL: string,
  adminToken: string,
  user: { username: string; displayName: string; password: string },
  roles: InputOf<Operations['users.create']>['roles'],
): Promise<string> {
  await api(baseURL, 'users.create', { ...user, roles }, adminToken);
  return (await api(baseURL, 'auth.login', { username: user.username, password: user.password })).token;
}

/** First-run setup and a clerk, through the API; returns both tokens. */
export async function setUpCounter(baseURL: string): Promise<{ adminToken: string; clerkToken: string }> {
  const adminToken = await initialise(baseURL);
  return { adminToken, clerkToken: await userToken(baseURL, adminToken, CLERK, ['clerk']) };
}

/** A resident ID for a division, birth date (YYYYMMDD) and 3-digit sequence, with its check character. */
export function residentId(birth: string, seq: string, division = '330522'): string {
  const first17 = `${division}${birth}${seq}`;
  return first17 + residentIdCheckChar(first17);
}

export function uscc(first17: string): string {
  return first17 + usccCheckChar(first17);
}

/** Today in Asia/Shanghai (the host's court date). */
export function courtToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

export async function caseCount(baseURL: string, token: string): Promise<number> {
  return (await api(baseURL, 'cases.recent', { limit: 100 }, token)).length;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '建华',
  '志强',
  '海燕',
  '晓东',
];
const CAUSES = [
  '民间借贷纠纷',
  '买卖合同纠纷',
  '物业服务合同纠纷',
  '信用卡纠纷',
  '金融借款合同纠纷',
  '机动车交通事故责任纠纷',
  '劳务合同纠纷',
  '房屋租赁合同纠纷',
];

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `court seed --data DIR --cases N --seed S`: demo cases of every type, 2021 to today, written beside the running host. */
export async function seedWithCli(dataDir: string, cases: number, seed = 7): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    ['scripts/court.mjs', 'seed', '--data', dataDir, '--cases', String(cases), '--seed', String(seed)],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'test' },
    },
  );
}

/** A small deterministic generator (mulberry32), so seeded data is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Files `n` 民初 cases through the API with Chinese names, valid IDs, causes and amounts. Every 10th case
 * has the plaintiff 张三 (a two-character name) with one ID, so the name search has something to find.
 */
export async function seedCases(baseURL: string, token: string, n: number, seed = 7): Promise<void> {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const person = (i: number) => {
    const birth = `${1960 + Math.floor(rnd() * 40)}${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    return {
      kind: 'person' as const,
      name: pick(SURNAMES) + pick(GIVEN) + (rnd() < 0.5 ? pick(GIVEN).slice(0, 1) : ''),
      idType: 'resident' as const,
      idNumber: residentId(birth, String(100 + (i % 899)).padStart(3, '0')),
      phone: `13${Math.floor(100000000 + rnd() * 899999999)}`,
      address: `浙江省长兴县雉城街道${1 + Math.floor(rnd() * 300)}号`,
    };
  };
  for (let i = 0; i < n; i++) {
    const plaintiff =
      i % 10 === 3
        ? { kind: 'person' as const, name: '张三', idType: 'resident' as const, idNumber: residentId('19850612', '031') }
        : person(2 * i);
    await fileCivilCase(baseURL, token, {
      plaintiff,
      defendant: person(2 * i + 1),
      cause: pick(CAUSES),
      amountFen: Math.floor(rnd() * 50_000_000),
      claims: '判令被告支付欠款及利息',
      materials: ['起诉状'],
    });
  }
}

type Party = InputOf<Operations['cases.file']>['parties'][number]['party'];

/** Files a 民初 case received today, plaintiff against defendant, through the API. */
export async function fileCivilCase(
  baseURL: string,
  token: string,
  c: { plaintiff: Party; defendant: Party; cause: string; amountFen: number; claims: string; materials: string[] },
): Promise<OutputOf<Operations['cases.file']>> {
  return api(
    baseURL,
    'cases.file',
    {
      caseType: '民初',
      receivedOn: courtToday(),
      parties: [
        { role: '原告', party: c.plaintiff },
        { role: '被告', party: c.defendant },
      ],
      cause: { text: c.cause },
      amountFen: c.amountFen,
      claims: c.claims,
      materials: c.materials,
    },
    token,
  );
}

/** Presses Tab until `target` has the focus (the keyboard path to a field), failing after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab did not reach ${target.toString()} within ${max} presses`);
}

/** The group of one party row on the filing form: 当事人 1, 当事人 2 … */
export function partyCard(page: Page, n: number): Locator {
  return page.getByRole('group', { name: `当事人 ${n}`, exact: true });
}

/** The error under a labelled field inside a scope (a party card, the page). */
export function errorOf(scope: Page | Locator, label: string): Locator {
  const page = 'page' in scope ? scope.page() : scope;
  // an error being replaced fades out for a moment: only the one that stays counts
  return scope
    .locator('.ant-form-item')
    .filter({ has: page.getByLabel(label, { exact: true }) })
    .locator('.ant-form-item-explain-error:not([class*="-leave"])');
}

export async function expectFocused(locator: Locator): Promise<void> {
  await expect(locator).toBeFocused();
}

/** The first visible option of an open antd Select dropdown whose text contains `text`. */
export function dropdownOption(page: Page, text: string): Locator {
  return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first();
}

/**
 * Types text as a clerk does: Latin letters and digits key by key, Chinese as an input method commits it
 * (one insertText per run of Chinese, which is what the page receives from an IME).
 */
export async function typeText(page: Page, text: string): Promise<void> {
  for (const run of text.match(/[\x20-\x7e]+|[^\x20-\x7e]+/g) ?? []) {
    if (/^[\x20-\x7e]+$/.test(run)) await page.keyboard.type(run);
    else await page.keyboard.insertText(run);
  }
}

/** A full-page screenshot with the filing form's sticky save bar in its place at the end (not mid-page). */
export async function snapPage(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({
    path: testInfo.outputPath(`${name}.png`),
    fullPage: true,
    style: '.filing-actions { position: static !important; }',
  });
}
