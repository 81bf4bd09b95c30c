import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, createHarness, setUpCourt, USER_PASSWORD, userToken, type Harness } from '../../test/harness';
import { COMPANY, fileCivil, LI_SI, RARE, ZHANG_SAN } from '../../test/fixtures';
import { enterDocket } from '.';
import { writeTransaction } from '../audit/transaction';

let h: Harness;
let admin: string;
let clerk: string;
let approver: string;
let judges: { token: string; id: number; username: string }[];

/** Moves the clock and logs the user in again (sessions end after a day without use). */
async function later(at: string, username: string) {
  h.clock.set(at);
  return (await h.call('auth.login', { username, password: USER_PASSWORD })).token;
}

async function judge(username: string, name: string) {
  const token = await userToken(h, admin, username, name, ['judge']);
  const me = await h.call('auth.me', undefined as never, token);
  return { token, id: me.user.id, username };
}

beforeEach(async () => {
  h = createHarness({ start: '2026-11-23T09:00:00+08:00' });
  admin = await setUpCourt(h);
  clerk = await userToken(h, admin, 'clerk1', '李书记', ['clerk']);
  approver = await userToken(h, admin, 'boss', '周院长', ['approver']);
  judges = [await judge('judge1', '陈法官'), await judge('judge2', '林法官')];
  await h.call(
    'docket.setWageFigure',
    { wageYear: 2025, amountFen: 10_000_000, publishedOn: '2026-05-20', source: '浙江省高级人民法院关于2025年度就业人员年平均工资的通知' },
    admin,
  );
});
afterEach(() => h.close());

describe('docket: triage', () => {
  it('a filed 民初 case waits in the triage queue; triage records the recommendation and assigns a judge', async () => {
    const c = await fileCivil(h, clerk, { amountFen: 4_000_000 });
    const queue = await h.call('docket.triageQueue', undefined as never, clerk);
    expect(queue.rows.map((r) => r.caseId)).toContain(c.id);
    const preview = await h.call('docket.previewTriage', { caseId: c.id }, clerk);
    expect(preview).toMatchObject({ procedure: 'small-claims', byConsent: false, averageWageFen: 10_000_000, wageYear: 2025 });
    const v = await h.call('docket.triage', { caseId: c.id }, clerk);
    expect(v).toMatchObject({ status: 'open', recommended: 'small-claims', procedure: 'small-claims' });
    expect(v.triageReasons[0]!.basis).toContain('第一百六十五条');
    expect(judges.map((j) => j.id)).toContain(v.judge!.id);
    expect(v.assignments).toHaveLength(1);
    expect(v.period).toMatchObject({ kind: 'trial-small-claims', filedOn: '2026-11-23' });
    expect((await h.call('docket.triageQueue', undefined as never, clerk)).rows.map((r) => r.caseId)).not.toContain(c.id);
    const timeline = (await h.call('cases.get', { id: c.id }, clerk)).timeline.map((e) => e.summary);
    expect(timeline.some((s) => s.includes('程序分流：适用小额诉讼程序'))).toBe(true);
  });

  it('a decision other than the recommendation needs a reason, and a refusal writes nothing', async () => {
    const c = await fileCivil(h, clerk, { amountFen: 4_000_000 });
    const auditBefore = countRows(h.core, 'audit_log');
    const err = await h.fail('docket.triage', { caseId: c.id, procedure: 'simplified' }, clerk);
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'reason' });
    expect(err.message).toContain('理由');
    expect(countRows(h.core, 'docket_cases')).toBe(0);
    expect(countRows(h.core, 'audit_log')).toBe(auditBefore);
    const v = await h.call('docket.triage', { caseId: c.id, procedure: 'simplified', reason: '被告对借款事实有较大争议' }, clerk);
    expect(v).toMatchObject({ recommended: 'small-claims', procedure: 'simplified', decisionReason: '被告对借款事实有较大争议' });
  });

  it('exclusions from the form: a counterclaim keeps a small amount out of small claims', async () => {
    const c = await fileCivil(h, clerk, { amountFen: 1_000_000 });
    const v = await h.call('docket.triage', { caseId: c.id, flags: { counterclaim: true } }, clerk);
    expect(v.procedure).toBe('simplified');
    expect(v.triageReasons.map((r) => r.basis).join()).toContain('第一百六十六条第五项');
  });

  it('refuses triage without the wage figure for the filing year, naming what to record', async () => {
    // filed before the 2025 figure was published (2026-05-20), and no 2024 figure recorded
    const c = await fileCivil(h, clerk, { amountFen: 1_000_000, receivedOn: '2026-03-02' });
    const err = await h.fail('docket.triage', { caseId: c.id }, clerk);
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('2025 年度（或此前）');
    expect(countRows(h.core, 'docket_cases')).toBe(0);
  });

  it('only the clerk (程序分流员) triages; a judge cannot', async () => {
    const c = await fileCivil(h, clerk);
    expect((await h.fail('docket.triage', { caseId: c.id }, judges[0]!.token)).code).toBe('FORBIDDEN');
  });

  it('a failed 委托 mediation hands the 民初 case over through enterDocket, once', async () => {
    const c = await fileCivil(h, clerk, { amountFen: 30_000_000 });
    const first = writeTransaction(h.core, (tx) => enterDocket(tx, c.id, 'mediation-failed'));
    const again = writeTransaction(h.core, (tx) => enterDocket(tx, c.id, 'mediation-failed'));
    expect([first, again]).toEqual([true, false]);
    const row = (await h.call('docket.triageQueue', undefined as never, clerk)).rows.find((r) => r.caseId === c.id)!;
    expect(row).toMatchObject({ source: 'mediation-failed', sourceLabel: '委托调解不成' });
    expect((await h.call('docket.triage', { caseId: c.id }, clerk)).procedure).toBe('simplified');
  });
});

describe('docket: assignment', () => {
  it('serial cases (same plaintiff and cause) go to one judge; directed reassignment keeps the history', async () => {
    const a = await fileCivil(h, clerk, { amountFen: 1_000_000 });
    const va = await h.call('docket.triage', { caseId: a.id }, clerk);
    const b = await fileCivil(h, clerk, {
      amountFen: 2_000_000,
      parties: [
        { role: '原告', party: ZHANG_SAN },
        { role: '被告', party: RARE },
      ],
    });
    const vb = await h.call('docket.triage', { caseId: b.id }, clerk);
    expect(vb.judge!.id).toBe(va.judge!.id);
    expect(vb.assignments[0]!.kind).toBe('serial');
    // another plaintiff: by load → the other judge (the first has one open case more)
    const c = await fileCivil(h, clerk, {
      amountFen: 2_000_000,
      parties: [
        { role: '原告', party: COMPANY },
        { role: '被告', party: LI_SI },
      ],
    });
    const vc = await h.call('docket.triage', { caseId: c.id }, clerk);
    expect(vc.judge!.id).not.toBe(va.judge!.id);
    expect(vc.assignments[0]!.kind).toBe('load');

    const other = judges.find((j) => j.id !== va.judge!.id)!;
    expect((await h.fail('docket.assign', { caseId: a.id, judgeId: other.id, reason: '' }, clerk)).field).toBe('reason');
    const moved = await h.call('docket.assign', { caseId: a.id, judgeId: other.id, reason: '原承办法官回避' }, clerk);
    expect(moved.judge!.id).toBe(other.id);
    expect(moved.assignments.map((x) => [x.kind, x.reason])).toEqual([
      ['load', null],
      ['reassigned', '原承办法官回避'],
    ]);
    const mine = await h.call('docket.mine', undefined as never, other.token);
    expect(mine.rows.map((r) => r.caseId).sort()).toEqual([a.id, c.id].sort());
  });
});

describe('docket: trial period', () => {
  it('suspension, extension approved by the approver, conversion with the fee top-up, warnings on a later day', async () => {
    const c = await fileCivil(h, clerk, { amountFen: 4_000_000 });
    const v = await h.call('docket.triage', { caseId: c.id }, clerk);
    const j = judges.find((x) => x.id === v.judge!.id)!;
    expect(v.period!.due).toBe('2027-01-25'); // 2026-11-23 + 2 months = 2027-01-23 (Saturday) → Monday
    const s = await h.call(
      'docket.suspend',
      { caseId: c.id, kind: 'appraisal', from: '2026-12-01', to: '2026-12-10', note: '笔迹鉴定' },
      j.token,
    );
    expect(s.period!.suspendedDays).toBe(10);
    expect(s.period!.due).toBe('2027-02-02');

    // a judge who does not handle the case cannot record anything on it
    const stranger = judges.find((x) => x.id !== j.id)!;
    expect((await h.fail('docket.requestExtension', { caseId: c.id, months: 1, reason: '案情复杂' }, stranger.token)).code).toBe(
      'FORBIDDEN',
    );
    expect((await h.fail('docket.requestExtension', { caseId: c.id, months: 2, reason: '案情复杂' }, j.token)).field).toBe('months');
    const req = await h.call('docket.requestExtension', { caseId: c.id, months: 1, reason: '需补充证据' }, j.token);
    expect(req.period!.due).toBe('2027-02-02'); // counts only once approved
    expect((await h.fail('docket.decideExtension', { extensionId: req.extensions[0]!.id, approve: true }, j.token)).code).toBe('FORBIDDEN');
    const ok = await h.call('docket.decideExtension', { extensionId: req.extensions[0]!.id, approve: true, note: '同意' }, approver);
    expect(ok.period!.extensionMonths).toBe(1);
    expect(ok.period!.due).toBe('2027-03-05'); // 2027-02-23 + 10 days = 2027-03-05 (Friday)

    const conv = await h.call('docket.convert', { caseId: c.id, to: 'ordinary', reason: '需要追加当事人' }, j.token);
    expect(conv.procedure).toBe('ordinary');
    expect(conv.period!.filedOn).toBe('2026-11-23');
    expect(conv.period!.extensionMonths).toBe(0); // the small-claims extension does not carry over
    // 40,000 元: full fee 800 元, halved 400 元 → the other half 400 元, within 7 days
    expect(conv.conversions[0]).toMatchObject({ from: 'small-claims', to: 'ordinary', feeDueFen: 40_000, feeDueOn: '2026-11-30' });
    expect((await h.fail('docket.convert', { caseId: c.id, to: 'simplified', reason: 'x' }, j.token)).field).toBe('to');

    const jt = await later('2027-05-10T09:00:00+08:00', j.username);
    const desk = await h.call('docket.mine', undefined as never, jt);
    expect(desk.rows[0]!.due).toBe('2027-06-02'); // 2026-11-23 + 6 months + 10 days of appraisal
    expect(desk.rows[0]).toMatchObject({ caseId: c.id, tier: 'thirty-days' });
    const jt2 = await later('2027-06-20T09:00:00+08:00', j.username);
    expect((await h.call('docket.mine', undefined as never, jt2)).rows[0]!.tier).toBe('overdue');
    const centre = await h.call('docket.centre', {}, await later('2027-06-20T09:00:00+08:00', 'boss'));
    expect(centre.team.overdue).toBe(1);
  });

  it('closing records the method and date and counts in the centre figures (调撤率)', async () => {
    const a = await fileCivil(h, clerk, { amountFen: 1_000_000 });
    const va = await h.call('docket.triage', { caseId: a.id }, clerk);
    const j = judges.find((x) => x.id === va.judge!.id)!;
    const jt = await later('2026-12-10T10:00:00+08:00', j.username);
    expect(
      (
        await h.fail(
          'docket.close',
          {
            caseId: a.id,
            method: 'mediation',
            clerk: '吴书记',
            mediation: { terms: ['被告分期还款'], feeBorneBy: 'defendants' },
            closedOn: '2026-12-11',
          },
          jt,
        )
      ).field,
    ).toBe('closedOn');
    const closed = await h.call(
      'docket.close',
      {
        caseId: a.id,
        method: 'mediation',
        result: '双方达成调解协议，被告分期还款',
        clerk: '吴书记',
        mediation: { terms: ['被告分期还款'], feeBorneBy: 'defendants' },
        closedOn: '2026-12-10',
      },
      jt,
    );
    expect(closed).toMatchObject({ status: 'closed', closeMethod: 'mediation', period: null });
    const centre = await h.call('docket.centre', {}, await later('2026-12-10T10:00:00+08:00', 'boss'));
    const row = centre.judges.find((x) => x.judge.id === j.id)!;
    expect(row).toMatchObject({ open: 0, closedThisMonth: 1, closedThisYear: 1, averageDaysToClose: 17, mediatedOrWithdrawnRate: 1 });
  });
});

describe('docket: who reads what', () => {
  it('the centre view answers every docket reader and refuses the administrator, whose menu hides it', async () => {
    const print = await userToken(h, admin, 'print1', '打印员', ['print']);
    const mediation = await userToken(h, admin, 'tiaojie1', '赵调解', ['mediation']);
    for (const token of [clerk, print, mediation, approver, judges[0]!.token]) {
      expect((await h.call('docket.centre', {}, token)).judges).toHaveLength(2);
      expect((await h.call('docket.open', {}, token)).total).toBe(0);
    }
    expect((await h.fail('docket.centre', {}, admin)).code).toBe('FORBIDDEN');
    expect((await h.fail('docket.open', {}, admin)).code).toBe('FORBIDDEN');
  });

  it('the administrator reads the docket settings it edits on the 小额诉讼标准 page', async () => {
    await h.call('docket.updateSettings', { appealCourt: '浙江省湖州市中级人民法院' }, admin);
    expect(await h.call('docket.settings', undefined as never, admin)).toMatchObject({ appealCourt: '浙江省湖州市中级人民法院' });
  });
});
