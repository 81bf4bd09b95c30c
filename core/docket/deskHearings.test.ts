import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, setUpCourt, userToken, type Harness } from '../../test/harness';
import { fileCivil } from '../../test/fixtures';
import { DESK_HEARINGS } from './hearings';

// The desk shows the judge's hearings of today and of the rest of the week at a glance: the earliest of each in
// time order, and how many there are in all, so a crowded day never turns the home page into a wait.

let h: Harness;
let judge: string;
let judgeId: number;
let caseId: number;

beforeEach(async () => {
  h = createHarness({ start: '2026-11-25T09:00:00+08:00' }); // a Wednesday
  const admin = await setUpCourt(h);
  const clerk = await userToken(h, admin, 'clerk1', '李书记', ['clerk']);
  judge = await userToken(h, admin, 'judge1', '陈法官', ['judge']);
  judgeId = (await h.call('auth.me', undefined as never, judge)).user.id;
  await h.call(
    'docket.setWageFigure',
    { wageYear: 2025, amountFen: 10_000_000, publishedOn: '2026-05-20', source: '浙江省高级人民法院关于2025年度就业人员年平均工资的通知' },
    admin,
  );
  caseId = (await fileCivil(h, clerk, { amountFen: 4_000_000, receivedOn: '2026-11-25' })).id;
  await h.call('docket.triage', { caseId }, clerk);
});
afterEach(() => h.close());

function hearing(startsAt: string, status = 'scheduled', courtroom = '第一审判庭') {
  h.core.sqlite
    .prepare(
      `INSERT INTO docket_hearings (case_id, judge_id, courtroom, starts_at, ends_at, status, at) VALUES (?, ?, ?, ?, ?, ?, '2026-11-20T09:00:00+08:00')`,
    )
    .run(caseId, judgeId, courtroom, startsAt, startsAt, status);
}

describe('docket: the desk’s hearings', () => {
  it('lists the earliest of today and of the rest of the week, and counts them all (postponed ones and other weeks left out)', async () => {
    const at = (day: string, minute: number) =>
      `${day}T${String(8 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+08:00`;
    // today: DESK_HEARINGS + 30 hearings, latest first in the table; the rest of the week: 3; outside: Monday, next Monday
    for (let i = DESK_HEARINGS + 29; i >= 0; i--) hearing(at('2026-11-25', i * 3), 'scheduled', `第${(i % 3) + 1}法庭`);
    hearing(at('2026-11-25', 5), 'postponed');
    hearing(at('2026-11-27', 0), 'held');
    hearing(at('2026-11-29', 30));
    hearing(at('2026-11-26', 0));
    hearing(at('2026-11-23', 0));
    hearing(at('2026-11-30', 0));
    const mine = await h.call('docket.myHearings', undefined as never, judge);
    expect(mine).toMatchObject({
      today: '2026-11-25',
      weekEnds: '2026-11-29',
      todayTotal: DESK_HEARINGS + 30,
      weekTotal: DESK_HEARINGS + 33,
    });
    expect(mine.todays).toHaveLength(DESK_HEARINGS);
    expect(mine.todays.map((x) => x.startsAt)).toEqual(Array.from({ length: DESK_HEARINGS }, (_, i) => at('2026-11-25', i * 3)));
    expect(mine.week.slice(DESK_HEARINGS).map((x) => x.startsAt)).toEqual([at('2026-11-26', 0), at('2026-11-27', 0), at('2026-11-29', 30)]);
  });
});
