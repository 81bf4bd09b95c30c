import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, setUpCourt, USER_PASSWORD, userToken, type Harness } from '../../test/harness';
import { fileCivil } from '../../test/fixtures';
import { PDFTOTEXT, pdfText } from '../../test/pdf';
import { writeSetting } from '../settings';
import { BANFA_ARTICLES } from './banfaText';
import { RELIEF_GROUNDS, RELIEF_KIND_IDS, RELIEF_KINDS } from './grounds';
import { DEFAULT_RELIEF_TIMING, reliefInvitation, timingOn, type ReliefTimingPolicy } from './reliefTiming';

let h: Harness;
afterEach(() => h?.close());

/** Moves the court's clock (sessions end after 12 hours: log in again). */
async function at(time: string, ...users: string[]): Promise<string[]> {
  h.clock.set(time);
  return Promise.all(users.map(async (username) => (await h.call('auth.login', { username, password: USER_PASSWORD })).token));
}

const evidence = [{ name: '长兴县民政局低保证明', kind: '最低生活保障证明' }];
const GROUND = { waive: 'minimum-living', reduce: 'disaster', defer: 'accident-victim' } as const;

async function court() {
  h = createHarness();
  const admin = await setUpCourt(h);
  const clerk = await userToken(h, admin, 'clerk1', '李书记', ['clerk']);
  const reviewer = await userToken(h, admin, 'clerk2', '周审查', ['clerk']);
  const approver = await userToken(h, admin, 'boss', '陈庭长', ['approver']);
  const c = await fileCivil(h, clerk); // received 2026-11-23
  const plaintiff = c.parties.find((p) => p.role === '原告')!;
  const defendant = c.parties.find((p) => p.role === '被告')!;
  return { clerk, reviewer, approver, c, plaintiff, defendant };
}

describe("every quoted ground is the statute's full text (办法 arts. 45–47)", () => {
  it("each ground equals the item of the code's table of the 办法, in order", () => {
    const article = { waive: 45, reduce: 46, defer: 47 } as const;
    for (const kind of RELIEF_KIND_IDS) {
      expect(RELIEF_GROUNDS[kind].map((g) => g.label)).toEqual([...BANFA_ARTICLES[article[kind]].items]);
      expect(RELIEF_KINDS[kind].article).toContain(`第四十${'五六七'[article[kind] - 45]}条`);
    }
    expect(RELIEF_GROUNDS.waive[3]!.label).toContain('本人或者其近亲属请求赔偿或者补偿的');
  });
});

describe("relief timing as a dated policy (办法 arts. 48–49; since 2025 until the fee notice's deadline)", () => {
  it('the default since 2025 accepts 免交, 减交 and 缓交 after receipt while no fee notice has been issued', async () => {
    const { c, plaintiff } = await court();
    const [clerk] = await at('2027-01-20T09:00:00+08:00', 'clerk1'); // mediation ran long: two months after receipt
    for (const kind of RELIEF_KIND_IDS) {
      const app = await h.call(
        'relief.apply',
        {
          caseId: c.id,
          casePartyId: plaintiff.casePartyId,
          kind,
          ground: GROUND[kind],
          evidence,
          feeFen: 330_000,
          ...(kind === 'reduce' ? { requestedPercent: 50 } : {}),
        } as never,
        clerk,
      );
      await h.call('relief.withdraw', { applicationId: app.id }, clerk);
    }
  });

  it('after the fee notice, applications close the same way for every kind when its 7-day deadline has passed', async () => {
    const { c, plaintiff } = await court();
    let [clerk] = await at('2026-11-26T09:00:00+08:00', 'clerk1');
    await h.call('fees.generateNotice', { caseId: c.id, kind: 'property', amountsFen: [15_000_000], format: 'pdf' }, clerk!);
    // 11-26 + 7 days = 12-03 (Thursday): the last day to apply
    [clerk] = await at('2026-12-03T16:00:00+08:00', 'clerk1');
    const ok = await h.call(
      'relief.apply',
      { caseId: c.id, casePartyId: plaintiff.casePartyId, kind: 'defer', ground: 'accident-victim', evidence, feeFen: 330_000 },
      clerk,
    );
    await h.call('relief.withdraw', { applicationId: ok.id }, clerk!);
    [clerk] = await at('2026-12-04T09:00:00+08:00', 'clerk1');
    for (const kind of RELIEF_KIND_IDS) {
      const e = await h.fail(
        'relief.apply',
        {
          caseId: c.id,
          casePartyId: plaintiff.casePartyId,
          kind,
          ground: GROUND[kind],
          evidence,
          feeFen: 330_000,
          ...(kind === 'reduce' ? { requestedPercent: 50 } : {}),
        } as never,
        clerk,
      );
      expect(e, kind).toMatchObject({ field: 'appliedOn', message: expect.stringContaining('交纳期限已于 2026-12-03 届满') });
    }
  });

  it('a deferral must be decided before the deadline: after it the approver can only refuse', async () => {
    const { c, plaintiff } = await court();
    const [clerk, reviewer] = await at('2026-11-26T09:00:00+08:00', 'clerk1', 'clerk2');
    await h.call('fees.generateNotice', { caseId: c.id, kind: 'property', amountsFen: [15_000_000], format: 'pdf' }, clerk!);
    const app = await h.call(
      'relief.apply',
      { caseId: c.id, casePartyId: plaintiff.casePartyId, kind: 'defer', ground: 'accident-victim', evidence, feeFen: 330_000 },
      clerk!,
    );
    await h.call('relief.act', { applicationId: app.id, action: 'grant' }, reviewer!);
    const [approver] = await at('2026-12-04T09:00:00+08:00', 'boss');
    expect(await h.fail('relief.act', { applicationId: app.id, action: 'grant' }, approver)).toMatchObject({
      field: 'action',
      message: expect.stringContaining('2026-12-03'),
    });
  });

  it('a court policy "at filing only" refuses every kind after receipt, and the fee notice then invites none', async () => {
    const { c, plaintiff } = await court();
    const atFiling: ReliefTimingPolicy = {
      effectiveFrom: '2026-01-01',
      source: '本院规定（测试）',
      until: { waive: 'receipt', reduce: 'receipt', defer: 'receipt' },
      deferDecidedBy: 'receipt',
    };
    h.core.db.transaction((tx) => writeSetting(tx, h.clock, 'fees.reliefTiming', [...DEFAULT_RELIEF_TIMING, atFiling], null));
    const [clerk] = await at('2026-11-24T09:00:00+08:00', 'clerk1');
    for (const kind of RELIEF_KIND_IDS) {
      const e = await h.fail(
        'relief.apply',
        {
          caseId: c.id,
          casePartyId: plaintiff.casePartyId,
          kind,
          ground: GROUND[kind],
          evidence,
          feeFen: 330_000,
          ...(kind === 'reduce' ? { requestedPercent: 50 } : {}),
        } as never,
        clerk,
      );
      expect(e, kind).toMatchObject({ field: 'appliedOn', message: expect.stringContaining('已于 2026-11-23 收案') });
    }
    const { data } = await h.call('fees.noticeData', { caseId: c.id, kind: 'property', amountsFen: [15_000_000] }, clerk);
    expect(data.reliefInvitation).toBe('');
  });

  it("the notice's sentence says exactly what the policy accepts; 免交 only to a natural person", async () => {
    const policy = timingOn(DEFAULT_RELIEF_TIMING, '2026-11-23');
    expect(reliefInvitation(policy, 'person')).toBe('确有困难的，可在此期限内书面申请缓交、减交或者免交诉讼费用。');
    expect(reliefInvitation(policy, 'organisation')).toBe('确有困难的，可在此期限内书面申请缓交或者减交诉讼费用。');
    expect(reliefInvitation(timingOn(DEFAULT_RELIEF_TIMING, '2024-06-01'), 'person')).toBe('');
    const { clerk, c } = await court();
    const { base64 } = await h.call(
      'fees.generateNotice',
      { caseId: c.id, kind: 'property', amountsFen: [15_000_000], format: 'pdf' },
      clerk,
    );
    if (PDFTOTEXT)
      expect(pdfText(base64).replace(/\s+/g, '')).toContain('确有困难的，可在此期限内书面申请缓交、减交或者免交诉讼费用。逾期不交纳');
  });

  it.skipIf(!PDFTOTEXT)('a partial 免交 decision cites art. 46 (确实需要减交的其他情形), not art. 45', async () => {
    const { clerk, reviewer, approver, c, plaintiff } = await court();
    const app = await h.call(
      'relief.apply',
      {
        caseId: c.id,
        casePartyId: plaintiff.casePartyId,
        kind: 'waive',
        ground: 'other',
        reasons: '申请人因病长期住院，家庭收入微薄，无力全额交纳',
        evidence,
        feeFen: 330_000,
      },
      clerk,
    );
    await h.call('relief.act', { applicationId: app.id, action: 'partial', grantedPercent: 60 }, reviewer);
    await h.call('relief.act', { applicationId: app.id, action: 'partial', grantedPercent: 60 }, approver);
    const { base64 } = await h.call(
      'documents.generate',
      { caseId: c.id, templateId: 'relief-decision', format: 'pdf', subjectKind: 'relief', subjectId: app.id },
      clerk,
    );
    const text = pdfText(base64).replace(/\s+/g, '');
    expect(text).toContain('准予减交诉讼费用决定书');
    expect(text).toContain('第四十六条第（四）项“确实需要减交的其他情形”');
    expect(text).not.toContain('第四十五条');
  });
});
