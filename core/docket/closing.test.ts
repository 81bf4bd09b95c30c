import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, createHarness, setUpCourt, USER_PASSWORD, userToken, type Harness } from '../../test/harness';
import { fileCivil } from '../../test/fixtures';
import { expectInOrder, PDFTOTEXT, pdfText } from '../../test/pdf';

/**
 * Closing a docket case: the element-style judgment from the elements the judge enters, 民事调解书, 准许撤诉 and
 * 按撤诉处理 rulings, transfer to ordinary procedure; the fee settled once (办法 arts. 15, 16: halved once only;
 * arts. 29, 31, 34: who bears it; art. 51: relief stated); the case leaves the open docket. And: an edit of the
 * holiday calendar moves the stored due dates of open cases.
 */

let h: Harness;
let admin: string;
let clerk: string;
let judge: { token: string; id: number };

beforeEach(async () => {
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

async function onDocket(amountFen: number, triage: Record<string, unknown> = {}) {
  const c = await fileCivil(h, clerk, { amountFen });
  const v = await h.call('docket.triage', { caseId: c.id, ...triage }, clerk);
  return { c, v };
}

async function pay(caseId: number, amountFen: number) {
  await h.call('fees.recordPayment', { caseId, kind: 'payment', amountFen, paidOn: '2026-11-23' }, clerk);
}

async function at(iso: string) {
  h.clock.set(iso);
  judge.token = (await h.call('auth.login', { username: 'judge1', password: USER_PASSWORD })).token;
  clerk = (await h.call('auth.login', { username: 'clerk1', password: USER_PASSWORD })).token;
}

const LOAN = {
  kind: 'private-loan' as const,
  elements: {
    principalFen: 1_000_000,
    lentOn: '2025-03-01',
    delivery: '银行转账',
    evidence: '借条一份',
    interest: '未约定',
    dueOn: '2025-12-31',
    repaidFen: 0,
  },
  claims: ['判令被告归还借款10,000元', '本案诉讼费用由被告负担'],
  reasoning: '原告提供的借条和转账凭证足以证明借贷关系成立并已实际交付，被告到期未还，应当承担还款责任。',
  orders: ['被告李四于本判决生效之日起十日内归还原告张三借款10,000元'],
  feeBorneBy: 'defendants' as const,
};

describe('docket: closing', () => {
  it('a small-claims judgment from its elements: fee halved once and borne by the defendant, final at first instance; the case leaves the docket', async () => {
    const { c } = await onDocket(1_000_000); // 10,000 元: small claims
    await pay(c.id, 2_500); // 50 元 halved under the simplified procedure (办法 art. 16)
    await at('2026-12-10T10:00:00+08:00');
    const before = countRows(h.core, 'docket_closings');
    const { principalFen: _left, ...withoutPrincipal } = LOAN.elements;
    const missing = await h.fail(
      'docket.close',
      { caseId: c.id, method: 'judgment', closedOn: '2026-12-10', clerk: '吴书记', judgment: { ...LOAN, elements: withoutPrincipal } },
      judge.token,
    );
    expect(missing).toMatchObject({ code: 'VALIDATION', field: 'judgment.elements.principalFen' });
    expect(missing.message).toContain('借款本金');
    expect(
      (await h.fail('docket.close', { caseId: c.id, method: 'judgment', closedOn: '2026-12-10', judgment: LOAN }, judge.token)).field,
    ).toBe('clerk');
    expect(countRows(h.core, 'docket_closings')).toBe(before);

    const v = await h.call(
      'docket.close',
      { caseId: c.id, method: 'judgment', closedOn: '2026-12-10', clerk: '吴书记', judgment: LOAN },
      judge.token,
    );
    expect(v).toMatchObject({ status: 'closed', closeMethod: 'judgment', closedOn: '2026-12-10', period: null });
    expect(v.closeResult).toContain('归还原告张三借款10,000元');
    expect(v.closing).toMatchObject({ feeBeforeFen: 2_500, feeFen: 2_500, paidFen: 2_500, refundFen: 0, templateId: 'docket-judgment' });
    expect(v.closing!.burden).toEqual([{ role: '被告', names: '李四', fen: 2_500 }]);
    expect((await h.call('docket.mine', undefined as never, judge.token)).rows).toHaveLength(0);
    // closing is once: a second closing is refused
    expect(
      (
        await h.fail(
          'docket.close',
          { caseId: c.id, method: 'withdrawal', closedOn: '2026-12-10', clerk: '吴书记', withdrawal: { appliedOn: '2026-12-01' } },
          judge.token,
        )
      ).code,
    ).toBe('CONFLICT');

    if (!PDFTOTEXT) return;
    const { document, base64 } = await h.call(
      'documents.generate',
      { caseId: c.id, templateId: 'docket-judgment', format: 'pdf' },
      judge.token,
    );
    expect(document.title).toBe('民事判决书（要素式）');
    expectInOrder(pdfText(base64), [
      '民 事 判 决 书',
      c.number,
      '原告：张三',
      '被告：李四',
      '依法适用小额诉讼程序',
      '判令被告归还借款10,000元',
      '民间借贷纠纷要素',
      '借款本金',
      '10,000.00',
      '银行转账',
      '本院认为',
      '第一百六十五条',
      '被告李四于本判决生效之日起十日内',
      '第二百六十四条',
      '案件受理费25.00元（已减半收取），由被告李四负担',
      '本判决为终审判决',
      '审判员 陈法官',
      '二〇二六年十二月十日',
      '吴书记',
    ]);
    if (process.env.DOCKET_PDF_OUT) (await import('node:fs')).writeFileSync(process.env.DOCKET_PDF_OUT, Buffer.from(base64, 'base64'));
  });

  it('mediation halves the fee only once: a simplified case pays half, not a quarter; an ordinary one gets half refunded', async () => {
    const simple = await onDocket(15_000_000); // 150,000 元: simplified; full fee 3,300 元
    await pay(simple.c.id, 165_000);
    const ordinary = await onDocket(15_000_000, { procedure: 'ordinary', reason: '案情复杂' });
    await pay(ordinary.c.id, 330_000);
    await at('2026-12-10T10:00:00+08:00');
    const m1 = await h.call(
      'docket.close',
      {
        caseId: simple.c.id,
        method: 'mediation',
        closedOn: '2026-12-10',
        clerk: '吴书记',
        mediation: { terms: ['被告于2026年12月31日前归还原告借款140,000元', '原告放弃其他诉讼请求'], feeBorneBy: 'defendants' },
      },
      judge.token,
    );
    expect(m1.closing).toMatchObject({ feeBeforeFen: 165_000, feeFen: 165_000, refundFen: 0 });
    expect(m1.closing!.feeRule).toContain('只适用一次');
    const m2 = await h.call(
      'docket.close',
      {
        caseId: ordinary.c.id,
        method: 'mediation',
        closedOn: '2026-12-10',
        clerk: '吴书记',
        mediation: { terms: ['被告分期归还借款'], feeBorneBy: 'split', plaintiffFen: 65_000 },
      },
      judge.token,
    );
    expect(m2.closing).toMatchObject({ feeBeforeFen: 330_000, feeFen: 165_000, paidFen: 330_000, refundFen: 165_000 });
    expect(m2.closing!.burden).toEqual([
      { role: '原告', names: '张三', fen: 65_000 },
      { role: '被告', names: '李四', fen: 100_000 },
    ]);
    const centre = await h.call('docket.centre', {}, judge.token);
    expect(centre.team.mediatedOrWithdrawnRate).toBe(1);
    if (!PDFTOTEXT) return;
    const { base64 } = await h.call(
      'documents.generate',
      { caseId: ordinary.c.id, templateId: 'docket-mediation-paper', format: 'pdf' },
      judge.token,
    );
    expectInOrder(pdfText(base64), [
      '民 事 调 解 书',
      '一、被告分期归还借款',
      '案件受理费1,650.00元（已减半收取），650.00元由原告张三负担，1,000.00元由被告李四负担',
      '1,650.00元，由本院退还',
    ]);
  });

  it('准许撤诉: half the fee, borne by the plaintiff; the ruling states it', async () => {
    const { c } = await onDocket(15_000_000, { procedure: 'ordinary', reason: '案情复杂' });
    await pay(c.id, 330_000);
    await at('2026-12-10T10:00:00+08:00');
    expect(
      (
        await h.fail(
          'docket.close',
          { caseId: c.id, method: 'withdrawal', closedOn: '2026-12-10', clerk: '吴书记', withdrawal: { appliedOn: '2026-11-01' } },
          judge.token,
        )
      ).field,
    ).toBe('withdrawal.appliedOn');
    const v = await h.call(
      'docket.close',
      { caseId: c.id, method: 'withdrawal', closedOn: '2026-12-10', clerk: '吴书记', withdrawal: { appliedOn: '2026-12-08' } },
      judge.token,
    );
    expect(v.closing).toMatchObject({ feeFen: 165_000, refundFen: 165_000, burden: [{ role: '原告', names: '张三', fen: 165_000 }] });
    if (!PDFTOTEXT) return;
    const { base64 } = await h.call(
      'documents.generate',
      { caseId: c.id, templateId: 'docket-ruling-withdrawal', format: 'pdf' },
      judge.token,
    );
    expectInOrder(pdfText(base64), [
      '民 事 裁 定 书',
      '2026年12月8日向本院提出撤诉申请',
      '第一百四十八条第一款',
      '准许原告张三撤回起诉',
      '案件受理费1,650.00元（已减半收取），由原告张三负担',
    ]);
  });

  it('按撤诉处理 for an unpaid fee only after a notice whose deadline has passed (解释 art. 213)', async () => {
    const { c } = await onDocket(1_000_000);
    await at('2026-12-10T10:00:00+08:00');
    const early = await h.fail(
      'docket.close',
      { caseId: c.id, method: 'deemed-withdrawal', closedOn: '2026-12-10', clerk: '吴书记' },
      judge.token,
    );
    expect(early).toMatchObject({ field: 'method' });
    expect(early.message).toContain('交纳诉讼费用通知书');
    await h.call(
      'fees.generateNotice',
      { caseId: c.id, kind: 'property', amountsFen: [1_000_000], procedure: 'small-claims', format: 'pdf' },
      clerk,
    );
    // notice on 2026-12-10: 7 days from the next day → 2026-12-17
    const notYet = await h.fail(
      'docket.close',
      { caseId: c.id, method: 'deemed-withdrawal', closedOn: '2026-12-17', clerk: '吴书记' },
      judge.token,
    );
    expect(notYet.field).toBe('closedOn');
    await at('2026-12-18T10:00:00+08:00');
    const v = await h.call(
      'docket.close',
      { caseId: c.id, method: 'deemed-withdrawal', closedOn: '2026-12-18', clerk: '吴书记' },
      judge.token,
    );
    expect(v.closing).toMatchObject({ feeFen: 0, refundFen: 0, elements: { noticeOn: '2026-12-10', dueOn: '2026-12-17' } });
    if (!PDFTOTEXT) return;
    const { base64 } = await h.call(
      'documents.generate',
      { caseId: c.id, templateId: 'docket-ruling-deemed-withdrawal', format: 'pdf' },
      judge.token,
    );
    expectInOrder(pdfText(base64), [
      '2026年12月10日通知原告张三预交案件受理费',
      '2026年12月17日前交纳',
      '第二百一十三条',
      '本案按原告张三撤回起诉处理',
    ]);
  });

  it('transfer to ordinary procedure leaves the docket and asks for the other half of the fee within 7 days', async () => {
    const { c } = await onDocket(15_000_000);
    await at('2026-12-10T10:00:00+08:00');
    const v = await h.call(
      'docket.close',
      { caseId: c.id, method: 'transfer', closedOn: '2026-12-10', transfer: { reason: '需要鉴定' } },
      judge.token,
    );
    expect(v).toMatchObject({ status: 'transferred', procedure: 'ordinary' });
    expect(v.conversions.at(-1)).toMatchObject({ from: 'simplified', to: 'ordinary', feeDueFen: 165_000, feeDueOn: '2026-12-17' });
    expect((await h.call('docket.open', undefined as never, clerk)).rows.map((r) => r.caseId)).not.toContain(c.id);
  });
});

describe('docket: the holiday calendar moves stored due dates', () => {
  it('an admin’s edit of a year recomputes the due dates of open cases ending in it', async () => {
    const { c, v } = await onDocket(1_000_000); // small claims from 2026-11-23: two months → 2027-01-23 (Saturday) → Monday 2027-01-25
    expect(v.period!.due).toBe('2027-01-25');
    await h.call(
      'calendar.updateYear',
      {
        year: 2027,
        notice: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
        holidays: [
          { name: '元旦', days: ['2027-01-01'] },
          { name: '冬休', days: ['2027-01-25', '2027-01-26'] },
        ],
        workdays: [],
      },
      admin,
    );
    const row = h.core.sqlite.prepare('SELECT due_on AS d FROM docket_cases WHERE case_id = ?').get(c.id) as { d: string };
    expect(row.d).toBe('2027-01-27');
    expect((await h.call('docket.mine', undefined as never, judge.token)).rows[0]).toMatchObject({ caseId: c.id, due: '2027-01-27' });
  });

  it('the extension warning uses docket.extensionLeadDays', async () => {
    const { c } = await onDocket(1_000_000); // due 2027-01-25
    await h.call('docket.updateSettings', { extensionLeadDays: 10 }, admin);
    await at('2027-01-14T09:00:00+08:00'); // 11 days left
    expect((await h.call('docket.mine', undefined as never, judge.token)).rows[0]).toMatchObject({ caseId: c.id, extensionAdvised: false });
    await at('2027-01-15T09:00:00+08:00'); // 10 days left
    expect((await h.call('docket.mine', undefined as never, judge.token)).rows[0]).toMatchObject({ extensionAdvised: true });
    expect((await h.call('docket.case', { caseId: c.id }, judge.token))!.extensionAdvised).toBe(true);
    await h.call('docket.requestExtension', { caseId: c.id, months: 1, reason: '需补充证据' }, judge.token);
    expect((await h.call('docket.mine', undefined as never, judge.token)).rows[0]).toMatchObject({
      extensionAdvised: false,
      pendingExtension: true,
    });
  });
});
