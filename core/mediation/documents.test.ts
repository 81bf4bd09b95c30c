import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, setUpCourt, userToken, type Harness } from '../../test/harness';
import { civilFirstInstance, COMPANY, ZHANG_SAN } from '../../test/fixtures';
import { expectInOrder, PDFTOTEXT, pdfText } from '../../test/pdf';

/**
 * The mediation documents generated through the register (documents.generate, subjectKind 'mediation') from the
 * mediation record alone, read back from the PDF's text.
 */

let h: Harness;
let coord: string;
let clerk: string;

beforeEach(async () => {
  h = createHarness({ start: '2026-12-02T09:00:00+08:00' });
  const admin = await setUpCourt(h);
  coord = await userToken(h, admin, 'coord', '周调解', ['mediation']);
  clerk = await userToken(h, admin, 'clerk1', '李书记', ['clerk']);
});
afterEach(() => h.close());

async function delegatedWithOrg() {
  const org = await h.call(
    'mediation.saveOrg',
    { name: '明珠社区人民调解委员会', kind: 'people', level: 'village', region: '长兴县/雉城街道/明珠社区', activeFrom: '2026-01-01' },
    coord,
  );
  const med = await h.call(
    'mediation.saveMediator',
    { name: '陈村调', kind: 'invited', orgId: org.id, fields: [], regions: [], capacity: 5, activeFrom: '2026-01-01' } as never,
    coord,
  );
  const c = await h.call(
    'cases.file',
    {
      caseType: '调登',
      receivedOn: '2026-12-02',
      parties: [
        { role: '申请人', party: ZHANG_SAN },
        { role: '被申请人', party: COMPANY },
      ],
      cause: { revision: '2025', no: '108.3' },
      amountFen: 5_000_000,
      claims: '请求被申请人归还借款 5 万元',
      materials: ['调解申请书'],
    } as never,
    clerk,
  );
  const m = await h.call(
    'mediation.open',
    {
      caseId: c.id,
      flow: 'delegated',
      region: '长兴县/雉城街道/明珠社区',
      consents: [{ partyId: c.parties[0]!.party.id, answer: 'agree', on: '2026-12-02' }],
    },
    clerk,
  );
  await h.call('mediation.assign', { mediationId: m.id, mediatorId: med.id, how: 'joint' }, coord);
  await h.call('mediation.respond', { mediationId: m.id, accept: true, on: '2026-12-02' }, coord);
  return { c, m, org, med };
}

describe('mediation documents', () => {
  it.skipIf(!PDFTOTEXT)("调解协议书: the parties' full particulars, the terms in their order, the signatories", async () => {
    const { c, m } = await delegatedWithOrg();
    const terms = [
      '长兴明珠物业服务有限公司于 2026 年 12 月 31 日前归还张三借款 50,000 元',
      '张三放弃利息请求',
      '双方就本纠纷再无其他争议',
    ];
    await h.call(
      'mediation.recordAgreement',
      { mediationId: m.id, terms, signedOn: '2026-12-02', signatories: ['张三', '长兴明珠物业服务有限公司（赵五）'], closing: 'performed' },
      coord,
    );
    const { document, base64 } = await h.call(
      'documents.generate',
      { caseId: c.id, templateId: 'mediation-agreement', format: 'pdf', subjectKind: 'mediation', subjectId: m.id },
      clerk,
    );
    expect(document).toMatchObject({ templateId: 'mediation-agreement', title: '调解协议书', caseId: c.id });
    expectInOrder(pdfText(base64), [
      '调 解 协 议 书',
      c.number,
      `申请人：张三`,
      ZHANG_SAN.address,
      `公民身份号码${ZHANG_SAN.idNumber}`,
      `被申请人：${COMPANY.name}，住所地${COMPANY.address}，统一社会信用代码${COMPANY.idNumber}`,
      `法定代表人：${COMPANY.representative}，${COMPANY.representativeTitle}`,
      '明珠社区人民调解委员会调解员陈村调主持调解',
      `一、${terms[0]}`,
      `二、${terms[1]}`,
      `三、${terms[2]}`,
      '当事人 张三',
      '当事人 长兴明珠物业服务有限公司（赵五）',
      '调解员 陈村调',
      '二〇二六年十二月二日',
    ]);
  });

  it('委派调解函 and 调解告知书 come from the record alone; an agreement document before any agreement is refused', async () => {
    const { c, m } = await delegatedWithOrg();
    for (const templateId of ['mediation-delegation-letter', 'mediation-notice']) {
      const { document } = await h.call(
        'documents.generate',
        { caseId: c.id, templateId, format: 'pdf', subjectKind: 'mediation', subjectId: m.id },
        clerk,
      );
      expect(document.templateId).toBe(templateId);
    }
    const e = await h.fail(
      'documents.generate',
      { caseId: c.id, templateId: 'mediation-agreement', format: 'pdf', subjectKind: 'mediation', subjectId: m.id },
      clerk,
    );
    expect(e.message).toContain('尚未达成调解协议');
  });

  it.skipIf(!PDFTOTEXT)('调解终结告知书 names the reason, the new 民初 case and the undisputed facts', async () => {
    const { c, m } = await delegatedWithOrg();
    const f = await h.call(
      'mediation.recordFailure',
      {
        mediationId: m.id,
        reason: 'too-far-apart',
        on: '2026-12-02',
        undisputedFacts: '借款 5 万元已于 2026 年 3 月交付',
        fileNow: true,
      } as never,
      coord,
    );
    const { base64 } = await h.call(
      'documents.generate',
      { caseId: c.id, templateId: 'mediation-ended-notice', format: 'pdf', subjectKind: 'mediation', subjectId: m.id },
      clerk,
    );
    expectInOrder(pdfText(base64), [
      '调解终结告知书',
      '张三、长兴明珠物业服务有限公司：',
      f.failureReasonLabel!,
      f.convertedCase!.number,
      '借款5万元已于2026年3月交付',
    ]);
  });

  it('民事调解书: the draft for the generate page takes the mediation as its subject; only the clerk (and a judge not yet on the docket) is left to type', async () => {
    const { med } = await delegatedWithOrg();
    const c = await h.call('cases.file', civilFirstInstance({ receivedOn: '2026-12-02' }) as never, clerk);
    const m = await h.call(
      'mediation.open',
      {
        caseId: c.id,
        flow: 'entrusted',
        procedure: 'simplified',
        consents: c.parties.map((p: { party: { id: number } }) => ({ partyId: p.party.id, answer: 'agree', on: '2026-12-02' })),
      } as never,
      clerk,
    );
    await h.call('mediation.assign', { mediationId: m.id, mediatorId: med.id, how: 'joint' }, coord);
    await h.call('mediation.respond', { mediationId: m.id, accept: true, on: '2026-12-02' }, coord);
    const terms = ['被告于 2026 年 12 月 31 日前支付原告货款 10,000 元', '案件受理费减半收取，由被告负担'];
    await h.call(
      'mediation.recordAgreement',
      { mediationId: m.id, terms, signedOn: '2026-12-02', signatories: ['原告', '被告'], closing: 'mediation-document' },
      coord,
    );
    // without the subject the record cannot be found: refused naming the field, as the generate page used to meet it
    const e = await h.fail('documents.draftData', { caseId: c.id, templateId: 'mediation-paper' }, clerk);
    expect(e.field).toBe('subjectId');
    const d = await h.call(
      'documents.draftData',
      { caseId: c.id, templateId: 'mediation-paper', subjectKind: 'mediation', subjectId: m.id },
      clerk,
    );
    expect(d.missing).toContain('clerk');
    expect(d.missing).not.toContain('terms');
    expect(d.data.terms).toEqual(terms);
    // the form holds the template's fields only (the builder's shared extras are not among them)
    const { caseCode: _code, dispute: _dispute, mediator: _mediator, ...formData } = d.data;
    // the sample's clerk is refused; the typed one is taken
    const sample = await h.fail(
      'documents.generate',
      { caseId: c.id, templateId: 'mediation-paper', format: 'pdf', data: formData, subjectKind: 'mediation', subjectId: m.id },
      clerk,
    );
    expect(sample.message).toContain('书记员');
    const data = { ...formData, clerk: '李书记', judge: '王法官' };
    const g = await h.call(
      'documents.generate',
      {
        caseId: c.id,
        templateId: 'mediation-paper',
        format: 'pdf',
        data,
        edited: ['clerk', 'judge'],
        subjectKind: 'mediation',
        subjectId: m.id,
      },
      clerk,
    );
    expect(g.document).toMatchObject({ subjectKind: 'mediation', subjectId: m.id });
    if (PDFTOTEXT) expectInOrder(pdfText(Buffer.from(g.base64, 'base64')).replace(/—\d+—/g, ''), [terms[0]!, terms[1]!, '书记员李书记']);
  });
});
