import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, createHarness, setUpCourt, USER_PASSWORD, userToken, type Harness } from '../../test/harness';
import { COMPANY, fileCivil, LI_SI, ZHANG_SAN } from '../../test/fixtures';
import { expectInOrder, PDFTOTEXT, pdfText } from '../../test/pdf';
import { unzip } from '../../test/unzip';

const SOFFICE = ['soffice', 'libreoffice'].find((c) => !spawnSync(c, ['--version'], { encoding: 'utf8' }).error);

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

/** a short notice as a judge records it (民诉法 art. 161 para. 2: both parties at court, heard at once) */
const SAME_DAY = '双方当事人同时到庭，请求当即审理，均表示不需要举证期限和答辩期间';

async function at(iso: string) {
  h.clock.set(iso);
  judge.token = (await h.call('auth.login', { username: 'judge1', password: USER_PASSWORD })).token;
  clerk = (await h.call('auth.login', { username: 'clerk1', password: USER_PASSWORD })).token;
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
      { caseIds: [a.id], courtroom: '第三审判庭', startsAt: '2026-11-26 09:00', minutes: 60 },
      judge.token,
    );
    expect(first.hearings[0]).toMatchObject({
      caseId: a.id,
      courtroom: '第三审判庭',
      startsAt: '2026-11-26T09:00:00+08:00',
      endsAt: '2026-11-26T10:00:00+08:00',
      status: 'scheduled',
    });
    const before = countRows(h.core, 'docket_hearings');
    const room = await h.fail(
      'docket.scheduleHearing',
      { caseIds: [b.id], courtroom: '第三审判庭', startsAt: '2026-11-26 09:30', minutes: 30 },
      judge.token,
    );
    expect(room).toMatchObject({ code: 'VALIDATION', field: 'courtroom' });
    expect(room.message).toContain(a.number);
    expect(room.message).toContain('第三审判庭');
    // another room, same judge, same time
    const busy = await h.fail(
      'docket.scheduleHearing',
      { caseIds: [b.id], courtroom: '第一审判庭', startsAt: '2026-11-26 09:59', minutes: 30 },
      judge.token,
    );
    expect(busy).toMatchObject({ field: 'startsAt' });
    expect(busy.message).toContain('承办法官 陈法官');
    expect(countRows(h.core, 'docket_hearings')).toBe(before);
    // back to back is fine: the first ends at 10:00
    const next = await h.call(
      'docket.scheduleHearing',
      { caseIds: [b.id], courtroom: '第三审判庭', startsAt: '2026-11-26 10:00', minutes: 30 },
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
          { caseIds: [a.id], courtroom: '第三审判庭', startsAt: '2026-11-26 9:00', minutes: 30 },
          judge.token,
        )
      ).field,
    ).toBe('startsAt');
    await h.call(
      'docket.scheduleHearing',
      { caseIds: [a.id], courtroom: '第三审判庭', startsAt: '2026-11-26 09:00', minutes: 30 },
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
      { caseIds: [a.id], courtroom: '第三审判庭', startsAt: '2026-11-23 15:00', minutes: 30, shortNoticeReason: SAME_DAY },
      judge.token,
    );
    const p1 = await h.call(
      'docket.postponeHearing',
      { hearingId: s.hearings[0]!.id, reason: '原告代理人生病', startsAt: '2026-11-27 09:00' },
      judge.token,
    );
    await h.call(
      'docket.postponeHearing',
      { hearingId: p1.hearings[0]!.id, reason: '被告提出管辖异议', startsAt: '2026-11-23 16:00', shortNoticeReason: SAME_DAY },
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
          { caseIds: [a.id], courtroom: '第三审判庭', startsAt: '2026-11-26 09:00', minutes: 30 },
          other,
        )
      ).code,
    ).toBe('FORBIDDEN');
  });

  it.skipIf(!PDFTOTEXT)('the summons has one page per party with the time, the place and what happens if they stay away', async () => {
    const a = await docketCase();
    const s = await h.call(
      'docket.scheduleHearing',
      { caseIds: [a.id], courtroom: '第三审判庭', startsAt: '2026-11-26 09:30', minutes: 60 },
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
      '2026年11月26日9时30分',
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

  it('民诉法 art. 139: a hearing at least three days after the notice; the weekend counts; ordinary procedure never shorter', async () => {
    const ordinary = await fileCivil(h, clerk, { amountFen: 1_000_000 });
    await h.call('docket.triage', { caseId: ordinary.id, procedure: 'ordinary', reason: '案情复杂' }, clerk);
    await at('2026-11-25T09:00:00+08:00'); // Wednesday
    const before = countRows(h.core, 'docket_hearings');
    const friday = await h.fail(
      'docket.scheduleHearing',
      { caseIds: [ordinary.id], courtroom: '第三审判庭', startsAt: '2026-11-27 09:00', minutes: 30 },
      judge.token,
    );
    expect(friday).toMatchObject({ code: 'VALIDATION', field: 'startsAt' });
    expect(friday.message).toContain('第一百三十九条');
    // three days from Wednesday is Saturday: the earliest day the court sits is Monday
    expect(friday.message).toContain('最早可定于 2026-11-30');
    // a reason does not shorten the notice in ordinary procedure
    const withReason = await h.fail(
      'docket.scheduleHearing',
      { caseIds: [ordinary.id], courtroom: '第三审判庭', startsAt: '2026-11-27 09:00', minutes: 30, shortNoticeReason: SAME_DAY },
      judge.token,
    );
    expect(withReason).toMatchObject({ field: 'startsAt' });
    expect(withReason.message).toContain('普通程序');
    expect(countRows(h.core, 'docket_hearings')).toBe(before);
    // Friday → Monday across the weekend: three calendar days, in time
    await at('2026-11-27T09:00:00+08:00');
    const monday = await h.call(
      'docket.scheduleHearing',
      { caseIds: [ordinary.id], courtroom: '第三审判庭', startsAt: '2026-11-30 09:00', minutes: 30 },
      judge.token,
    );
    expect(monday.hearings[0]).toMatchObject({ startsAt: '2026-11-30T09:00:00+08:00', shortNoticeReason: null });
    // Saturday and Sunday are not sitting days, but they count towards the three days: Friday → Tuesday is four
    const tuesday = await fileCivil(h, clerk, {
      amountFen: 1_000_000,
      parties: [
        { role: '原告', party: LI_SI },
        { role: '被告', party: ZHANG_SAN },
      ],
    });
    await h.call('docket.triage', { caseId: tuesday.id, procedure: 'ordinary', reason: '案情复杂' }, clerk);
    await h.call(
      'docket.scheduleHearing',
      { caseIds: [tuesday.id], courtroom: '第三审判庭', startsAt: '2026-12-01 09:00', minutes: 30 },
      judge.token,
    );
  });

  it('simplified procedure: a shorter notice only with its reason recorded on the hearing and in the timeline (民诉法 art. 161; 解释 art. 266)', async () => {
    const a = await docketCase(); // 10,000 元: small claims
    const before = countRows(h.core, 'docket_hearings');
    const bare = await h.fail(
      'docket.scheduleHearing',
      { caseIds: [a.id], courtroom: '第三审判庭', startsAt: '2026-11-25 09:00', minutes: 30 },
      judge.token,
    );
    expect(bare).toMatchObject({ code: 'VALIDATION', field: 'shortNoticeReason' });
    expect(bare.message).toContain('只有 2 日');
    expect(bare.message).toContain('第二百六十六条');
    expect(countRows(h.core, 'docket_hearings')).toBe(before);
    const s = await h.call(
      'docket.scheduleHearing',
      { caseIds: [a.id], courtroom: '第三审判庭', startsAt: '2026-11-25 09:00', minutes: 30, shortNoticeReason: SAME_DAY },
      judge.token,
    );
    expect(s.hearings[0]!.shortNoticeReason).toBe(SAME_DAY);
    const view = await h.call('cases.get', { id: a.id }, judge.token);
    expect(JSON.stringify(view.timeline)).toContain(`通知不足三日，理由：${SAME_DAY}`);
    // the summons of a hearing scheduled with a recorded short notice may be issued
    const summons = await h.call(
      'documents.generate',
      { caseId: a.id, templateId: 'docket-summons', format: 'pdf', subjectKind: 'hearing', subjectId: s.hearings[0]!.id },
      judge.token,
    );
    expect(summons.document.pageCount).toBe(2);
  });

  it('a summons issued later than the scheduling day must still be three days before the hearing', async () => {
    const a = await docketCase();
    const s = await h.call(
      'docket.scheduleHearing',
      { caseIds: [a.id], courtroom: '第三审判庭', startsAt: '2026-11-26 09:30', minutes: 30 },
      judge.token,
    );
    await at('2026-11-24T09:00:00+08:00'); // Tuesday: two days before
    const before = countRows(h.core, 'documents');
    for (const templateId of ['docket-summons', 'docket-appearance-notice']) {
      const late = await h.fail(
        'documents.generate',
        { caseId: a.id, templateId, format: 'pdf', subjectKind: 'hearing', subjectId: s.hearings[0]!.id },
        judge.token,
      );
      expect(late).toMatchObject({ code: 'VALIDATION', field: 'subjectId' });
      expect(late.message).toContain('第一百三十九条');
    }
    expect(countRows(h.core, 'documents')).toBe(before);
  });

  it('the summons DOCX opens on its first page: one page per party, no blank page before the first', async () => {
    const a = await docketCase();
    const s = await h.call(
      'docket.scheduleHearing',
      { caseIds: [a.id], courtroom: '第三审判庭', startsAt: '2026-11-26 09:30', minutes: 60 },
      judge.token,
    );
    const { base64 } = await h.call(
      'documents.generate',
      { caseId: a.id, templateId: 'docket-summons', format: 'docx', subjectKind: 'hearing', subjectId: s.hearings[0]!.id },
      judge.token,
    );
    const bytes = Buffer.from(base64, 'base64');
    const body = unzip(bytes).get('word/document.xml')!.toString('utf8');
    const paragraphs = [...body.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    // the court's name opens the document, on the first page; the second party's page starts with a break
    expect(paragraphs[0]).toContain('浙江省长兴县人民法院');
    expect(paragraphs[0]).not.toContain('pageBreakBefore');
    expect([...body.matchAll(/<w:pageBreakBefore\/>|<w:br w:type="page"\/>/g)]).toHaveLength(1);
    if (!SOFFICE || !PDFTOTEXT) return;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-summons-lo-'));
    fs.writeFileSync(path.join(dir, 'summons.docx'), bytes);
    const r = spawnSync(
      SOFFICE,
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'summons.docx')],
      {
        encoding: 'utf8',
        env: { ...process.env, FONTCONFIG_FILE: path.resolve(import.meta.dirname, '../../scripts/libreoffice-fonts.conf') },
      },
    );
    expect(r.status, r.stderr).toBe(0);
    const pages = pdfText(fs.readFileSync(path.join(dir, 'summons.pdf')))
      .split('\f')
      .filter((p) => p.trim());
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('张三（原告）');
    expect(pages[1]).toContain('李四（被告）');
  }, 120_000);
});
