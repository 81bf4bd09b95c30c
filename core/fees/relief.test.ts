import { afterEach, describe, expect, it } from 'vitest';
import { countRows, createHarness, setUpCourt, USER_PASSWORD, userToken, type Harness } from '../../test/harness';
import { COMPANY, fileCivil, LI_SI, ZHANG_SAN } from '../../test/fixtures';

let h: Harness;
afterEach(() => h?.close());

/** Sessions expire after hours: a test that moves the clock by days logs in again. */
const login = async (username: string) => (await h.call('auth.login', { username, password: USER_PASSWORD })).token;

/** A court with a clerk, a second clerk (reviewer), an approver and a judge, and one filed 民初 case. */
async function court() {
  h = createHarness();
  const admin = await setUpCourt(h);
  const clerk = await userToken(h, admin, 'clerk1', '李书记', ['clerk']);
  const reviewer = await userToken(h, admin, 'clerk2', '周审查', ['clerk']);
  const approver = await userToken(h, admin, 'boss', '陈庭长', ['approver']);
  const judge = await userToken(h, admin, 'judge1', '吴法官', ['judge']);
  const c = await fileCivil(h, clerk);
  const plaintiff = c.parties.find((p) => p.role === '原告')!;
  return { admin, clerk, reviewer, approver, judge, c, plaintiff };
}

const evidence = [{ name: '长兴县民政局低保证明', kind: '最低生活保障证明' }];

describe('relief applications (办法 arts. 44–49)', () => {
  it('records a 免交 application with the fee from the quote and puts it on the case timeline', async () => {
    const { clerk, c, plaintiff } = await court();
    const app = await h.call(
      'relief.apply',
      {
        caseId: c.id,
        casePartyId: plaintiff.casePartyId,
        kind: 'waive',
        ground: 'minimum-living',
        evidence,
        quote: { kind: 'property', amountsFen: [15_000_000] },
      },
      clerk,
    );
    expect(app).toMatchObject({
      status: 'pending',
      feeFen: 330_000,
      kindLabel: '免交',
      groundBasis: '《诉讼费用交纳办法》第四十五条第（三）项',
      awaiting: { label: '立案庭审查', role: 'clerk' },
    });
    const view = await h.call('cases.get', { id: c.id }, clerk);
    expect(view.timeline.at(-1)!.summary).toContain('张三申请免交诉讼费用 ￥3,300.00');
  });

  it('refuses 免交 for an organisation, naming the applicant field, and writes nothing', async () => {
    const { clerk } = await court();
    const c = await fileCivil(h, clerk, {
      parties: [
        { role: '原告', party: COMPANY },
        { role: '被告', party: LI_SI },
      ],
    });
    const company = c.parties.find((p) => p.role === '原告')!;
    const before = countRows(h.core, 'relief_applications');
    const audits = countRows(h.core, 'audit_log');
    const e = await h.fail(
      'relief.apply',
      {
        caseId: c.id,
        casePartyId: company.casePartyId,
        kind: 'waive',
        ground: 'other',
        reasons: '公司经营困难，无力负担诉讼费用。',
        evidence,
        feeFen: 330_000,
      },
      clerk,
    );
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'casePartyId' });
    expect(e.message).toContain('免交只适用于自然人');
    expect(countRows(h.core, 'relief_applications')).toBe(before);
    expect(countRows(h.core, 'audit_log')).toBe(audits);
    // an organisation may apply for 减交
    await h.call(
      'relief.apply',
      {
        caseId: c.id,
        casePartyId: company.casePartyId,
        kind: 'reduce',
        ground: 'other',
        reasons: '公司因疫情停产，经营难以为继。',
        evidence,
        feeFen: 330_000,
        requestedPercent: 50,
      },
      clerk,
    );
  });

  it('refuses a 减交 of 20 %', async () => {
    const { clerk, c, plaintiff } = await court();
    const e = await h.fail(
      'relief.apply',
      {
        caseId: c.id,
        casePartyId: plaintiff.casePartyId,
        kind: 'reduce',
        ground: 'preferential-care',
        evidence,
        feeFen: 330_000,
        requestedPercent: 20,
      },
      clerk,
    );
    expect(e).toMatchObject({ field: 'requestedPercent', message: expect.stringContaining('减交比例不得低于 30%') });
    expect(countRows(h.core, 'relief_applications')).toBe(0);
  });

  it('requires written reasons for "other" and the evidence list', async () => {
    const { clerk, c, plaintiff } = await court();
    const base = { caseId: c.id, casePartyId: plaintiff.casePartyId, kind: 'waive', feeFen: 330_000 } as const;
    expect(await h.fail('relief.apply', { ...base, ground: 'other', evidence }, clerk)).toMatchObject({ field: 'reasons' });
    expect(await h.fail('relief.apply', { ...base, ground: 'minimum-living', evidence: [] }, clerk)).toMatchObject({ field: 'evidence' });
    expect(await h.fail('relief.apply', { ...base, ground: 'legal-aid', evidence }, clerk)).toMatchObject({ field: 'ground' });
  });

  it('refuses a second open application of the same party', async () => {
    const { clerk, c, plaintiff } = await court();
    const input = {
      caseId: c.id,
      casePartyId: plaintiff.casePartyId,
      kind: 'waive',
      ground: 'minimum-living',
      evidence,
      feeFen: 330_000,
    } as const;
    await h.call('relief.apply', input, clerk);
    expect(await h.fail('relief.apply', input, clerk)).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('decisions through the approval chain', () => {
  async function applied(kind: 'waive' | 'reduce' | 'defer', extra: Record<string, unknown> = {}) {
    const s = await court();
    const ground = { waive: 'minimum-living', reduce: 'disaster', defer: 'accident-victim' }[kind];
    const app = await h.call(
      'relief.apply',
      { caseId: s.c.id, casePartyId: s.plaintiff.casePartyId, kind, ground, evidence, feeFen: 330_000, ...extra } as never,
      s.clerk,
    );
    return { ...s, app };
  }

  it('review then approval grants a 缓交 with the default term, and the case states it', async () => {
    const { reviewer, approver, app, clerk, c } = await applied('defer');
    // the approver cannot act before the review
    expect(await h.fail('relief.act', { applicationId: app.id, action: 'grant' }, approver)).toMatchObject({ code: 'FORBIDDEN' });
    const reviewed = await h.call('relief.act', { applicationId: app.id, action: 'grant', opinion: '符合第四十七条第（二）项' }, reviewer);
    expect(reviewed).toMatchObject({ status: 'reviewed', awaiting: { label: '院领导审批', last: true } });
    const decided = await h.call('relief.act', { applicationId: app.id, action: 'grant' }, approver);
    // 90 calendar days from 2026-11-23 is 2027-02-21, a Sunday → the next working day
    expect(decided).toMatchObject({
      status: 'granted',
      decision: { reliefFen: 330_000, verb: '缓交', documentTitle: '准予缓交诉讼费用决定书', deferredUntil: '2027-02-22' },
    });
    const fees = await h.call('fees.case', { caseId: c.id }, clerk);
    expect(fees.granted[0]!.statement).toBe('本院已准予原告张三缓交诉讼费用 3,300.00 元');
    expect(fees.deferrals[0]).toMatchObject({ state: 'open', outstandingFen: 330_000 });
  });

  it('the same person cannot review and approve', async () => {
    const { admin, app } = await applied('waive');
    const both = await userToken(h, admin, 'both', '双角色', ['clerk', 'approver']);
    await h.call('relief.act', { applicationId: app.id, action: 'grant' }, both);
    expect(await h.fail('relief.act', { applicationId: app.id, action: 'grant' }, both)).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('不同人员'),
    });
  });

  it('a refusal needs written reasons; with them the decision is a refusal notice', async () => {
    const { reviewer, approver, app } = await applied('waive');
    // the reviewer's proposal to refuse also needs reasons
    expect(await h.fail('relief.act', { applicationId: app.id, action: 'refuse' }, reviewer)).toMatchObject({ field: 'refusalReasons' });
    await h.call(
      'relief.act',
      { applicationId: app.id, action: 'refuse', refusalReasons: '申请人名下有车辆两台，不属于确有困难。' },
      reviewer,
    );
    const before = countRows(h.core, 'relief_steps');
    expect(await h.fail('relief.act', { applicationId: app.id, action: 'refuse', refusalReasons: '不批' }, approver)).toMatchObject({
      field: 'refusalReasons',
    });
    expect(countRows(h.core, 'relief_steps')).toBe(before);
    const r = await h.call(
      'relief.act',
      { applicationId: app.id, action: 'refuse', refusalReasons: '申请人名下有车辆两台，不属于确有困难的情形。' },
      approver,
    );
    expect(r).toMatchObject({
      status: 'refused',
      decision: { documentTitle: '不予批准司法救助申请通知书', refusalReasons: expect.stringContaining('车辆两台') },
    });
  });

  it('a partial grant of 免交 (on the catch-all ground only) is a 减交 of at least 30 %', async () => {
    const { reviewer, approver, app } = await applied('waive', {
      ground: 'other',
      reasons: '申请人因病长期住院，家庭收入微薄，无力全额交纳',
    });
    const reviewed = await h.call('relief.act', { applicationId: app.id, action: 'partial', grantedPercent: 50 }, reviewer);
    // the reviewer's percentage is recorded with the step as a proposal
    expect(reviewed.steps[0]).toMatchObject({ stage: 'review', action: 'partial', grantedPercent: 50 });
    expect(reviewed.decision).toBeNull();
    expect(await h.fail('relief.act', { applicationId: app.id, action: 'partial', grantedPercent: 20 }, approver)).toMatchObject({
      field: 'grantedPercent',
    });
    const r = await h.call('relief.act', { applicationId: app.id, action: 'partial', grantedPercent: 50 }, approver);
    expect(r).toMatchObject({
      status: 'partly_granted',
      decision: { reliefFen: 165_000, verb: '减交', documentTitle: '准予减交诉讼费用决定书' },
    });
  });

  it('on a listed ground the court grants in full: a partial grant is refused (办法 arts. 45–47 应当准予)', async () => {
    const { reviewer, app } = await applied('waive');
    const e = await h.fail('relief.act', { applicationId: app.id, action: 'partial', grantedPercent: 50 }, reviewer);
    expect(e).toMatchObject({ field: 'action', message: expect.stringContaining('确实需要免交的其他情形') });
  });

  it('returning sends the application back to the first stage', async () => {
    const { reviewer, approver, app } = await applied('reduce', { requestedPercent: 50 });
    await h.call('relief.act', { applicationId: app.id, action: 'grant' }, reviewer);
    const back = await h.call('relief.act', { applicationId: app.id, action: 'return', opinion: '请补充受灾证明' }, approver);
    expect(back).toMatchObject({ status: 'pending', awaiting: { index: 0 } });
    // after a return the reviewer may act again
    await h.call('relief.act', { applicationId: app.id, action: 'grant' }, reviewer);
    expect(await h.call('relief.act', { applicationId: app.id, action: 'grant' }, approver)).toMatchObject({
      status: 'granted',
      decision: { grantedPercent: 50, reliefFen: 165_000 },
    });
  });

  it('a one-stage chain (configured by the admin) decides at once', async () => {
    const { admin, approver, app } = await applied('waive');
    await h.call('fees.updateSettings', { chain: [{ label: '院长审批', role: 'approver' }] }, admin);
    expect(await h.call('relief.act', { applicationId: app.id, action: 'grant' }, approver)).toMatchObject({
      status: 'granted',
      decision: { verb: '免交', reliefFen: 330_000 },
    });
  });
});

describe('deferral follow-up, payments and totals', () => {
  async function granted() {
    const s = await court();
    const app = await h.call(
      'relief.apply',
      {
        caseId: s.c.id,
        casePartyId: s.plaintiff.casePartyId,
        kind: 'defer',
        ground: 'social-insurance',
        evidence,
        feeFen: 330_000,
        requestedUntil: '2026-12-31',
      },
      s.clerk,
    );
    await h.call('relief.act', { applicationId: app.id, action: 'grant' }, s.reviewer);
    await h.call('relief.act', { applicationId: app.id, action: 'grant' }, s.approver);
    return { ...s, app };
  }

  it('the deferral turns due soon, then overdue; the case is flagged once', async () => {
    const s = await granted();
    let { clerk } = s;
    const { c } = s;
    expect((await h.call('relief.followUp', {}, clerk))[0]).toMatchObject({ deferredUntil: '2026-12-31', state: 'open' });
    h.clock.set('2026-12-28T09:00:00+08:00');
    clerk = await login('clerk1');
    expect((await h.call('relief.followUp', {}, clerk))[0]).toMatchObject({ state: 'due-soon', stateLabel: '即将到期' });
    await h.call(
      'fees.recordPayment',
      { caseId: c.id, applicationId: 1, kind: 'payment', amountFen: 100_000, paidOn: '2026-12-28' },
      clerk,
    );
    h.clock.set('2027-01-01T09:00:00+08:00');
    clerk = await login('clerk1');
    const judge = await login('judge1');
    const overdue = (await h.call('relief.followUp', { state: 'overdue' }, judge))[0]!;
    expect(overdue).toMatchObject({ state: 'overdue', partlyPaid: true, outstandingFen: 230_000, flagged: false });
    expect(await h.call('relief.flagOverdue', {}, judge)).toEqual({ flagged: 1, caseNumbers: [c.number] });
    expect(await h.call('relief.flagOverdue', {}, judge)).toEqual({ flagged: 0, caseNumbers: [] });
    const view = await h.call('cases.get', { id: c.id }, judge);
    expect(view.timeline.at(-1)!.summary).toContain('到期未交纳，可依法按撤诉处理');
    await h.call(
      'fees.recordPayment',
      { caseId: c.id, applicationId: 1, kind: 'payment', amountFen: 230_000, paidOn: '2027-01-01' },
      clerk,
    );
    expect((await h.call('relief.followUp', {}, clerk))[0]).toMatchObject({ state: 'paid', outstandingFen: 0 });
  });

  it('the dashboard reminders count what waits for me and the deferrals falling due', async () => {
    const s = await court();
    const app = await h.call(
      'relief.apply',
      {
        caseId: s.c.id,
        casePartyId: s.plaintiff.casePartyId,
        kind: 'defer',
        ground: 'legal-aid',
        evidence,
        feeFen: 330_000,
        requestedUntil: '2026-11-27',
      },
      s.clerk,
    );
    // any clerk may review it; the approver's turn comes after the review
    expect(await h.call('relief.reminders', {}, s.reviewer)).toMatchObject({ awaitingMe: 1, dueSoon: 0 });
    expect(await h.call('relief.reminders', {}, s.approver)).toMatchObject({ awaitingMe: 0 });
    await h.call('relief.act', { applicationId: app.id, action: 'grant' }, s.reviewer);
    expect(await h.call('relief.reminders', {}, s.reviewer)).toMatchObject({ awaitingMe: 0 });
    expect(await h.call('relief.reminders', {}, s.approver)).toMatchObject({ awaitingMe: 1 });
    await h.call('relief.act', { applicationId: app.id, action: 'grant' }, s.approver);
    expect(await h.call('relief.reminders', {}, s.judge)).toEqual({ awaitingMe: 0, dueSoon: 1, overdue: 0, overdueUnflagged: 0 });
    h.clock.set('2026-11-30T09:00:00+08:00');
    expect(await h.call('relief.reminders', {}, await login('judge1'))).toEqual({
      awaitingMe: 0,
      dueSoon: 0,
      overdue: 1,
      overdueUnflagged: 1,
    });
  });

  it('refunds cannot exceed what was paid', async () => {
    const { clerk, c } = await granted();
    await h.call('fees.recordPayment', { caseId: c.id, kind: 'payment', amountFen: 50_000, paidOn: '2026-11-23' }, clerk);
    expect(
      await h.fail('fees.recordPayment', { caseId: c.id, kind: 'refund', amountFen: 60_000, paidOn: '2026-11-23' }, clerk),
    ).toMatchObject({ field: 'amountFen' });
    await h.call(
      'fees.recordPayment',
      { caseId: c.id, kind: 'refund', amountFen: 50_000, paidOn: '2026-11-23', reference: 'TF-001' },
      clerk,
    );
    const fees = await h.call('fees.case', { caseId: c.id }, clerk);
    expect(fees.payments).toMatchObject({ paidFen: 50_000, refundedFen: 50_000 });
  });

  it('the monthly totals count applications, decisions and amounts by kind', async () => {
    const s = await granted();
    const app2 = await h.call(
      'relief.apply',
      { caseId: s.c.id, casePartyId: s.plaintiff.casePartyId, kind: 'waive', ground: 'support-claim', evidence, feeFen: 5_000 },
      s.clerk,
    );
    await h.call('relief.act', { applicationId: app2.id, action: 'grant' }, s.reviewer);
    await h.call('relief.act', { applicationId: app2.id, action: 'grant' }, s.approver);
    const second = await fileCivil(h, s.clerk, {
      parties: [
        { role: '原告', party: LI_SI },
        { role: '被告', party: ZHANG_SAN },
      ],
    });
    const app3 = await h.call(
      'relief.apply',
      {
        caseId: second.id,
        casePartyId: second.parties[0]!.casePartyId,
        kind: 'waive',
        ground: 'disabled-no-income',
        evidence,
        feeFen: 8_000,
      },
      s.clerk,
    );
    await h.call(
      'relief.act',
      { applicationId: app3.id, action: 'refuse', refusalReasons: '申请人有固定工资收入，不符合条件。' },
      s.reviewer,
    );
    await h.call(
      'relief.act',
      { applicationId: app3.id, action: 'refuse', refusalReasons: '申请人有固定工资收入，不符合免交条件。' },
      s.approver,
    );
    const t = await h.call('relief.totals', { fromMonth: '2026-11', toMonth: '2026-11' }, s.approver);
    expect(t.rows).toEqual([
      expect.objectContaining({ month: '2026-11', kind: 'waive', applications: 2, granted: 1, refused: 1, waivedFen: 5_000 }),
      expect.objectContaining({ month: '2026-11', kind: 'defer', applications: 1, granted: 1, deferredFen: 330_000 }),
    ]);
    expect(t.total).toMatchObject({ applications: 3, granted: 2, refused: 1, waivedFen: 5_000, deferredFen: 330_000 });
    // a range ending in December counts to the year's last day; another month counts nothing
    expect((await h.call('relief.totals', { fromMonth: '2026-01', toMonth: '2026-12' }, s.approver)).total).toEqual(t.total);
    expect((await h.call('relief.totals', { fromMonth: '2026-12', toMonth: '2027-01' }, s.approver)).rows).toEqual([]);
  });
});

describe('fee settings', () => {
  it('refuses a provincial amount outside the statutory range, naming it, and keeps the old settings', async () => {
    h = createHarness();
    const admin = await setUpCourt(h);
    const e = await h.fail(
      'fees.updateSettings',
      {
        provincial: [
          {
            effectiveFrom: '2026-01-01',
            source: '某省文件',
            amounts: { divorce: 400, personality: 100, nonProperty: 50, ip: 500, jurisdiction: 50, enforcementNoAmount: 50 },
          },
        ],
      },
      admin,
    );
    expect(e).toMatchObject({ field: 'provincial.0.amounts.divorce', message: expect.stringContaining('50 元至 300 元') });
    const ok = await h.call(
      'fees.updateSettings',
      {
        provincial: [
          {
            effectiveFrom: '2007-04-01',
            source: '默认',
            amounts: { divorce: 50, personality: 100, nonProperty: 50, ip: 500, jurisdiction: 50, enforcementNoAmount: 50 },
          },
          {
            effectiveFrom: '2026-01-01',
            source: '某省文件',
            amounts: { divorce: 200, personality: 300, nonProperty: 80, ip: 800, jurisdiction: 80, enforcementNoAmount: 300 },
          },
        ],
      },
      admin,
    );
    expect(ok.provincial).toHaveLength(2);
    expect((await h.call('fees.quote', { kind: 'divorce' }, admin)).feeFen).toBe(20_000);
    expect((await h.call('fees.quote', { kind: 'divorce', on: '2025-06-01' }, admin)).feeFen).toBe(5_000);
  });

  it('names the request field of a refused quote', async () => {
    h = createHarness();
    const admin = await setUpCourt(h);
    expect(await h.fail('fees.quote', { kind: 'property' }, admin)).toMatchObject({ field: 'amountsFen' });
    expect(await h.fail('fees.quote', { kind: 'property', amountsFen: [-5] }, admin)).toMatchObject({ field: 'amountsFen.0' });
  });
});
