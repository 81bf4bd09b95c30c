import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { databasePath } from '../db/connection';
import { seedFigures } from '../test/figuresSeed';
import { api, initialise } from './api';
import { CLERK, residentId, userToken } from './cases';

/** The fixed court of the figures and guide specs: its date, a hand-counted register, a clerk, two judges. */
export const TODAY = '2026-12-02';
export const PERIOD = 'from=2026-10-01&to=2026-11-30';

/** The court's date and the browser's are fixed, so every run shows the same figures. */
export async function fixedCourt(host: { url: string; dataDir: string; restart(o?: { clock?: string }): Promise<void> }, page: Page) {
  await host.restart({ clock: `${TODAY}T10:00:00+08:00` });
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00+08:00`));
  const admin = await initialise(host.url);
  const clerk = await userToken(host.url, admin, CLERK, ['clerk']);
  await userToken(host.url, admin, { username: 'sucai1', displayName: '李法官', password: 'Court2026ok' }, ['judge']);
  await userToken(host.url, admin, { username: 'sucai2', displayName: '周法官', password: 'Court2026ok' }, ['judge']);
  // the register of core/stats/stats.test.ts, written beside the running host (WAL: the host keeps serving)
  const db = new Database(databasePath(host.dataDir));
  const id = (u: string) => (db.prepare(`SELECT id FROM users WHERE username = ?`).get(u) as { id: number }).id;
  seedFigures(db, id('sucai1'), id('sucai2'));
  db.close();
  // and one case the clerk files today
  const filed = await api(
    host.url,
    'cases.file',
    {
      caseType: '民初',
      receivedOn: TODAY,
      parties: [
        {
          role: '原告',
          party: { kind: 'person', name: '张三', idType: 'resident', idNumber: residentId('19850312', '123'), phone: '13905721234' },
        },
        { role: '被告', party: { kind: 'person', name: '李四', idType: 'resident', idNumber: residentId('19900101', '246') } },
      ],
      cause: { text: '民间借贷纠纷' },
      amountFen: 5_000_000,
      claims: '判令被告归还借款五万元',
      materials: ['起诉状'],
    },
    clerk,
  );
  return { admin, clerk, filed };
}
