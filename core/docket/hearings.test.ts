import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, createHarness, setUpCourt, userToken, type Harness } from '../../test/harness';
import { COMPANY, fileCivil, LI_SI, ZHANG_SAN } from '../../test/fixtures';
import { expectInOrder, PDFTOTEXT, pdfText } from '../../test/pdf';

/**
 * Hearings of docket cases: the courtroom and the judge are never double-booked (the refusal names the field and
 * the case already there, and writes nothing), serial cases are heard in one session, a postponement is kept with
 * its reason and counted, the judge sees today's and this week's hearings, and the summons comes from the record.
 */

let h: Harness;
let admin: string;
let clerk: string;
let judge: { token: string; id: number };

beforeEach(async () => {
  // Monday 2026-11-23
  h = createHarness({ start: '2026-11-23T09:00:00+08:00' });
  admin = await setUpCourt(h);
  clerk = await userToken(h, admin, 'clerk1', '李书记', ['clerk']);
  const token = await userToken(h, admin, 'judge1', '陈法官', ['judge']);
  judge = { token, id: (await h.call('auth.me', undefined as never, token)).user.id };
  await h.call(
    'docket.setWageFigure',
    { wageYear: 2025, amountFen: 10_000_000, publishedOn: '2026-05-20', source: '浙江省高级人民法院关于2025年度就业人员年平均工资的通知' },
    admin,
  );
});
afterEach(() => h.close());

async function docketCase(overrides: Record<string, unknown> = {}) {
  const c = await fileCivil(h, clerk, { amountFen: 1_000_000, ...overrides });
  await h.call('docket.triage', { caseId: c.id }, clerk);
  return c;
}

describe('docket: hearings', () => {
  it('refuses a courtroom or a judge booked at an overlapping time, naming the field; nothing is written', async () => {
    const a = await docketCase();
    const b = await docketCase({
      parties: [
        { role: '原告', party: LI_SI },
        { role: '被告', party: ZHANG_SAN },
      ],
    });
    const first = await h.call(
      'docket.scheduleHearing',
      { caseIds: [a.id], courtroom: '第三审判庭', startsAt: '2026-11-25 09:00', minutes: 60 },
      judge.token,
    );
    expect(first.hearings[0]).toMatchObject({
      caseId: a.id,
      courtroom: '第三审判庭',
      startsAt: '2026-11-25T09:00:00+08:00',
      endsAt: '2026-11-25T10:00:00+08:00',
      status: 'scheduled',
    });
    const before = countRows(h.core, 'docket_hearings');
    const room = await h.fail(
      'docket.scheduleHearing',
      { caseIds: [b.id], courtroom: '第三审判庭', startsAt: '2026-11-25 09:30', minutes: 30 },
      judge.token,
    );
    expect(room).toMatchObject({ code: 'VALIDATION', field: 'courtroom' });
    expect(room.message).toContain(a.number);
    expect(room.message).toContain('第三审判庭');
    // another room, same judge, same time
    const busy = await h.fail(
      'docket.scheduleHearing',
      { caseIds: [b.id], courtroom: '第一审判庭', startsAt: '2026-11-25 09:59', minutes: 30 },
      judge.token,
    );
    expect(busy).toMatchObject({ field: 'startsAt' });
    expect(busy.message).toContain('承办法官 陈法官');
    expect(countRows(h.core, 'docket_hearings')).toBe(before);
    // back to back is fine: the first ends at 10:00
    const next = await h.call(
      'docket.scheduleHearing',
      { caseIds: [b.id], courtroom: '第三审判庭', startsAt: '2026-11-25 10:00', minutes: 30 },
      judge.token,
    );
    expect(next.hearings).toHaveLength(1);
  });

  it('refuses a past time, a holiday, and a second hearing for a case already scheduled', async () => {
    const a = await docketCase();
    expect(
      (
        await h.fail(
          'docket.scheduleHearing',
          { caseIds: [a.id], courtroom: '第三审判庭', startsAt: '2026-11-23 08:00', minutes: 30 },
          judge.token,
        )
      ).field,
    ).toBe('startsAt');
    const sunday = await h.fail(
      'docket.scheduleHearing',
      { caseIds: [a.id], courtroom: '第三审判庭', startsAt: '2026-11-29 09:00', minutes: 30 },
      judge.token,
    );
    expect(sunday).toMatchObject({ field: 'startsAt' });
    expect(sunday.message).toContain('休息日');
    const newYear = await h.fail(
      'docket.scheduleHearing',
      { caseIds: [a.id], courtroom: '第三审判庭', startsAt: '2027-01-01 09:00', minutes: 30 },
      judge.token,
    );
    expect(newYear.message).toContain('元旦');
    expect(
      (
        await h.fail(
          'docket.scheduleHearing',
          { caseIds: [a.id], courtroom: '第三审判庭', startsAt: '2026-11-25 9:00', minutes: 30 },
          judge.token,
        )
      ).field,
    ).toBe('startsAt');
    await h.call(
      'docket.scheduleHearing',
      { caseIds: [a.id], courtroom: '第三审判庭', startsAt: '2026-11-25 09:00', minutes: 30 },
      judge.token,
    );
    const again = await h.fail(
      'docket.scheduleHearing',
      { caseIds: [a.id], courtroom: '第一审判庭', startsAt: '2026-11-26 09:00', minutes: 30 },
      judge.token,
    );
    expect(again).toMatchObject({ field: 'caseIds' });
    expect(again.message).toContain('延期');
  });

  it('hears serial cases (same plaintiff, same cause) in one session; other cases cannot join it', async () => {
    const s1 = await docketCase({
      parties: [
        { role: '原告', party: COMPANY },
        { role: '被告', party: LI_SI },
      ],
    });
    const s2 = await docketCase({
      parties: [
        { role: '原告', party: COMPANY },
        { role: '被告', party: ZHANG_SAN },
      ],
    });
    const other = await docketCase();
    const mixed = await h.fail(
      'docket.scheduleHearing',
      { caseIds: [s1.id, other.id], courtroom: '第三审判庭', startsAt: '2026-11-26 14:00', minutes: 90 },
      judge.token,
    );
    expect(mixed).toMatchObject({ field: 'caseIds' });
    expect(mixed.message).toContain('系列案件');
    const session = await h.call(
      'docket.scheduleHearing',
      { caseIds: [s1.id, s2.id], courtroom: '第三审判庭', startsAt: '2026-11-26 14:00', minutes: 90 },
      judge.token,
    );
    expect(session.hearings.map((x) => x.caseId)).toEqual([s1.id, s2.id]);
    expect(new Set(session.hearings.map((x) => x.batch)).size).toBe(1);
    // the session is postponed as a whole, and counted on each case
    const moved = await h.call(
      'docket.postponeHearing',
      { hearingId: session.hearings[0]!.id, reason: '被告申请延期举证', startsAt: '2026-12-03 14:00' },
      judge.token,
    );
    expect(moved.hearings.map((x) => x.caseId)).toEqual([s1.id, s2.id]);
    expect(moved.hearings[0]!.endsAt).toBe('2026-12-03T15:30:00+08:00');
    const v = await h.call('docket.case', { caseId: s2.id }, judge.token);
    expect(v!.postponements).toBe(1);
    expect(v!.hearings.map((x) => [x.status, x.postponeReason])).toEqual([
      ['postponed', '被告申请延期举证'],
      ['scheduled', null],
    ]);
  });

  it('postponements are counted with their reasons; the judge sees today’s and this week’s hearings', async () => {
    const a = await docketCase();
    const b = await docketCase({
      parties: [
        { role: '原告', party: LI_SI },
        { role: '被告', party: ZHANG_SAN },
      ],
    });
    const s = await h.call(
      'docket.scheduleHearing',
      { caseIds: [a.id], courtroom: '第三审判庭', startsAt: '2026-11-23 15:00', minutes: 30 },
      judge.token,
    );
    const p1 = await h.call(
      'docket.postponeHearing',
      { hearingId: s.hearings[0]!.id, reason: '原告代理人生病', startsAt: '2026-11-27 09:00' },
      judge.token,
    );
    await h.call(
      'docket.postponeHearing',
      { hearingId: p1.hearings[0]!.id, reason: '被告提出管辖异议', startsAt: '2026-11-23 16:00' },
      judge.token,
    );
    await h.call(
      'docket.scheduleHearing',
      { caseIds: [b.id], courtroom: '第一审判庭', startsAt: '2026-11-26 09:00', minutes: 30 },
      judge.token,
    );
    const v = await h.call('docket.case', { caseId: a.id }, judge.token);
    expect(v!.postponements).toBe(2);
    const mine = await h.call('docket.myHearings', undefined as never, judge.token);
    expect(mine.todays.map((x) => x.caseId)).toEqual([a.id]);
    expect(mine.week.map((x) => x.caseId)).toEqual([a.id, b.id]);
    expect(mine.weekEnds).toBe('2026-11-29');
    const cal = await h.call('docket.hearings', { from: '2026-11-23', to: '2026-11-30', courtroom: '第一审判庭' }, clerk);
    expect(cal.hearings.map((x) => x.caseId)).toEqual([b.id]);
    // postponing needs a reason (the field is named)
    expect((await h.fail('docket.postponeHearing', { hearingId: 1, reason: ' ' }, judge.token)).field).toBe('reason');
  });

  it('only the handling judge schedules; another judge is refused', async () => {
    const a = await docketCase();
    const other = await userToken(h, admin, 'judge2', '林法官', ['judge']);
    // the only judge when triaged was judge1
    expect(
      (
        await h.fail(
          'docket.scheduleHearing',
          { caseIds: [a.id], courtroom: '第三审判庭', startsAt: '2026-11-25 09:00', minutes: 30 },
          other,
        )
      ).code,
    ).toBe('FORBIDDEN');
  });

  it.skipIf(!PDFTOTEXT)('the summons has one page per party with the time, the place and what happens if they stay away', async () => {
    const a = await docketCase();
    const s = await h.call(
      'docket.scheduleHearing',
      { caseIds: [a.id], courtroom: '第三审判庭', startsAt: '2026-11-25 09:30', minutes: 60 },
      judge.token,
    );
    const { document, base64 } = await h.call(
      'documents.generate',
      { caseId: a.id, templateId: 'docket-summons', format: 'pdf', subjectKind: 'hearing', subjectId: s.hearings[0]!.id },
      judge.token,
    );
    expect(document).toMatchObject({ title: '传票', pageCount: 2 });
    expectInOrder(pdfText(base64), [
      '传　　票',
      a.number,
      '民间借贷纠纷',
      '张三（原告）',
      '2026年11月25日9时30分',
      '第三审判庭',
      '按撤诉处理',
      '审判员 陈法官',
      '李四（被告）',
      '缺席判决',
    ]);
    if (process.env.DOCKET_PDF_OUT) (await import('node:fs')).writeFileSync(process.env.DOCKET_PDF_OUT, Buffer.from(base64, 'base64'));
    // a hearing of another case is refused, naming the field
    const b = await docketCase({
      parties: [
        { role: '原告', party: LI_SI },
        { role: '被告', party: ZHANG_SAN },
      ],
    });
    const wrong = await h.fail(
      'documents.generate',
      { caseId: b.id, templateId: 'docket-summons', format: 'pdf', subjectKind: 'hearing', subjectId: s.hearings[0]!.id },
      judge.token,
    );
    expect(wrong.field).toBe('subjectId');
  });
});
