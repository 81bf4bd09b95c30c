import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultMigrationsFolder } from '../../db/connection';
import { createHarness, setUpCourt, userToken, type Harness } from '../../test/harness';
import { fileCivil } from '../../test/fixtures';
import { addCalendarDays } from '../calendar/calendar';
import { docketCaseView } from './service';
import { migrationSql, rebuildOpenDues, recountOpenDues } from './openDues';
import { centreFigures, openDocket } from './views';
import { WARNING_RANK, type WarningTier } from './trialPeriod';

// The desk and the centre count tiers from counters kept by triggers and read the most urgent rows from an index
// on the stored due date; only rows with an open-ended suspension are computed in full. A judge who trusts the
// desk must see exactly what the full 审限 computation (docketCaseView: procedure, filing date, every suspension,
// approved extensions, holidays) gives, on any later day: the same rows, in the same order, with the same counts.

let h: Harness;
let admin: string;
let clerk: string;
let approver: string;
const judges = new Map<number, string>();

beforeEach(async () => {
  h = createHarness({ start: '2026-11-23T09:00:00+08:00' });
  admin = await setUpCourt(h);
  clerk = await userToken(h, admin, 'clerk1', '李书记', ['clerk']);
  approver = await userToken(h, admin, 'boss', '周院长', ['approver']);
  for (const [u, n] of [
    ['judge1', '陈法官'],
    ['judge2', '林法官'],
    ['judge3', '王法官'],
  ] as const) {
    const token = await userToken(h, admin, u, n, ['judge']);
    judges.set((await h.call('auth.me', undefined as never, token)).user.id, token);
  }
  await h.call(
    'docket.setWageFigure',
    { wageYear: 2025, amountFen: 10_000_000, publishedOn: '2026-05-20', source: '浙江省高级人民法院关于2025年度就业人员年平均工资的通知' },
    admin,
  );
});
afterEach(() => h.close());

/** What the full computation gives for every open docket case of a judge (or all) on `on`, most urgent first. */
function reference(on: string, judgeId: number | null) {
  const ids = (
    h.core.sqlite.prepare(`SELECT case_id AS id, judge_id AS j FROM docket_cases WHERE status = 'open'`).all() as {
      id: number;
      j: number;
    }[]
  )
    .filter((r) => judgeId === null || r.j === judgeId)
    .map((r) => r.id);
  const rows = ids.map((id) => {
    const p = docketCaseView(h.core.db, id, on).period!;
    return { caseId: id, due: p.due, daysLeft: p.daysLeft, tier: p.tier as WarningTier, suspendedNow: p.suspendedNow };
  });
  rows.sort((a, b) => WARNING_RANK[b.tier] - WARNING_RANK[a.tier] || a.daysLeft - b.daysLeft || a.caseId - b.caseId);
  const n = (t: WarningTier) => rows.filter((r) => r.tier === t).length;
  return { rows, counts: { overdue: n('overdue'), fiveDays: n('five-days'), thirtyDays: n('thirty-days'), twoThirds: n('two-thirds') } };
}

function expectDeskMatches(on: string) {
  for (const judgeId of [null, ...judges.keys()]) {
    const ref = reference(on, judgeId);
    const desk = openDocket(h.core.db, on, judgeId);
    const label = `${on}, judge ${judgeId}`;
    expect(desk.total, label).toBe(ref.rows.length);
    expect(desk.counts, label).toEqual(ref.counts);
    expect(
      desk.rows.map((r) => ({ caseId: r.caseId, due: r.due, daysLeft: r.daysLeft, tier: r.tier, suspendedNow: r.suspendedNow })),
      label,
    ).toEqual(ref.rows);
    // a short first page is the head of the same order
    expect(
      openDocket(h.core.db, on, judgeId, 4).rows.map((r) => r.caseId),
      label,
    ).toEqual(ref.rows.slice(0, 4).map((r) => r.caseId));
  }
  const centre = centreFigures(h.core.db, on);
  const all = reference(on, null);
  expect(centre.team.open, on).toBe(all.rows.length);
  expect(centre.team.overdue, on).toBe(all.counts.overdue);
  expect(centre.team.nearLimit, on).toBe(all.counts.fiveDays);
  for (const j of centre.judges) {
    const ref = reference(on, j.judge.id);
    expect({ open: j.open, overdue: j.overdue, nearLimit: j.nearLimit }, `${on} ${j.judge.name}`).toEqual({
      open: ref.rows.length,
      overdue: ref.counts.overdue,
      nearLimit: ref.counts.fiveDays,
    });
  }
}

const handler = (caseId: number) => judges.get(docketCaseView(h.core.db, caseId, '2026-11-23').judge!.id)!;

describe('docket: the counted and indexed desk equals the full trial-period computation', () => {
  it('over filings of half a year with suspensions before, across and inside the period, open-ended ones, extensions, conversions, closings, reassignment and a holiday edit, on days across the next year', async () => {
    const ids: number[] = [];
    // filings from June to today, the three procedures (small claims by amount, simplified and ordinary by decision)
    for (let i = 0; i < 27; i++) {
      const receivedOn = addCalendarDays('2026-06-01', i * 6 + (i % 4));
      const c = await fileCivil(h, clerk, { receivedOn, amountFen: i % 3 === 0 ? 3_000_000 : 40_000_000 });
      const procedure = (['small-claims', 'simplified', 'ordinary'] as const)[i % 3]!;
      await h.call('docket.triage', { caseId: c.id, procedure, ...(i % 3 === 0 ? {} : { reason: '案情需要' }) }, clerk);
      ids.push(c.id);
    }
    const [a, b, c, d, e, f, g, k, m, n, p] = ids as [number, ...number[]] as number[];
    // suspensions: ended inside the period, across today, ahead of today with its end recorded, open-ended
    await h.call('docket.suspend', { caseId: a!, kind: 'appraisal', from: '2026-06-10', to: '2026-07-20' }, handler(a!));
    await h.call('docket.suspend', { caseId: b!, kind: 'public-notice', from: '2026-10-01', to: '2026-12-10' }, handler(b!));
    await h.call('docket.suspend', { caseId: c!, kind: 'settlement', from: '2026-12-05', to: '2026-12-20' }, handler(c!));
    const open = await h.call('docket.suspend', { caseId: d!, kind: 'jurisdiction', from: '2026-11-01' }, handler(d!));
    await h.call('docket.suspend', { caseId: e!, kind: 'mediation-extension', from: '2026-11-20' }, handler(e!));
    // an open-ended suspension ended later, and two on one case
    await h.call('docket.endSuspension', { suspensionId: open.suspensions[0]!.id, to: '2026-11-21' }, handler(d!));
    await h.call('docket.suspend', { caseId: f!, kind: 'appraisal', from: '2026-09-01', to: '2026-09-30' }, handler(f!));
    await h.call('docket.suspend', { caseId: f!, kind: 'appraisal', from: '2026-11-15' }, handler(f!));
    // extensions: one approved, one pending, one refused
    for (const [id, approve] of [
      [g!, true],
      [k!, null],
      [m!, false],
    ] as const) {
      const req = await h.call('docket.requestExtension', { caseId: id, months: 1, reason: '需补充证据' }, handler(id));
      if (approve !== null) await h.call('docket.decideExtension', { extensionId: req.extensions[0]!.id, approve }, approver);
    }
    // conversions keep the filing date (解释 art. 258)
    await h.call('docket.convert', { caseId: ids[0]!, to: 'simplified', reason: '案情复杂' }, handler(ids[0]!));
    await h.call('docket.convert', { caseId: ids[4]!, to: 'ordinary', reason: '需要追加当事人' }, handler(ids[4]!));
    // a reassignment moves a case between judges' counts; a closing takes one off the docket
    const other = [...judges.keys()].find((j) => j !== docketCaseView(h.core.db, n!, '2026-11-23').judge!.id)!;
    await h.call('docket.assign', { caseId: n!, judgeId: other, reason: '承办法官回避' }, clerk);
    h.core.sqlite
      .prepare(`UPDATE docket_cases SET status = 'closed', closed_on = '2026-11-20', close_method = 'withdrawal' WHERE case_id = ?`)
      .run(p!);
    // the State Council's notice moves days of 2027: every due date falling then is recomputed (in the edit's transaction)
    await h.call(
      'calendar.updateYear',
      {
        year: 2027,
        notice: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
        holidays: [
          { name: '元旦', days: ['2027-01-01', '2027-01-02', '2027-01-03'] },
          { name: '春节', days: ['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'] },
        ],
        workdays: [],
      },
      admin,
    );

    expect(h.core.sqlite.prepare(`SELECT * FROM docket_open_dues ORDER BY 1, 2, 3`).all()).toEqual(recountOpenDues(h.core.sqlite));
    for (const on of [
      '2026-11-23',
      '2026-11-30',
      '2026-12-08',
      '2026-12-21',
      '2027-01-04',
      '2027-02-01',
      '2027-02-15',
      '2027-03-20',
      '2027-06-01',
    ])
      expectDeskMatches(on);
  });
});

describe('docket: the open-due counters', () => {
  it('equal a recount after inserts, due-date changes, suspensions, reassignment, closing and deletion of docket rows', async () => {
    const c1 = await fileCivil(h, clerk, { receivedOn: '2026-09-01', amountFen: 3_000_000 });
    const c2 = await fileCivil(h, clerk, { receivedOn: '2026-10-01', amountFen: 40_000_000 });
    await h.call('docket.triage', { caseId: c1.id }, clerk);
    await h.call('docket.triage', { caseId: c2.id }, clerk);
    const snap = () => h.core.sqlite.prepare(`SELECT * FROM docket_open_dues ORDER BY 1, 2, 3`).all();
    expect(snap()).toEqual(recountOpenDues(h.core.sqlite));
    expect(snap()).toHaveLength(2);
    const run = (sqlText: string, ...args: unknown[]) => {
      h.core.sqlite.prepare(sqlText).run(...args);
      expect(snap(), sqlText).toEqual(recountOpenDues(h.core.sqlite));
    };
    run(`UPDATE docket_cases SET due_on = '2026-12-31' WHERE case_id = ?`, c1.id);
    run(`UPDATE docket_cases SET suspended_until = '9999-12-31' WHERE case_id = ?`, c1.id);
    run(`UPDATE docket_cases SET suspended_until = '2026-12-01' WHERE case_id = ?`, c1.id);
    run(`UPDATE docket_cases SET judge_id = NULL WHERE case_id = ?`, c2.id);
    run(`UPDATE docket_cases SET filed_on = '2026-10-02', due_on = '2026-12-31' WHERE case_id = ?`, c2.id);
    run(`UPDATE docket_cases SET status = 'closed' WHERE case_id = ?`, c1.id);
    run(`UPDATE docket_cases SET status = 'open', due_on = NULL WHERE case_id = ?`, c1.id);
    run(`DELETE FROM docket_cases WHERE case_id = ?`, c2.id);
    expect(snap()).toEqual([]);
    // a repair recount gives the same
    run(`UPDATE docket_cases SET due_on = '2027-01-05' WHERE case_id = ?`, c1.id);
    rebuildOpenDues(h.core.sqlite);
    expect(snap()).toEqual([{ judge_id: expect.any(Number), due_on: '2027-01-05', filed_on: '2026-09-01', n: 1 }]);
  });

  it('migration docket_open_dues holds exactly the trigger and recount text of core/docket/openDues.ts', () => {
    const folder = defaultMigrationsFolder();
    const name = fs.readdirSync(folder).find((f) => f.endsWith('_docket_open_dues.sql'))!;
    const file = fs.readFileSync(path.join(folder, name), 'utf8');
    expect(file.trimEnd().endsWith(migrationSql())).toBe(true);
  });
});
