import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, countRows, createHarness, setUpCourt, USER_PASSWORD, userToken, type Harness } from '../../test/harness';
import { COMPANY, LI_SI, ZHANG_SAN } from '../../test/fixtures';
import { expectInOrder, PDFTOTEXT, pdfText } from '../../test/pdf';
import type { InputOf } from '../api/contract';
import type { Operations } from '../api/operations';

type ApplyInput = InputOf<Operations['confirmation.apply']>;

const TERMS = [
  '李四于2026年12月31日前支付张三货款33,000元；',
  '如李四未按期足额支付，张三有权就全部未付款项申请强制执行；',
  '双方就本案买卖合同再无其他争议。',
];

function application(overrides: Partial<ApplyInput> = {}): ApplyInput {
  return {
    appliedOn: '2026-11-20',
    applicants: [{ party: ZHANG_SAN, agents: [] }, { party: LI_SI }],
    agreement: {
      organisationKind: 'people',
      organisationName: '长兴县雉城街道人民调解委员会',
      organisationPlace: '浙江省长兴县雉城街道',
      mediatorName: '陈调解',
      date: '2026-11-18',
      effectiveOn: '2026-11-18',
      dispute: '买卖合同纠纷',
      terms: TERMS,
    },
    applicationForm: 'written',
    materials: {
      agreement: 'provided',
      mediationProof: 'provided',
      propertyProof: 'not_applicable',
      identity: 'provided',
      powerOfAttorney: 'not_applicable',
    },
    ...overrides,
  };
}

let h: Harness;
let admin: string;
let clerk: string;
let judge: string;
let judge2: string;
let approver: string;
let printer: string;
let judgeId: number;
let clerkId: number;

async function userId(username: string): Promise<number> {
  const users = await h.call('users.list', undefined, admin);
  return users.find((u) => u.username === username)!.id;
}

beforeEach(async () => {
  h = createHarness();
  admin = await setUpCourt(h);
  clerk = await userToken(h, admin, 'clerk1', '李书记', ['clerk']);
  judge = await userToken(h, admin, 'judge1', '王法官', ['judge']);
  judge2 = await userToken(h, admin, 'judge2', '钱法官', ['judge']);
  approver = await userToken(h, admin, 'boss', '孙院长', ['approver']);
  printer = await userToken(h, admin, 'printer', '钱打印', ['print']);
  judgeId = await userId('judge1');
  clerkId = await userId('clerk1');
});
afterEach(() => h.close());

async function apply(overrides: Partial<ApplyInput> = {}) {
  return h.call('confirmation.apply', application(overrides), clerk);
}

async function accept(id: number, on = '2026-11-20') {
  const v = await h.call(
    'confirmation.decideAcceptance',
    { confirmationId: id, decidedOn: on, competence: 'organisation', exclusions: [] },
    clerk,
  );
  await h.call('confirmation.assign', { confirmationId: id, judgeId, clerkId }, clerk);
  return v;
}

async function signedText(id: number): Promise<{ text: string; documentId: number }> {
  const r = await h.call('confirmation.sign', { confirmationId: id }, judge);
  // CONFIRMATION_PDF_DIR=/tmp/x keeps the signed rulings to look at (pdftoppm -png)
  if (process.env.CONFIRMATION_PDF_DIR)
    writeFileSync(`${process.env.CONFIRMATION_PDF_DIR}/${r.confirmation.outcome}-${r.documentId}.pdf`, Buffer.from(r.pdfBase64, 'base64'));
  // page numbers (— 1 —) fall between lines of the text
  return { text: PDFTOTEXT ? pdfText(r.pdfBase64).replace(/—\s*\d+\s*—/g, '') : '', documentId: r.documentId };
}

/** Moves the clock (sessions expire after 12 hours) and logs everyone in again. */
async function setClock(at: string) {
  h.clock.set(at);
  const login = async (username: string, password = USER_PASSWORD) => (await h.call('auth.login', { username, password })).token;
  admin = await login(ADMIN.username, ADMIN.password);
  clerk = await login('clerk1');
  judge = await login('judge1');
  judge2 = await login('judge2');
  approver = await login('boss');
  printer = await login('printer');
}

describe('joint application (民诉法 art. 205; 解释 art. 351)', () => {
  it('files a 民特 case with every party as 申请人, no fee with its basis', async () => {
    const v = await apply();
    expect(v.caseNumber).toBe('（2026）浙0522民特1号');
    expect(v.applicants.map((a) => a.name)).toEqual(['张三', '李四']);
    expect(v.stage).toBe('applied');
    expect(v.fee.feeFen).toBe(0);
    expect(v.fee.basis).toContain('《诉讼费用交纳办法》第八条第（一）项');
    expect(v.agreement.terms).toEqual(TERMS);
    const c = await h.call('cases.get', { id: v.caseId }, clerk);
    expect(c.parties.map((p) => p.role)).toEqual(['申请人', '申请人']);
    expect(v.acceptanceDeadline.due).toBe('2026-11-23');
  });

  it('refuses a single applicant and writes nothing', async () => {
    const before = [countRows(h.core, 'cases'), countRows(h.core, 'confirmations'), countRows(h.core, 'audit_log')];
    const e = await h.fail('confirmation.apply', application({ applicants: [{ party: ZHANG_SAN }] }), clerk);
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('至少填写两名申请人');
    expect([countRows(h.core, 'cases'), countRows(h.core, 'confirmations'), countRows(h.core, 'audit_log')]).toEqual(before);
  });

  it('a 民特 case for 司法确认 has no 被申请人 and at least two 申请人; 实现担保物权 keeps 被申请人', async () => {
    const base = { caseType: '民特' as const, receivedOn: '2026-11-23', materials: [] };
    const before = countRows(h.core, 'cases');
    const e1 = await h.fail(
      'cases.file',
      {
        ...base,
        cause: { revision: '2025', no: '448' },
        parties: [
          { role: '申请人', party: ZHANG_SAN },
          { role: '被申请人', party: LI_SI },
        ],
      },
      clerk,
    );
    expect(e1.message).toContain('没有“被申请人”');
    const e2 = await h.fail(
      'cases.file',
      { ...base, cause: { revision: '2025', no: '448' }, parties: [{ role: '申请人', party: ZHANG_SAN }] },
      clerk,
    );
    expect(e2.message).toContain('至少有 2 名申请人');
    expect(countRows(h.core, 'cases')).toBe(before);
    const ok = await h.call(
      'cases.file',
      {
        ...base,
        cause: { revision: '2025', no: '451' },
        parties: [
          { role: '申请人', party: COMPANY },
          { role: '被申请人', party: LI_SI },
        ],
      },
      clerk,
    );
    expect(ok.parties.map((p) => p.role)).toEqual(['申请人', '被申请人']);
    const e3 = await h.fail(
      'cases.file',
      { ...base, cause: { revision: '2025', no: '451' }, parties: [{ role: '申请人', party: COMPANY }] },
      clerk,
    );
    expect(e3.message).toContain('被申请人');
  });

  it('an oral application needs a signed record (解释 art. 353); an agent needs the power of attorney ticked', async () => {
    const e = await h.fail('confirmation.apply', application({ applicationForm: 'oral' }), clerk);
    expect(e.issues?.map((i) => i.field)).toEqual(expect.arrayContaining(['oralRecord', 'oralRecordSigned']));
    const agent = {
      kind: 'lawyer' as const,
      name: '钱律师',
      organisation: '浙江长城律师事务所',
      licenseNo: '13305201010123456',
      authority: 'special' as const,
      authorityDetail: '代为申请司法确认、签收法律文书',
    };
    const e2 = await h.fail(
      'confirmation.apply',
      application({ applicants: [{ party: ZHANG_SAN, agents: [agent] }, { party: LI_SI }] }),
      clerk,
    );
    expect(e2.field).toBe('materials.powerOfAttorney');
    const v = await apply({ applicationForm: 'oral', oralRecord: '申请人张三、李四口头申请确认调解协议……', oralRecordSigned: true });
    expect(v.applicationForm).toBe('oral');
    expect(countRows(h.core, 'confirmations')).toBe(1);
  });
});

describe('acceptance checks with their articles', () => {
  async function lateness(effectiveOn: string, appliedOn: string) {
    await setClock('2026-12-20T09:00:00+08:00');
    const v = await apply({ appliedOn, agreement: { ...application().agreement, date: effectiveOn, effectiveOn } });
    return h.call(
      'confirmation.decideAcceptance',
      { confirmationId: v.id, decidedOn: appliedOn, competence: 'organisation', exclusions: [], reasons: '已超过申请期限' },
      clerk,
    );
  }

  it('30 days from 2026-09-01 end on the National Day holiday and roll to 2026-10-08: in time that day, late the next', async () => {
    const inTime = await lateness('2026-09-01', '2026-10-08');
    expect(inTime.applicationWindow.due).toBe('2026-10-08');
    expect(inTime.stage).toBe('accepted');
    const late = await lateness('2026-09-01', '2026-10-09');
    expect(late.stage).toBe('not_accepted');
    expect(late.grounds).toEqual([{ code: 'late', label: expect.stringContaining('超过申请期限'), article: '第二百零五条' }]);
    expect(late.acceptanceChecks!.find((c) => c.key === 'window')).toMatchObject({
      passed: false,
      article: '《中华人民共和国民事诉讼法》第二百零五条',
    });
  });

  it('across a month end: effective 2026-10-31 → last day 2026-11-30; 2026-12-01 is late', async () => {
    expect((await lateness('2026-10-31', '2026-11-30')).stage).toBe('accepted');
    expect((await lateness('2026-10-31', '2026-12-01')).stage).toBe('not_accepted');
  });

  it('each 解释 art. 355 exclusion blocks acceptance and the 不予受理 ruling cites its item; no competence = item 2', async () => {
    const cases: [string | null, string, string][] = [
      ['art355-1', 'organisation', '第三百五十五条第一款第一项'],
      ['art355-3', 'organisation', '第三百五十五条第一款第三项'],
      ['art355-4', 'organisation', '第三百五十五条第一款第四项'],
      ['art355-5', 'organisation', '第三百五十五条第一款第五项'],
      [null, 'none', '第三百五十五条第一款第二项'],
    ];
    for (const [code, competence, article] of cases) {
      const v = await apply();
      const r = await h.call(
        'confirmation.decideAcceptance',
        {
          confirmationId: v.id,
          decidedOn: '2026-11-21',
          competence: competence === 'none' ? null : 'organisation',
          exclusions: code ? [code as 'art355-1'] : [],
          reasons: '经审查不符合受理条件',
        },
        clerk,
      );
      expect(r.stage).toBe('not_accepted');
      expect(r.grounds.map((g) => g.article)).toEqual([article]);
      await h.call('confirmation.assign', { confirmationId: v.id, judgeId, clerkId }, clerk);
      const { text } = await signedText(v.id);
      if (PDFTOTEXT) {
        expectInOrder(text, [
          '民事裁定书',
          '本院经审查认为',
          `《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》${article}规定`,
          '本院不予受理',
          '审判员王法官',
        ]);
        expect(text.replace(/\s+/g, '')).not.toContain('第三百五十八条');
      }
    }
  });

  it('a failed check without reasons is refused and nothing is written; acceptance is due in 3 days', async () => {
    const v = await apply();
    const audits = countRows(h.core, 'audit_log');
    const e = await h.fail(
      'confirmation.decideAcceptance',
      { confirmationId: v.id, decidedOn: '2026-11-21', competence: null, exclusions: [] },
      clerk,
    );
    expect(e.field).toBe('reasons');
    expect(countRows(h.core, 'audit_log')).toBe(audits);
    expect((await h.call('confirmation.get', { confirmationId: v.id }, clerk)).stage).toBe('applied');
    // received 2026-11-20 (Friday): 3 days end Monday 2026-11-23, today → warning; the next day overdue
    expect((await h.call('confirmation.get', { confirmationId: v.id }, clerk)).acceptanceDeadline.state).toBe('warning');
    await setClock('2026-11-24T09:00:00+08:00');
    expect((await h.call('confirmation.list', { overdue: true }, clerk)).rows.map((r) => r.id)).toEqual([v.id]);
  });
});

describe('review and decision', () => {
  it('confirms the agreement; the signed ruling has every part in order, terms numbered, judge and clerk from the case; reprint is identical', async () => {
    const v = await apply();
    await accept(v.id);
    await h.call(
      'confirmation.recordAppearance',
      {
        confirmationId: v.id,
        on: '2026-11-23',
        appeared: v.applicants.map((a) => a.casePartyId),
        questions: '双方确认协议系自愿达成，无胁迫',
      },
      judge,
    );
    const other = await h.fail('confirmation.decide', { confirmationId: v.id, outcome: 'valid', reasons: '符合法律规定' }, judge2);
    expect(other.code).toBe('FORBIDDEN');
    await h.call(
      'confirmation.decide',
      { confirmationId: v.id, outcome: 'valid', reasons: '协议系双方真实意思表示，不违反法律规定' },
      judge,
    );
    const preview = await h.call('confirmation.preview', { confirmationId: v.id }, judge);
    expect(preview.templateId).toBe('ruling-confirm-valid');
    expect((await h.fail('confirmation.sign', { confirmationId: v.id }, judge2)).code).toBe('FORBIDDEN');
    const { text, documentId } = await signedText(v.id);
    if (PDFTOTEXT) {
      expectInOrder(text, [
        '浙江省长兴县人民法院',
        '民事裁定书',
        '（2026）浙0522民特1号',
        `申请人：张三，男，1985年3月12日出生，汉族，住${ZHANG_SAN.address}，公民身份号码${ZHANG_SAN.idNumber}`,
        `申请人：李四`,
        '于2026年11月20日向本院申请司法确认，本院于同日立案后，依法由审判员王法官进行了审查',
        '于2026年11月18日经长兴县雉城街道人民调解委员会主持调解',
        `一、${TERMS[0]}`,
        `二、${TERMS[1]}`,
        `三、${TERMS[2]}`,
        '依照《中华人民共和国民事诉讼法》第二百零五条、第二百零六条规定，裁定如下',
        '达成的调解协议有效',
        '对方当事人可以向人民法院申请执行',
        '本裁定自即日起发生法律效力',
        '审判员王法官',
        '二〇二六年十一月二十三日',
        '（院印）',
        '本件与原本核对无异',
        '书记员李书记',
      ]);
    }
    const again = await h.call('documents.reprint', { id: documentId }, printer);
    expect(again.identical).toBe(true);
    expect((await h.fail('confirmation.sign', { confirmationId: v.id }, judge)).code).toBe('CONFLICT');
  });

  it('an art. 355 ground found after acceptance is rejected under para. 2 with its item, never art. 358', async () => {
    const v = await apply();
    await accept(v.id);
    await h.call(
      'confirmation.decide',
      { confirmationId: v.id, outcome: 'rejected', grounds: ['art355-5'], reasons: '协议内容涉及确认不动产物权归属' },
      judge,
    );
    const { text } = await signedText(v.id);
    if (PDFTOTEXT) {
      expectInOrder(text, [
        '本院经审查认为，协议内容涉及确认不动产物权归属。',
        '依照《中华人民共和国民事诉讼法》第二百零五条、第二百零六条，《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第三百五十五条第二款、第一款第五项规定',
        '驳回申请人张三、李四的司法确认申请',
        '可以向人民法院提起诉讼',
      ]);
      expect(text.replace(/\s+/g, '')).not.toContain('第三百五十八条');
    }
  });

  it('each art. 358 ground is cited with its own item, and only the grounds found', async () => {
    const items = ['一', '二', '三', '四', '五', '六'];
    for (let n = 1; n <= 6; n++) {
      const v = await apply();
      await accept(v.id);
      const r = await h.call(
        'confirmation.decide',
        { confirmationId: v.id, outcome: 'rejected', grounds: [`art358-${n}` as 'art358-1'], reasons: '经审查不符合司法确认的条件' },
        judge,
      );
      expect(r.grounds.map((g) => g.article)).toEqual([`第三百五十八条第${items[n - 1]}项`]);
      const { text } = await signedText(v.id);
      if (PDFTOTEXT) {
        const flat = text.replace(/\s+/g, '');
        expect(flat).toContain(`解释》第三百五十八条第${items[n - 1]}项规定`);
        expect(flat).not.toContain('第三百五十五条');
      }
    }
    const v = await apply();
    await accept(v.id);
    const two = await h.call(
      'confirmation.decide',
      { confirmationId: v.id, outcome: 'rejected', grounds: ['art358-4', 'art355-3'], reasons: '违反自愿原则，且涉及身份关系' },
      judge,
    );
    expect(two.grounds.map((g) => g.article)).toEqual(['第三百五十八条第四项', '第三百五十五条第二款、第一款第三项']);
  });

  it('a rejection needs a ground and reasons; a refused decision writes nothing', async () => {
    const v = await apply();
    await accept(v.id);
    const audits = countRows(h.core, 'audit_log');
    expect(
      (await h.fail('confirmation.decide', { confirmationId: v.id, outcome: 'rejected', grounds: [], reasons: '不符合' }, judge)).field,
    ).toBe('grounds');
    expect(
      (await h.fail('confirmation.decide', { confirmationId: v.id, outcome: 'rejected', grounds: ['art358-1'], reasons: '' }, judge)).field,
    ).toBe('reasons');
    expect(countRows(h.core, 'audit_log')).toBe(audits);
  });

  it('withdrawal → 准许撤回 (解释 art. 357 para. 1); unsupplied material after its deadline → 按撤回申请处理 (para. 2)', async () => {
    const a = await apply();
    await accept(a.id);
    await h.call(
      'confirmation.withdraw',
      { confirmationId: a.id, on: '2026-11-23', by: [a.applicants[1]!.casePartyId], reasons: '申请人在裁定作出前撤回申请，应予准许' },
      judge,
    );
    const ta = await signedText(a.id);
    if (PDFTOTEXT)
      expectInOrder(ta.text, [
        '申请人李四于2026年11月23日向本院申请撤回司法确认申请',
        '解释》第三百五十七条第一款规定',
        '准许申请人张三、李四撤回司法确认申请',
      ]);

    const b = await apply();
    await accept(b.id);
    const withReq = await h.call(
      'confirmation.requestMaterial',
      { confirmationId: b.id, on: '2026-11-23', what: '借款实际交付的凭证', dueOn: '2026-11-30' },
      judge,
    );
    const stepId = withReq.steps.find((s) => s.kind === 'request')!.id;
    const early = await h.fail('confirmation.deemWithdrawn', { confirmationId: b.id, stepId, reasons: '逾期未补充' }, judge);
    expect(early.message).toContain('尚未届满');
    expect((await h.fail('confirmation.decide', { confirmationId: b.id, outcome: 'valid', reasons: '符合' }, judge)).code).toBe('CONFLICT');
    await setClock('2026-12-01T09:00:00+08:00');
    await h.call(
      'confirmation.deemWithdrawn',
      { confirmationId: b.id, stepId, reasons: '申请人无正当理由未在本院指定的期限内补充证明材料' },
      judge,
    );
    const tb = await signedText(b.id);
    if (PDFTOTEXT)
      expectInOrder(tb.text, [
        '于2026年11月23日要求申请人于2026年11月30日前补充借款实际交付的凭证',
        '解释》第三百五十七条第二款规定',
        '本案按申请人张三、李四撤回司法确认申请处理',
        '二〇二六年十二月一日',
      ]);
  });

  it('review period: 30 days from acceptance, a warning from day 15, extended only by an approver with a record', async () => {
    const v = await apply();
    await accept(v.id);
    let r = await h.call('confirmation.get', { confirmationId: v.id }, judge);
    expect(r.reviewDeadline).toMatchObject({ from: '2026-11-20', due: '2026-12-21', state: 'ok' }); // 12-20 is a Sunday
    await setClock('2026-12-05T09:00:00+08:00');
    expect((await h.call('confirmation.get', { confirmationId: v.id }, judge)).reviewDeadline!.state).toBe('warning');
    expect((await h.call('confirmation.myQueue', {}, judge)).rows[0]).toMatchObject({ id: v.id, urgency: 'warning' });
    expect((await h.fail('confirmation.extend', { confirmationId: v.id, days: 10, reason: '需向调解组织核实' }, judge)).code).toBe(
      'FORBIDDEN',
    );
    r = await h.call('confirmation.extend', { confirmationId: v.id, days: 10, reason: '需向调解组织核实' }, approver);
    expect(r.extension).toMatchObject({ days: 10, approvedBy: '孙院长', reason: '需向调解组织核实' });
    expect(r.reviewDeadline!.due).toBe('2026-12-30');
  });
});

describe('print, service, objection and enforcement', () => {
  it('queues the signed ruling for print staff with one copy per applicant; service sets the objection and enforcement windows', async () => {
    const v = await apply();
    await accept(v.id);
    await h.call('confirmation.decide', { confirmationId: v.id, outcome: 'valid', reasons: '符合法律规定' }, judge);
    const { documentId } = await signedText(v.id);
    const q = await h.call('confirmation.printQueue', {}, printer);
    expect(q.rows).toMatchObject([{ confirmationId: v.id, documentId, copies: 2, printCount: 0 }]);
    const batch = await h.call('confirmation.printBatch', { confirmationIds: [v.id] }, printer);
    expect(batch.documentIds).toEqual([documentId, documentId, documentId]);
    await h.call('documents.markPrinted', { ids: [documentId] }, printer);
    expect((await h.call('confirmation.printQueue', {}, printer)).rows).toEqual([]);

    const [p1, p2] = v.applicants;
    await h.call(
      'confirmation.serve',
      {
        confirmationId: v.id,
        casePartyId: p1!.casePartyId,
        method: 'direct',
        servedOn: '2026-11-23',
        recipient: '张三',
        proof: '送达回证',
      },
      clerk,
    );
    let r = await h.call('confirmation.get', { confirmationId: v.id }, clerk);
    expect(r.services[0]!.objectionDue).toBe('2026-12-08');
    expect(r.enforcementDue).toBeNull();
    const e = await h.fail(
      'confirmation.serve',
      { confirmationId: v.id, casePartyId: p1!.casePartyId, method: 'post', servedOn: '2026-11-23', recipient: '张三', proof: 'EMS' },
      clerk,
    );
    expect(e.code).toBe('CONFLICT');
    r = await h.call(
      'confirmation.serve',
      {
        confirmationId: v.id,
        casePartyId: p2!.casePartyId,
        method: 'post',
        servedOn: '2026-11-23',
        recipient: '李四',
        proof: 'EMS1234567890',
      },
      clerk,
    );
    expect(r.enforcementDue).toBe('2028-11-23');
    await setClock('2026-12-20T09:00:00+08:00');
    r = await h.call(
      'confirmation.objection',
      { confirmationId: v.id, on: '2026-12-20', by: '王某', role: 'third_party', knewOn: '2026-12-15', content: '协议处分了本人的财产' },
      clerk,
    );
    const step = r.steps.find((s) => s.kind === 'objection')!;
    expect(step.dueOn).toBe('2027-06-15');
    const figures = await h.call('confirmation.figures', { year: 2026 }, clerk);
    expect(figures.months[10]).toMatchObject({ applications: 1, accepted: 1, confirmed: 1, averageDaysToRuling: 3 });
  });
});
